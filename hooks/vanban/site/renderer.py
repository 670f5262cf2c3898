"""Stage 4 — render: the catalogue as pages, by iterating the page kinds.

Knows nothing of MkDocs: it returns ``Page`` objects (source path, Markdown with the HTML blocks
its templates made, the record file they come from) that an engine adapter hands to its engine
and that ``vanban pages`` writes to a folder. Every link is relative and computed by the
``Linker``. What is shared by all kinds lives here: links to entities, the record list item
(rendered once per page depth), paginated lists, and the page-path collision check.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Hashable, Iterable, Iterator, Sequence
from functools import partial

from markupsafe import Markup

from vanban.build.catalogue import Catalogue, CatalogueRecord, Directive
from vanban.build.history import EMPTY as EMPTY_HISTORY
from vanban.build.history import History
from vanban.build.lifecycle import Status, derive
from vanban.build.tracker import track
from vanban.core.problems import ProblemLog
from vanban.site import buildinfo, urls
from vanban.site.kinds import KINDS, PageKind
from vanban.site.labels import directive_label, record_label
from vanban.site.page import Page, PageText
from vanban.site.render.listing import Container, Item, paginate
from vanban.site.render.markup import front_matter
from vanban.site.templates import Templates

_LANDING_PATH = re.compile(r"^[a-z-]+/(?:index|trang-\d+)\.md$")
"""Where the landing lists of each section live: no entity's page may take their place."""


class SiteRenderer:
    """Builds every generated page of the site from one catalogue."""

    def __init__(self, catalogue: Catalogue, linker: urls.Linker, templates: Templates | None = None,
                 kinds: Sequence[type[PageKind]] = KINDS, *, today: dt.date | None = None,
                 history: History | None = None, site_url: str = "", repo_url: str = "") -> None:
        self.cat = catalogue
        self.linker = linker
        self.templates = templates or Templates()
        self.problems = ProblemLog()
        """Problems found while rendering (a body the Markdown renderer could not handle)."""
        self.today = today or buildinfo.build_date()
        """The date statuses and deadlines are counted from (an input: builds are reproducible)."""
        self.lifecycle = derive(catalogue, self.today)
        self.tracker = track(catalogue, self.lifecycle)
        self.problems.extend(self.tracker.problems)
        self.history = history or EMPTY_HISTORY
        self.site_url = site_url
        self.repo_url = repo_url.rstrip("/")
        self._items: dict[tuple[str, int, bool], Markup] = {}
        self.kinds = [kind(self) for kind in kinds]
        self._by_name = {kind.name: kind for kind in self.kinds}

    def kind(self, name: str) -> PageKind:
        return self._by_name[name]

    def render(self, template: str, **values: object) -> Markup:
        return self.templates.render(template, **values)

    # -- links --------------------------------------------------------------------------------
    def href(self, here: str, target: str) -> str:
        return self.linker.href(here, target)

    def link(self, here: str, target: str, text: str) -> Markup:
        return self.templates.link(self.href(here, target), text)

    def record_link(self, here: str, record_id: str, text: str | None = None) -> Markup:
        entry = self.cat.records[record_id]
        return self.link(here, urls.record_page(record_id), text or record_label(entry))

    def directive_link(self, here: str, directive: Directive) -> Markup:
        label = directive_label(directive)
        if directive.record_id:
            return self.record_link(here, directive.record_id, label)
        return self.link(here, urls.directive_page(directive.id), label)

    def issuer_link(self, here: str, issuer_id: str) -> Markup:
        issuer = self.cat.issuers.get(issuer_id)
        if issuer is None:
            return self.templates.link(None, self.cat.issuer_name(issuer_id) or issuer_id)
        return self.link(here, urls.issuer_page(issuer_id), issuer.name)

    def unit_link(self, here: str, unit_id: str) -> Markup:
        unit = self.cat.units.get(unit_id)
        if unit is None:
            return self.templates.link(None, self.cat.unit_name(unit_id) or unit_id)
        return self.link(here, urls.unit_page(unit_id), unit.name)

    # -- record lists -------------------------------------------------------------------------
    def record_item(self, here: str, entry: CatalogueRecord, show_issuer: bool = True) -> Markup:
        """One line of a record list: linked number and date, issuer, subject.

        Links depend only on the page's depth, so each item is rendered once per depth: a
        record listed on its issuer's, type's, year's, directive's and units' pages costs one
        rendering, not one per page.
        """
        key = (entry.id, self.linker.depth(here), show_issuer)
        cached = self._items.get(key)
        if cached is None:
            record = entry.record
            cached = self._items[key] = self.render(
                "record-item", record=self.record_link(here, entry.id), date=record.date.short(),
                issuer=self.issuer_link(here, entry.issuer_id) if show_issuer else None,
                subject=record.subject, sample=record.sample,
                status=self.status(here, self.lifecycle.of_record(entry.id)))
        return cached

    def status(self, here: str, status: Status, full: bool = False) -> Markup | None:
        """The status badge of a document; in lists only when it is not plainly in force."""
        if status.code == "in_force" and not full:
            return None
        by = by_label = by_date = None
        if status.decided_by is not None:
            by = self.record_link(here, status.decided_by.record_id)
            by_label, by_date = status.decided_by.label, status.decided_by.date.short()
        return self.render("status", full=full, code=status.code, label=status.label, by=by, by_label=by_label,
                           by_date=by_date, note=status.override_note)

    def record_list(self, here: str, entries: Iterable[CatalogueRecord], show_issuer: bool = True) -> Markup:
        return self.render("record-list", items=[self.record_item(here, e, show_issuer) for e in entries])

    def record_items(self, entries: Iterable[CatalogueRecord],
                     heading: Callable[[CatalogueRecord], tuple[str, ...]] = lambda entry: (),
                     show_issuer: bool = True) -> list[Item]:
        """List items of records, each under the headings ``heading(entry)`` gives."""
        return [Item(heading(e), partial(self.record_item, entry=e, show_issuer=show_issuer)) for e in entries]

    def row(self, cells: Sequence[object], headers: Sequence[str] = ()) -> Markup:
        """One table row; on phones each cell shows under its header's name."""
        return self.render("list/row", cells=cells, headers=headers, css=None)

    def list_pages(self, base: str, title: str, head: PageText | None, items: list[Item], size: int,
                   container: Container, empty: str = "", max_pages: int | None = None,
                   feed: str | None = None) -> list[Page]:
        """Title and ``head`` on the first page, the items over as many pages as they need;
        ``feed`` (a site path) is announced in every page's head for feed readers."""
        pages = []
        for part in paginate(self.templates, base, items, size, container, self.href, empty, max_pages):
            page_title = title if part.number == 1 else f"{title} (trang {part.number}/{part.total})"
            extra = {"vb_feed": feed} if feed else {}
            text = PageText().markdown(front_matter(page_title, **extra)).html(self.breadcrumbs(part.src_uri, title))
            text.heading(1, page_title)
            if part.number == 1 and head is not None:
                text.extend(head)
            pages.append(text.extend(part.text).page(part.src_uri, page_title))
        return pages

    def breadcrumbs(self, here: str, title: str, parent: tuple[str, str] | None = None) -> Markup:
        """Home › the section's list › this page; ``parent`` (label, source path) overrides the
        section (a record sits under its year)."""
        crumbs: list[dict[str, str | None]] = [{"text": "Trang chủ", "href": self.href(here, urls.HOME)}]
        section = urls.SECTION_LABELS.get(here.split("/", 1)[0])
        landing = here.split("/", 1)[0] + "/index.md"
        if parent is not None:
            crumbs.append({"text": parent[0], "href": self.href(here, parent[1])})
        elif section and here != landing:
            crumbs.append({"text": section, "href": self.href(here, landing)})
        crumbs.append({"text": title, "href": None})
        return self.render("breadcrumbs", crumbs=crumbs)

    def attachments(self) -> list[tuple[str, str]]:
        """(site path, repository path) of every original kept beside a record, to publish."""
        found = []
        for entry in self.cat.records.values():
            original = entry.record.original
            if original:
                folder = entry.record.path.rsplit("/", 1)[0] if "/" in entry.record.path else ""
                found.append((urls.original_file(entry.id, original), f"{folder}/{original}".lstrip("/")))
        return found

    # -- everything ---------------------------------------------------------------------------
    def pages(self, only: set[tuple] | None = None) -> Iterator[Page]:
        """Every generated page in a stable order, or only those of the entities in ``only``
        (keys such as ("record", id), ("issuer", id), ("landing", "issuer") — see ``related``)."""
        yield from self._entity_pages(only)
        yield from self._landing_pages(only)

    def _entity_pages(self, only: set[tuple] | None) -> Iterator[Page]:
        for kind in self.kinds:
            for key in kind.keys():
                if only is None or (kind.name, key) in only:
                    yield from kind.pages(key)

    def _landing_pages(self, only: set[tuple] | None) -> Iterator[Page]:
        for kind in self.kinds:
            # The navigation links the first page of every landing list, and MkDocs builds the
            # rebuilt pages' navigation from the files it is given: that page is always there.
            yield from kind.landing(None if only is None or ("landing", kind.name) in only else 1)

    def unique_pages(self, only: set[tuple] | None = None) -> list[Page]:
        """``iter_unique_pages`` as a list."""
        return list(self.iter_unique_pages(only))

    def iter_unique_pages(self, only: set[tuple] | None = None) -> Iterator[Page]:
        """``pages()`` with no two pages at one path. A name that slugs onto another page
        ("Index" as a type, a reference numbered like a landing page) is an error naming both;
        the landing page keeps its place, otherwise the first page does.

        Pages are yielded as they are made, so that no one holds them all (a 50,000-record
        site's pages are gigabytes of text); only the rare entity page at a landing page's path
        waits, to the end, for the landing list that may claim its path."""
        seen: dict[str, tuple[str, str | None]] = {}
        """Path → (title, record file) of every page yielded."""
        held: dict[str, Page] = {}
        """Entity pages at a landing page's path, until the landing lists are made."""
        for page in self._entity_pages(only):
            if _LANDING_PATH.match(page.src_uri):
                earlier = held.get(page.src_uri)
                if earlier is not None:
                    self._collision(earlier.title, earlier.source_path, page)
                held[page.src_uri] = page
                continue
            if page.src_uri in seen:
                title, source = seen[page.src_uri]
                self._collision(page.title, page.source_path, page, winner=(title, source))
                continue
            seen[page.src_uri] = (page.title, page.source_path)
            yield page
        for page in self._landing_pages(only):
            loser = held.pop(page.src_uri, None)
            if loser is not None:  # the landing list keeps its place
                self._collision(loser.title, loser.source_path, page)
            seen[page.src_uri] = (page.title, page.source_path)
            yield page
        yield from held.values()

    def _collision(self, loser: str, loser_source: str | None, page: Page,
                   winner: tuple[str, str | None] | None = None) -> None:
        """Report the page ``loser`` not published because ``page``'s path is taken (by
        ``winner``, or by ``page`` itself when it wins)."""
        winner_title, winner_source = winner or (page.title, page.source_path)
        source = loser_source or winner_source or "records"
        self.problems.error(
            source, "id", f"trang “{loser}” trùng đường dẫn {page.src_uri} với trang "
            f"“{winner_title}” nên không được đăng; hãy đổi tên hoặc mã",
            f"page '{loser}' has the same path {page.src_uri} as page '{winner_title}' "
            "and was not published; rename it or change its id", code="page.path-collision")

    def landing_signatures(self) -> dict[str, int]:
        """A hash of what each landing page shows, to rebuild only those that changed."""
        return {kind.name: signature for kind in self.kinds if (signature := kind.signature()) is not None}

    def keys(self, name: str) -> list[Hashable]:
        return list(self.kind(name).keys())

