"""Writing to the append-only audit log."""

from secretaria.core.models import AuditEvent


def client_ip(request) -> str | None:
    if request is None:
        return None
    return request.META.get("REMOTE_ADDR") or None


def audit_record(*, kind: str, actor=None, target: str = "", request=None, **details) -> AuditEvent:
    actor = actor if getattr(actor, "is_authenticated", False) else None
    return AuditEvent.objects.create(
        kind=kind,
        actor=actor,
        actor_username=actor.get_username() if actor else details.pop("username", ""),
        target=str(target)[:255],
        ip_address=client_ip(request),
        details={key: str(value) for key, value in details.items()},
    )
