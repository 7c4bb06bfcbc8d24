from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class DecisionsConfig(AppConfig):
    name = "secretaria.decisions"
    label = "decisions"
    verbose_name = _("Decisions and follow-up")

    def ready(self):
        from secretaria.core.dashboard import Panel, register_panel
        from secretaria.decisions import mailing, panels, rules
        from secretaria.decisions.search import DecisionSearchSource
        from secretaria.search.registry import register_source

        rules.register()
        mailing.register()
        register_panel(Panel("decisions.follow_up", "decisions/panels/follow_up.html", panels.follow_up, order=40))
        register_source(DecisionSearchSource())
        self._tell_the_archive()

    def _tell_the_archive(self):
        """A follow-up letter lists the commitments it was written for by their keys, inside JSON."""
        from secretaria.archive.registry import register as register_archive

        register_archive("decisions.FollowUpLetter", json_refs={"items": {"party_id": "decisions.CommitmentParty"}})
