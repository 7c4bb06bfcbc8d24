"""Pages of the directory: countries, observers, the presidency, the Secretariat, posts, groups.

The portal pages never show a person's e-mail or phone; group member lists and contacts
appear only to those the access policy allows.
"""

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from secretaria.core import access
from secretaria.core.views import members_only
from secretaria.directory import selectors, services, vcard
from secretaria.directory.forms import OwnContactForm, PersonForm, PostForm, TermForm
from secretaria.directory.models import Country, Organization, Person, Post, Term


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
            "can_manage": access.can(request.user, "directory.manage"),
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


# --- The members' who's who -------------------------------------------------------------


def _people_filters(request) -> selectors.PeopleFilters:
    organization = request.GET.get("organization") or ""
    return selectors.PeopleFilters(
        country=(request.GET.get("country") or "")[:2] or None,
        organization=int(organization) if organization.isdigit() and len(organization) < 12 else None,
        group=(request.GET.get("group") or "")[:100] or None,
        q=(request.GET.get("q") or "").strip()[:100] or None,
    )


@members_only
def people(request):
    filters = _people_filters(request)
    rows = [(p, selectors.visible_contact(request.user, p)) for p in selectors.people_directory(request.user, filters)]
    return render(request, "directory/people.html", {
        "rows": rows, "filters": filters, "query": request.GET.urlencode(),
        "countries": Country.objects.order_by("name_es"), "organizations": Organization.objects.order_by("name_es"),
        "groups": selectors.groups_visible_to(request.user),
        "can_manage": access.can(request.user, "directory.manage"),
        "pending": selectors.pending_contact_updates().count() if access.can(request.user, "directory.manage") else 0,
    })  # fmt: skip


@members_only
def people_export(request):
    rows = [(p, selectors.visible_contact(request.user, p))
            for p in selectors.people_directory(request.user, _people_filters(request))]  # fmt: skip
    response = HttpResponse(vcard.people_csv(rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="directory.csv"'
    return response


def _person_or_404(request, pk):
    found = selectors.people_directory(request.user)
    person = next((p for p in found if p.pk == pk), None)
    if person is None:
        raise Http404
    return person


@members_only
def person_detail(request, pk: int):
    person = _person_or_404(request, pk)
    return render(request, "directory/person_detail.html", {
        "person": person, "contact": selectors.visible_contact(request.user, person),
        "history": selectors.term_history_of(person), "is_me": request.user.person_id == person.pk,
        "can_manage": access.can(request.user, "directory.manage"),
    })  # fmt: skip


@members_only
def person_vcard(request, pk: int):
    person = _person_or_404(request, pk)
    response = HttpResponse(vcard.vcard(person, selectors.visible_contact(request.user, person)),
                            content_type="text/vcard; charset=utf-8")  # fmt: skip
    response["Content-Disposition"] = f'attachment; filename="person-{person.pk}.vcf"'
    return response


@members_only
def my_contact(request):
    person = request.user.person
    if person is None:
        raise Http404
    initial = {"email": person.email, "phone": person.phone, "languages": ", ".join(person.languages or []),
               "email_visibility": person.email_visibility, "phone_visibility": person.phone_visibility,
               "preferred_language": request.user.preferred_language or "es"}  # fmt: skip
    form = OwnContactForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.person_update_own(person=person, by=request.user,
                                       preferred_language=data.pop("preferred_language"), **data)  # fmt: skip
        except ValidationError as exc:
            form.add_error(None, " ".join(exc.messages))
        else:
            messages.success(request, _("Your contact details were saved. The Secretariat has been told."))
            return redirect("directory:person", pk=person.pk)
    return render(request, "directory/my_contact.html", {"form": form, "person": person},
                  status=400 if form.errors else 200)  # fmt: skip


def _require_manager(request):
    if not access.can(request.user, "directory.manage"):
        raise PermissionDenied


@members_only
def person_edit(request, pk: int | None = None):
    _require_manager(request)
    person = Person.objects.filter(pk=pk).first() if pk else None
    if pk and person is None:
        raise Http404
    form = PersonForm(request.POST or None, instance=person)
    term_form = TermForm(request.POST or None, prefix="term") if person else None
    if request.method == "POST" and form.is_valid():
        try:
            person = services.person_save(by=request.user, person=person, **form.service_fields())
        except ValidationError as exc:
            form.add_error(None, " ".join(exc.messages))
        else:
            messages.success(request, _("The person was saved."))
            return redirect("directory:person", pk=person.pk)
    return render(request, "directory/person_form.html", {"form": form, "person": person, "term_form": term_form},
                  status=400 if form.errors else 200)  # fmt: skip


@members_only
def post_edit(request, slug: str | None = None):
    """The Secretariat creates or edits a post (title, organisation, country, group, visibility)."""
    _require_manager(request)
    post = Post.objects.filter(slug=slug).first() if slug else None
    if slug and post is None:
        raise Http404
    form = PostForm(request.POST or None, instance=post)
    if request.method == "POST" and form.is_valid():
        try:
            post = services.post_save(by=request.user, post=post, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, " ".join(exc.messages))
        else:
            messages.success(request, _("The post was saved."))
            return redirect("directory:post", slug=post.slug)
    return render(request, "directory/post_form.html", {"form": form, "post": post},
                  status=400 if form.errors else 200)  # fmt: skip


@members_only
@require_POST
def person_term(request, pk: int):
    """The Secretariat appoints a person to a post, or ends one of their terms."""
    _require_manager(request)
    person = Person.objects.filter(pk=pk).first()
    if person is None:
        raise Http404
    try:
        if request.POST.get("end_term"):
            term = Term.objects.filter(pk=request.POST.get("end_term"), person=person).first()
            end = TermForm.base_fields["end"].clean(request.POST.get("end"))
            if term is None or end is None:
                raise ValidationError(_("Choose the term and the last day in office."))
            services.term_end(term=term, end=end, by=request.user)
        else:
            form = TermForm(request.POST, prefix="term")
            if not form.is_valid():
                raise ValidationError([e for errors in form.errors.values() for e in errors])
            services.term_start(person=person, by=request.user, **form.cleaned_data)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("The posts were updated."))
    return redirect("directory:person", pk=pk)


@members_only
def contact_updates(request):
    _require_manager(request)
    if request.method == "POST":
        update = selectors.pending_contact_updates().filter(pk=request.POST.get("update")).first()
        if update is not None:
            services.contact_update_review(update=update, by=request.user)
        return redirect("directory:contact_updates")
    return render(request, "directory/contact_updates.html", {"updates": selectors.pending_contact_updates()})
