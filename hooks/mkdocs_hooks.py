"""MkDocs hooks of Kho văn bản: every build event goes to the library's MkDocs adapter
(``vanban.engines.mkdocs``). Nothing else lives here, so that the site is the library's output
and another engine can render it from ``vanban pages`` (README: "Khi Material ngừng hỗ trợ")."""

from vanban.engines.mkdocs import (  # noqa: F401
    on_config,
    on_env,
    on_files,
    on_page_content,
    on_page_markdown,
    on_post_build,
    on_post_page,
    on_post_template,
    on_startup,
)
