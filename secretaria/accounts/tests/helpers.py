"""Small helpers for tests that sign in through the real forms."""

import time

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.mfa.utils import decrypt
from django.test import Client
from django.urls import reverse

from secretaria.conftest import PASSWORD


def totp_code(secret: str) -> str:
    return format_hotp_value(hotp_value(secret, int(time.time()) // 30))


def user_totp_code(user) -> str:
    authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    return totp_code(decrypt(authenticator.data["secret"]))


def post_login(client: Client, login: str, password: str = PASSWORD):
    return client.post(reverse("account_login"), {"login": login, "password": password})


def reauthenticate(client: Client, password: str = PASSWORD):
    """allauth asks for the password again before showing or changing a second factor."""
    return client.post(reverse("account_reauthenticate"), {"password": password})
