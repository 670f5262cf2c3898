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


def front_matter(title: str, **extra: str) -> str:
    """Page front-matter for MkDocs (title), written as JSON strings so any text is safe."""
    lines = [f"title: {json.dumps(title, ensure_ascii=False)}"]
    lines += [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in extra.items()]
    return "---\n" + "\n".join(lines) + "\n---\n"
