"""Pages of cited documents: one per document not in the collection (what the citations say of
it and who cites it), and the full citation list of a much-cited record; the landing list of
every cited document."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from functools import partial

from markupsafe import Markup

from vanban.build.catalogue import Catalogue, Directive
from vanban.core.schema import RELATIONS, RELATIONS_INVERSE
from vanban.core.text import vietnamese_sort_key
from vanban.site import urls
from vanban.site.kinds.base import PageKind
from vanban.site.kinds.issuer import RECORDS_PER_PAGE, landing_pages
from vanban.site.kinds.record import CITATIONS_ON_RECORD_PAGE, chain_neighbourhood
from vanban.site.labels import directive_label, vietnamese_count
from vanban.site.page import Page, PageText
from vanban.site.render.listing import Container, Item


class DirectiveKind(PageKind):
    name = "directive"

    def keys(self) -> Iterable[Hashable]:
        """Documents not in the collection, and records cited more often than their page lists."""
        return [d.id for d in self.cat.directives.values()
                if d.record_id is None or len(d.citations) > CITATIONS_ON_RECORD_PAGE]

    @classmethod
    def affected(cls, cat: Catalogue, record_id: str) -> set[Hashable]:
        return set(chain_neighbourhood(cat, record_id)[1])

    def pages(self, key: Hashable) -> list[Page]:
        directive = self.cat.directives[str(key)]
        if directive.record_id is None:
            return self._outside_pages(directive)
        return self._all_citations_pages(directive)

    def _outside_pages(self, directive: Directive) -> list[Page]:
        site = self.site
        base = urls.directive_page(directive.id)
        issuer: object = directive.issuer_name or ""
        if directive.issuer_id and directive.issuer_id in self.cat.issuers:
            issuer = site.issuer_link(base, directive.issuer_id)
        rows = [
            ("Số, ký hiệu", directive.number),
            ("Loại văn bản", directive.type or ""),
            ("Ngày ban hành", directive.date.vietnamese() if directive.date else ""),
            ("Cơ quan ban hành", issuer),
            ("Trích yếu", directive.subject or ""),
            ("Số văn bản dẫn chiếu", vietnamese_count(len(directive.citations))),
        ]
        head = PageText().html(
            site.status(base, site.lifecycle.of_directive(directive), full=True) or "",
            site.render("notice", kind="no-text", strong=None,
                        text="Văn bản này chưa có trong kho; thông tin dưới đây lấy từ các văn bản dẫn chiếu nó."),
            site.render("definition-list", rows=rows, css="vb-meta"))
        # no heading of its own here: the list's headings say the relation ("Được thực hiện bởi" …)
        return site.list_pages(base, directive_label(directive), head, self._citation_items(directive),
                               RECORDS_PER_PAGE, Container("vb-records"))

    def _all_citations_pages(self, directive: Directive) -> list[Page]:
        """Every citation of a document that is itself a record, when its page shows only the first."""
        site = self.site
        base = urls.citations_page(directive.id)
        title = f"Mọi văn bản dẫn chiếu đến {directive_label(directive)}"
        head = PageText().html(Markup("<p>Mọi văn bản trong kho dẫn chiếu đến {}.</p>").format(
            site.record_link(base, directive.record_id or "")))
        return site.list_pages(base, title, head, self._citation_items(directive), RECORDS_PER_PAGE,
                               Container("vb-records"))

    def _citation_items(self, directive: Directive) -> list[Item]:
        order = {relation: i for i, relation in enumerate(RELATIONS)}
        citations = sorted(directive.citations, key=lambda c: order[c.relation])
        site = self.site
        return [Item((RELATIONS_INVERSE[c.relation],),
                     partial(lambda here, rid: site.record_item(here, self.cat.records[rid]), rid=c.record_id))
                for c in citations]

    def landing(self, max_pages: int | None = None) -> list[Page]:
        ordered = sorted(self.cat.directives.values(),
                         key=lambda d: (-len(d.citations), -(d.date.sort_key[0] if d.date else 0),
                                       vietnamese_sort_key(directive_label(d)), d.id))
        headers = ("Văn bản", "Cơ quan ban hành", "Có trong kho", "Số lần dẫn chiếu")

        def row(d: Directive, here: str) -> Markup:
            return self.site.row([self.site.directive_link(here, d), d.issuer_name or "",
                                  "Có" if d.record_id else "Chưa", vietnamese_count(len(d.citations))], headers)

        return landing_pages(self.site, urls.DIRECTIVES, "Văn bản được dẫn chiếu",
                             "Mọi văn bản được các văn bản trong kho dẫn chiếu, kể cả văn bản chưa có toàn văn "
                             "trong kho; xếp theo số lần được dẫn chiếu.",
                             [Item((), partial(row, d)) for d in ordered], headers, max_pages)

    def signature(self) -> int:
        return hash(tuple((d.id, d.type, d.number, d.issuer_name, d.record_id, len(d.citations))
                          for d in self.cat.directives.values()))
