"""Pages by document type (Công văn, Kế hoạch …): newest year first; and the list of types."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from functools import cached_property, partial

from markupsafe import Markup

from vanban.build.catalogue import Catalogue, CatalogueRecord
from vanban.core.text import slugify, vietnamese_sort_key
from vanban.site import urls
from vanban.site.kinds.base import PageKind
from vanban.site.kinds.issuer import RECORDS_PER_PAGE, feed_link, landing_pages
from vanban.site.labels import group_by, vietnamese_count
from vanban.site.page import Page, PageText
from vanban.site.render.feeds import type_feed
from vanban.site.render.listing import Container, Item


class TypeKind(PageKind):
    name = "type"

    @cached_property
    def groups(self) -> dict[str, list[CatalogueRecord]]:
        return group_by(self.cat.records.values(), lambda e: e.record.type)

    def keys(self) -> Iterable[Hashable]:
        return self.groups.keys()

    @classmethod
    def affected(cls, cat: Catalogue, record_id: str) -> set[Hashable]:
        return {cat.records[record_id].record.type}

    def pages(self, key: Hashable) -> list[Page]:
        doc_type = str(key)
        items = self.site.record_items(self.groups[doc_type], lambda e: (f"Năm {e.record.date.year}",))
        base = urls.type_page(slugify(doc_type))
        head = PageText().html(self.site.render("feed-links", links=[feed_link(self.site, base, type_feed(doc_type))]))
        return self.site.list_pages(base, doc_type, head, items, RECORDS_PER_PAGE, Container("vb-records"),
                                    feed=type_feed(doc_type))

    def landing(self, max_pages: int | None = None) -> list[Page]:
        ordered = sorted(self.groups.items(), key=lambda kv: (-len(kv[1]), vietnamese_sort_key(kv[0])))
        headers = ("Loại văn bản", "Số văn bản")

        def row(doc_type: str, count: int, here: str) -> Markup:
            return self.site.row([self.site.link(here, urls.type_page(slugify(doc_type)), doc_type),
                                  vietnamese_count(count)], headers)

        return landing_pages(self.site, urls.TYPES, "Loại văn bản", "Văn bản trong kho theo loại.",
                             [Item((), partial(row, t, len(e))) for t, e in ordered], headers, max_pages)

    def signature(self) -> int:
        return hash(tuple((t, len(e)) for t, e in self.groups.items()))
