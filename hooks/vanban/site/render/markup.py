"""Escaping for the few things a page writes outside its templates: Markdown headings, the
front-matter, and attribute values in data files.

Every HTML fragment comes from an autoescaping template (``vanban.site.templates``); what stays
here is the Markdown around them, where HTML-escaping alone would not stop ``*emphasis*``,
``[links](…)`` or ``#`` from record text.
"""

from __future__ import annotations

import html
import json
import re

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}()#+!|~^-])")


def esc(text: object) -> str:
    """HTML-escape any value for element content or a quoted attribute."""
    return html.escape(str(text), quote=True)


def md_text(text: str) -> str:
    """Escape text for a Markdown line (headings): no emphasis, links or HTML from data."""
    return _MD_SPECIAL.sub(r"\\\1", esc(text))


ESCAPED_META = ("title", "description")
"""Front-matter values that themes print into HTML unescaped (``<title>``, the header, a
``<meta>`` attribute): written HTML-escaped, so no engine can be handed record text as markup."""


def front_matter(title: str, **extra: str) -> str:
    """Page front-matter (title …), written as JSON strings so any text is safe YAML; the
    values in ``ESCAPED_META`` HTML-escaped as well."""
    values = {"title": title, **extra}
    lines = [f"{key}: {json.dumps(esc(value) if key in ESCAPED_META else value, ensure_ascii=False)}"
             for key, value in values.items()]
    return "---\n" + "\n".join(lines) + "\n---\n"
