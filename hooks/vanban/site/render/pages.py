"""Stage 4 — render: the catalogue as Markdown pages (with escaped HTML panels).

Knows nothing of MkDocs: it returns ``Page`` objects (source path, Markdown text, where the
record came from) that the hooks hand to MkDocs and that another engine could write to disk
as plain Markdown files. Every link is relative and computed by the ``Linker``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import partial

from vanban.site import urls
from vanban.build.catalogue import Catalogue, CatalogueRecord, Directive, Issuer, Task, Unit
from vanban.core.problems import ProblemLog
from vanban.core.schema import RELATIONS, RELATIONS_INVERSE, ROLES
from vanban.core.text import slugify, vietnamese_sort_key
from vanban.site.render.body import render_body
from vanban.site.render.listing import Container, Item, paginate
from vanban.site.render.markup import bullet_list, definition_list, esc, front_matter, html_block, link, md_text, table

_LANDING_PATH = re.compile(r"^[a-z-]+/(?:index|trang-\d+)\.md$")
"""Where the landing lists of each section live: no entity's page may take their place."""

CHAIN_DEPTH = 2
"""How many levels of the relation chain a record page shows upwards and downwards."""
CHAIN_BRANCHES = 10
"""At most this many documents under one node of the chain; the rest are counted."""
CITATIONS_ON_RECORD_PAGE = 50
"""A record page lists this many citing documents; the rest are on their own pages."""
RECORDS_PER_PAGE = 200
TASKS_PER_PAGE = 100
ROWS_PER_PAGE = 300


@dataclass(frozen=True, slots=True)
class Page:
    """One generated page: where it goes, its Markdown, and its source file if it has one."""

    src_uri: str
    markdown: str
    title: str
    source_path: str | None = None


class SiteRenderer:
    """Builds every generated page of the site from one catalogue."""

    def __init__(self, catalogue: Catalogue, linker: urls.Linker) -> None:
        self.cat = catalogue
        self.linker = linker
        self.types = _group_by(catalogue.records.values(), lambda e: e.record.type)
        self.years = _group_by(catalogue.records.values(), lambda e: e.record.date.year)
        self.problems = ProblemLog()
        """Problems found while rendering (a body the Markdown renderer could not handle)."""
        self._items: dict[tuple[str, int, bool], str] = {}
        self._rows: dict[tuple, str] = {}
        self._type_order = {t: i for i, t in enumerate(
            sorted(self.types, key=lambda t: (-len(self.types[t]), vietnamese_sort_key(t))))}

    # -- links --------------------------------------------------------------------------------
    def _href(self, here: str, target: str) -> str:
        return self.linker.href(here, target)

    def record_link(self, here: str, record_id: str, text: str | None = None) -> str:
        entry = self.cat.records[record_id]
        return link(self._href(here, urls.record_page(record_id)), text or _record_label(entry))

    def directive_link(self, here: str, directive: Directive) -> str:
        label = _directive_label(directive)
        if directive.record_id:
            return self.record_link(here, directive.record_id, label)
        return link(self._href(here, urls.directive_page(directive.id)), label)

    def issuer_link(self, here: str, issuer_id: str) -> str:
        issuer = self.cat.issuers.get(issuer_id)
        if issuer is None:
            return esc(self.cat.issuer_name(issuer_id) or issuer_id)
        return link(self._href(here, urls.issuer_page(issuer_id)), issuer.name)

    def unit_link(self, here: str, unit_id: str) -> str:
        unit = self.cat.units.get(unit_id)
        if unit is None:
            return esc(self.cat.unit_name(unit_id) or unit_id)
        return link(self._href(here, urls.unit_page(unit_id)), unit.name)

    def record_item(self, here: str, entry: CatalogueRecord, show_issuer: bool = True) -> str:
        """One line of a record list: linked number and date, issuer, subject.

        Links depend only on the page's depth, so each item is rendered once per depth: a
        record listed on its issuer's, type's, year's, directive's and units' pages costs one
        rendering, not one per page.
        """
        key = (entry.id, self.linker.depth(here), show_issuer)
        cached = self._items.get(key)
        if cached is None:
            cached = self._items[key] = self._render_record_item(here, entry, show_issuer)
        return cached

    def _render_record_item(self, here: str, entry: CatalogueRecord, show_issuer: bool) -> str:
        record = entry.record
        parts = [self.record_link(here, entry.id), f'<span class="vb-date">{esc(record.date.short())}</span>']
        if show_issuer:
            parts.append(self.issuer_link(here, entry.issuer_id))
        text = " · ".join(parts)
        if record.subject:
            text += f'<br><span class="vb-subject">{esc(record.subject)}</span>'
        if record.sample:
            text += ' <span class="vb-badge">minh hoạ</span>'
        return text

    def record_list(self, here: str, entries, show_issuer: bool = True) -> str:
        return bullet_list([self.record_item(here, e, show_issuer) for e in entries], "vb-records")

    # -- record pages -------------------------------------------------------------------------
    def record_page(self, entry: CatalogueRecord) -> Page:
        record = entry.record
        here = urls.record_page(entry.id)
        title = record.title()
        parts = [front_matter(title), f"# {md_text(title)}\n"]
        if record.sample:
            parts.append(html_block('<p class="vb-notice vb-sample"><strong>Văn bản minh hoạ.</strong> '
                                    "Nội dung được soạn để minh hoạ cách dùng kho, không phải văn bản "
                                    "thật.</p>"))
        parts.append(html_block(self._meta_panel(here, entry)))
        parts.append("\n## Toàn văn\n")
        if record.has_text:
            body, failure = render_body(record.body)
            if failure:
                self.problems.warning(record.path, "body",
                                      f"không dựng được toàn văn ({failure}); trang hiện văn bản thô",
                                      f"the body could not be rendered ({failure}); shown as plain text",
                                      None, code="render.body")
            parts.append(html_block(f'<div class="vb-body">{body}</div>'))
        else:
            parts.append(html_block('<p class="vb-notice vb-no-text">Toàn văn của văn bản này chưa có trong '
                                    "kho; trang chỉ ghi những thông tin đã biết.</p>"))
        parts.append(self._references_section(here, entry))
        parts.append(self._cited_by_section(here, entry))
        parts.append(self._assignments_section(here, entry))
        parts.append(self._chain_section(here, entry))
        return Page(here, "".join(parts), title, record.path)

    def _meta_panel(self, here: str, entry: CatalogueRecord) -> str:
        record = entry.record
        signer = ""
        if record.signer:
            lines = [*record.signer.authority, record.signer.title or "", record.signer.name]
            signer = "<br>".join(esc(line) for line in lines if line)
        number = esc(record.number) if record.number else (
            f'<span class="vb-unnumbered">Chưa có số</span> (ký hiệu {esc(record.symbol or "")})')
        date = esc(record.date.vietnamese())
        if record.date.precision != "day":
            date += ' <span class="vb-partial">(bản để trống ngày)</span>'
        type_slug = slugify(record.type)
        rows = [
            ("Số, ký hiệu", number),
            ("Loại văn bản", link(self._href(here, urls.type_page(type_slug)), record.type)),
            ("Cơ quan ban hành", self.issuer_link(here, entry.issuer_id)),
            ("Ngày ban hành", (f"{esc(record.place)}, " if record.place else "") + date),
            ("Trích yếu", esc(record.subject or "")),
            ("Người ký", signer),
            ("Độ khẩn", f'<strong class="vb-urgent">{esc(record.urgency)}</strong>' if record.urgency else ""),
            ("Tình trạng", esc(record.status or "")),
            ("Kính gửi", bullet_list([esc(a) for a in record.addressees]) if record.addressees else ""),
            ("Nơi nhận", bullet_list([esc(d) for d in record.distribution]) if record.distribution else ""),
            ("Tệp gốc", self._original(here, entry)),
        ]
        return definition_list(rows)

    def _original(self, here: str, entry: CatalogueRecord) -> str:
        """The original's name; a download link when the original is kept beside the record."""
        record = entry.record
        if not record.original:
            return esc(record.source or "")
        href = self.linker.href_to_file(here, urls.original_file(entry.id, record.original))
        label = record.source or record.original
        return (f'<a href="{esc(href)}" download="{esc(record.original)}">{esc(label)}</a> '
                f'<span class="vb-partial">(tải bản gốc {esc(record.original.rsplit(".", 1)[-1].upper())})</span>')

    def attachments(self) -> list[tuple[str, str]]:
        """(site path, repository path) of every original kept beside a record, to publish."""
        found = []
        for entry in self.cat.records.values():
            original = entry.record.original
            if original:
                folder = entry.record.path.rsplit("/", 1)[0] if "/" in entry.record.path else ""
                found.append((urls.original_file(entry.id, original), f"{folder}/{original}".lstrip("/")))
        return found

    def _references_section(self, here: str, entry: CatalogueRecord) -> str:
        items = []
        for ref, directive in self.cat.cited_records(entry.id):
            label = RELATIONS[ref.reference.relation]
            known = "" if directive.record_id else ' <span class="vb-badge">chưa có trong kho</span>'
            items.append(f'<span class="vb-relation">{esc(label)}:</span> '
                         f"{self.directive_link(here, directive)}{known}")
        body = bullet_list(items, "vb-refs") if items else '<p class="vb-empty">Không dẫn chiếu văn bản nào.</p>'
        return "\n## Văn bản dẫn chiếu\n" + html_block(body)

    def _cited_by_section(self, here: str, entry: CatalogueRecord) -> str:
        citations = self.cat.cited_by(entry.id)
        shown = citations[:CITATIONS_ON_RECORD_PAGE]
        items = [f'<span class="vb-relation">{esc(RELATIONS_INVERSE[c.relation])}:</span> '
                 f"{self.record_item(here, self.cat.records[c.record_id])}" for c in shown]
        empty = '<p class="vb-empty">Chưa có văn bản nào trong kho dẫn chiếu văn bản này.</p>'
        body = bullet_list(items, "vb-cited-by") if items else empty
        if len(citations) > len(shown):
            directive_id = self.cat.directive_of_record[entry.id]
            label = "Xem tất cả " + vietnamese_count(len(citations)) + " văn bản dẫn chiếu"
            body += f'<p class="vb-more">{link(self._href(here, urls.citations_page(directive_id)), label)}</p>'
        return "\n## Được dẫn chiếu bởi\n" + html_block(body)

    def _assignments_section(self, here: str, entry: CatalogueRecord) -> str:
        if not entry.assignments:
            return ""
        rows = []
        for resolved in entry.assignments:
            a = resolved.assignment
            rows.append([self.unit_link(here, resolved.unit_id), esc(ROLES[a.role]), esc(a.task or ""),
                         esc(a.deadline.display() if a.deadline else "")])
        return "\n## Nhiệm vụ được giao\n" + html_block(
            table(["Đơn vị", "Vai trò", "Nhiệm vụ", "Thời hạn"], rows, "vb-table vb-tasks"))

    def _chain_section(self, here: str, entry: CatalogueRecord) -> str:
        up = self._chain_up(here, entry.id, CHAIN_DEPTH, {entry.id})
        down = self._chain_down(here, entry.id, CHAIN_DEPTH, {entry.id})
        if not up and not down:
            return ""
        parts = ['<div class="vb-chain">']
        if up:
            parts.append(f"<p><strong>Văn bản cấp trên (văn bản này dẫn chiếu)</strong></p>{up}")
        parts.append(f'<p class="vb-chain-self">▶ {esc(_record_label(entry))}</p>')
        if down:
            parts.append(f"<p><strong>Văn bản cấp dưới (dẫn chiếu văn bản này)</strong></p>{down}")
        parts.append("</div>")
        return "\n## Lược đồ quan hệ\n" + html_block("".join(parts))

    def _chain_up(self, here: str, record_id: str, depth: int, seen: set[str]) -> str:
        items = []
        for ref, directive in self.cat.cited_records(record_id):
            text = f"{esc(RELATIONS[ref.reference.relation])}: {self.directive_link(here, directive)}"
            target = directive.record_id
            if target and target not in seen and depth > 1:
                text += self._chain_up(here, target, depth - 1, seen | {target})
            items.append(text)
        return _capped_list(items)

    def _chain_down(self, here: str, record_id: str, depth: int, seen: set[str]) -> str:
        items = []
        citations = self.cat.cited_by(record_id)
        for citation in citations[:CHAIN_BRANCHES]:
            text = (f"{esc(RELATIONS_INVERSE[citation.relation])}: "
                    f"{self.record_link(here, citation.record_id)}")
            if citation.record_id not in seen and depth > 1:
                text += self._chain_down(here, citation.record_id, depth - 1, seen | {citation.record_id})
            items.append(text)
        if len(citations) > CHAIN_BRANCHES:
            items.append(f"… và {vietnamese_count(len(citations) - CHAIN_BRANCHES)} văn bản khác")
        return bullet_list(items) if items else ""

    # -- issuers ------------------------------------------------------------------------------
    def issuer_pages(self, issuer_id: str) -> list[Page]:
        issuer = self.cat.issuers[issuer_id]
        base = urls.issuer_page(issuer_id)
        info = [("Số văn bản trong kho", vietnamese_count(len(issuer.record_ids)))]
        if not issuer.known:
            info.append(("Ghi chú", "Cơ quan chưa có trong sổ đăng ký; lập chỉ mục theo tên ghi trên văn bản."))
        if issuer_id in self.cat.units:
            info.append(("Nhiệm vụ được giao", self.unit_link(base, issuer_id)))
        items = [Item((f"Năm {e.record.date.year}", e.record.type), self._record_renderer(e, show_issuer=False))
                 for e in _by_year_then_type(self.cat.records[r] for r in issuer.record_ids)]
        return self._list_pages(base, issuer.name, html_block(definition_list(info)), items, RECORDS_PER_PAGE,
                                Container("vb-records"))

    # -- directives ---------------------------------------------------------------------------
    def directive_pages(self, directive: Directive) -> list[Page]:
        base = urls.directive_page(directive.id)
        issuer = ""
        if directive.issuer_id and directive.issuer_id in self.cat.issuers:
            issuer = self.issuer_link(base, directive.issuer_id)
        elif directive.issuer_name:
            issuer = esc(directive.issuer_name)
        rows = [
            ("Số, ký hiệu", esc(directive.number)),
            ("Loại văn bản", esc(directive.type or "")),
            ("Ngày ban hành", esc(directive.date.vietnamese()) if directive.date else ""),
            ("Cơ quan ban hành", issuer),
            ("Trích yếu", esc(directive.subject or "")),
            ("Số văn bản dẫn chiếu", vietnamese_count(len(directive.citations))),
        ]
        head = html_block('<p class="vb-notice vb-no-text">Văn bản này chưa có trong kho; thông tin dưới đây lấy '
                          "từ các văn bản dẫn chiếu nó.</p>" + definition_list(rows))
        head += "\n## Các văn bản dẫn chiếu\n"
        return self._list_pages(base, _directive_label(directive), head, self._citation_items(directive),
                                RECORDS_PER_PAGE, Container("vb-records"))

    def _citation_items(self, directive: Directive) -> list[Item]:
        order = {relation: i for i, relation in enumerate(RELATIONS)}
        citations = sorted(directive.citations, key=lambda c: order[c.relation])
        return [Item((RELATIONS_INVERSE[c.relation],), self._record_renderer(self.cat.records[c.record_id]))
                for c in citations]

    def all_citations_pages(self, directive: Directive) -> list[Page]:
        """Every citation of a document that is itself a record, when its page shows only the first."""
        base = urls.citations_page(directive.id)
        title = f"Văn bản dẫn chiếu {_directive_label(directive)}"
        head = html_block(f"<p>Văn bản dẫn chiếu {self.record_link(base, directive.record_id or '')}.</p>")
        return self._list_pages(base, title, head, self._citation_items(directive), RECORDS_PER_PAGE,
                                Container("vb-records"))

    # -- units --------------------------------------------------------------------------------
    def unit_pages(self, unit: Unit) -> list[Page]:
        base = urls.unit_page(unit.id)
        info: list[tuple[str, str]] = []
        if unit.is_group:
            info.append(("Loại", "Nhóm đơn vị"))
        if not unit.known:
            info.append(("Ghi chú", "Đơn vị chưa có trong sổ đăng ký; lập chỉ mục theo tên ghi trên văn bản."))
        groups = self.cat.groups_of(unit.id)
        if groups:
            info.append(("Thuộc nhóm", ", ".join(self.unit_link(base, g) for g in groups)))
        if unit.id in self.cat.issuers:
            info.append(("Văn bản ban hành", self.issuer_link(base, unit.id)))
        direct = sum(t.via is None for t in unit.tasks)
        info.append(("Nhiệm vụ", f"{vietnamese_count(direct)} giao trực tiếp, "
                                  f"{vietnamese_count(len(unit.tasks) - direct)} giao qua nhóm"))
        head = html_block(definition_list(info))
        if unit.is_group:
            members = [self.unit_link(base, m) for m in unit.members]
            head += "\n## Thành viên của nhóm\n" + html_block(
                bullet_list(members, "vb-members") if members else
                '<p class="vb-empty">Nhóm chưa có thành viên trong sổ đăng ký.</p>')
        items = [Item(("Nhiệm vụ giao trực tiếp" if t.via is None else "Nhiệm vụ giao qua nhóm",),
                      self._task_renderer(t)) for t in sorted(unit.tasks, key=lambda t: t.via is not None)]
        return self._list_pages(base, unit.name, head, items, TASKS_PER_PAGE,
                                Container("vb-table vb-tasks", ("Vai trò", "Nhiệm vụ", "Thời hạn", "Văn bản giao",
                                                                "Qua nhóm")),
                                empty="Chưa có nhiệm vụ.")

    def _task_renderer(self, task: Task):
        """A task row; the same task given through a group shows on every member's page, so a
        row is rendered once per page depth."""
        def render(here: str) -> str:
            key = (task.record_id, task.assignment_index, task.via, self.linker.depth(here))
            row = self._rows.get(key)
            if row is None:
                cells = [esc(ROLES[task.role]), esc(task.task or ""), esc(task.deadline_display or ""),
                         self.record_item(here, self.cat.records[task.record_id]),
                         self.unit_link(here, task.via) if task.via else "—"]
                row = self._rows[key] = "<tr>" + "".join(f"<td>{c}</td>" for c in cells) + "</tr>"
            return row
        return render

    # -- lists by type and year ---------------------------------------------------------------
    def type_pages(self, doc_type: str, entries: list[CatalogueRecord]) -> list[Page]:
        items = [Item((f"Năm {e.record.date.year}",), self._record_renderer(e)) for e in entries]
        return self._list_pages(urls.type_page(slugify(doc_type)), doc_type, "", items, RECORDS_PER_PAGE,
                                Container("vb-records"))

    def year_pages(self, year: int, entries: list[CatalogueRecord]) -> list[Page]:
        ordered = sorted(entries, key=lambda e: (self._type_order[e.record.type], _newest_first_key(e)))
        items = [Item((e.record.type,), self._record_renderer(e)) for e in ordered]
        return self._list_pages(urls.year_page(year), f"Văn bản năm {year}", "", items, RECORDS_PER_PAGE,
                                Container("vb-records"))

    def _record_renderer(self, entry: CatalogueRecord, show_issuer: bool = True):
        return lambda here: self.record_item(here, entry, show_issuer)

    def _list_pages(self, base: str, title: str, head: str, items: list[Item], size: int,
                    container: Container, empty: str = "", max_pages: int | None = None) -> list[Page]:
        """Title and ``head`` on the first page, the items over as many pages as they need."""
        pages = []
        for src, number, total, body in paginate(base, items, size, container, self._href, empty, max_pages):
            page_title = title if number == 1 else f"{title} (trang {number}/{total})"
            text = front_matter(page_title) + f"# {md_text(page_title)}\n" + (head if number == 1 else "") + body
            pages.append(Page(src, text, page_title))
        return pages

    # -- landing pages ------------------------------------------------------------------------
    def issuers_landing(self, max_pages: int | None = None) -> list[Page]:
        ordered = sorted(self.cat.issuers.values(), key=lambda i: (-len(i.record_ids), vietnamese_sort_key(i.name)))
        def row(issuer: Issuer, here: str) -> str:
            return (f"<tr><td>{self.issuer_link(here, issuer.id)}</td>"
                    f"<td>{vietnamese_count(len(issuer.record_ids))}</td></tr>")

        items = [Item((), partial(row, i)) for i in ordered]
        return self._landing(urls.landing_page(urls.ISSUERS), "Cơ quan ban hành",
                             "Văn bản trong kho theo cơ quan ban hành.", items, ("Cơ quan", "Số văn bản"), max_pages)

    def directives_landing(self, max_pages: int | None = None) -> list[Page]:
        ordered = sorted(self.cat.directives.values(),
                         key=lambda d: (-len(d.citations), -(d.date.sort_key[0] if d.date else 0), d.id))
        def row(d: Directive, here: str) -> str:
            return (f"<tr><td>{self.directive_link(here, d)}</td><td>{esc(d.issuer_name or '')}"
                    f"</td><td>{'Có' if d.record_id else 'Chưa'}</td>"
                    f"<td>{vietnamese_count(len(d.citations))}</td></tr>")

        items = [Item((), partial(row, d)) for d in ordered]
        return self._landing(urls.landing_page(urls.DIRECTIVES), "Văn bản được dẫn chiếu",
                             "Mọi văn bản được các văn bản trong kho dẫn chiếu, kể cả văn bản chưa có toàn văn "
                             "trong kho; xếp theo số lần được dẫn chiếu.", items,
                             ("Văn bản", "Cơ quan ban hành", "Có trong kho", "Số lần dẫn chiếu"), max_pages)

    def units_landing(self, max_pages: int | None = None) -> list[Page]:
        ordered = sorted(self.cat.units.values(), key=lambda u: (not u.is_group, vietnamese_sort_key(u.name)))

        def row(u: Unit, here: str) -> str:
            direct = sum(t.via is None for t in u.tasks)
            return (f"<tr><td>{self.unit_link(here, u.id)}</td><td>{'Nhóm' if u.is_group else 'Đơn vị'}</td>"
                    f"<td>{vietnamese_count(direct)}</td><td>{vietnamese_count(len(u.tasks) - direct)}</td></tr>")

        items = [Item((), partial(row, u)) for u in ordered]
        return self._landing(urls.landing_page(urls.UNITS), "Đơn vị được giao nhiệm vụ",
                             "Nhiệm vụ giao trực tiếp và giao qua nhóm (như “Các Sở, ban, ngành cấp tỉnh”).",
                             items, ("Đơn vị", "Loại", "Giao trực tiếp", "Giao qua nhóm"), max_pages)

    def types_landing(self, max_pages: int | None = None) -> list[Page]:
        ordered = sorted(self.types.items(), key=lambda kv: (-len(kv[1]), vietnamese_sort_key(kv[0])))
        def row(doc_type: str, count: int, here: str) -> str:
            return (f"<tr><td>{link(self._href(here, urls.type_page(slugify(doc_type))), doc_type)}"
                    f"</td><td>{vietnamese_count(count)}</td></tr>")

        items = [Item((), partial(row, t, len(e))) for t, e in ordered]
        return self._landing(urls.landing_page(urls.TYPES), "Loại văn bản", "Văn bản trong kho theo loại.",
                             items, ("Loại văn bản", "Số văn bản"), max_pages)

    def years_landing(self, max_pages: int | None = None) -> list[Page]:
        ordered = sorted(self.years.items(), reverse=True)
        def row(year: int, count: int, here: str) -> str:
            return (f"<tr><td>{link(self._href(here, urls.year_page(year)), str(year))}</td>"
                    f"<td>{vietnamese_count(count)}</td></tr>")

        items = [Item((), partial(row, y, len(e))) for y, e in ordered]
        return self._landing(urls.landing_page(urls.YEARS), "Văn bản theo năm", "Văn bản trong kho theo năm ban hành.",
                             items, ("Năm", "Số văn bản"), max_pages)

    def _landing(self, base: str, title: str, intro: str, items: list[Item], headers: tuple[str, ...],
                 max_pages: int | None = None) -> list[Page]:
        return self._list_pages(base, title, f"\n{esc(intro)}\n", items, ROWS_PER_PAGE,
                                Container("vb-table", headers), max_pages=max_pages)

    def build_info_page(self, info) -> Page:
        """"Thông tin bản dựng": when the site (or the offline copy) was made and from what."""
        here = urls.BUILD_INFO
        title = "Thông tin bản dựng"
        commit = esc(info.commit) if info.commit else "không rõ (không dựng từ kho git)"
        if info.commit and info.dirty:
            commit += " (có thay đổi chưa ghi vào git)"
        rows = [
            ("Ngày dựng", esc(f"{info.vietnamese_date()}, lúc {info.built_at:%H:%M} (giờ Việt Nam)")),
            ("Phiên bản mã nguồn (commit)", f'<code class="vb-commit">{commit}</code>'),
            ("Số văn bản", vietnamese_count(len(self.cat.records))),
            ("Cảnh báo khi dựng", vietnamese_count(len(self.cat.problems.warnings))),
        ]
        intro = ("Trang này cho biết bản trang web (hoặc bản sao ngoại tuyến) được dựng khi nào, từ phiên bản "
                 "nào của kho. Văn bản ban hành sau ngày dựng không có trong bản này.")
        return Page(here, front_matter(title) + f"# {title}\n\n{intro}\n" + html_block(definition_list(rows)), title)

    def home_summary(self, here: str = urls.HOME, latest: int = 10) -> str:
        """Counts and latest documents, inserted into the hand-written home page."""
        counts = [
            ("Văn bản", len(self.cat.records), urls.landing_page(urls.YEARS)),
            ("Cơ quan ban hành", len(self.cat.issuers), urls.landing_page(urls.ISSUERS)),
            ("Văn bản được dẫn chiếu", len(self.cat.directives), urls.landing_page(urls.DIRECTIVES)),
            ("Đơn vị được giao nhiệm vụ", len(self.cat.units), urls.landing_page(urls.UNITS)),
        ]
        stats = "".join(f'<li><a href="{esc(self._href(here, target))}"><strong>{vietnamese_count(n)}</strong> '
                        f"{esc(label)}</a></li>" for label, n, target in counts)
        newest = list(self.cat.records.values())[:latest]
        return ("\n## Kho hiện có\n" + html_block(f'<ul class="vb-stats">{stats}</ul>') +
                "\n## Văn bản mới nhất\n" + html_block(self.record_list(here, newest)))

    # -- everything ---------------------------------------------------------------------------
    def unique_pages(self, only: set[tuple] | None = None) -> list[Page]:
        """``pages()`` with no two pages at one path. A name that slugs onto another page
        ("Index" as a type, a reference numbered like a landing page) is an error naming both;
        the landing page keeps its place, otherwise the first page does."""
        kept: dict[str, Page] = {}
        for page in self.pages(only):
            earlier = kept.get(page.src_uri)
            if earlier is not None:
                landing = bool(_LANDING_PATH.match(page.src_uri))
                loser, winner = (earlier, page) if landing else (page, earlier)
                source = loser.source_path or winner.source_path or "records"
                self.problems.error(
                    source, "id", f"trang “{loser.title}” trùng đường dẫn {page.src_uri} với trang "
                    f"“{winner.title}” nên không được đăng; hãy đổi tên hoặc mã",
                    f"page '{loser.title}' has the same path {page.src_uri} as page '{winner.title}' "
                    "and was not published; rename it or change its id", code="page.path-collision")
                if not landing:
                    continue
            kept[page.src_uri] = page
        return list(kept.values())

    def pages(self, only: set[tuple] | None = None):
        """Every generated page in a stable order, or only those of the entities in ``only``
        (keys such as ("record", id), ("issuer", id), ("unit", id) — see ``related``)."""
        def wanted(key: tuple) -> bool:
            return only is None or key in only

        for entry in self.cat.records.values():
            if wanted(("record", entry.id)):
                yield self.record_page(entry)
        for issuer_id in self.cat.issuers:
            if wanted(("issuer", issuer_id)):
                yield from self.issuer_pages(issuer_id)
        for directive in self.cat.directives.values():
            if directive.record_id is None and wanted(("directive", directive.id)):
                yield from self.directive_pages(directive)
            elif len(directive.citations) > CITATIONS_ON_RECORD_PAGE and wanted(("directive", directive.id)):
                yield from self.all_citations_pages(directive)
        for unit in self.cat.units.values():
            if wanted(("unit", unit.id)):
                yield from self.unit_pages(unit)
        for doc_type, entries in self.types.items():
            if wanted(("type", doc_type)):
                yield from self.type_pages(doc_type, entries)
        for year, entries in self.years.items():
            if wanted(("year", year)):
                yield from self.year_pages(year, entries)
        for name, landing in (("issuers", self.issuers_landing), ("directives", self.directives_landing),
                              ("units", self.units_landing), ("types", self.types_landing),
                              ("years", self.years_landing)):
            # The navigation links the first page of every landing list, and MkDocs builds the
            # rebuilt pages' navigation from the files it is given: that page is always there.
            yield from landing(None if wanted(("landing", name)) else 1)

    def landing_signatures(self) -> dict[str, int]:
        """A hash of what each landing page shows, to rebuild only those that changed."""
        cat = self.cat
        return {
            "issuers": hash(tuple((i.id, i.name, len(i.record_ids)) for i in cat.issuers.values())),
            "directives": hash(tuple((d.id, d.type, d.number, d.issuer_name, d.record_id, len(d.citations))
                                     for d in cat.directives.values())),
            "units": hash(tuple((u.id, u.name, u.is_group, len(u.tasks), sum(t.via is None for t in u.tasks))
                                for u in cat.units.values())),
            "types": hash(tuple((t, len(e)) for t, e in self.types.items())),
            "years": hash(tuple((y, len(e)) for y, e in self.years.items())),
        }


def related(cat: Catalogue, record_id: str) -> set[tuple]:
    """The entities whose pages show something of this record: itself, its issuer, type and
    year, the documents it cites and the records within two citation steps (relation chains),
    and the units (and group members) it gives tasks to."""
    entry = cat.records.get(record_id)
    if entry is None:
        return set()
    keys: set[tuple] = {("record", record_id), ("issuer", entry.issuer_id), ("type", entry.record.type),
                        ("year", entry.record.date.year)}
    frontier = {record_id}
    for _ in range(CHAIN_DEPTH):
        step: set[str] = set()
        for rid in frontier:
            for _reference, directive in cat.cited_records(rid):
                keys.add(("directive", directive.id))
                if directive.record_id:
                    step.add(directive.record_id)
            step.update(c.record_id for c in cat.cited_by(rid))
        keys.update(("record", rid) for rid in step)
        frontier = step
    for assignment in entry.assignments:
        keys.add(("unit", assignment.unit_id))
        unit = cat.units.get(assignment.unit_id)
        if unit and unit.is_group:
            keys.update(("unit", member) for member in unit.members)
    return keys


def _capped_list(items: list[str]) -> str:
    if len(items) > CHAIN_BRANCHES:
        items = items[:CHAIN_BRANCHES] + [f"… và {vietnamese_count(len(items) - CHAIN_BRANCHES)} văn bản khác"]
    return bullet_list(items) if items else ""


def vietnamese_count(n: int) -> str:
    """Thousands separated by dots, as Vietnamese readers write them: 10.000."""
    return f"{n:,}".replace(",", ".")


def _newest_first_key(entry: CatalogueRecord) -> tuple:
    year, month, day = entry.record.date.sort_key
    return (-year, -month, -day, entry.id)


def _by_year_then_type(entries) -> list[CatalogueRecord]:
    """Newest year first; inside a year, types in order of first appearance (newest first)."""
    listed = list(entries)
    first_seen: dict[tuple[int, str], int] = {}
    for index, entry in enumerate(listed):
        first_seen.setdefault((entry.record.date.year, entry.record.type), index)
    return sorted(listed, key=lambda e: (-e.record.date.year, first_seen[(e.record.date.year, e.record.type)],
                                         _newest_first_key(e)))


def _group_by(items, key) -> dict:
    """Group keeping first-seen order (records arrive newest first)."""
    groups: dict = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return groups


def _record_label(entry: CatalogueRecord) -> str:
    record = entry.record
    return f"{record.type} {record.display_number}"


def _directive_label(directive: Directive) -> str:
    return f"{directive.type} {directive.number}" if directive.type else directive.number
