"""Pages of the directory: countries, observers, the presidency, the Secretariat, posts, groups.

The portal pages never show a person's e-mail or phone; group member lists and contacts
appear only to those the access policy allows.
"""

from django.contrib.auth.views import redirect_to_login
from django.http import Http404
from django.shortcuts import render

from secretaria.core import access
from secretaria.directory import selectors
from secretaria.directory.models import Country, Organization


def country_list(request):
    return render(
        request,
        "directory/country_list.html",
        {
            "countries": selectors.member_countries_with_agencies(),
            "presidency": selectors.presidency_on(selectors.today()),
        },
    )


def country_detail(request, iso2: str):
    country = selectors.country_for_page(iso2)
    if country is None:
        raise Http404
    presidency = selectors.presidency_on(selectors.today())
    return render(
        request,
        "directory/country_detail.html",
        {
            "country": country,
            "holds_presidency": presidency is not None and presidency.country_id == country.pk,
            # Focal points are a members' tool: who receives the letters, and how to reach them.
            "show_focal_points": access.can(request.user, "directory.view_contacts"),
        },
    )


def organization_list(request):
    kinds = Organization.Kind
    return render(
        request,
        "directory/organization_list.html",
        {
            "observer_countries": selectors.countries_with_status(Country.Status.OBSERVER),
            "observers": selectors.organizations_of_kind(kinds.OBSERVER),
            "partners": selectors.organizations_of_kind(kinds.INTERNATIONAL),
            "civil_society": selectors.organizations_of_kind(kinds.CIVIL_SOCIETY),
        },
    )


def presidency(request):
    return render(
        request,
        "directory/presidency.html",
        {
            "current": selectors.presidency_on(selectors.today()),
            "history": selectors.presidency_history(),
        },
    )


def secretariat(request):
    organization = selectors.secretariat_organization()
    if organization is None:
        raise Http404
    return render(
        request,
        "directory/secretariat.html",
        {
            "organization": organization,
            "posts": selectors.public_posts_with_holders(organization=organization),
            "host_posts": selectors.public_posts_with_holders().filter(
                organization__kind=Organization.Kind.INTERNATIONAL
            ),
        },
    )


def post_detail(request, slug: str):
    post = selectors.post_for_page(slug)
    if post is None or not access.can(request.user, "directory.view_post", post):
        raise Http404
    return render(
        request,
        "directory/post_detail.html",
        {
            "post": post,
            "history": selectors.post_history(post),
            "holder": selectors.post_holder_on(post, selectors.today()),
        },
    )


def group_list(request):
    return render(request, "directory/group_list.html", {"groups": selectors.groups_visible_to(request.user)})


def group_detail(request, slug: str):
    group = selectors.group_for_page(slug)
    if group is None or not group.is_active:
        raise Http404
    if not access.can_view(request.user, group.access_level, group.pk):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise Http404
    show_members = access.can(request.user, "directory.view_group_members", group)
    return render(
        request,
        "directory/group_detail.html",
        {
            "group": group,
            "show_members": show_members,
            "members": selectors.group_members(group) if show_members else [],
            "show_contacts": show_members and access.can(request.user, "directory.view_contacts"),
        },
    )
