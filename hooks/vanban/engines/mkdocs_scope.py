"""Which pages an incremental rebuild (``mkdocs serve --dirty``) renders again: the entities
whose pages show an edited record, before and after the edit."""

from __future__ import annotations

from collections.abc import Hashable

from vanban.build.catalogue import Catalogue
from vanban.site.kinds import related

Scope = set[tuple[str, Hashable]]
"""(page kind, key) pairs of the entities whose pages an incremental rebuild renders again."""

MAX_INCREMENTAL_FILES = 50
"""More edited files than this at once (a branch switch, a bulk import): a full build is cheaper."""

def incremental_scope(previous: Catalogue | None, current: Catalogue, touched: set[str]) -> Scope | None:
    """The entities whose pages show one of the ``touched`` record files (repository paths),
    in the previous build (what must disappear) and in this one (what must appear); ``None``
    (a full build) without a previous build or when too many files changed."""
    if previous is None or len(touched) > MAX_INCREMENTAL_FILES:
        return None
    scope: Scope = set()
    for cat in (previous, current):
        by_path = {entry.record.path: entry.id for entry in cat.records.values()}
        for path in touched:
            if path in by_path:
                scope |= related(cat, by_path[path])
    return scope
