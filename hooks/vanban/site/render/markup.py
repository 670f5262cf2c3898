"""Small, safe building blocks for generated pages.

Every value that comes from a record is escaped here: metadata is always shown as text, so a
subject containing ``<b>`` shows the characters. Generated pages are Markdown documents whose
panels and lists are single raw-HTML blocks (no blank lines inside, so every Markdown engine
passes them through untouched).
"""

from __future__ import annotations

import html
import re

_MD_SPECIAL = re.compile(r"([\\`*_\[\]{}()#+!|~^-])")


def esc(text: object) -> str:
    """HTML-escape any value for element content or a quoted attribute."""
    return html.escape(str(text), quote=True)


def md_text(text: str) -> str:
    """Escape text for a Markdown line (headings): no emphasis, links or HTML from data."""
    return _MD_SPECIAL.sub(r"\\\1", esc(text))


def link(href: str, text: str, css: str | None = None) -> str:
    cls = f' class="{css}"' if css else ""
    return f'<a href="{esc(href)}"{cls}>{esc(text)}</a>'


def html_block(*parts: str) -> str:
    """Join HTML fragments into one block with no blank lines, framed by blank lines."""
    inner = "\n".join(p.strip("\n") for p in parts if p)
    return "\n" + "\n".join(line for line in inner.splitlines() if line.strip()) + "\n"


def definition_list(rows: list[tuple[str, str]], css: str = "vb-meta") -> str:
    """A label → value panel; values must already be HTML (escaped or built here)."""
    items = "".join(f"<dt>{esc(label)}</dt><dd>{value}</dd>" for label, value in rows if value)
    return f'<dl class="{css}">{items}</dl>'


def bullet_list(items: list[str], css: str | None = None) -> str:
    cls = f' class="{css}"' if css else ""
    return f"<ul{cls}>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


TABLE_CLOSE = "</table></div></div>"


def table_open(css: str) -> str:
    """A table as Material writes one: classless (its styles match only ``table:not([class])``),
    inside its scroll wrapper, our class on the wrapper for our own rules."""
    # focusable, so that a keyboard can scroll a table wider than the screen (WCAG 2.1.1)
    return f'<div class="md-typeset__scrollwrap {css}" tabindex="0"><div class="md-typeset__table"><table>'


def table(headers: list[str], rows: list[list[str]], css: str = "vb-table") -> str:
    """An HTML table; cells must already be HTML."""
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    labels = [esc(h) for h in headers]  # a phone shows each cell under its header's name
    body = "".join("<tr>" + "".join(f'<td data-label="{label}">{cell}</td>' for label, cell in zip(labels, row, strict=False))
                   + "</tr>" for row in rows)
    return f"{table_open(css)}<thead><tr>{head}</tr></thead><tbody>{body}</tbody>{TABLE_CLOSE}"


def front_matter(title: str, **extra: str) -> str:
    """Page front-matter for MkDocs (title), written as JSON strings so any text is safe."""
    import json

    lines = [f"title: {json.dumps(title, ensure_ascii=False)}"]
    lines += [f"{key}: {json.dumps(value, ensure_ascii=False)}" for key, value in extra.items()]
    return "---\n" + "\n".join(lines) + "\n---\n"
