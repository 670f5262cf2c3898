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

from vanban.site.page import PageText
from vanban.site.templates import Templates

ItemRenderer = Callable[[str], str]
"""Renders one item as HTML for the page whose source path is given."""


@dataclass(frozen=True, slots=True)
class Item:
    headings: tuple[str, ...]  # e.g. ("Năm 2023", "Công văn"); level 2, 3 …
    render: ItemRenderer


@dataclass(frozen=True, slots=True)
class Container:
    """How items are wrapped: a list (items are list entries), or a table with a header row
    (items are rows)."""

    css: str
    headers: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ListPage:
    """One page of a list: where it goes, its number, how many pages the list has, its text."""

    src_uri: str
    number: int
    total: int
    text: PageText


def page_uri(base: str, number: int) -> str:
    """Source path of page ``number`` of the list whose first page is ``base``."""
    if number == 1:
        return base
    stem = posixpath.dirname(base) if posixpath.basename(base) == "index.md" else base[: -len(".md")]
    return f"{stem}/trang-{number}.md"


def pager(templates: Templates, here: str, base: str, current: int, total: int,
          href: Callable[[str, str], str], bottom: bool = False) -> str:
    """"Trang: 1 2 [3] 4" navigation between the pages of one list, above or ``bottom`` below
    it: two navigation landmarks of one page need two names."""
    if total <= 1:
        return ""
    pages = [{"number": n, "current": n == current, "href": href(here, page_uri(base, n))}
             for n in range(1, total + 1)]
    return templates.render("list/pager", pages=pages, bottom=bottom)


def paginate(templates: Templates, base: str, items: list[Item], size: int, container: Container,
             href: Callable[[str, str], str], empty: str = "", max_pages: int | None = None) -> list[ListPage]:
    """Split ``items`` over pages of ``size``. ``max_pages`` renders only the first pages (the
    page count stays that of the whole list)."""
    chunks = [items[i:i + size] for i in range(0, len(items), size)] or [[]]
    total = len(chunks)
    out = []
    for number, chunk in enumerate(chunks[:max_pages], start=1):
        here = page_uri(base, number)
        text = PageText().html(pager(templates, here, base, number, total, href))
        if not chunk and empty:
            text.html(templates.render("empty", text=empty))
        previous_chunk = chunks[number - 2] if number > 1 else []
        _write_chunk(templates, text, chunk, previous_chunk, here, container)
        text.html(pager(templates, here, base, number, total, href, bottom=True))
        out.append(ListPage(here, number, total, text))
    return out


def _write_chunk(templates: Templates, text: PageText, chunk: list[Item], previous_chunk: list[Item],
                 here: str, container: Container) -> None:
    """The items of one page, a heading wherever an item's headings differ from the one before."""
    previous: tuple[str, ...] = ()
    block: list[str] = []

    def flush() -> None:
        if block:
            text.html(templates.render("list/block", css=container.css, headers=container.headers,
                                       items=block.copy()))
            block.clear()

    for index, item in enumerate(chunk):
        if index == 0 or item.headings != previous:
            flush()
            for level, heading in enumerate(item.headings):
                if index == 0 or previous[: level + 1] != item.headings[: level + 1]:
                    continued = index == 0 and _continues(previous_chunk, item, level)
                    text.heading(level + 2, heading + (" (tiếp)" if continued else ""))
            previous = item.headings
        block.append(item.render(here))
    flush()


def _continues(previous_chunk: list[Item], item: Item, level: int) -> bool:
    """Does ``item``'s heading at ``level`` continue from the end of the previous page?"""
    last = previous_chunk[-1].headings if previous_chunk else ()
    return bool(last) and last[: level + 1] == item.headings[: level + 1]
