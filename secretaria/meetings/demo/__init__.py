"""Demo data of the meetings app (called by ``manage.py load_demo``), one module per topic.

``meeting`` makes the meetings of the seed report with their agendas and documents;
``contracts`` their contracted services; ``registration`` the seminar's invitations,
registrations and thank-you letters.
"""

from secretaria.meetings.demo import contracts, meeting, registration
from secretaria.meetings.models import AgendaVersion, Meeting


def load(*, stdout, style):
    meeting.load(stdout=stdout, style=style)
    contracts.load(stdout=stdout, style=style)
    registration.load(stdout=stdout, style=style)
    stdout.write(
        style.SUCCESS(
            f"Meetings: {Meeting.objects.count()} meetings, {AgendaVersion.objects.count()} agenda versions "
            f"(IX CRM, Migration and Health seminar, Palermo workshop, December 2004 networks and GRCM)."
        )
    )
