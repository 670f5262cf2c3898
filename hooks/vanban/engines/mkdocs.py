"""The MkDocs adapter: turns MkDocs build events into calls to the library and its output into
MkDocs files. ``hooks/mkdocs_hooks.py`` only hands each event to one ``MkDocsAdapter``.

* ``on_startup``  remembers the command (``serve`` never fails on record errors);
* ``on_config``   reads our settings (``extra.vanban``, checked), builds the catalogue (load →
                  validate → resolve; records cached by mtime across ``mkdocs serve`` rebuilds)
                  and logs its problems;
* ``on_files``    adds the site content (``vanban.site``) as virtual files;
* ``on_env``      computes the Content-Security-Policy from the theme's inline scripts;
* ``on_page_markdown`` / ``on_page_content`` keep our ready-made HTML blocks out of
                  Python-Markdown's HTML parser (same output, a fraction of the time);
* ``on_page_context`` brings a generated page's parked HTML back just before its template
                  runs (``parking``, below);
* ``on_post_page`` / ``on_post_template`` narrow the policy per page, and release what a
                  written page no longer needs;
* ``on_post_build`` prints the summary and fails the build if any record had an error.

Memory (``parking``): MkDocs holds every virtual file from ``on_files`` to the end, and reads and
renders every page before it writes any (6.7 GB at 50,000 records). So the library's pages are
taken one at a time (``site_stream``) and kept compressed in a spill file on disk: Markdown and
blocks, then the HTML until the page's template runs; once written, a page keeps only what the
sitemap and the link checks read.

The state lives on the adapter instance, not in this module, so that two configurations in one
process (tests, ``vanban offline`` after a build) do not share a catalogue. Time spent here is
measured and printed, so the benchmark can tell our cost from MkDocs'.
"""

from __future__ import annotations

import functools
import logging
import time
from collections.abc import Callable, Iterable
from html import escape
from pathlib import Path
from typing import Concatenate, ParamSpec, TypeVar

from jinja2 import Environment
from markupsafe import escape as markup_escape
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from vanban.build import collector
from vanban.build.catalogue import Catalogue
from vanban.build.history import HistoryReader
from vanban.build.pipeline import RecordCache, build_catalogue
from vanban.build.report import summary_lines
from vanban.core.problems import Problem
from vanban.core.text import toc_slugify
from vanban.engines.mkdocs_files import ContentMemory, pack, pack_blocks, theme_script_hashes, unpack, unpack_blocks
from vanban.engines.mkdocs_options import VanbanOptions
from vanban.engines.mkdocs_scope import MAX_INCREMENTAL_FILES, Scope, incremental_scope
from vanban.site import SiteStream, site_stream, urls
from vanban.site.page import Page as GeneratedPage
from vanban.site.page import restore_blocks
from vanban.site.render import csp
from vanban.site.render.markup import ESCAPED_META
from vanban.site.renderer import SiteRenderer
from vanban.site.templates import Templates

log = logging.getLogger("mkdocs.hooks.vanban")

LARGE_META = ("vb_jsonld", "description")
"""Front-matter keys only the page's own template reads (the schema.org data is kilobytes)."""

SWEEP_EVERY = 500
"""Pages between two sweeps of the young objects (the cycle collector is paused meanwhile)."""

_P = ParamSpec("_P")
_R = TypeVar("_R")


def _timed(handler: Callable[Concatenate[MkDocsAdapter, _P], _R]) -> Callable[Concatenate[MkDocsAdapter, _P], _R]:
    """Add the handler's run time to the build's hook time."""
    @functools.wraps(handler)
    def wrapper(self: MkDocsAdapter, *args: _P.args, **kwargs: _P.kwargs) -> _R:
        start = time.perf_counter()
        try:
            return handler(self, *args, **kwargs)
        finally:
            self.seconds += time.perf_counter() - start
    return wrapper


def _log_problems(problems: Iterable[Problem]) -> None:
    for problem in problems:
        (log.error if problem.is_error else log.warning)(problem.format())


class MkDocsAdapter:
    """One per process of ``mkdocs build`` / ``mkdocs serve``: what one build hands the next
    (record cache, content hashes, the previous catalogue) and what one event hands a later one."""

    def __init__(self) -> None:
        self.command: str | None = None
        """``build``, ``serve`` or ``gh-deploy``, from ``on_startup`` (``None``: not started by the CLI)."""
        self.dirty = False
        """``mkdocs serve --dirty``: only changed pages are written, so rebuilds may be incremental."""
        self.options = VanbanOptions()
        self.cache = RecordCache()
        self.history = HistoryReader()
        self.memory = ContentMemory()
        self.catalogue: Catalogue | None = None
        self.previous: Catalogue | None = None
        """The catalogue of the build before, to find the pages an edit takes a record off."""
        self.renderer: SiteRenderer | None = None
        self.incremental: Scope | None = None
        """This build's scope (``None``: a full build)."""
        self.landing_signatures: dict[str, int] = {}
        self.generated: dict[str, GeneratedPage] = {}
        """This build's generated pages by source path; MkDocs gets their Markdown with the
        renderer's placeholders and each page's blocks go back into its HTML (then released)."""
        self.blocks: dict[str, tuple[int, int]] = {}
        """Where in the spill file each generated page's HTML blocks lie, until its Markdown is rendered."""
        self.parked: dict[str, tuple[int, int]] = {}
        """Where each generated page's HTML lies, from rendering (pass 1) to its template (pass 2)."""
        self.page_counts: dict[str, int] = {}
        self.script_hashes: set[str] = set()
        self.unsafe_pages = 0
        self.seconds = 0.0
        """Time spent in our handlers during this build."""

    @property
    def serving(self) -> bool:
        return self.command == "serve"

    def _current(self) -> tuple[Catalogue, SiteRenderer]:
        if self.catalogue is None or self.renderer is None:
            raise RuntimeError("MkDocsAdapter: on_config has not run for this build")
        return self.catalogue, self.renderer

    def on_startup(self, command: str, dirty: bool) -> None:
        self.command = command
        self.dirty = dirty

    @_timed
    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        self.seconds = 0.0
        self.options = VanbanOptions.from_extra(config.extra)
        root = Path(config.config_file_path).parent
        sources = self.options.sources(root)
        self.previous = self.catalogue
        collector.release()  # the previous build's catalogue may be garbage now
        catalogue = build_catalogue(sources, cache=self.cache)
        collector.settle()
        self.incremental = self._incremental_scope(catalogue)
        _log_problems(catalogue.problems)
        self.catalogue = catalogue
        overrides = [Path(config.theme.custom_dir)] if config.theme.custom_dir else []
        self.renderer = SiteRenderer(catalogue, urls.Linker(config.use_directory_urls), Templates(overrides),
                                     history=self.history.read(root, self.options.records_dir),
                                     site_url=config.site_url or "", repo_url=config.repo_url or "")
        config.mdx_configs.setdefault("toc", {})["slugify"] = toc_slugify
        return config

    def _incremental_scope(self, catalogue: Catalogue) -> Scope | None:
        """With ``mkdocs serve --dirty``, after a few records changed: the entities whose pages
        must be rendered again. ``None`` means a full build (first build, registry edited, many
        changes, or not serving)."""
        if not (self.serving and self.dirty) or self.cache.registry_reloaded:
            return None
        return incremental_scope(self.previous, catalogue, self.cache.changed | self.cache.removed)

    @_timed
    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        with collector.paused():
            files = self._add_generated_files(files, config)
        collector.settle()  # the generated pages live until the build ends
        return files

    def _add_generated_files(self, files: Files, config: MkDocsConfig) -> Files:
        """Turn the library's site content into MkDocs virtual files, page by page (each kept
        compressed: ``mkdocs_files``)."""
        _, renderer = self._current()
        hand_written = {f.src_uri: f.content_string for f in files if f.src_uri.endswith(".md")}
        scope = self._scope_with_landings(renderer)
        root = Path(config.config_file_path).parent
        content = site_stream(renderer, hand_written, root, scope)
        self.memory.new_build()
        self._replace_rewritten(files, config, content.rewritten)
        self._add_pages(files, config, content)
        for site_path, repo_path in content.attachments:
            files.append(File.generated(config, site_path, abs_src_path=str(root / repo_path)))
        if scope is not None:
            # Only the pages around the edited records are rebuilt; every other page, the search
            # index and catalog.json stay as the previous build wrote them (refreshed on the next
            # full build) — this is what keeps an edit under a few seconds at 10,000 records.
            log.info(f"Kho văn bản: dựng lại {len(self.generated)} trang quanh bản ghi vừa sửa "
                     f"(incremental rebuild)")
        data: dict[str, File] = {}
        for path, text in content.data():
            if path in data:
                log.warning(f"Kho văn bản: hai tệp dữ liệu cùng đường dẫn {path}; giữ tệp sau "
                            f"(two data files at one path; the later one is kept)")
            data[path] = self.memory.file(config, path, text)
        for file in data.values():
            files.append(file)
        _log_problems(renderer.problems)
        return files

    def _scope_with_landings(self, renderer: SiteRenderer) -> Scope | None:
        """The incremental scope plus the landing pages whose content changed."""
        scope = self.incremental
        signatures = renderer.landing_signatures()
        if scope is not None:
            previous = self.landing_signatures
            scope = scope | {("landing", name) for name, value in signatures.items() if previous.get(name) != value}
        self.landing_signatures = signatures
        return scope

    def _replace_rewritten(self, files: Files, config: MkDocsConfig, rewritten: dict[str, str]) -> None:
        """Hand-written pages the library filled in replace their files; every hand-written
        page's "edit" button points at its file under docs/."""
        for file in list(files):
            if file.src_uri in rewritten:
                files.remove(file)
                file = self.memory.file(config, file.src_uri, rewritten[file.src_uri])
                files.append(file)
            if file.src_uri.endswith(".md"):
                file.edit_uri = urls.path_for_link(f"docs/{file.src_uri}")

    def _add_pages(self, files: Files, config: MkDocsConfig, content: SiteStream) -> None:
        self._release()
        for count, page in enumerate(content.pages, start=1):
            if count % SWEEP_EVERY == 0:
                collector.sweep()
            file = self.memory.file(config, page.src_uri, page.stashed, page.blocks)
            file.edit_uri = urls.path_for_link(page.source_path) if page.source_path else None
            files.append(file)
            self.generated[page.src_uri] = page.released()
            if page.blocks:
                self.blocks[page.src_uri] = self.memory.spill.put(pack_blocks(page.blocks))
        self.page_counts = content.page_counts

    def on_env(self, env: Environment, config: MkDocsConfig, files: Files) -> Environment:
        """The Content-Security-Policy, with the hashes of the theme's inline scripts."""
        self.script_hashes = theme_script_hashes(env, config)
        config.extra["csp"] = csp.policy(self.script_hashes)
        return env

    @_timed
    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        # Material prints the title into <title> and the header, the description into an
        # attribute, as HTML and unescaped: hand them HTML. Generated pages' front-matter
        # arrives escaped.
        if page.file.src_uri not in self.generated:
            for key in ESCAPED_META:
                if isinstance(page.meta.get(key), str):
                    page.meta[key] = escape(page.meta[key])
        elif self.generated[page.file.src_uri].updated:
            # the sitemap's lastmod: when the record last changed, not when the site was built
            page.update_date = self.generated[page.file.src_uri].updated or page.update_date
        return markdown

    @_timed
    def on_page_content(self, html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        src_uri = page.file.src_uri
        if src_uri not in self.generated:
            return html
        blocks = self.blocks.pop(src_uri, None)
        if blocks is not None:
            html = restore_blocks(html, unpack_blocks(self.memory.spill.get(blocks)))
        page.markdown = ""  # read no more
        self.parked[src_uri] = self.memory.spill.put(pack(html))
        return ""

    @_timed
    def on_page_context(self, context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
        parked = self.parked.pop(page.file.src_uri, None)
        if parked is not None:
            page.content = unpack(self.memory.spill.get(parked))
        return context

    def on_build_error(self, error: Exception) -> None:
        """A failed build leaves pages unwritten: the next one must not take them as unchanged."""
        self._release()
        self.memory.forget()

    def _release(self) -> None:
        """Drop what one build handed from its reading pass to its writing pass."""
        self.generated.clear()
        self.blocks.clear()
        self.parked.clear()

    @_timed
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        if page.file.src_uri in self.generated:
            # written next: only the sitemap's and the anchor checks' attributes are read later
            page.content = None
            for key in LARGE_META:
                page.meta.pop(key, None)
        return self._narrow_policy(output, page.file.src_uri, config)

    def on_post_template(self, output: str, template_name: str, config: MkDocsConfig) -> str:
        return self._narrow_policy(output, template_name, config)  # 404.html, sitemap

    def _narrow_policy(self, output: str, name: str, config: MkDocsConfig) -> str:
        """Narrow the policy to the inline scripts this page has, and refuse to publish one the
        theme did not write (the browser would block it anyway)."""
        present = set()
        for body in csp.inline_scripts(output):
            digest = csp.script_hash(body)
            if digest in self.script_hashes:
                present.add(digest)
            else:
                log.error(f"Kho văn bản: {name}: thẻ script nội tuyến không được phép "
                          f"(inline script not allowed by the Content-Security-Policy): {body[:60]!r}")
                self.unsafe_pages += 1
        full = str(markup_escape(config.extra.get("csp", "")))  # as the template's `| e` wrote it
        return output.replace(full, str(markup_escape(csp.policy(present))), 1) if full else output

    @_timed
    def on_post_build(self, config: MkDocsConfig) -> None:
        catalogue, renderer = self._current()
        for line in summary_lines(catalogue, self.page_counts):
            log.info(line)
        log.info(f"Kho văn bản: {self.seconds:.2f} s trong hooks (time in hooks)")
        self.blocks.clear()  # an incremental build leaves the skipped pages' pieces
        self.parked.clear()
        errors = catalogue.problems.errors + renderer.problems.errors
        unsafe, self.unsafe_pages = self.unsafe_pages, 0
        if unsafe and not self.serving:
            raise Abort("Kho văn bản: trang có script nội tuyến không được phép (pages with disallowed inline scripts)")
        if errors and not self.serving:
            raise Abort(f"Kho văn bản: {len(errors)} lỗi trong bản ghi; bản ghi lỗi không được đăng "
                        f"({len(errors)} record error(s); broken records were not published)")


__all__ = ["MAX_INCREMENTAL_FILES", "MkDocsAdapter", "Scope", "incremental_scope"]
