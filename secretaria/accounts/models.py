import hashlib

from django.contrib.auth.models import AbstractUser, UserManager
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from secretaria.core.access import Role


class AccountManager(UserManager):
    def create_superuser(self, username, email=None, password=None, **extra_fields):
        # ``manage.py createsuperuser`` makes an administrator, not a registered user with
        # superpowers: the access policy reads the role, not is_superuser.
        extra_fields.setdefault("role", Role.ADMIN)
        return super().create_superuser(username, email, password, **extra_fields)


class User(AbstractUser):
    """An account. Who the person is lives in the directory (``person``)."""

    role = models.CharField(_("role"), max_length=16, choices=Role.choices, default=Role.REGISTERED)
    person = models.OneToOneField(
        "directory.Person",
        verbose_name=_("person in the directory"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="user",
    )
    country = models.ForeignKey(
        "directory.Country",
        verbose_name=_("country"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Required for member-country and Pro-Tempore Presidency officials."),
    )
    organization = models.ForeignKey(
        "directory.Organization",
        verbose_name=_("organisation"),
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Required for observer-organisation representatives."),
    )
    preferred_language = models.CharField(
        _("preferred language"), max_length=8, choices=[("es", _("Spanish")), ("en", _("English"))], default="es"
    )

    objects = AccountManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")

    def clean(self):
        super().clean()
        if self.role in (Role.MEMBER, Role.PPT) and not self.country_id:
            raise ValidationError({"country": _("A member-country or PPT official must be tied to a country.")})
        if self.role in (Role.MEMBER, Role.PPT) and self.country_id and not self.country.is_member:
            raise ValidationError({"country": _("This country is not a member state of the Conference.")})
        if self.role == Role.OBSERVER and not self.organization_id and not self.country_id:
            raise ValidationError(
                {"organization": _("An observer representative must be tied to an organisation or a country.")}
            )

    @property
    def display_name(self) -> str:
        if self.person_id:
            return self.person.full_name
        return self.get_full_name() or self.username


class ApiToken(models.Model):
    """A personal API token. Only a hash is stored; the token is shown once."""

    PREFIX = "sv_"

    user = models.ForeignKey(User, verbose_name=_("user"), on_delete=models.CASCADE, related_name="api_tokens")
    name = models.CharField(_("name"), max_length=100, blank=True)
    key_hash = models.CharField(max_length=64, unique=True, editable=False)
    key_prefix = models.CharField(_("starts with"), max_length=12, editable=False)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    last_used_at = models.DateTimeField(_("last used"), null=True, blank=True)
    revoked_at = models.DateTimeField(_("revoked"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("API token")
        verbose_name_plural = _("API tokens")

    def __str__(self):
        return f"{self.key_prefix}… ({self.user})"

    @staticmethod
    def hash_key(key: str) -> str:
        return hashlib.sha256(key.encode()).hexdigest()
