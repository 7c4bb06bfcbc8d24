from ninja import Router, Schema

from secretaria.accounts.auth import require_user

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
