"""Writing to the append-only audit log.

``audit_record`` is the one way in; the helpers below give the modules that come later
(documents, meetings, reports…) the same wording for the events they all share.
"""

import ipaddress

from django.conf import settings

from secretaria.core.models import AuditEvent


def client_ip(request) -> str | None:
    """The client's address: REMOTE_ADDR, or behind TRUSTED_PROXY_COUNT proxies the address
    they recorded in X-Forwarded-For (counted from the end: what a client writes there itself
    is further left, and ignored)."""
    if request is None:
        return None
    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    if count:
        forwarded = [part.strip() for part in request.headers.get("x-forwarded-for", "").split(",") if part.strip()]
        if len(forwarded) >= count:
            try:
                return str(ipaddress.ip_address(forwarded[-count]))
            except ValueError:
                pass  # not an address: the proxy is not the one configured; fall back
    return request.META.get("REMOTE_ADDR") or None


def audit_record(*, kind: str, actor=None, target: str = "", request=None, **details) -> AuditEvent:
    """Append one event. ``details`` are stored as text; never pass a password or a token."""
    if actor is None and request is not None:
        actor = getattr(request, "user", None)
    actor = actor if getattr(actor, "is_authenticated", False) else None
    return AuditEvent.objects.create(
        kind=kind,
        actor=actor,
        actor_username=actor.get_username() if actor else details.pop("username", ""),
        target=str(target)[:255],
        ip_address=client_ip(request),
        details={key: str(value) for key, value in details.items()},
    )


def _describe(obj) -> str:
    return f"{obj._meta.label_lower}:{obj.pk} {obj}" if hasattr(obj, "_meta") else str(obj)


def audit_access_change(
    *,
    obj,
    old_level: str,
    new_level: str,
    old_group=None,
    new_group=None,
    by=None,
    request=None,
) -> AuditEvent | None:
    """Record that ``obj`` moved from one access level (or group) to another.

    Call it from the service that changes an ``access_level``; it records nothing when
    neither the level nor the group changed, so services can call it unconditionally.
    """
    old_group_id = getattr(old_group, "pk", old_group)
    new_group_id = getattr(new_group, "pk", new_group)
    if old_level == new_level and old_group_id == new_group_id:
        return None
    details = {"old": old_level, "new": new_level}
    if old_group_id or new_group_id:
        details.update(old_group=old_group_id or "", new_group=new_group_id or "")
    return audit_record(
        kind=AuditEvent.Kind.ACCESS_CHANGED, actor=by, target=_describe(obj), request=request, **details
    )


def audit_export(*, what: str, by, request=None, count: int | None = None, **details) -> AuditEvent:
    """Record that ``by`` exported ``what`` (a list, a report, a file…)."""
    if count is not None:
        details["count"] = count
    return audit_record(kind=AuditEvent.Kind.EXPORT, actor=by, target=what, request=request, **details)
