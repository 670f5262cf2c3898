"""A record's body (toàn văn) as safe HTML: Markdown rendered here, then sanitised.

The body is rendered by the library, not by the site engine, for two reasons. The engine's
Markdown has extensions meant for our own hand-written pages (``attr_list`` turns
``{: onclick=… }`` into attributes) that must never apply to text from a pull request, and the
sanitiser can only guard HTML it sees whole. The result is one HTML block with no blank lines,
which any Markdown engine passes through unchanged.
"""

from __future__ import annotations

import html
import re
import xml.etree.ElementTree as etree

import markdown
from markdown.treeprocessors import Treeprocessor

from vanban.site.render.sanitise import DROP_WITH_CONTENT, TAGS, clean_html

EXTENSIONS = ["tables", "sane_lists", "fenced_code"]
"""Only what documents use: tables for phụ lục, numbered lists, preformatted blocks. No
``attr_list``, ``md_in_html`` or anything that writes attributes from text."""

_REMOTE = re.compile(r"^\s*(?:[a-zA-Z][a-zA-Z0-9+.-]*:|[/\\]{2})")


class _RemoteImagesAsLinks(Treeprocessor):
    """``![ảnh](https://…)`` becomes a plain link: nothing is loaded from outside the site."""

    def run(self, root: etree.Element) -> None:
        for parent in root.iter():
            for index, child in enumerate(list(parent)):
                if child.tag == "img" and _REMOTE.match(child.get("src", "")):
                    link = etree.Element("a", {"href": child.get("src", "")})
                    link.text = child.get("alt") or child.get("src", "")
                    link.tail = child.tail
                    parent.remove(child)
                    parent.insert(index, link)


class _SafeBodies(markdown.Extension):
    def extendMarkdown(self, md: markdown.Markdown) -> None:  # noqa: N802 - Markdown's API
        md.treeprocessors.register(_RemoteImagesAsLinks(md), "vb_remote_images", 1)


_md = markdown.Markdown(extensions=[*EXTENSIONS, _SafeBodies()],
                        extension_configs={"tables": {"use_align_attribute": True}})

_BLANK_LINE = re.compile(r"\n(?=\s*\n)")

_TAG_NAMES = "|".join(sorted(TAGS | DROP_WITH_CONTENT, key=len, reverse=True))
_MARKUP = re.compile(
    rf"<(?:/?(?:{_TAG_NAMES})(?![\w-])[^<>]{{0,4000}}>"   # a complete tag of a known name
    r"|(?:https?|mailto):[^<>\s]{1,4000}>"                # an autolink
    r"|!--(?:(?!<!--|-->)[\s\S]){0,8000}-->)"           # a comment
    r"|<", re.IGNORECASE)
_BRACKET_BUDGET = 1_000_000
"""Python-Markdown looks for the end of a link from every "[", to the end of the paragraph: a
paragraph whose brackets × length pass this (~0.3 s) has its brackets escaped instead."""


MAX_INDENT = 64
"""Leading spaces kept on a line (16 list levels): a document has 3 or 4; 500 levels take
Python-Markdown seconds before it runs out of recursion."""
_DEEP_INDENT = re.compile(r"^[ \t]{%d,}" % (MAX_INDENT + 1), re.MULTILINE)

_LT, _BRACKET = "\ue000", "\ue001"
"""Private-use stand-ins Markdown sees as plain text; put back as "&lt;" and "[" afterwards."""


def _defuse(text: str) -> str:
    """Neutralise what makes Python-Markdown slow before it sees the text: a "<" that starts no
    complete tag is hidden (it is shown as text anyway, and unclosed tags are quadratic), and so
    are the brackets of paragraphs that would take seconds. Linear in the text."""
    text = text.replace(_LT, "\ufffd").replace(_BRACKET, "\ufffd")
    if _DEEP_INDENT.search(text):  # Markdown nests a level per 4 columns, recursively
        text = _DEEP_INDENT.sub(" " * MAX_INDENT, text)
    if "<" in text:
        text = _MARKUP.sub(lambda m: m.group(0) if len(m.group(0)) > 1 else _LT, text)
    if text.count("[") * len(text) > _BRACKET_BUDGET:
        blocks = text.split("\n\n")
        for index, block in enumerate(blocks):
            if block.count("[") * len(block) > _BRACKET_BUDGET:
                blocks[index] = block.replace("[", _BRACKET)
        text = "\n\n".join(blocks)
    return text


def _restore(rendered: str) -> str:
    return rendered.replace(_LT, "&lt;").replace(_BRACKET, "[")


def render_body(text: str) -> tuple[str, str | None]:
    """Return (safe HTML, problem) for a body; on a body the renderer cannot handle, the text
    is shown as escaped paragraphs and the problem says why."""
    problem = None
    try:
        rendered = _restore(_md.reset().convert(_defuse(text)))
    except (RecursionError, ValueError, IndexError, KeyError, AttributeError, TypeError) as exc:
        problem = type(exc).__name__
        rendered = "".join(f"<p>{html.escape(part)}</p>" for part in text.split("\n\n") if part.strip())
    safe = clean_html(rendered)
    # No blank line may stay inside the block (a Markdown engine would end the HTML block there);
    # a line holding only a character reference keeps <pre> text as it was.
    return _BLANK_LINE.sub("\n&#32;", safe), problem
