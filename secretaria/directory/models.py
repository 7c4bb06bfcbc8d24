"""Who is who in the process: countries, organisations, people, posts and who held them."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from secretaria.core.access import AccessLevel
from secretaria.core.i18n import translated


class Country(models.Model):
    class Status(models.TextChoices):
        MEMBER = "member", _("Member state")
        OBSERVER = "observer", _("Observer country")
        OTHER = "other", _("Other")

    iso2 = models.CharField(_("ISO 3166 alpha-2 code"), max_length=2, unique=True)
    iso3 = models.CharField(_("ISO 3166 alpha-3 code"), max_length=3, unique=True)
    name_es = models.CharField(_("name (Spanish)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100)
    status = models.CharField(
        _("status in the Conference"), max_length=16, choices=Status.choices, default=Status.OTHER
    )
    member_since = models.DateField(_("member since"), null=True, blank=True)

    name = translated("name")

    class Meta:
        ordering = ["name_es"]
        verbose_name = _("country")
        verbose_name_plural = _("countries")
        constraints = [
            models.CheckConstraint(condition=Q(iso2__regex=r"^[A-Z]{2}$"), name="country_iso2_upper"),
            models.CheckConstraint(condition=Q(iso3__regex=r"^[A-Z]{3}$"), name="country_iso3_upper"),
        ]

    def __str__(self):
        return self.name

    @property
    def is_member(self) -> bool:
        return self.status == self.Status.MEMBER


class Organization(models.Model):
    class Kind(models.TextChoices):
        GOVERNMENT = "government", _("Member-state government agency")
        INTERNATIONAL = "international", _("International organisation")
        OBSERVER = "observer", _("Observer organisation")
        CIVIL_SOCIETY = "civil_society", _("Civil-society network or organisation")
        SECRETARIAT = "secretariat", _("Technical Secretariat")
        SUPPLIER = "supplier", _("Supplier")
        OTHER = "other", _("Other")

    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    name_es = models.CharField(_("name (Spanish)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)
    acronym_es = models.CharField(_("acronym (Spanish)"), max_length=30, blank=True)
    acronym_en = models.CharField(_("acronym (English)"), max_length=30, blank=True)
    country = models.ForeignKey(
        Country,
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="organizations",
    )
    website = models.URLField(_("website"), blank=True)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    address = models.TextField(_("address"), blank=True)

    name = translated("name")
    acronym = translated("acronym")

    class Meta:
        ordering = ["name_es"]
        verbose_name = _("organisation")
        verbose_name_plural = _("organisations")

    def __str__(self):
        return f"{self.name} ({self.acronym})" if self.acronym else self.name


class ContactVisibility(models.TextChoices):
    """Who may read one of a person's contact fields in the members' who's who."""

    MEMBERS = "members", _("Member officials and the Secretariat")
    SECRETARIAT = "secretariat", _("The Secretariat only")


class Person(models.Model):
    class Gender(models.TextChoices):
        FEMALE = "female", _("Female")
        MALE = "male", _("Male")

    honorific = models.CharField(_("honorific"), max_length=20, blank=True, help_text=_("e.g. Sr., Sra., Dr."))
    gender = models.CharField(
        _("gender"),
        max_length=8,
        choices=Gender.choices,
        blank=True,
        help_text=_("Used for the salutation of letters; left empty, letters use a gender-neutral one."),
    )
    given_name = models.CharField(_("given name"), max_length=100)
    family_name = models.CharField(_("family name"), max_length=100)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=50, blank=True)
    languages = models.JSONField(_("languages spoken"), default=list, blank=True, help_text=_("ISO 639-1 codes"))
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="people",
    )
    country = models.ForeignKey(
        Country, verbose_name=_("country"), null=True, blank=True, on_delete=models.SET_NULL, related_name="people"
    )
    is_public = models.BooleanField(
        _("shown on the public portal"), default=False, help_text=_("Name and posts only; contact details never.")
    )
    email_visibility = models.CharField(
        _("who sees the e-mail"), max_length=12, choices=ContactVisibility.choices, default=ContactVisibility.MEMBERS
    )
    phone_visibility = models.CharField(
        _("who sees the phone"), max_length=12, choices=ContactVisibility.choices, default=ContactVisibility.MEMBERS
    )

    class Meta:
        ordering = ["family_name", "given_name"]
        verbose_name = _("person")
        verbose_name_plural = _("people")

    def __str__(self):
        return self.full_name

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.family_name}".strip()


class Group(models.Model):
    class Kind(models.TextChoices):
        GRCM = "grcm", _("Regional Consultation Group on Migration")
        NETWORK = "network", _("Liaison-officer network")
        WORKING_GROUP = "working_group", _("Working group")
        OTHER = "other", _("Other group")

    slug = models.SlugField(_("short name"), unique=True)
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    name_es = models.CharField(_("name (Spanish)"), max_length=255)
    name_en = models.CharField(_("name (English)"), max_length=255, blank=True)
    acronym_es = models.CharField(_("acronym (Spanish)"), max_length=30, blank=True)
    acronym_en = models.CharField(_("acronym (English)"), max_length=30, blank=True)
    description_es = models.TextField(_("description (Spanish)"), blank=True)
    description_en = models.TextField(_("description (English)"), blank=True)
    access_level = models.CharField(
        _("who may see its work"), max_length=16, choices=AccessLevel.choices, default=AccessLevel.MEMBERS
    )
    is_active = models.BooleanField(_("active"), default=True)

    name = translated("name")
    acronym = translated("acronym")
    description = translated("description")

    class Meta:
        ordering = ["kind", "name_es"]
        verbose_name = _("group")
        verbose_name_plural = _("groups")

    def __str__(self):
        return self.name


class Membership(models.Model):
    class Role(models.TextChoices):
        CHAIR = "chair", _("Chair")
        MEMBER = "member", _("Member")
        LIAISON = "liaison", _("Liaison officer")
        OBSERVER = "observer", _("Observer")
        SECRETARY = "secretary", _("Secretary")

    group = models.ForeignKey(Group, verbose_name=_("group"), on_delete=models.CASCADE, related_name="memberships")
    person = models.ForeignKey(Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="memberships")
    country = models.ForeignKey(
        Country,
        verbose_name=_("representing"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
    )
    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.MEMBER)
    start = models.DateField(_("from"), null=True, blank=True)
    end = models.DateField(_("until"), null=True, blank=True)

    class Meta:
        ordering = ["group", "person"]
        verbose_name = _("group membership")
        verbose_name_plural = _("group memberships")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(start__isnull=True) | Q(end__gte=models.F("start")),
                name="membership_end_after_start",
            )
        ]

    def __str__(self):
        return f"{self.person} — {self.group}"


class Post(models.Model):
    """A position that people hold in turn, e.g. the Secretariat's coordinator."""

    slug = models.SlugField(_("short name"), unique=True)
    title_es = models.CharField(_("title (Spanish)"), max_length=255)
    title_en = models.CharField(_("title (English)"), max_length=255, blank=True)
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="posts",
    )
    country = models.ForeignKey(
        Country, verbose_name=_("country"), null=True, blank=True, on_delete=models.PROTECT, related_name="posts"
    )
    group = models.ForeignKey(
        Group, verbose_name=_("group"), null=True, blank=True, on_delete=models.PROTECT, related_name="posts"
    )
    is_public = models.BooleanField(_("shown on the public portal"), default=False)
    is_focal_point = models.BooleanField(
        _("focal point"),
        default=False,
        help_text=_("Receives invitations and letters addressed to the country or organisation."),
    )

    title = translated("title")

    class Meta:
        ordering = ["title_es"]
        verbose_name = _("post")
        verbose_name_plural = _("posts")

    def __str__(self):
        return self.title


class Term(models.Model):
    """Who held a post, from when until when. History is kept: terms are ended, never deleted."""

    post = models.ForeignKey(Post, verbose_name=_("post"), on_delete=models.CASCADE, related_name="terms")
    person = models.ForeignKey(Person, verbose_name=_("person"), on_delete=models.PROTECT, related_name="terms")
    start = models.DateField(_("from"))
    end = models.DateField(_("until"), null=True, blank=True, help_text=_("Empty while the term runs."))
    note = models.CharField(_("note"), max_length=255, blank=True)

    class Meta:
        ordering = ["post", "-start"]
        verbose_name = _("term")
        verbose_name_plural = _("terms")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")), name="term_end_after_start"
            )
        ]

    def __str__(self):
        return f"{self.person} — {self.post} ({self.start}–{self.end or '…'})"

    def clean(self):
        if self.end and self.start and self.end < self.start:
            raise ValidationError({"end": _("A term cannot end before it starts.")})


class PresidencyTerm(models.Model):
    """The Pro-Tempore Presidency: one member country at a time."""

    country = models.ForeignKey(
        Country, verbose_name=_("country"), on_delete=models.PROTECT, related_name="presidency_terms"
    )
    start = models.DateField(_("from"))
    end = models.DateField(_("until"), null=True, blank=True, help_text=_("Empty while the term runs."))
    note = models.CharField(_("note"), max_length=255, blank=True)

    class Meta:
        ordering = ["-start"]
        verbose_name = _("Pro-Tempore Presidency term")
        verbose_name_plural = _("Pro-Tempore Presidency terms")
        constraints = [
            models.CheckConstraint(
                condition=Q(end__isnull=True) | Q(end__gte=models.F("start")), name="presidency_end_after_start"
            )
        ]

    def __str__(self):
        return f"{self.country} ({self.start}–{self.end or '…'})"

    def clean(self):
        if self.end and self.start and self.end < self.start:
            raise ValidationError({"end": _("A term cannot end before it starts.")})
        if self.country_id and not self.country.is_member:
            raise ValidationError({"country": _("Only a member state can hold the Pro-Tempore Presidency.")})


class ContactUpdate(models.Model):
    """A person's own change to their contact details, for the Secretariat to review."""

    person = models.ForeignKey(
        Person, verbose_name=_("person"), on_delete=models.CASCADE, related_name="contact_updates"
    )
    changes = models.JSONField(_("changes"), default=dict, help_text=_("{field: [before, after]}"))
    made_at = models.DateTimeField(_("made"), auto_now_add=True)
    made_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("made by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip
    reviewed_at = models.DateTimeField(_("reviewed"), null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("reviewed by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )  # fmt: skip

    class Meta:
        ordering = ["-made_at", "pk"]
        verbose_name = _("contact update")
        verbose_name_plural = _("contact updates")

    def __str__(self):
        return f"{self.person} ({self.made_at:%Y-%m-%d})"
