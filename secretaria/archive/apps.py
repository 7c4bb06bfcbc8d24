from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ArchiveConfig(AppConfig):
    name = "secretaria.archive"
    label = "archive"
    verbose_name = _("Archive")

    def ready(self):
        from django.conf import settings

        from secretaria.archive.panels import drill_panel
        from secretaria.archive.registry import register
        from secretaria.core.dashboard import Panel, register_panel

        # Instance-local or rebuilt after import: never exported.
        for label in (
            "sessions.Session",
            "contenttypes.ContentType",  # referred to by natural key, created by migrate
            "auth.Permission",  # idem
            "admin.LogEntry",  # object ids as text of the old database
            "account.EmailConfirmation",  # short-lived
            "django_tasks_database.DBTaskResult",
            "search.SearchIndexEntry",  # rebuilt by `manage.py reindex` after import
            "search.SearchEngineChange",  # idem (the tantivy engine's pending changes)
            "archive.Instance",
            "archive.ImportedRecord",
            "archive.DrillRun",
        ):
            register(label, skip=True)
        register(settings.AUTH_USER_MODEL, match_on=["email"], natural_key=False)
        register("account.EmailAddress", match_on=["user", "email"])
        register("archive.Redirect", match_on=["old_path"])  # an older move's redirects, kept once
        # TOTP secrets and recovery codes travel only in the encrypted part.
        register("mfa.Authenticator", sensitive=["data"])
        register_panel(Panel("archive.drill", "archive/_panel.html", drill_panel, order=90))
