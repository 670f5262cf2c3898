"""MkDocs hooks of Kho văn bản: every build event goes to one ``MkDocsAdapter`` of the library
(``vanban.engines.mkdocs``). Nothing else lives here, so that the site is the library's output
and another engine can render it from ``vanban pages`` (README: "Khi Material ngừng hỗ trợ").

MkDocs loads this file once per process (``mkdocs serve`` reuses it on every rebuild), so the
one adapter below carries the record cache from one rebuild to the next."""

from vanban.engines.mkdocs import MkDocsAdapter

adapter = MkDocsAdapter()

on_startup = adapter.on_startup
on_config = adapter.on_config
on_files = adapter.on_files
on_env = adapter.on_env
on_page_markdown = adapter.on_page_markdown
on_page_content = adapter.on_page_content
on_page_context = adapter.on_page_context
on_post_page = adapter.on_post_page
on_post_template = adapter.on_post_template
on_post_build = adapter.on_post_build
on_build_error = adapter.on_build_error
