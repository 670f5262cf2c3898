"""The list of every document ("Tất cả văn bản"), newest first, paginated like the other lists,
with sorting and filters by type, issuer, year and status that run in the browser.

Why a data script and not the pages: a filter must see every document, not the 200 of one page,
and the offline copy is opened from ``file://``, where browsers refuse ``fetch``. So the facts
the filters need go into ``du-lieu/tat-ca-van-ban.js``, which ``vb-lists.js`` loads as a plain
``<script src>`` at the first choice (not with the page: it grows with the collection) and then
shows the matches in place of the static list. Without JavaScript the controls
stay hidden and the static, paginated list is the page.
"""

from __future__ import annotations

import json
from collections import Counter
from functools import cached_property, partial

from markupsafe import Markup

from vanban.build.catalogue import CatalogueRecord
from vanban.build.lifecycle import LABELS
from vanban.core.text import vietnamese_sort_key
from vanban.site import urls
from vanban.site.kinds.base import PageKind
from vanban.site.kinds.issuer import RECORDS_PER_PAGE
from vanban.site.labels import newest_first_key, record_label, vietnamese_count
from vanban.site.page import Page, PageText
from vanban.site.render.listing import Container, Item

HEADERS = ("Văn bản", "Ngày ban hành", "Cơ quan ban hành", "Trích yếu", "Tình trạng")
SORTS = (("newest", "Mới nhất trước"), ("oldest", "Cũ nhất trước"), ("issuer", "Theo cơ quan ban hành (A–Z)"),
         ("type", "Theo loại văn bản (A–Z)"))


class AllRecordsKind(PageKind):
    name = "all_records"

    @cached_property
    def ordered(self) -> list[CatalogueRecord]:
        return sorted(self.cat.records.values(), key=newest_first_key)

    @cached_property
    def types(self) -> list[str]:
        """Types in Vietnamese order: the filter's options, and the rank the type sort uses."""
        return sorted({e.record.type for e in self.ordered}, key=vietnamese_sort_key)

    @cached_property
    def issuers(self) -> list[str]:
        return sorted({e.issuer_id for e in self.ordered},
                      key=lambda i: (vietnamese_sort_key(self.cat.issuer_name(i) or i), i))

    def _status(self, entry: CatalogueRecord) -> str:
        return self.site.lifecycle.of_record(entry.id).code

    def landing(self, max_pages: int | None = None) -> list[Page]:
        site = self.site
        here = urls.all_records_page()
        head = PageText().markdown(
            f"\nMọi văn bản trong kho ({vietnamese_count(len(self.ordered))} văn bản), mới nhất trước.\n")
        head.html(site.render("all-records/filters", root=site.linker.href_to_file(here, ""),
                              data_src=site.linker.href_to_file(here, urls.ALL_RECORDS_DATA),
                              filters=self._filters(), sorts=SORTS, headers=HEADERS))
        items = [Item((), partial(self._row, e)) for e in self.ordered]
        return site.list_pages(here, "Tất cả văn bản", head, items, RECORDS_PER_PAGE,
                               Container("vb-table vb-all-records", HEADERS), empty="Kho chưa có văn bản.",
                               max_pages=max_pages)

    def _row(self, entry: CatalogueRecord, here: str) -> Markup:
        site = self.site
        return site.row([site.record_link(here, entry.id), entry.record.date.short(),
                         site.issuer_link(here, entry.issuer_id), entry.record.subject or "",
                         LABELS[self._status(entry)]], HEADERS)

    def _filters(self) -> list[dict]:
        """The four filters: (field in the data, label, options with their counts)."""
        records = self.ordered
        types = Counter(e.record.type for e in records)
        issuers = Counter(e.issuer_id for e in records)
        years = Counter(e.record.date.year for e in records)
        statuses = Counter(self._status(e) for e in records)

        def options(pairs) -> list[dict]:
            return [{"value": value, "label": f"{label} ({vietnamese_count(count)})"} for value, label, count in pairs]

        return [
            {"field": "t", "id": "vb-loc-loai", "label": "Loại văn bản",
             "options": options((i, t, types[t]) for i, t in enumerate(self.types))},
            {"field": "i", "id": "vb-loc-co-quan", "label": "Cơ quan ban hành",
             "options": options((i, self.cat.issuer_name(o) or o, issuers[o]) for i, o in enumerate(self.issuers))},
            {"field": "y", "id": "vb-loc-nam", "label": "Năm ban hành",
             "options": options((y, y, years[y]) for y in sorted(years, reverse=True))},
            {"field": "st", "id": "vb-loc-tinh-trang", "label": "Tình trạng",
             "options": options((c, LABELS[c], statuses[c]) for c in LABELS if c in statuses)},
        ]

    def data(self) -> dict[str, str]:
        type_rank = {t: i for i, t in enumerate(self.types)}
        issuer_rank = {o: i for i, o in enumerate(self.issuers)}
        linker = self.site.linker
        rows = [{"u": linker.url(urls.record_page(e.id)), "l": record_label(e), "d": e.record.date.short(),
                 "k": "%04d%02d%02d" % e.record.date.sort_key, "y": e.record.date.year, "s": e.record.subject or "",
                 "t": type_rank[e.record.type], "i": issuer_rank[e.issuer_id], "st": self._status(e)}
                for e in self.ordered]
        issuers = [[self.cat.issuer_name(o) or o, linker.url(urls.issuer_page(o)) if o in self.cat.issuers else ""]
                   for o in self.issuers]
        data = {"records": rows, "types": self.types, "issuers": issuers, "statuses": LABELS}
        text = json.dumps(data, ensure_ascii=False, separators=(",", ":")).replace("<", "\\u003c")
        return {urls.ALL_RECORDS_DATA: f"window.vbAllRecords = {text};\n"}

    def signature(self) -> int:
        return hash(tuple((e.id, record_label(e), e.record.date.short(), e.issuer_id, self.cat.issuer_name(e.issuer_id),
                           e.record.subject, self._status(e)) for e in self.ordered))
