import io

from django.core.management import call_command
from django.urls import reverse
from django.utils import translation

from secretaria.activity.models import Activity
from secretaria.meetings.models import (
    AgendaItem,
    AgendaVersion,
    ContractedService,
    Invitation,
    Letter,
    LetterRecipient,
    Meeting,
    MeetingLogistics,
    ParticipationEvent,
    Registration,
)

MODELS = (
    Meeting, AgendaVersion, AgendaItem, MeetingLogistics, Activity, ContractedService,
    Invitation, Registration, ParticipationEvent, Letter, LetterRecipient,
)  # fmt: skip


def counts():
    return [m.objects.count() for m in MODELS]


def test_the_demo_loads_the_2004_meetings_and_is_idempotent(db, client, settings):
    settings.DEV_MODE = True  # with the demo accounts ("st", "ppt") as the actors
    call_command("load_demo", stdout=io.StringIO())
    first = counts()
    call_command("load_demo", stdout=io.StringIO())
    assert counts() == first

    seminar = Meeting.objects.get(slug="seminario-migracion-y-salud-2004")
    assert sorted(c.iso2 for c in seminar.sponsor_countries.all()) == ["CA", "MX"]
    assert str(seminar.start_date) == "2004-10-18" and seminar.presidency.country.iso2 == "PA"
    version = seminar.agenda_versions.get()
    assert version.state == "approved" and version.decided_by.username == "ppt"
    assert version.comments_opened_at is not None
    moderated = version.items.filter(moderators__family_name="Monzón").count()
    assert moderated >= 4
    page = client.get(seminar.get_absolute_url()).content.decode()
    assert "Migración y VIH/SIDA" in page

    grcm = Meeting.objects.get(slug="grcm-panama-2004-12")
    assert [(v.kind, v.state) for v in grcm.agenda_versions.order_by("kind")] == [
        ("annotated", "approved"),
        ("preliminary", "approved"),
    ]
    assert Meeting.objects.get(slug="ix-crm-2004").status == "report_published"
    # The decisions' demo finds the IX CRM by this slug rather than creating a second one.
    assert Meeting.objects.filter(start_date="2004-05-20").count() == 1
    kinds = set(Activity.objects.filter(meeting=seminar).values_list("kind", flat=True))
    assert {"meeting_created", "agenda_sent_for_comment", "agenda_approved", "logistics_published"} <= kinds


def test_load_demo_fills_the_seminars_invitations_registrations_and_thank_you_letters(db, client, settings):
    settings.DEV_MODE = True
    call_command("load_demo", stdout=io.StringIO())
    call_command("load_demo", stdout=io.StringIO())
    seminar = Meeting.objects.get(slug="seminario-migracion-y-salud-2004")
    invitations = Invitation.objects.filter(meeting=seminar)
    assert invitations.filter(country__iso2="PA").count() == 1  # once, after two loads
    assert invitations.filter(status=Invitation.Status.DECLINED, country__iso2="BZ").exists()
    assert Registration.objects.filter(meeting=seminar, person__family_name="Ríos").count() == 1
    thanks = Letter.objects.get(meeting=seminar, template__slug="agradecimiento-ponentes")
    assert thanks.recipients.count() >= 1


def test_without_demo_accounts_the_meetings_still_load(db, settings):
    settings.DEV_MODE = False
    call_command("load_demo", stdout=io.StringIO())
    version = AgendaVersion.objects.get(meeting__slug="seminario-migracion-y-salud-2004")
    assert version.state == "approved" and version.decided_by is None


def test_the_demo_records_what_imports_leave_and_carries_2004_dates(db, client, settings):
    settings.DEV_MODE = True
    call_command("load_demo", stdout=io.StringIO())
    ix = AgendaVersion.objects.get(meeting__slug="ix-crm-2004")
    assert (ix.created_by, ix.submitted_by, ix.decided_by) == (None, None, None)  # imported, no actor recorded
    settings.DEBUG = False
    client.raise_request_exception = False
    urls = []
    for language in ("es", "en"):
        with translation.override(language):
            urls.append(reverse("meetings:agenda_version", args=[ix.meeting.slug, ix.pk]))
    for url in urls:
        assert client.get(url).status_code == 200, url
    assert "Aprobada y publicada" in client.get(urls[0]).content.decode()
    logistics = MeetingLogistics.objects.get(meeting__slug="seminario-migracion-y-salud-2004")
    assert logistics.published_at.year == 2004 and logistics.updated_at.year == 2004
