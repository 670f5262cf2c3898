"""Pages by year of issue: the types most used first; and the list of years, newest first."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from functools import cached_property, partial

from markupsafe import Markup

from vanban.build.catalogue import Catalogue, CatalogueRecord
from vanban.core.text import vietnamese_sort_key
from vanban.site import urls
from vanban.site.kinds.base import PageKind
from vanban.site.kinds.issuer import RECORDS_PER_PAGE, landing_pages
from vanban.site.labels import group_by, newest_first_key, vietnamese_count
from vanban.site.page import Page
from vanban.site.render.listing import Container, Item


class YearKind(PageKind):
    name = "year"

    @cached_property
    def groups(self) -> dict[int, list[CatalogueRecord]]:
        return group_by(self.cat.records.values(), lambda e: e.record.date.year)

    @cached_property
    def _type_order(self) -> dict[str, int]:
        """Types by how many records they have, most first (a year's page lists them so)."""
        counts: dict[str, int] = {}
        for entry in self.cat.records.values():
            counts[entry.record.type] = counts.get(entry.record.type, 0) + 1
        return {t: i for i, t in enumerate(sorted(counts, key=lambda t: (-counts[t], vietnamese_sort_key(t))))}

    def keys(self) -> Iterable[Hashable]:
        return self.groups.keys()

    @classmethod
    def affected(cls, cat: Catalogue, record_id: str) -> set[Hashable]:
        return {cat.records[record_id].record.date.year}

    def pages(self, key: Hashable) -> list[Page]:
        year = int(str(key))
        ordered = sorted(self.groups[year], key=lambda e: (self._type_order[e.record.type], newest_first_key(e)))
        items = self.site.record_items(ordered, lambda e: (e.record.type,))
        return self.site.list_pages(urls.year_page(year), f"Văn bản năm {year}", None, items, RECORDS_PER_PAGE,
                                    Container("vb-records"))

    def landing(self, max_pages: int | None = None) -> list[Page]:
        ordered = sorted(self.groups.items(), reverse=True)
        headers = ("Năm", "Số văn bản")

        def row(year: int, count: int, here: str) -> Markup:
            return self.site.row([self.site.link(here, urls.year_page(year), str(year)), vietnamese_count(count)],
                                 headers)

        return landing_pages(self.site, urls.YEARS, "Văn bản theo năm", "Văn bản trong kho theo năm ban hành.",
                             [Item((), partial(row, y, len(e))) for y, e in ordered], headers, max_pages)

    def signature(self) -> int:
        return hash(tuple((y, len(e)) for y, e in self.groups.items()))
