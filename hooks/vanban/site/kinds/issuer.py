"""Issuer pages: every document of one body, newest year first, and the list of issuers."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from functools import partial

from markupsafe import Markup

from vanban.build.catalogue import Catalogue, CatalogueRecord, Issuer
from vanban.core.text import vietnamese_sort_key
from vanban.site import urls
from vanban.site.kinds.base import PageKind
from vanban.site.labels import newest_first_key, vietnamese_count
from vanban.site.page import Page, PageText
from vanban.site.render.feeds import issuer_feed
from vanban.site.render.listing import Container, Item
from vanban.site.render.markup import md_text

RECORDS_PER_PAGE = 200
ROWS_PER_PAGE = 300


class IssuerKind(PageKind):
    name = "issuer"

    def keys(self) -> Iterable[Hashable]:
        return self.cat.issuers.keys()

    @classmethod
    def affected(cls, cat: Catalogue, record_id: str) -> set[Hashable]:
        return {cat.records[record_id].issuer_id}

    def pages(self, key: Hashable) -> list[Page]:
        site = self.site
        issuer = self.cat.issuers[str(key)]
        base = urls.issuer_page(issuer.id)
        info: list[tuple[str, object]] = [("Số văn bản trong kho", vietnamese_count(len(issuer.record_ids)))]
        if not issuer.known:
            info.append(("Ghi chú", "Cơ quan chưa có trong sổ đăng ký; lập chỉ mục theo tên ghi trên văn bản."))
        if issuer.id in self.cat.units:
            info.append(("Nhiệm vụ được giao", site.unit_link(base, issuer.id)))
        entries = by_year_then_type(self.cat.records[r] for r in issuer.record_ids)
        items = site.record_items(entries, lambda e: (f"Năm {e.record.date.year}", e.record.type), show_issuer=False)
        head = PageText().html(site.render("definition-list", rows=info, css="vb-meta"),
                               site.render("feed-links", links=[feed_link(site, base, issuer_feed(issuer.id))]))
        return site.list_pages(base, issuer.name, head, items, RECORDS_PER_PAGE, Container("vb-records"),
                               feed=issuer_feed(issuer.id))

    def landing(self, max_pages: int | None = None) -> list[Page]:
        ordered = sorted(self.cat.issuers.values(), key=lambda i: (-len(i.record_ids), vietnamese_sort_key(i.name)))
        headers = ("Cơ quan", "Số văn bản")

        def row(issuer: Issuer, here: str) -> Markup:
            return self.site.row([self.site.issuer_link(here, issuer.id), vietnamese_count(len(issuer.record_ids))],
                                 headers)

        return landing_pages(self.site, urls.ISSUERS, "Cơ quan ban hành", "Văn bản trong kho theo cơ quan ban hành.",
                             [Item((), partial(row, i)) for i in ordered], headers, max_pages)

    def signature(self) -> int:
        return hash(tuple((i.id, i.name, len(i.record_ids)) for i in self.cat.issuers.values()))


def landing_pages(site, section: str, title: str, intro: str, items: list[Item], headers: tuple[str, ...],
                  max_pages: int | None, filter_box: str = "") -> list[Page]:
    """A section's landing list: an intro line, an optional filter box (HTML) and a table of its
    entities."""
    head = PageText().markdown(f"\n{md_text(intro)}\n").html(filter_box)
    return site.list_pages(urls.landing_page(section), title, head, items, ROWS_PER_PAGE,
                           Container("vb-table", headers), max_pages=max_pages)


def feed_link(site, here: str, feed: str) -> dict:
    return {"href": site.linker.href_to_file(here, feed), "text": "Theo dõi văn bản mới (Atom)"}


def by_year_then_type(entries: Iterable[CatalogueRecord]) -> list[CatalogueRecord]:
    """Newest year first; inside a year, types in order of first appearance (newest first)."""
    listed = list(entries)
    first_seen: dict[tuple[int, str], int] = {}
    for index, entry in enumerate(listed):
        first_seen.setdefault((entry.record.date.year, entry.record.type), index)
    return sorted(listed, key=lambda e: (-e.record.date.year, first_seen[(e.record.date.year, e.record.type)],
                                         newest_first_key(e)))
