"""Panels of the members' dashboard that the directory provides."""

from secretaria.directory import selectors


def my_posts(request) -> dict | None:
    """The signed-in person's current posts and groups; nothing for an account without a person."""
    person = getattr(request.user, "person", None)
    if person is None:
        return None
    return {
        "terms": list(selectors.terms_held_by(person)),
        "memberships": list(selectors.memberships_of(person)),
    }


def presidency(request) -> dict:
    return {"term": selectors.presidency_on(selectors.today())}
