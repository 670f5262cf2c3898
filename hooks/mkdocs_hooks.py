"""MkDocs glue: adapts build events to the ``vanban`` library. Nothing else lives here.

* ``on_config``        builds the catalogue once (load → validate → resolve) and logs problems;
* ``on_files``         adds the generated pages and data files as virtual files;
* ``on_page_markdown`` fills the home page's summary;
* ``on_post_build``    prints the summary and fails the build if any record had an error.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.exceptions import Abort
from mkdocs.structure.files import File, Files

from vanban import buildinfo, urls
from vanban.pipeline import Sources, build_catalogue
from vanban.render.data import CATALOG_FILE, SCHEMA_FILE, catalog_json, redirect_stubs, schema_json
from vanban.render import search
from vanban.render.pages import SiteRenderer
from vanban.report import summary_lines
from vanban.text import toc_slugify

log = logging.getLogger("mkdocs.hooks.vanban")

HOME_MARKER = "<!-- vanban:tong-quan -->"
_state: dict = {}


def on_startup(command: str, dirty: bool) -> None:
    _state["command"] = command


def on_config(config):
    root = Path(config.config_file_path).parent
    sources = Sources.at(root, config.extra.get("records_dir", "records"),
                         config.extra.get("registry_file", "records/registry.yml"))
    catalogue = build_catalogue(sources)
    for problem in catalogue.problems:
        (log.error if problem.is_error else log.warning)(problem.format())
    _state["catalogue"] = catalogue
    _state["renderer"] = SiteRenderer(catalogue, urls.Linker(config.use_directory_urls))
    config.mdx_configs.setdefault("toc", {})["slugify"] = toc_slugify
    return config


def on_files(files: Files, config) -> Files:
    renderer: SiteRenderer = _state["renderer"]
    hand_written = []
    for file in list(files):
        if file.src_uri.endswith(".md"):
            file.edit_uri = f"docs/{file.src_uri}"
            hand_written.append(search.hand_written_page(file.src_uri, file.content_string))
    counts: dict[str, int] = {}
    for page in renderer.pages():
        file = File.generated(config, page.src_uri, content=page.markdown)
        file.edit_uri = page.source_path
        files.append(file)
        section = page.src_uri.split("/", 1)[0]
        counts[section] = counts.get(section, 0) + 1
    info = buildinfo.current(Path(config.config_file_path).parent)
    files.append(File.generated(config, urls.BUILD_INFO, content=renderer.build_info_page(info).markdown))
    catalogue = renderer.cat
    files.append(File.generated(config, CATALOG_FILE, content=catalog_json(catalogue, renderer.linker)))
    files.append(File.generated(config, SCHEMA_FILE, content=schema_json()))
    for dest, html in redirect_stubs(catalogue, renderer.linker).items():
        files.append(File.generated(config, dest, content=html))
    index = search.build_index(search.documents(catalogue, renderer.linker, hand_written))
    for path, script in index.items():
        files.append(File.generated(config, path, content=script))
    _state["page_counts"] = counts
    return files


def on_page_markdown(markdown: str, page, config, files) -> str:
    if HOME_MARKER in markdown:
        markdown = markdown.replace(HOME_MARKER, _state["renderer"].home_summary(page.file.src_uri))
    return markdown


def on_post_build(config) -> None:
    catalogue = _state["catalogue"]
    for line in summary_lines(catalogue, _state.get("page_counts", {})):
        log.info(line)
    errors = catalogue.problems.errors
    if errors and _state.get("command") != "serve":
        raise Abort(f"Kho văn bản: {len(errors)} lỗi trong bản ghi; bản ghi lỗi không được đăng "
                    f"({len(errors)} record error(s); broken records were not published)")
