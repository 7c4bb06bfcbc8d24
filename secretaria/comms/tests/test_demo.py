from django.core.management import call_command

from secretaria.comms.models import Bulletin, MailingList, Subscription


def test_the_demo_lists_load_twice_without_change(db, settings):
    settings.DEV_MODE = True  # the demo accounts, whom the lists subscribe, exist only in development
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    lists = MailingList.objects.count()
    subs = Subscription.objects.count()
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert MailingList.objects.count() == lists == 5
    meetings = MailingList.objects.get(slug="reuniones")
    assert set(meetings.rules.values_list("event_kind", flat=True)) == {"meeting.announced", "agenda.approved"}
    assert Subscription.objects.count() == subs > 0
    bulletin = Bulletin.objects.get()
    assert bulletin.status == "sent" and "Convención de Palermo" in bulletin.body_es
    # Sent at the close of May–November 2004, not on the day of the load.
    assert bulletin.sent_at.date().isoformat() == "2004-12-01" and bulletin.created_at.year == 2004
