"""The page kinds of the site, in page order. The renderer, the incremental rebuild
(``related``) and the landing signatures all iterate this one tuple."""

from __future__ import annotations

from collections.abc import Hashable

from vanban.build.catalogue import Catalogue
from vanban.site.kinds.all_records import AllRecordsKind
from vanban.site.kinds.base import PageKind
from vanban.site.kinds.directive import DirectiveKind
from vanban.site.kinds.doc_type import TypeKind
from vanban.site.kinds.issuer import IssuerKind
from vanban.site.kinds.record import RecordKind
from vanban.site.kinds.tracker import TrackerKind
from vanban.site.kinds.unit import UnitKind
from vanban.site.kinds.year import YearKind

KINDS: tuple[type[PageKind], ...] = (RecordKind, IssuerKind, DirectiveKind, UnitKind, TypeKind, YearKind,
                                     TrackerKind, AllRecordsKind)


def related(cat: Catalogue, record_id: str, kinds: tuple[type[PageKind], ...] = KINDS) -> set[tuple[str, Hashable]]:
    """The entities whose pages show something of this record, as (kind, key) pairs."""
    if record_id not in cat.records:
        return set()
    return {(kind.name, key) for kind in kinds for key in kind.affected(cat, record_id)}


__all__ = ["KINDS", "PageKind", "related"]
