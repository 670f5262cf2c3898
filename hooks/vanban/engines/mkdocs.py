"""The MkDocs adapter: turns MkDocs build events into calls to the library and its output into
MkDocs files. ``hooks/mkdocs_hooks.py`` only hands each event to one ``MkDocsAdapter``.

* ``on_startup``  remembers the command (``serve`` never fails on record errors);
* ``on_config``   builds the catalogue (load → validate → resolve; records cached by mtime
                  across ``mkdocs serve`` rebuilds) and logs its problems;
* ``on_files``    adds the site content (``vanban.site``) as virtual files;
* ``on_env``      computes the Content-Security-Policy from the theme's inline scripts;
* ``on_page_markdown`` / ``on_page_content`` keep our ready-made HTML blocks out of
                  Python-Markdown's HTML parser (same output, a fraction of the time);
* ``on_post_page`` / ``on_post_template`` narrow the policy per page;
* ``on_post_build`` prints the summary and fails the build if any record had an error.

Time spent here is measured and printed, so the benchmark can tell our cost from MkDocs'.
"""

from __future__ import annotations

import functools
import logging
import time
from html import escape
from pathlib import Path

from markupsafe import escape as markup_escape
from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files

from vanban.build import collector
from vanban.build.pipeline import RecordCache, Sources, build_catalogue
from vanban.build.report import summary_lines
from vanban.core.text import toc_slugify
from vanban.engines.mkdocs_files import ContentMemory, HtmlStash, theme_script_hashes
from vanban.site import site_content, urls
from vanban.site.kinds import related
from vanban.site.render import csp
from vanban.site.render.markup import ESCAPED_META
from vanban.site.renderer import SiteRenderer
from vanban.site.templates import Templates

log = logging.getLogger("mkdocs.hooks.vanban")

_state: dict = {"seconds": 0.0, "cache": RecordCache(), "memory": ContentMemory(), "stash": HtmlStash(),
               "generated": set()}


def _timed(handler):
    """Add the handler's run time to the build's hook time."""
    @functools.wraps(handler)
    def wrapper(*args, **kwargs):
        start = time.perf_counter()
        try:
            return handler(*args, **kwargs)
        finally:
            _state["seconds"] += time.perf_counter() - start
    return wrapper


def on_startup(command: str, dirty: bool) -> None:
    _state["command"] = command
    _state["dirty"] = dirty


@_timed
def on_config(config):
    _state["seconds"] = 0.0
    root = Path(config.config_file_path).parent
    sources = Sources.at(root, config.extra.get("records_dir", "records"),
                         config.extra.get("registry_file", "records/registry.yml"))
    _state["previous"] = _state.get("catalogue")
    collector.release()  # the previous build's catalogue may be garbage now
    catalogue = build_catalogue(sources, cache=_state["cache"])
    collector.settle()
    _state["incremental"] = _incremental_scope(catalogue, not _state["cache"].registry_reloaded)
    for problem in catalogue.problems:
        (log.error if problem.is_error else log.warning)(problem.format())
    _state["catalogue"] = catalogue
    overrides = [Path(config.theme.custom_dir)] if config.theme.custom_dir else []
    _state["renderer"] = SiteRenderer(catalogue, urls.Linker(config.use_directory_urls), Templates(overrides))
    config.mdx_configs.setdefault("toc", {})["slugify"] = toc_slugify
    return config


def _incremental_scope(catalogue, registry_unchanged: bool) -> set[tuple] | None:
    """With ``mkdocs serve --dirty``, after a few records changed: the entities whose pages
    must be rendered again. ``None`` means a full build (first build, registry edited, many
    changes, or not serving)."""
    previous = _state.get("previous")
    cache: RecordCache = _state["cache"]
    touched = cache.changed | cache.removed
    if not (_state.get("command") == "serve" and _state.get("dirty") and previous and registry_unchanged
            and len(touched) <= 50):
        return None
    scope: set[tuple] = set()
    for cat in (previous, catalogue):
        by_path = {entry.record.path: entry.id for entry in cat.records.values()}
        for path in touched:
            if path in by_path:
                scope |= related(cat, by_path[path])
    return scope


@_timed
def on_files(files: Files, config) -> Files:
    with collector.paused():
        files = _add_generated_files(files, config)
    collector.settle()  # the generated pages live until the build ends
    return files


def _add_generated_files(files: Files, config) -> Files:
    """Turn the library's site content into MkDocs virtual files."""
    renderer: SiteRenderer = _state["renderer"]
    memory: ContentMemory = _state["memory"]
    hand_written = {f.src_uri: f.content_string for f in files if f.src_uri.endswith(".md")}
    scope = _state.get("incremental")
    signatures = renderer.landing_signatures()
    if scope is not None:
        previous = _state.get("landing_signatures", {})
        scope = scope | {("landing", name) for name, value in signatures.items() if previous.get(name) != value}
    _state["landing_signatures"] = signatures
    root = Path(config.config_file_path).parent
    content = site_content(renderer, hand_written, root, scope)
    for file in list(files):
        if file.src_uri in content.rewritten:
            files.remove(file)
            file = memory.file(config, file.src_uri, content.rewritten[file.src_uri])
            files.append(file)
        if file.src_uri.endswith(".md"):
            file.edit_uri = urls.path_for_link(f"docs/{file.src_uri}")
    generated: set[str] = _state["generated"]
    generated.clear()
    for page in content.pages:
        if page.src_uri != urls.BUILD_INFO:
            generated.add(page.src_uri)
        file = memory.file(config, page.src_uri, page.markdown)
        file.edit_uri = urls.path_for_link(page.source_path) if page.source_path else None
        files.append(file)
    _state["page_counts"] = content.page_counts
    for site_path, repo_path in content.attachments:
        files.append(File.generated(config, site_path, abs_src_path=str(root / repo_path)))
    for problem in renderer.problems:
        (log.error if problem.is_error else log.warning)(problem.format())
    if scope is not None:
        # Only the pages around the edited records are rebuilt; every other page, the search
        # index and catalog.json stay as the previous build wrote them (refreshed on the next
        # full build) — this is what keeps an edit under a few seconds at 10,000 records.
        log.info(f"Kho văn bản: dựng lại {len(generated)} trang quanh bản ghi vừa sửa (incremental rebuild)")
    for path, text in content.data.items():
        files.append(memory.file(config, path, text))
    return files


def on_env(env, config, files):
    """The Content-Security-Policy, with the hashes of the theme's inline scripts."""
    _state["script_hashes"] = theme_script_hashes(env, config)
    config.extra["csp"] = csp.policy(_state["script_hashes"])
    return env


@_timed
def on_page_markdown(markdown: str, page, config, files) -> str:
    # Material prints the title into <title> and the header, the description into an attribute,
    # as HTML and unescaped: hand them HTML. Generated pages' front-matter arrives escaped.
    if page.file.src_uri not in _state["generated"] and page.file.src_uri != urls.BUILD_INFO:
        for key in ESCAPED_META:
            if isinstance(page.meta.get(key), str):
                page.meta[key] = escape(page.meta[key])
    if page.file.src_uri in _state["generated"]:
        return _state["stash"].stash(page.file.src_uri, markdown)
    return markdown


@_timed
def on_page_content(html: str, page, config, files) -> str:
    return _state["stash"].restore(page.file.src_uri, html)


@_timed
def on_post_page(output: str, page, config) -> str:
    return _narrow_policy(output, page.file.src_uri, config)


def on_post_template(output: str, template_name: str, config) -> str:
    return _narrow_policy(output, template_name, config)  # 404.html, sitemap


def _narrow_policy(output: str, name: str, config) -> str:
    """Narrow the policy to the inline scripts this page has, and refuse to publish one the
    theme did not write (the browser would block it anyway)."""
    allowed = _state.get("script_hashes", set())
    present = set()
    for body in csp.inline_scripts(output):
        digest = csp.script_hash(body)
        if digest in allowed:
            present.add(digest)
        else:
            log.error(f"Kho văn bản: {name}: thẻ script nội tuyến không được phép "
                      f"(inline script not allowed by the Content-Security-Policy): {body[:60]!r}")
            _state["unsafe_pages"] = _state.get("unsafe_pages", 0) + 1
    full = str(markup_escape(config.extra.get("csp", "")))  # as the template's `| e` wrote it
    return output.replace(full, str(markup_escape(csp.policy(present))), 1) if full else output


@_timed
def on_post_build(config) -> None:
    catalogue = _state["catalogue"]
    for line in summary_lines(catalogue, _state.get("page_counts", {})):
        log.info(line)
    log.info(f"Kho văn bản: {_state['seconds']:.2f} s trong hooks (time in hooks)")
    errors = catalogue.problems.errors + _state["renderer"].problems.errors
    if _state.pop("unsafe_pages", 0) and _state.get("command") != "serve":
        raise Abort("Kho văn bản: trang có script nội tuyến không được phép (pages with disallowed inline scripts)")
    if errors and _state.get("command") != "serve":
        raise Abort(f"Kho văn bản: {len(errors)} lỗi trong bản ghi; bản ghi lỗi không được đăng "
                    f"({len(errors)} record error(s); broken records were not published)")
