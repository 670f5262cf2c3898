"""The whole site as the library makes it, for any engine: generated pages, the changed
hand-written pages, data files and attachments.

Why a façade: MkDocs 1.x is unmaintained and Material reaches its end of life in 2027; Zensical
reads ``mkdocs.yml`` but runs no hooks. Everything a build needs from us comes out of
``site_content`` (or, page by page, ``site_stream``); the MkDocs hooks only turn it into virtual
files, and ``write_folder`` writes it to a folder that any engine renders as a plain docs
directory (``vanban pages -o DIR``).
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from vanban.build.catalogue import Catalogue
from vanban.site import buildinfo
from vanban.site.kinds.home import build_info_page, home_summary
from vanban.site.page import Page
from vanban.site.render import search
from vanban.site.render.calendar import calendars
from vanban.site.render.data import CATALOG_FILE, SCHEMA_FILE, catalog_json, redirect_stubs, schema_json
from vanban.site.render.feeds import FeedWriter
from vanban.site.render.tables import task_tables
from vanban.site.renderer import SiteRenderer

HOME_MARKER = "<!-- vanban:tong-quan -->"
"""Where the home page gets the collection's counts and latest documents."""


@dataclass
class SiteContent:
    """Everything the site consists of besides the hand-written pages left as they are."""

    pages: list[Page]
    """Generated pages (and the build-information page), one per source path."""
    rewritten: dict[str, str]
    """Hand-written pages whose text the library filled in (the home page's counts)."""
    data: dict[str, str] = field(default_factory=dict)
    """Data files by site path: catalog.json, the JSON Schema, redirect stubs, the search index.
    Empty for an incremental rebuild, which keeps the previous build's."""
    attachments: list[tuple[str, str]] = field(default_factory=list)
    """(site path, repository path) of originals offered for download."""
    page_counts: dict[str, int] = field(default_factory=dict)


@dataclass
class SiteStream:
    """The site as it is made, for an engine that keeps what it gets in its own form (the MkDocs
    adapter compresses each page): ``pages`` yields each generated page once, and only then
    ``data()`` makes the data files one by one. Nothing here holds every page or every data
    file at once, which is what bounds a 50,000-record build's memory."""

    pages: Iterator[Page]
    rewritten: dict[str, str]
    attachments: list[tuple[str, str]]
    data: Callable[[], Iterator[tuple[str, str]]]
    """Data files by site path; none for an incremental rebuild, which keeps the previous build's."""
    page_counts: dict[str, int] = field(default_factory=dict)
    """Pages by section, complete once ``pages`` is exhausted."""


def site_stream(renderer: SiteRenderer, hand_written: dict[str, str], root: Path,
                scope: set[tuple] | None = None) -> SiteStream:
    """The site for ``renderer``'s catalogue, page by page; ``hand_written`` maps each
    hand-written page's source path to its Markdown; ``scope`` limits a rebuild to the pages
    around edited records."""
    search_pages = [search.hand_written_page(src, text) for src, text in hand_written.items()]
    rewritten = {src: text.replace(HOME_MARKER, home_summary(renderer, src).text())
                 for src, text in hand_written.items() if HOME_MARKER in text}
    counts: dict[str, int] = {}

    def pages() -> Iterator[Page]:
        for page in renderer.iter_unique_pages(scope):
            section = page.src_uri.split("/", 1)[0]
            counts[section] = counts.get(section, 0) + 1
            yield page
        yield build_info_page(renderer, buildinfo.current(root))

    def data() -> Iterator[tuple[str, str]]:
        if scope is None:
            yield from data_files(renderer.cat, renderer, search_pages)

    return SiteStream(pages(), rewritten, renderer.attachments(), data, counts)


def site_content(renderer: SiteRenderer, hand_written: dict[str, str], root: Path,
                 scope: set[tuple] | None = None) -> SiteContent:
    """The whole site at once (``site_stream`` gathered), for writers that want it so."""
    stream = site_stream(renderer, hand_written, root, scope)
    pages = list(stream.pages)
    return SiteContent(pages, stream.rewritten, dict(stream.data()), stream.attachments, stream.page_counts)


def data_files(cat: Catalogue, renderer: SiteRenderer,
               search_pages: list[tuple[str, str, str]]) -> Iterator[tuple[str, str]]:
    """(site path, text) of every data file, one producer at a time."""
    yield CATALOG_FILE, catalog_json(cat, renderer.linker, renderer.lifecycle, renderer.tracker)
    yield SCHEMA_FILE, schema_json()
    yield from redirect_stubs(cat, renderer.linker).items()
    statuses = {rid: status.label for rid, status in renderer.lifecycle.by_record.items()
                if status.code != "in_force"}
    yield from search.build_index(search.documents(cat, renderer.linker, search_pages, statuses)).items()
    yield from FeedWriter(cat, renderer.linker, renderer.site_url).all_feeds().items()
    yield from calendars(cat, renderer.tracker, renderer.linker, renderer.site_url).items()
    yield from task_tables(cat, renderer.tracker, renderer.linker, renderer.site_url).items()
    for kind in renderer.kinds:
        yield from kind.data().items()


def hand_written_pages(docs_dir: Path) -> dict[str, str]:
    """Source path → Markdown of every hand-written page under ``docs_dir``."""
    return {p.relative_to(docs_dir).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(docs_dir.rglob("*.md")) if not any(part.startswith(".") for part in p.parts)}


def write_folder(content: SiteContent, docs_dir: Path, root: Path, out: Path) -> int:
    """Write the hand-written docs (filled in where the library rewrote them), the generated
    pages, data files and attachments into ``out``: a docs directory any engine can build.
    Returns the number of files written."""
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(docs_dir, out, ignore=shutil.ignore_patterns("overrides"))
    written = sum(1 for p in out.rglob("*") if p.is_file())
    texts = {**content.rewritten, **{page.src_uri: page.markdown for page in content.pages}, **content.data}
    for site_path, text in texts.items():
        target = out / site_path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")
        written += 1
    for site_path, repo_path in content.attachments:
        target = out / site_path
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(root / repo_path, target)
        written += 1
    return written


__all__ = ["HOME_MARKER", "SiteContent", "SiteStream", "site_content", "site_stream", "write_folder",
           "hand_written_pages"]
