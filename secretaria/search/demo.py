"""Demo data of the search: the directory's people and organisations, which the directory's
demo writes without its services (the search follows later changes through directory.changes)."""

from secretaria.search.directory import ORGANIZATION, PERSON
from secretaria.search.services import reindex


def load(*, stdout, style):
    counts = {kind: reindex(kind=kind, progress=False)[kind] for kind in (PERSON, ORGANIZATION)}
    stdout.write(f"Search: {counts[PERSON]} people and {counts[ORGANIZATION]} organisations indexed.")
