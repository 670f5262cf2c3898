"""Record pages, in vbpl.vn's parts: Thuộc tính (properties), Toàn văn (full text), Lược đồ (what
it cites, what cites it, what implements the same directive), the tasks it gives, Lịch sử
(status changes and file history) and Tải về (the original)."""

from __future__ import annotations

from collections.abc import Hashable, Iterable

from markupsafe import Markup

from vanban.build.catalogue import Catalogue, CatalogueRecord
from vanban.build.lifecycle import Status
from vanban.core.fields import META_PANEL
from vanban.core.schema import ROLES
from vanban.core.text import slugify
from vanban.site import urls
from vanban.site.kinds.base import PageKind
from vanban.site.kinds.relations import CITATIONS_ON_RECORD_PAGE, cited_groups, citing_groups, siblings
from vanban.site.labels import record_label
from vanban.site.page import Page, PageText
from vanban.site.render.body import render_body
from vanban.site.render.jsonld import legislation, script_json
from vanban.site.render.markup import front_matter

CHAIN_DEPTH = 2
"""Citation steps a record page reaches: its relations, and through the directives it implements
the siblings implementing them too (so an edit of a record re-renders these pages)."""


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
        download = self._download(here, entry)
        history = PageText().heading(3, "Lịch sử hiệu lực", "lich-su-hieu-luc").html(
            self._timeline(here, entry, status))
        revisions = self._revisions(record.path)
        if revisions:
            history.heading(3, "Lịch sử cập nhật", "lich-su-cap-nhat").html(revisions)
        # each part once: (anchor, name in the menu, heading, content); the menu lists these
        parts = [("thuoc-tinh", "Thuộc tính", "Thuộc tính", PageText().html(self.meta_panel(here, entry))),
                 ("toan-van", "Toàn văn", "Toàn văn", PageText().html(self._body(entry))),
                 ("luoc-do", "Lược đồ", "Lược đồ quan hệ", PageText().html(self._diagram(here, entry)))]
        if entry.assignments:
            parts.append(("nhiem-vu", "Nhiệm vụ", "Nhiệm vụ được giao",
                          PageText().html(self._assignments(here, entry))))
        parts.append(("lich-su", "Lịch sử", "Lịch sử", history))
        if download:
            parts.append(("tai-ve", "Tải về", "Tải về", PageText().html(site.render("record/original", **download))))
        menu = [{"anchor": anchor, "label": name} for anchor, name, _, _ in parts]
        text.html(site.render("record/toolbar", parts=menu, download=download))
        for anchor, _, heading, content in parts:
            text.heading(2, heading, anchor).extend(content)
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

    def _download(self, here: str, entry: CatalogueRecord) -> dict[str, str] | None:
        """The original kept beside the record, as the download link wants it; None when there
        is none to download."""
        record = entry.record
        if not record.original:
            return None
        return {"href": self.site.linker.href_to_file(here, urls.original_file(entry.id, record.original)),
                "file": record.original, "label": record.source or record.original,
                "extension": record.original.rsplit(".", 1)[-1].upper()}

    def _original(self, here: str, entry: CatalogueRecord) -> Markup:
        """The original's name in the properties; when it is kept, a link to the "Tải về" part
        (one download link per page part, not three)."""
        download = self._download(here, entry)
        if download is None:
            return self.site.render("record/original", href=None, label=entry.record.source or "")
        return self.site.templates.link("#tai-ve", download["label"])

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

    def _diagram(self, here: str, entry: CatalogueRecord) -> Markup:
        """The relation blocks around the document: what it cites above, what cites it below
        (implementers first), then the documents implementing the same directive."""
        record, site = entry.record, self.site
        together = siblings(site, here, entry)
        facts = " · ".join(part for part in (record.date.short(), site.cat.issuers[entry.issuer_id].name) if part)
        return site.render("record/diagram", up=self._references(here, entry), down=self._cited_by(here, entry),
                           siblings=site.render("record/relations", groups=together, css="vb-siblings", empty="")
                           if together else None,
                           self_label=record_label(entry), facts=facts, subject=record.subject)


def _shorten(text: str, limit: int = 90) -> str:
    """At most ``limit`` characters, cut at a word, with an ellipsis."""
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + "…"


def _short_date(iso: str) -> str:
    """"2026-02-01T10:00:00+07:00" → "01/02/2026"."""
    return f"{iso[8:10]}/{iso[5:7]}/{iso[:4]}" if len(iso) >= 10 else iso


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
