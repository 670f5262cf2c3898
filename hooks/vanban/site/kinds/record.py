"""Record pages: the document's properties, its full text, what it cites, what cites it, the
tasks it gives and its relation chain."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from dataclasses import dataclass

from markupsafe import Markup

from vanban.build.catalogue import Catalogue, CatalogueRecord
from vanban.build.lifecycle import Status
from vanban.core.fields import META_PANEL
from vanban.core.schema import RELATIONS, RELATIONS_INVERSE, ROLES
from vanban.core.text import slugify
from vanban.site import urls
from vanban.site.kinds.base import PageKind
from vanban.site.kinds.relations import cited_groups, citing_groups, siblings
from vanban.site.labels import record_label, vietnamese_count
from vanban.site.page import Page, PageText
from vanban.site.render.body import render_body
from vanban.site.render.jsonld import legislation, script_json
from vanban.site.render.markup import front_matter

CHAIN_DEPTH = 2
"""How many levels of the relation chain a record page shows upwards and downwards."""
CHAIN_BRANCHES = 10
"""At most this many documents under one node of the chain; the rest are counted."""
CITATIONS_ON_RECORD_PAGE = 50
"""A record page lists this many citing documents; the rest are on their own pages."""


@dataclass(frozen=True, slots=True)
class ChainNode:
    """One document in the relation chain, with the documents under it."""

    relation: str
    link: Markup | str
    children: tuple[ChainNode, ...] = ()


class RecordKind(PageKind):
    name = "record"

    def keys(self) -> Iterable[Hashable]:
        return self.cat.records.keys()

    def pages(self, key: Hashable) -> list[Page]:
        return [self.record_page(self.cat.records[str(key)])]

    @classmethod
    def affected(cls, cat: Catalogue, record_id: str) -> set[Hashable]:
        """The record and every record within two citation steps (its chain shows them)."""
        return {record_id, *chain_neighbourhood(cat, record_id)[0]}

    def record_page(self, entry: CatalogueRecord) -> Page:
        record = entry.record
        here = urls.record_page(entry.id)
        title = record.title()
        site = self.site
        data = legislation(self.cat, entry, site.lifecycle, site.linker, site.site_url)
        # schema.org data goes into the page head (the theme's template prints it), not the article
        # the browser tab and a search engine's result carry the trích yếu: several unnumbered công
        # văn of one month otherwise share one title
        head_title = f"{title} — {_shorten(record.subject)}" if record.subject else title
        text = PageText().markdown(front_matter(head_title, description=record.subject or title,
                                                vb_jsonld=str(script_json(data))))
        year = record.date.year
        text.html(site.breadcrumbs(here, record_label(entry), (f"Văn bản năm {year}", urls.year_page(year))))
        text.heading(1, title)
        if record.sample:
            text.html(site.render("notice", kind="sample", strong="Văn bản minh hoạ.",
                                  text="Nội dung được soạn để minh hoạ cách dùng kho, không phải văn bản thật."))
        status = site.lifecycle.of_record(entry.id)
        text.html(site.status(here, status, full=True) or "")
        text.html(self.meta_panel(here, entry))
        text.heading(2, "Toàn văn").html(self._body(entry))
        text.heading(2, "Văn bản này dẫn chiếu").html(self._references(here, entry))
        text.heading(2, "Được dẫn chiếu bởi").html(self._cited_by(here, entry))
        together = siblings(site, here, entry)
        if together:
            text.heading(2, "Văn bản cùng thực hiện").html(
                site.render("record/relations", groups=together, css="vb-siblings", empty=""))
        if entry.assignments:
            text.heading(2, "Nhiệm vụ được giao").html(self._assignments(here, entry))
        chain = self._chain(here, entry)
        if chain:
            text.heading(2, "Lược đồ quan hệ").html(chain)
        text.heading(2, "Lịch sử hiệu lực").html(self._timeline(here, entry, status))
        revisions = self._revisions(record.path)
        if revisions:
            text.heading(2, "Lịch sử cập nhật").html(revisions)
        last = self.site.history.last_changed(record.path)
        return text.page(here, title, record.path, last.date[:10] if last else None)

    def _timeline(self, here: str, entry: CatalogueRecord, status: Status) -> Markup:
        changes = [{"date": c.date.short(), "label": c.label, "link": self.site.record_link(here, c.record_id),
                    "part": c.part} for c in status.changes]
        return self.site.render("record/timeline", issued=entry.record.date.short(), changes=changes,
                                effective_from=status.effective_from.short() if status.effective_from else None,
                                effective_to=status.effective_to.short() if status.effective_to else None)

    def _revisions(self, path: str) -> Markup | None:
        """The record file's git history; commits and pull requests linked when the repository is known."""
        repo = self.site.repo_url
        revisions = [{"date": _short_date(r.date), "author": r.author, "subject": r.subject,
                      "href": f"{repo}/commit/{r.commit}" if repo else None, "pull": r.pull_request,
                      "pull_href": f"{repo}/pull/{r.pull_request}" if repo and r.pull_request else None}
                     for r in self.site.history.of(path)]
        return self.site.render("record/history", revisions=revisions) if revisions else None

    def meta_panel(self, here: str, entry: CatalogueRecord) -> Markup:
        """The record's properties, in the order and with the labels of the field table."""
        record, site = entry.record, self.site
        signer = ""
        if record.signer:
            lines = [*record.signer.authority, record.signer.title or "", record.signer.name]
            signer = site.render("record/signer", lines=[line for line in lines if line])
        values = {
            "number": site.render("record/number", number=record.number, symbol=record.symbol),
            "type": site.link(here, urls.type_page(slugify(record.type)), record.type),
            "issuer": site.issuer_link(here, entry.issuer_id),
            "date": site.render("record/date", place=None, date=record.date.vietnamese(),
                                partial=record.date.precision != "day"),
            "place": record.place or "",
            "subject": record.subject or "",
            "signer": signer,
            "urgency": site.render("record/urgency", urgency=record.urgency) if record.urgency else "",
            "status": self._status_row(entry.id),
            "addressees": site.render("record/names", names=record.addressees) if record.addressees else "",
            "distribution": site.render("record/names", names=record.distribution) if record.distribution else "",
            "source": self._original(here, entry),
        }
        return site.render("record/meta", rows=[(label, values[name]) for name, label in META_PANEL], css="vb-meta")

    def _status_row(self, record_id: str) -> str:
        status = self.site.lifecycle.of_record(record_id)
        dates = []
        if status.effective_from:
            dates.append(f"từ {status.effective_from.short()}")
        if status.effective_to:
            dates.append(f"đến {status.effective_to.short()}")
        return status.label + (f" (hiệu lực {' '.join(dates)})" if dates else "")

    def _original(self, here: str, entry: CatalogueRecord) -> Markup:
        """The original's name; a download link when the original is kept beside the record."""
        record = entry.record
        if not record.original:
            return self.site.render("record/original", href=None, label=record.source or "")
        href = self.site.linker.href_to_file(here, urls.original_file(entry.id, record.original))
        return self.site.render("record/original", href=href, file=record.original,
                                label=record.source or record.original,
                                extension=record.original.rsplit(".", 1)[-1].upper())

    def _body(self, entry: CatalogueRecord) -> Markup:
        record = entry.record
        if not record.has_text:
            return self.site.render("notice", kind="no-text", strong=None,
                                    text="Toàn văn của văn bản này chưa có trong kho; trang chỉ ghi những "
                                         "thông tin đã biết.")
        body, failure = render_body(record.body)
        if failure:
            self.site.problems.warning(record.path, "body",
                                       f"không dựng được toàn văn ({failure}); trang hiện văn bản thô",
                                       f"the body could not be rendered ({failure}); shown as plain text",
                                       None, code="render.body")
        return self.site.render("record/body", body=Markup(body))  # noqa: S704 — cleaned by the allowlist

    def _references(self, here: str, entry: CatalogueRecord) -> Markup:
        return self.site.render("record/relations", groups=cited_groups(self.site, here, entry), css="vb-refs",
                                empty="Không dẫn chiếu văn bản nào.")

    def _cited_by(self, here: str, entry: CatalogueRecord) -> Markup:
        groups = citing_groups(self.site, here, entry, CITATIONS_ON_RECORD_PAGE)
        return self.site.render("record/relations", groups=groups, css="vb-cited-by",
                                empty="Chưa có văn bản nào trong kho dẫn chiếu văn bản này.")

    def _assignments(self, here: str, entry: CatalogueRecord) -> Markup:
        rows = []
        for resolved in entry.assignments:
            a = resolved.assignment
            rows.append([self.site.unit_link(here, resolved.unit_id), ROLES[a.role], a.task or "",
                         a.deadline.display() if a.deadline else ""])
        return self.site.render("table", css="vb-table vb-tasks", rows=rows,
                                headers=["Đơn vị", "Vai trò", "Nhiệm vụ", "Thời hạn"])

    def _chain(self, here: str, entry: CatalogueRecord) -> Markup | None:
        up = self._chain_up(here, entry.id, CHAIN_DEPTH, {entry.id})
        down = self._chain_down(here, entry.id, CHAIN_DEPTH, {entry.id})
        if not up and not down:
            return None
        return self.site.render("record/chain", up=up, down=down, self_label=record_label(entry))

    def _chain_up(self, here: str, record_id: str, depth: int, seen: set[str]) -> list[ChainNode]:
        nodes = []
        for ref, directive in self.cat.cited_records(record_id):
            target = directive.record_id
            children = self._chain_up(here, target, depth - 1, seen | {target}) \
                if target and target not in seen and depth > 1 else []
            nodes.append(ChainNode(RELATIONS[ref.reference.relation], self.site.directive_link(here, directive),
                                   tuple(children)))
        return _capped(nodes, len(nodes))

    def _chain_down(self, here: str, record_id: str, depth: int, seen: set[str]) -> list[ChainNode]:
        citations = self.cat.cited_by(record_id)
        nodes = []
        for citation in citations[:CHAIN_BRANCHES]:
            rid = citation.record_id
            children = self._chain_down(here, rid, depth - 1, seen | {rid}) if rid not in seen and depth > 1 else []
            nodes.append(ChainNode(RELATIONS_INVERSE[citation.relation], self.site.record_link(here, rid),
                                   tuple(children)))
        return _capped(nodes, len(citations))


def _shorten(text: str, limit: int = 90) -> str:
    """At most ``limit`` characters, cut at a word, with an ellipsis."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"


def _short_date(iso: str) -> str:
    """"2026-02-01T10:00:00+07:00" → "01/02/2026"."""
    return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}" if len(iso) >= 10 else iso


def _capped(nodes: list[ChainNode], total: int) -> list[ChainNode]:
    """At most CHAIN_BRANCHES nodes, and a line counting the rest."""
    if total > CHAIN_BRANCHES:
        rest = vietnamese_count(total - CHAIN_BRANCHES)
        nodes = nodes[:CHAIN_BRANCHES] + [ChainNode("", f"… và {rest} văn bản khác")]
    return nodes


def chain_neighbourhood(cat: Catalogue, record_id: str) -> tuple[set[str], set[str]]:
    """(records, directives) within ``CHAIN_DEPTH`` citation steps of a record: what its relation
    chain shows, and so which pages an edit of the record reaches."""
    records: set[str] = set()
    directives: set[str] = set()
    frontier = {record_id}
    for _ in range(CHAIN_DEPTH):
        step: set[str] = set()
        for rid in frontier:
            for _reference, directive in cat.cited_records(rid):
                directives.add(directive.id)
                if directive.record_id:
                    step.add(directive.record_id)
            step.update(c.record_id for c in cat.cited_by(rid))
        records |= step
        frontier = step
    return records, directives
