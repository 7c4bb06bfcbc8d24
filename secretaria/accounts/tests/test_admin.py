"""The user admin: roles are changed through the service, so they are validated and audited."""

from django.urls import reverse

from secretaria.accounts.models import ApiToken, User
from secretaria.accounts.services import api_token_create
from secretaria.core.access import Role
from secretaria.core.models import AuditEvent


def _form(user, **changes):
    data = {
        "username": user.username,
        "first_name": user.first_name,
        "last_name": user.last_name,
        "email": user.email,
        "preferred_language": user.preferred_language,
        "role": user.role,
        "person": user.person_id or "",
        "country": user.country_id or "",
        "organization": user.organization_id or "",
        "is_active": "on",
    }
    data.update(changes)
    return data


def test_an_administrator_changes_a_role_and_it_is_audited(client_for, admin_user, gt_official, crm):
    url = reverse("admin:accounts_user_change", args=[gt_official.pk])
    page = client_for(admin_user).get(url)
    assert page.status_code == 200
    for label in ["role", "person", "country", "organization", "preferred_language"]:
        assert f'name="{label}"' in page.content.decode()
    response = client_for(admin_user).post(url, _form(gt_official, role=Role.PPT))
    assert response.status_code == 302, response.content.decode()[:2000]
    assert User.objects.get(pk=gt_official.pk).role == Role.PPT
    event = AuditEvent.objects.get(kind=AuditEvent.Kind.ROLE_CHANGED)
    assert (event.actor, event.details["old"], event.details["new"]) == (admin_user, "member", "ppt")


def test_the_admin_refuses_a_member_official_without_a_country(client_for, admin_user, gt_official):
    url = reverse("admin:accounts_user_change", args=[gt_official.pk])
    response = client_for(admin_user).post(url, _form(gt_official, country=""), HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    assert "must be tied to a country" in response.content.decode()
    assert not AuditEvent.objects.filter(kind=AuditEvent.Kind.ROLE_CHANGED).exists()


def test_making_someone_an_administrator_gives_them_the_admin_site(client_for, admin_user, gt_official, crm):
    url = reverse("admin:accounts_user_change", args=[gt_official.pk])
    client_for(admin_user).post(url, _form(gt_official, role=Role.ADMIN, country=""))
    promoted = User.objects.get(pk=gt_official.pk)
    assert promoted.is_staff and promoted.is_superuser


def test_administrators_revoke_tokens_from_the_admin(client_for, admin_user, gt_official):
    token, _key = api_token_create(user=gt_official)
    response = client_for(admin_user).post(
        reverse("admin:accounts_apitoken_changelist"), {"action": "revoke", "_selected_action": [token.pk]}
    )
    assert response.status_code == 302
    assert ApiToken.objects.get(pk=token.pk).revoked_at is not None


def test_createsuperuser_makes_an_administrator(db):
    user = User.objects.create_superuser("root", "root@example.org", "a-long-password-1")
    assert user.role == Role.ADMIN


def test_an_administrator_adds_an_account_with_its_role(client_for, admin_user, crm):
    client = client_for(admin_user)
    assert client.get(reverse("admin:accounts_user_add")).status_code == 200
    response = client.post(
        reverse("admin:accounts_user_add"),
        {
            "username": "lmonzon",
            "email": "lmonzon@example.org",
            "usable_password": "true",
            "password1": "coordinacion-st-2004",
            "password2": "coordinacion-st-2004",
            "role": Role.SECRETARIAT,
            "country": crm["countries"]["CR"].pk,
            "organization": crm["orgs"]["st"].pk,
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    user = User.objects.get(username="lmonzon")
    assert (user.role, user.is_staff) == (Role.SECRETARIAT, False)
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.USER_CREATED, target="lmonzon", actor=admin_user).exists()


def test_the_user_list_makes_a_constant_number_of_queries(client_for, admin_user, crm, count_queries):
    from secretaria.conftest import _persona

    client = client_for(admin_user)
    pages = []

    def listing():
        response = client.get(reverse("admin:accounts_user_changelist"))
        assert response.status_code == 200
        pages.append(response.content.decode())

    _persona(crm, "gt_official", Role.MEMBER, country="GT")
    listing()
    few = count_queries(listing)
    more = [
        ("hn_official", Role.MEMBER, "HN", None),
        ("observer", Role.OBSERVER, None, "unhcr"),
        ("civil", Role.REGISTERED, None, "rrcom"),
        ("ppt", Role.PPT, "PA", None),
    ]
    for username, role, country, org in more:
        _persona(crm, username, role, country=country, org=org)
    assert count_queries(listing) == few
    assert "gt_official" in pages[-1] and "observer" in pages[-1]
