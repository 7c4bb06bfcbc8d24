"""The append-only audit log, its helpers and its read-only admin page."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from secretaria.accounts.services import api_token_create, api_token_revoke, user_set_role
from secretaria.core.access import AccessLevel, Role
from secretaria.core.audit import audit_access_change, audit_export, audit_record
from secretaria.core.models import AuditEvent


@pytest.fixture
def event(db):
    return audit_record(kind=AuditEvent.Kind.EXPORT, target="participants list", count=3)


def test_an_event_cannot_be_changed(event):
    event.target = "something else"
    with pytest.raises(PermissionDenied):
        event.save()
    assert AuditEvent.objects.get(pk=event.pk).target == "participants list"


def test_an_event_cannot_be_deleted_one_by_one_or_in_bulk(event):
    with pytest.raises(PermissionDenied):
        event.delete()
    with pytest.raises(PermissionDenied):
        AuditEvent.objects.filter(pk=event.pk).delete()
    with pytest.raises(PermissionDenied):
        AuditEvent.objects.filter(pk=event.pk).update(target="x")
    assert AuditEvent.objects.filter(pk=event.pk).exists()


def test_a_role_change_is_audited_with_the_old_and_new_role(gt_official, admin_user, crm):
    user_set_role(user=gt_official, role=Role.PPT, country=crm["countries"]["GT"], by=admin_user)
    event = AuditEvent.objects.get(kind=AuditEvent.Kind.ROLE_CHANGED)
    assert (event.actor, event.target) == (admin_user, "gt_official")
    assert event.details["old"] == Role.MEMBER
    assert event.details["new"] == Role.PPT


def test_setting_the_same_role_again_records_nothing(gt_official, crm):
    user_set_role(user=gt_official, role=Role.MEMBER, country=crm["countries"]["GT"])
    assert not AuditEvent.objects.filter(kind=AuditEvent.Kind.ROLE_CHANGED).exists()


def test_access_level_changes_are_audited_through_the_helper(crm, st_officer):
    group = crm["groups"]["grcm"]
    event = audit_access_change(
        obj=group, old_level=AccessLevel.MEMBERS, new_level=AccessLevel.GROUP, new_group=group, by=st_officer
    )
    assert event.kind == AuditEvent.Kind.ACCESS_CHANGED
    assert event.target.startswith(f"directory.group:{group.pk}")
    assert event.details == {"old": "members", "new": "group", "old_group": "", "new_group": str(group.pk)}
    assert audit_access_change(obj=group, old_level="members", new_level="members", by=st_officer) is None


def test_tokens_and_exports_are_audited(gt_official):
    token, _key = api_token_create(user=gt_official, name="script")
    api_token_revoke(token=token, by=gt_official)
    audit_export(what="directory of liaison officers", by=gt_official, count=12, format="csv")
    kinds = list(AuditEvent.objects.order_by("id").values_list("kind", flat=True))
    assert kinds[-3:] == [AuditEvent.Kind.TOKEN_CREATED, AuditEvent.Kind.TOKEN_REVOKED, AuditEvent.Kind.EXPORT]
    assert AuditEvent.objects.get(kind=AuditEvent.Kind.EXPORT).details == {"count": "12", "format": "csv"}
    # The token itself is never written down, only its prefix.
    assert all(_key not in str(e.details) for e in AuditEvent.objects.all())


def test_administrators_read_the_audit_log_in_the_admin_site(client_for, admin_user, event):
    client = client_for(admin_user)
    changelist = client.get(reverse("admin:core_auditevent_changelist"))
    assert changelist.status_code == 200
    html = changelist.content.decode()
    assert "participants list" in html
    assert "?kind__exact=" in html  # the filter by action
    assert reverse("admin:core_auditevent_add") not in html
    detail = client.get(reverse("admin:core_auditevent_change", args=[event.pk]))
    assert detail.status_code == 200
    assert 'name="_save"' not in detail.content.decode()


def test_nobody_adds_changes_or_deletes_audit_events_in_the_admin_site(client_for, admin_user, event):
    client = client_for(admin_user)
    assert admin_user.is_superuser
    assert client.get(reverse("admin:core_auditevent_add")).status_code == 403
    assert client.get(reverse("admin:core_auditevent_delete", args=[event.pk])).status_code == 403
    client.post(reverse("admin:core_auditevent_change", args=[event.pk]), {"target": "edited"})
    assert AuditEvent.objects.get(pk=event.pk).target == "participants list"


def test_the_secretariat_does_not_see_the_audit_log(client_for, st_officer, event):
    response = client_for(st_officer).get(reverse("admin:core_auditevent_changelist"))
    assert response.status_code == 403  # in the admin site for the directory, not for the audit log


def test_behind_the_proxy_the_audit_log_records_the_clients_address_not_the_proxys(settings, rf):
    from secretaria.core.audit import client_ip

    request = rf.get("/", HTTP_X_FORWARDED_FOR="10.9.8.7, 203.0.113.5", REMOTE_ADDR="127.0.0.1")
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_ip(request) == "127.0.0.1"
    settings.TRUSTED_PROXY_COUNT = 1
    # The proxy appended 203.0.113.5; what the client wrote itself (10.9.8.7) is not believed.
    assert client_ip(request) == "203.0.113.5"
    assert client_ip(rf.get("/", HTTP_X_FORWARDED_FOR="not-an-address", REMOTE_ADDR="127.0.0.1")) == "127.0.0.1"
    assert client_ip(rf.get("/", REMOTE_ADDR="127.0.0.1")) == "127.0.0.1"  # straight to gunicorn
