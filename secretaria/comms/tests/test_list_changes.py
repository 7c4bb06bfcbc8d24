"""What changes to a list do to its archive, its search hits and who may join it."""

import datetime

import pytest
from django.urls import reverse

from secretaria.comms import services
from secretaria.comms.models import Subscription
from secretaria.core.access import AccessLevel
from secretaria.core.models import AuditEvent
from secretaria.search.selectors import search


@pytest.fixture
def announced(st_officer, db):
    lst = services.mailing_list_create(
        slug="avisos", name_es="Avisos", name_en="Notices", access_level=AccessLevel.PUBLIC, kind="announcement"
    )
    message = services.announcement_publish(
        mailing_list=lst, by=st_officer, subject_es="Convocatoria del taller de Palermo",
        subject_en="Palermo workshop convened", body_es="Taller en diciembre.", body_en="Workshop in December.",
    )  # fmt: skip
    return lst, message


def _hits(user):
    return [hit.kind for hit in search(user=user, q="Convocatoria").hits]


def test_raising_a_lists_level_takes_its_archive_out_of_the_publics_search(
    announced, client_for, st_officer, gt_official
):
    lst, _message = announced
    assert "list_message" in _hits(None)
    client = client_for(st_officer)
    form = client.get(reverse("comms:list_edit", args=[lst.pk])).context["form"]
    data = {k: v for k, v in form.initial.items() if v is not None and k != "id"}
    data.update(access_level=AccessLevel.MEMBERS, is_active="on", auto_roles=[])
    data = {k: ("on" if v is True else v) for k, v in data.items() if v is not False}
    response = client.post(reverse("comms:list_edit", args=[lst.pk]), data)
    assert response.status_code == 302, response.content.decode()[:1500]
    assert "list_message" not in _hits(None)
    assert "list_message" in _hits(gt_official)
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.ACCESS_CHANGED).exists()


def test_a_deactivated_lists_messages_are_neither_found_nor_readable(announced, st_officer, anonymous):
    lst, message = announced
    url = reverse("comms:archive_message", args=[lst.slug, message.pk])
    assert anonymous.get(url).status_code == 200
    services.mailing_list_update(by=st_officer, mailing_list=lst, is_active=False)
    gone = anonymous.get(url)
    assert gone.status_code == 302 and "/accounts/login/" in gone["Location"]  # as for a missing message
    assert "list_message" not in _hits(None)


def test_members_cannot_join_a_list_the_secretariat_fills_itself(announced, st_officer, client_for, civil_society):
    lst, _message = announced
    services.mailing_list_update(by=st_officer, mailing_list=lst, allow_self_subscribe=False)
    response = client_for(civil_society).post(
        reverse("comms:subscribe", args=[lst.slug]), {"language": "es", "rhythm": "each"}
    )
    assert response.status_code == 403
    assert not Subscription.objects.filter(mailing_list=lst, user=civil_society).exists()


def test_anonymous_visitors_cannot_tell_a_members_only_message_or_bulletin_from_a_missing_one(
    st_officer, anonymous, client_for, observer, db
):
    from django.conf import settings

    from secretaria.comms import bulletins
    from secretaria.comms.models import Bulletin

    lst = services.mailing_list_create(
        slug="miembros", name_es="Miembros", name_en="Members", access_level=AccessLevel.MEMBERS, kind="announcement"
    )
    message = services.announcement_publish(
        mailing_list=lst, by=st_officer, subject_es="Reservado", subject_en="Restricted",
        body_es="Solo miembros.", body_en="Members only.",
    )  # fmt: skip
    day = datetime.date(2004, 11, 30)
    bulletin = bulletins.bulletin_draft(by=st_officer, period_start=day, period_end=day)
    Bulletin.objects.filter(pk=bulletin.pk).update(status=Bulletin.Status.SENT, access_level=AccessLevel.MEMBERS)
    pairs = [
        (reverse("comms:archive_message", args=[lst.slug, message.pk]), reverse("comms:archive_message", args=[lst.slug, 999999])),
        (reverse("comms:archive_message", args=[lst.slug, message.pk]), reverse("comms:archive_message", args=["no-existe", 1])),
        (reverse("comms:bulletin", args=[bulletin.pk]), reverse("comms:bulletin", args=[999999])),
    ]  # fmt: skip
    login = reverse(settings.LOGIN_URL)
    reader = client_for(observer)
    for restricted, missing in pairs:
        for url in (restricted, missing):
            response = anonymous.get(url)
            assert response.status_code == 302 and response["Location"] == f"{login}?next={url}", url
            assert reader.get(url).status_code == 404, url
