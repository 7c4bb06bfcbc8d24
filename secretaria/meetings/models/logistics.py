"""The practical information for participants ("información administrativa y logística")."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from secretaria.core.i18n import translated

SECTIONS = ("venue", "hotels", "transport", "visas", "contacts", "other")


class MeetingLogistics(models.Model):
    meeting = models.OneToOneField(
        "meetings.Meeting", verbose_name=_("meeting"), on_delete=models.CASCADE, related_name="logistics"
    )
    venue_es = models.TextField(_("venue (Spanish)"), blank=True, help_text=_("Markdown."))
    venue_en = models.TextField(_("venue (English)"), blank=True, help_text=_("Markdown."))
    hotels_es = models.TextField(_("hotels (Spanish)"), blank=True, help_text=_("Markdown."))
    hotels_en = models.TextField(_("hotels (English)"), blank=True, help_text=_("Markdown."))
    transport_es = models.TextField(_("transport (Spanish)"), blank=True, help_text=_("Markdown."))
    transport_en = models.TextField(_("transport (English)"), blank=True, help_text=_("Markdown."))
    visas_es = models.TextField(_("visas and entry (Spanish)"), blank=True, help_text=_("Markdown."))
    visas_en = models.TextField(_("visas and entry (English)"), blank=True, help_text=_("Markdown."))
    contacts_es = models.TextField(_("contacts (Spanish)"), blank=True, help_text=_("Markdown."))
    contacts_en = models.TextField(_("contacts (English)"), blank=True, help_text=_("Markdown."))
    other_es = models.TextField(_("other information (Spanish)"), blank=True, help_text=_("Markdown."))
    other_en = models.TextField(_("other information (English)"), blank=True, help_text=_("Markdown."))
    is_published = models.BooleanField(_("published"), default=False)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("updated by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip

    venue = translated("venue")
    hotels = translated("hotels")
    transport = translated("transport")
    visas = translated("visas")
    contacts = translated("contacts")
    other = translated("other")

    class Meta:
        verbose_name = _("logistics information")
        verbose_name_plural = _("logistics information")

    def __str__(self):
        return str(self.meeting)

    def sections(self) -> list[tuple[str, str]]:
        """(key, Markdown in the active language) of the sections that have content."""
        return [(key, getattr(self, key)) for key in SECTIONS if getattr(self, key)]
