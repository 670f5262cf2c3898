"""Stage 4 — render: the catalogue as Markdown pages (with escaped HTML panels).

Knows nothing of MkDocs: it returns ``Page`` objects (source path, Markdown text, where the
record came from) that the hooks hand to MkDocs and that another engine could write to disk
as plain Markdown files. Every link is relative and computed by the ``Linker``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import groupby

from .. import urls
from ..catalogue import Catalogue, CatalogueRecord, Directive, Task, Unit
from ..schema import RELATIONS, RELATIONS_INVERSE, ROLES
from ..text import slugify
from .markup import bullet_list, definition_list, esc, front_matter, html_block, link, md_text, table

CHAIN_DEPTH = 2
"""How many levels of the relation chain a record page shows upwards and downwards."""


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
            entry = self.cat.registry.get(unit_id)
            return esc(entry.name if entry else unit_id)
        return link(self._href(here, urls.unit_page(unit_id)), unit.name)

    def record_item(self, here: str, entry: CatalogueRecord, show_issuer: bool = True) -> str:
        """One line of a record list: linked number and date, issuer, subject."""
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
            parts.append("\n" + record.body.strip("\n") + "\n")
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
            ("Tệp gốc", esc(record.source or "")),
        ]
        return definition_list(rows)

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
        items = [f'<span class="vb-relation">{esc(RELATIONS_INVERSE[c.relation])}:</span> '
                 f"{self.record_item(here, self.cat.records[c.record_id])}" for c in citations]
        body = bullet_list(items, "vb-cited-by") if items else '<p class="vb-empty">Chưa có văn bản nào trong kho dẫn chiếu văn bản này.</p>'
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
        return bullet_list(items) if items else ""

    def _chain_down(self, here: str, record_id: str, depth: int, seen: set[str]) -> str:
        items = []
        for citation in self.cat.cited_by(record_id):
            text = (f"{esc(RELATIONS_INVERSE[citation.relation])}: "
                    f"{self.record_link(here, citation.record_id)}")
            if citation.record_id not in seen and depth > 1:
                text += self._chain_down(here, citation.record_id, depth - 1, seen | {citation.record_id})
            items.append(text)
        return bullet_list(items) if items else ""

    # -- issuers ------------------------------------------------------------------------------
    def issuer_page(self, issuer_id: str) -> Page:
        issuer = self.cat.issuers[issuer_id]
        here = urls.issuer_page(issuer_id)
        title = issuer.name
        parts = [front_matter(title), f"# {md_text(title)}\n"]
        info = [("Số văn bản trong kho", str(len(issuer.record_ids)))]
        if not issuer.known:
            info.append(("Ghi chú", "Cơ quan chưa có trong sổ đăng ký; lập chỉ mục theo tên ghi trên văn bản."))
        if issuer_id in self.cat.units:
            info.append(("Nhiệm vụ được giao", self.unit_link(here, issuer_id)))
        parts.append(html_block(definition_list(info)))
        entries = [self.cat.records[r] for r in issuer.record_ids]
        for year, in_year in groupby(entries, key=lambda e: e.record.date.year):
            parts.append(f"\n## Năm {year}\n")
            for doc_type, of_type in _group_by(in_year, lambda e: e.record.type).items():
                parts.append(f"\n### {md_text(doc_type)}\n")
                parts.append(html_block(self.record_list(here, of_type, show_issuer=False)))
        return Page(here, "".join(parts), title)

    # -- directives ---------------------------------------------------------------------------
    def directive_page(self, directive: Directive) -> Page:
        here = urls.directive_page(directive.id)
        title = _directive_label(directive)
        parts = [front_matter(title), f"# {md_text(title)}\n"]
        issuer = ""
        if directive.issuer_id and directive.issuer_id in self.cat.issuers:
            issuer = self.issuer_link(here, directive.issuer_id)
        elif directive.issuer_name:
            issuer = esc(directive.issuer_name)
        rows = [
            ("Số, ký hiệu", esc(directive.number)),
            ("Loại văn bản", esc(directive.type or "")),
            ("Ngày ban hành", esc(directive.date.vietnamese()) if directive.date else ""),
            ("Cơ quan ban hành", issuer),
            ("Trích yếu", esc(directive.subject or "")),
        ]
        parts.append(html_block(
            '<p class="vb-notice vb-no-text">Văn bản này chưa có trong kho; thông tin dưới đây lấy từ '
            "các văn bản dẫn chiếu nó.</p>" + definition_list(rows)))
        parts.append("\n## Các văn bản dẫn chiếu\n")
        by_relation: dict[str, list[str]] = defaultdict(list)
        for citation in directive.citations:
            by_relation[citation.relation].append(citation.record_id)
        for relation in RELATIONS:
            if relation in by_relation:
                parts.append(f"\n### {md_text(RELATIONS_INVERSE[relation])}\n")
                entries = [self.cat.records[r] for r in by_relation[relation]]
                parts.append(html_block(self.record_list(here, entries)))
        return Page(here, "".join(parts), title)

    # -- units --------------------------------------------------------------------------------
    def unit_page(self, unit: Unit) -> Page:
        here = urls.unit_page(unit.id)
        title = unit.name
        parts = [front_matter(title), f"# {md_text(title)}\n"]
        info: list[tuple[str, str]] = []
        if unit.is_group:
            info.append(("Loại", "Nhóm đơn vị"))
        if not unit.known:
            info.append(("Ghi chú", "Đơn vị chưa có trong sổ đăng ký; lập chỉ mục theo tên ghi trên văn bản."))
        groups = [g for g in self.cat.registry.groups_of(unit.id) if g.id in self.cat.units]
        if groups:
            info.append(("Thuộc nhóm", ", ".join(self.unit_link(here, g.id) for g in groups)))
        if unit.id in self.cat.issuers:
            info.append(("Văn bản ban hành", self.issuer_link(here, unit.id)))
        if info:
            parts.append(html_block(definition_list(info)))
        direct = [t for t in unit.tasks if t.via is None]
        via = [t for t in unit.tasks if t.via is not None]
        parts.append("\n## Nhiệm vụ giao trực tiếp\n")
        parts.append(html_block(self._task_table(here, direct) if direct else
                                '<p class="vb-empty">Chưa có nhiệm vụ giao trực tiếp.</p>'))
        if via:
            parts.append("\n## Nhiệm vụ giao qua nhóm\n")
            parts.append(html_block(self._task_table(here, via, show_via=True)))
        if unit.is_group:
            parts.append("\n## Thành viên của nhóm\n")
            members = [self.unit_link(here, m) for m in unit.members]
            parts.append(html_block(bullet_list(members, "vb-members") if members else
                                    '<p class="vb-empty">Nhóm chưa có thành viên trong sổ đăng ký.</p>'))
        return Page(here, "".join(parts), title)

    def _task_table(self, here: str, tasks: list[Task], show_via: bool = False) -> str:
        headers = ["Vai trò", "Nhiệm vụ", "Thời hạn", "Văn bản giao"] + (["Qua nhóm"] if show_via else [])
        rows = []
        for task in tasks:
            row = [esc(ROLES[task.role]), esc(task.task or ""), esc(task.deadline_display or ""),
                   self.record_item(here, self.cat.records[task.record_id])]
            if show_via:
                row.append(self.unit_link(here, task.via or ""))
            rows.append(row)
        return table(headers, rows, "vb-table vb-tasks")

    # -- lists by type and year ---------------------------------------------------------------
    def type_page(self, doc_type: str, entries: list[CatalogueRecord]) -> Page:
        here = urls.type_page(slugify(doc_type))
        parts = [front_matter(doc_type), f"# {md_text(doc_type)}\n"]
        for year, in_year in groupby(entries, key=lambda e: e.record.date.year):
            parts.append(f"\n## Năm {year}\n")
            parts.append(html_block(self.record_list(here, list(in_year))))
        return Page(here, "".join(parts), doc_type)

    def year_page(self, year: int, entries: list[CatalogueRecord]) -> Page:
        here = urls.year_page(year)
        title = f"Văn bản năm {year}"
        parts = [front_matter(title), f"# {md_text(title)}\n"]
        for doc_type, of_type in _group_by(entries, lambda e: e.record.type).items():
            parts.append(f"\n## {md_text(doc_type)}\n")
            parts.append(html_block(self.record_list(here, of_type)))
        return Page(here, "".join(parts), title)

    # -- landing pages ------------------------------------------------------------------------
    def issuers_landing(self) -> Page:
        here = urls.landing_page(urls.ISSUERS)
        rows = [[self.issuer_link(here, i.id), str(len(i.record_ids))]
                for i in sorted(self.cat.issuers.values(), key=lambda i: (-len(i.record_ids), i.name))]
        return self._landing(here, "Cơ quan ban hành", "Văn bản trong kho theo cơ quan ban hành.",
                             table(["Cơ quan", "Số văn bản"], rows))

    def directives_landing(self) -> Page:
        here = urls.landing_page(urls.DIRECTIVES)
        ordered = sorted(self.cat.directives.values(),
                         key=lambda d: (-len(d.citations), -(d.date.sort_key[0] if d.date else 0), d.id))
        rows = [[self.directive_link(here, d), esc(d.issuer_name or ""),
                 "Có" if d.record_id else "Chưa", str(len(d.citations))] for d in ordered]
        return self._landing(here, "Văn bản được dẫn chiếu",
                             "Mọi văn bản được các văn bản trong kho dẫn chiếu, kể cả văn bản chưa có toàn văn "
                             "trong kho; xếp theo số lần được dẫn chiếu.",
                             table(["Văn bản", "Cơ quan ban hành", "Có trong kho", "Số lần dẫn chiếu"], rows))

    def units_landing(self) -> Page:
        here = urls.landing_page(urls.UNITS)
        ordered = sorted(self.cat.units.values(), key=lambda u: (not u.is_group, u.name))
        rows = [[self.unit_link(here, u.id), "Nhóm" if u.is_group else "Đơn vị",
                 str(sum(t.via is None for t in u.tasks)), str(sum(t.via is not None for t in u.tasks))]
                for u in ordered]
        return self._landing(here, "Đơn vị được giao nhiệm vụ",
                             "Nhiệm vụ giao trực tiếp và giao qua nhóm (như “Các Sở, ban, ngành cấp tỉnh”).",
                             table(["Đơn vị", "Loại", "Giao trực tiếp", "Giao qua nhóm"], rows))

    def types_landing(self) -> Page:
        here = urls.landing_page(urls.TYPES)
        rows = [[link(self._href(here, urls.type_page(slugify(t))), t), str(len(e))]
                for t, e in sorted(self.types.items(), key=lambda kv: (-len(kv[1]), kv[0]))]
        return self._landing(here, "Loại văn bản", "Văn bản trong kho theo loại.",
                             table(["Loại văn bản", "Số văn bản"], rows))

    def years_landing(self) -> Page:
        here = urls.landing_page(urls.YEARS)
        rows = [[link(self._href(here, urls.year_page(y)), str(y)), str(len(e))]
                for y, e in sorted(self.years.items(), reverse=True)]
        return self._landing(here, "Văn bản theo năm", "Văn bản trong kho theo năm ban hành.",
                             table(["Năm", "Số văn bản"], rows))

    def _landing(self, here: str, title: str, intro: str, content: str) -> Page:
        return Page(here, front_matter(title) + f"# {md_text(title)}\n\n{esc(intro)}\n" + html_block(content), title)

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
    def pages(self):
        """Every generated page, in a stable order."""
        for entry in self.cat.records.values():
            yield self.record_page(entry)
        for issuer_id in self.cat.issuers:
            yield self.issuer_page(issuer_id)
        for directive in self.cat.directives.values():
            if directive.record_id is None:
                yield self.directive_page(directive)
        for unit in self.cat.units.values():
            yield self.unit_page(unit)
        for doc_type, entries in self.types.items():
            yield self.type_page(doc_type, entries)
        for year, entries in self.years.items():
            yield self.year_page(year, entries)
        yield self.issuers_landing()
        yield self.directives_landing()
        yield self.units_landing()
        yield self.types_landing()
        yield self.years_landing()


def vietnamese_count(n: int) -> str:
    """Thousands separated by dots, as Vietnamese readers write them: 10.000."""
    return f"{n:,}".replace(",", ".")


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
