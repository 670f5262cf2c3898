"""What every page kind says about itself, so that the renderer, the incremental rebuild and
the landing lists cannot disagree.

A kind (records, issuers, directives, units, types, years …) names the entities it makes pages
for (``keys``), renders the pages of one entity (``pages``), its landing list, a signature of
what that list shows (to rebuild it only when it changed), and which of its entities show
something of a given record (``affected``, for ``mkdocs serve --dirty``), and the data files its
pages load (``data``). Adding a kind is one module with a subclass, its templates and a URL
function in ``vanban.site.urls`` (``all_records`` is an example).
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from typing import TYPE_CHECKING, ClassVar

from vanban.build.catalogue import Catalogue
from vanban.site.page import Page

if TYPE_CHECKING:
    from vanban.site.renderer import SiteRenderer


class PageKind:
    """One kind of generated page. Subclasses set ``name`` and override what they make."""

    name: ClassVar[str]
    """Key of the kind in incremental scopes: ("issuer", id), ("landing", "issuer") …"""

    def __init__(self, site: SiteRenderer) -> None:
        self.site = site
        self.cat = site.cat

    def keys(self) -> Iterable[Hashable]:
        """The entities of this kind that get pages, in page order."""
        return ()

    def pages(self, key: Hashable) -> list[Page]:
        """Every page of one entity (a long list runs over several)."""
        return []

    def landing(self, max_pages: int | None = None) -> list[Page]:
        """The kind's landing list (``max_pages`` renders only its first pages)."""
        return []

    def signature(self) -> int | None:
        """A hash of what the landing list shows; ``None`` when the kind has none."""
        return None

    def data(self) -> dict[str, str]:
        """Data files the kind's pages load (site path → text), written on full builds."""
        return {}

    @classmethod
    def affected(cls, cat: Catalogue, record_id: str) -> set[Hashable]:
        """Keys of this kind whose pages show something of the record ``record_id``."""
        return set()
