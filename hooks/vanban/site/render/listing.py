"""Long lists split over numbered pages, so that no page grows with the collection.

An issuer with 5,000 documents, a group with 3,000 tasks or 20,000 cited directives would
otherwise make pages of several megabytes. A list is cut into pages of a fixed size: page 1 at
the list's own address, page k at ``<address>/trang-k``. Items carry the headings they sit
under (year, type, relation …); a heading is repeated with "(tiếp)" at the top of a page that
continues it. Items are rendered per page because links are relative to the page.
"""

from __future__ import annotations

import posixpath
from collections.abc import Callable
from dataclasses import dataclass

from vanban.site.render.markup import TABLE_CLOSE, esc, html_block, md_text, table_open

ItemRenderer = Callable[[str], str]
"""Renders one item as HTML for the page whose source path is given."""


@dataclass(frozen=True, slots=True)
class Item:
    headings: tuple[str, ...]  # e.g. ("Năm 2023", "Công văn"); level 2, 3 …
    render: ItemRenderer


@dataclass(frozen=True, slots=True)
class Container:
    """How items are wrapped: a list, or a table with a header row."""

    css: str
    headers: tuple[str, ...] = ()

    def open(self) -> str:
        if self.headers:
            head = "".join(f"<th>{esc(h)}</th>" for h in self.headers)
            return f'{table_open(self.css)}<thead><tr>{head}</tr></thead><tbody>'
        return f'<ul class="{self.css}">'

    def close(self) -> str:
        return f"</tbody>{TABLE_CLOSE}" if self.headers else "</ul>"

    def wrap(self, html: str) -> str:
        return html if self.headers else f"<li>{html}</li>"


def page_uri(base: str, number: int) -> str:
    """Source path of page ``number`` of the list whose first page is ``base``."""
    if number == 1:
        return base
    stem = posixpath.dirname(base) if posixpath.basename(base) == "index.md" else base[: -len(".md")]
    return f"{stem}/trang-{number}.md"


def pager(here: str, base: str, current: int, total: int, href: Callable[[str, str], str]) -> str:
    """"Trang: 1 2 [3] 4" navigation between the pages of one list."""
    if total <= 1:
        return ""
    links = []
    for number in range(1, total + 1):
        if number == current:
            links.append(f'<strong aria-current="page">{number}</strong>')
        else:
            links.append(f'<a href="{esc(href(here, page_uri(base, number)))}">{number}</a>')
    return f'<nav class="vb-pager" aria-label="Các trang của danh sách">Trang: {" ".join(links)}</nav>'


def paginate(base: str, items: list[Item], size: int, container: Container,
             href: Callable[[str, str], str], empty: str = "",
             max_pages: int | None = None) -> list[tuple[str, int, int, str]]:
    """Split ``items`` over pages: (source path, page number, page count, Markdown of the list).

    ``max_pages`` renders only the first pages (the page count stays that of the whole list).
    """
    chunks = [items[i:i + size] for i in range(0, len(items), size)] or [[]]
    total = len(chunks)
    out = []
    for number, chunk in enumerate(chunks[:max_pages], start=1):
        here = page_uri(base, number)
        nav = pager(here, base, number, total, href)
        parts = [html_block(nav)] if nav else []
        if not chunk and empty:
            parts.append(html_block(f'<p class="vb-empty">{esc(empty)}</p>'))
        previous: tuple[str, ...] = ()
        block: list[str] = []
        for index, item in enumerate(chunk):
            if item.headings != previous or index == 0:
                if block:
                    parts.append(html_block(container.open() + "".join(block) + container.close()))
                    block = []
                for level, heading in enumerate(item.headings):
                    if index == 0 or level >= len(previous) or previous[level] != heading or \
                            any(previous[i] != item.headings[i] for i in range(level)):
                        continued = index == 0 and number > 1 and _continues(chunks[number - 2], item, level)
                        suffix = " (tiếp)" if continued else ""
                        parts.append(f"\n{'#' * (level + 2)} {md_text(heading + suffix)}\n")
                previous = item.headings
            block.append(container.wrap(item.render(here)))
        if block:
            parts.append(html_block(container.open() + "".join(block) + container.close()))
        if nav:
            parts.append(html_block(nav))
        out.append((here, number, total, "".join(parts)))
    return out


def _continues(previous_chunk: list[Item], item: Item, level: int) -> bool:
    """Does ``item``'s heading at ``level`` continue from the end of the previous page?"""
    last = previous_chunk[-1].headings if previous_chunk else ()
    return last[: level + 1] == item.headings[: level + 1]
