"""HTML saved from a portal (or pasted web text saved as .html) → the text a clerk would paste.

Why lxml.html: it parses the tag soup portals publish without running or fetching anything.
Scripts, styles and forms are dropped; block elements become lines, ``<br>`` a line break; a
two-cell layout table (the header, the signature) is written left cell first, then the right
one, as the .docx reader does; other tables become Markdown tables.
"""

from __future__ import annotations

import re

from lxml import etree, html

from vanban.importer.docx import BadDocument

_BLOCK = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "section", "article", "blockquote",
          "pre", "header", "footer", "center", "dd", "dt"}
_SKIP = {"script", "style", "noscript", "template", "head", "form", "button", "select", "nav", "iframe", "object"}
_LAYOUT = re.compile(r"CỘNG\s+H[ÒO]A|Độc\s+lập|ĐẢNG\s+CỘNG\s+SẢN|Nơi\s+nhận|Số\s*:|ngày\s.*tháng", re.IGNORECASE)


def _text(node, out: list[str]) -> None:  # noqa: ANN001 - an lxml element
    """Append the node's text to ``out``: "\n" between blocks, tables handled apart."""
    tag = node.tag if isinstance(node.tag, str) else ""
    if tag in _SKIP:
        return
    if tag == "br":
        out.append("\n")
    elif tag == "table":
        out.append("\n\n" + _table(node) + "\n\n")
        if node.tail:
            out.append(node.tail)
        return
    elif tag in _BLOCK:
        out.append("\n\n" if tag in {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "center"} else "\n")
    if node.text and tag not in _SKIP:
        out.append(node.text)
    for child in node:
        _text(child, out)
    if tag in _BLOCK:
        out.append("\n")
    if node.tail:
        out.append(node.tail)


def _cell(cell) -> str:  # noqa: ANN001
    parts: list[str] = []
    if cell.text:
        parts.append(cell.text)
    for child in cell:
        _text(child, parts)
    return _tidy("".join(parts))


def _table(table) -> str:  # noqa: ANN001
    rows = [[_cell(c) for c in row.xpath("./td|./th")] for row in table.xpath("./tr|./*/tr")]
    rows = [r for r in rows if any(r)]
    if not rows:
        return ""
    flat = "\n".join(c for r in rows for c in r)
    columns = max(len(r) for r in rows)
    if columns <= 2 and _LAYOUT.search(flat):
        return "\n\n".join(r[i] for i in range(columns) for r in rows if i < len(r) and r[i])
    lines = ["| " + " | ".join(c.replace("\n", "<br>").replace("|", "\\|") for c in r + [""] * (columns - len(r)))
             + " |" for r in rows]
    lines.insert(1, "|" + "---|" * columns)
    return "\n".join(lines)


def _tidy(text: str) -> str:
    text = text.replace("\u00a0", " ").replace("\r", "")
    text = re.sub(r"[ \t]+", " ", text)
    text = re.sub(r" *\n *", "\n", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()


def html_to_text(data: bytes) -> str:
    """The visible text of an HTML page, in reading order."""
    parser = html.HTMLParser(remove_comments=True, remove_pis=True, no_network=True, encoding=_charset(data))
    try:
        root = html.document_fromstring(data, parser=parser)
    except (etree.ParserError, ValueError) as exc:
        raise BadDocument("không đọc được tệp HTML", f"unreadable HTML: {exc}") from None
    body = root.find("body")
    out: list[str] = []
    _text(body if body is not None else root, out)
    return _tidy("".join(out)) + "\n"


def _charset(data: bytes) -> str:
    match = re.search(rb"charset=[\"']?([A-Za-z0-9_-]+)", data[:4096])
    name = match.group(1).decode("ascii").lower() if match else "utf-8"
    return {"windows-1258": "cp1258"}.get(name, name)
