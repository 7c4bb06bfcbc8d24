from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MeetingsConfig(AppConfig):
    name = "secretaria.meetings"
    label = "meetings"
    verbose_name = _("Meetings")

    def ready(self):
        from secretaria.archive.registry import register as register_archive
        from secretaria.core.dashboard import Panel, register_home_panel, register_panel
        from secretaria.meetings import mailing, page_cache, panels, rules, search, sections

        rules.register()
        sections.register()
        page_cache.register()
        mailing.register()
        register_home_panel(Panel("meetings.home", "meetings/panels/home.html", panels.home_meetings, order=10))
        search.register()
        register_archive("outbox.Event", json_refs={"payload": {  # an event not yet delivered at export
            "meeting_id": "meetings.Meeting", "agenda_version_id": "meetings.AgendaVersion",
        }})  # fmt: skip
        register_panel(Panel("meetings.awaiting_approval", "meetings/panels/awaiting_approval.html",
                             panels.awaiting_approval, order=5))  # fmt: skip
        register_panel(Panel("meetings.my_participation", "meetings/panels/my_participation.html",
                             panels.my_participation, order=3))  # fmt: skip
        register_panel(Panel("meetings.upcoming", "meetings/panels/upcoming.html", panels.upcoming_meetings,
                             order=25))  # fmt: skip
        register_panel(Panel("meetings.secretariat", "meetings/panels/secretariat.html", panels.secretariat_meetings,
                             order=15))  # fmt: skip
