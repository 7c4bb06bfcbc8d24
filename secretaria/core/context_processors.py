from django.conf import settings

from secretaria.core import access


def site(request):
    user = getattr(request, "user", None)
    return {
        "SITE_NAME": "Secretaría Virtual",
        "DEV_MODE": settings.DEV_MODE,
        "is_secretariat": access.is_secretariat(user),
        "can_enter_members_area": access.can(user, "members_area.enter"),
    }
