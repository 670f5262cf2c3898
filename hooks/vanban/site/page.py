"""A generated page: Markdown for the headings (so every engine builds its table of contents)
and ready HTML blocks, each standing in the Markdown as a placeholder the renderer issued.

Why placeholders: Python-Markdown passes raw HTML blocks through unchanged, but only after
parsing them tag by tag in pure Python (measured at 40 % of a 1,000-record build). An engine
adapter that can hand the engine ``Page.stashed`` and put ``Page.blocks`` back into the HTML
skips that parse; any other engine reads ``Page.markdown``, where the blocks are written out as
ordinary raw-HTML blocks. Nothing is found by pattern-matching Markdown: the renderer knows where
each block is because it put it there, and a placeholder carries a per-process random word that
no record can spell in advance.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field

from vanban.site.render.markup import md_text

NONCE = secrets.token_hex(6)


def placeholder(index: int) -> str:
    """The one-word paragraph standing for block ``index`` of a page."""
    return f"VBBLOCK{NONCE}x{index}Z"


def as_block(html: str) -> str:
    """HTML as a raw block that every Markdown engine passes through: no blank line inside."""
    return "\n".join(line for line in html.splitlines() if line.strip())


@dataclass(frozen=True, slots=True)
class Page:
    """One generated page: where it goes, its title, its Markdown with placeholders and the
    HTML blocks they stand for, and the record file it comes from, if any."""

    src_uri: str
    title: str
    stashed: str
    blocks: tuple[str, ...] = ()
    source_path: str | None = None
    updated: str | None = None
    """ISO date the page's record file last changed (git), for the sitemap's ``lastmod``."""

    @property
    def markdown(self) -> str:
        """The page as plain Markdown with raw HTML blocks, for any engine."""
        text = self.stashed
        for index, block in enumerate(self.blocks):
            text = text.replace(placeholder(index), block, 1)
        return text

    def released(self) -> Page:
        """What an engine still asks of a page once its HTML is made: where it comes from and
        when that changed; neither its Markdown nor its blocks (memory)."""
        return Page(self.src_uri, self.title, "", (), self.source_path, self.updated)

    def restore(self, html: str) -> str:
        """The engine's HTML of ``stashed`` with every block put back in its place."""
        return restore_blocks(html, self.blocks)


def restore_blocks(html: str, blocks: Sequence[str]) -> str:
    """An engine's HTML of a page's Markdown with its ``blocks`` put back in their places (an
    engine that keeps the blocks apart from the page calls this directly)."""
    for index, block in enumerate(blocks):
        token = placeholder(index)
        wrapped = f"<p>{token}</p>"
        html = html.replace(wrapped, block, 1) if wrapped in html else html.replace(token, block, 1)
    return html


@dataclass(slots=True)
class PageText:
    """Builds a page's text: Markdown pieces and HTML blocks, in order. Placeholders are issued
    when the page is made, so pieces built apart can be joined freely."""

    parts: list[tuple[bool, str]] = field(default_factory=list)
    """(is HTML, text) in page order."""

    def markdown(self, text: str) -> PageText:
        if text:
            self.parts.append((False, text))
        return self

    def heading(self, level: int, text: str, anchor: str | None = None) -> PageText:
        """A Markdown heading; ``anchor`` fixes its id (attr_list) where a link points at it, so
        the id does not follow the wording or the engine's slug rules."""
        suffix = f" {{#{anchor}}}" if anchor else ""
        return self.markdown(f"\n{'#' * level} {md_text(text)}{suffix}\n")

    def html(self, *fragments: str) -> PageText:
        """One raw HTML block (fragments joined), framed by blank lines."""
        html = as_block("\n".join(f.strip("\n") for f in fragments if f))
        if html:
            self.parts.append((True, html))
        return self

    def extend(self, other: PageText) -> PageText:
        self.parts.extend(other.parts)
        return self

    def page(self, src_uri: str, title: str, source_path: str | None = None, updated: str | None = None) -> Page:
        pieces: list[str] = []
        blocks: list[str] = []
        for is_html, text in self.parts:
            if is_html:
                pieces.append(f"\n\n{placeholder(len(blocks))}\n\n")
                blocks.append(text)
            else:
                pieces.append(text)
        return Page(src_uri, title, "".join(pieces), tuple(blocks), source_path, updated)

    def text(self) -> str:
        """Plain Markdown with the blocks written out (for text spliced into a hand-written page)."""
        return "".join(f"\n{text}\n" if is_html else text for is_html, text in self.parts)
