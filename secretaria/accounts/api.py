import datetime

from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _
from ninja import Router, Schema
from ninja.errors import HttpError
from ninja.pagination import paginate

from secretaria.accounts.auth import require_user
from secretaria.accounts.selectors import user_api_tokens
from secretaria.accounts.services import api_token_create, api_token_revoke
from secretaria.core.openapi import Id, Page, mapped

router = Router(tags=["accounts"])


class MeOut(Schema):
    username: str
    display_name: str
    email: str
    role: str
    role_label: str
    country: str | None
    organization: str | None
    person_id: int | None
    preferred_language: str


class TokenOut(Schema):
    id: int
    name: str
    prefix: str
    created_at: datetime.datetime
    last_used_at: datetime.datetime | None
    revoked_at: datetime.datetime | None


class TokenCreatedOut(TokenOut):
    token: str


class TokenIn(Schema):
    name: str = ""


class ErrorOut(Schema):
    detail: str


def _token_out(token) -> dict:
    return {
        "id": token.pk,
        "name": token.name,
        "prefix": token.key_prefix,
        "created_at": token.created_at,
        "last_used_at": token.last_used_at,
        "revoked_at": token.revoked_at,
    }


@router.get("/me", response=MeOut, summary="The signed-in user")
def me(request):
    user = require_user(request)
    return {
        "username": user.username,
        "display_name": user.display_name,
        "email": user.email,
        "role": user.role,
        "role_label": str(user.get_role_display()),
        "country": user.country.iso2 if user.country_id else None,
        "organization": str(user.organization) if user.organization_id else None,
        "person_id": user.person_id,
        "preferred_language": user.preferred_language,
    }


@router.get("/me/tokens", response=list[TokenOut], summary="Your personal API tokens")
@paginate(Page)
def my_tokens(request):
    user = require_user(request)
    return mapped(user_api_tokens(user), _token_out)


@router.post(
    "/me/tokens",
    response={201: TokenCreatedOut, 403: ErrorOut},
    summary="Create a personal API token (shown once)",
    description="Only from a signed-in browser session: a token cannot mint further tokens.",
)
def create_token(request, data: TokenIn):
    user = require_user(request)
    if getattr(request, "sv_auth_method", None) != "session":
        raise HttpError(403, _("Create API tokens from a signed-in browser session, not with a token."))
    name = data.name.strip()
    if len(name) > 100:
        raise HttpError(422, _("A token name has at most 100 characters."))
    token, key = api_token_create(user=user, name=name, by=user)
    return 201, {**_token_out(token), "token": key}


@router.delete("/me/tokens/{token_id}", response={204: None}, summary="Revoke one of your API tokens")
def revoke_token(request, token_id: Id):
    user = require_user(request)
    token = get_object_or_404(user.api_tokens, pk=token_id)
    api_token_revoke(token=token, by=user)
    return 204, None
