"""Read a .docx as the text an office would paste from Word: paragraphs, lists, bold, tables.

Reads the package's XML with lxml (no Word, no extra library). The header of an official
document is usually a borderless two-column table (issuer left, national motto right) and the
signature block another (Nơi nhận left, signer right); such layout tables are unrolled column by
column so the text reads like the seed. Other tables become Markdown tables. Runs in legacy
fonts (.VnTime, VNI-Times) are converted to Unicode by their font.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

from lxml import etree

from .legacy import convert_run

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
_LAYOUT_CUES = re.compile(r"CỘNG HÒA|CỘNG HOÀ|ĐẢNG CỘNG SẢN|Độc lập|^Số\b|Nơi nhận|TM\.|KT\.|TL\.|T/M", re.M)


def _attr(element, name: str) -> str | None:
    return element.get(f"{{{W}}}{name}") if element is not None else None


def _fonts_of(rpr) -> str | None:
    fonts = rpr.find("w:rFonts", NS) if rpr is not None else None
    if fonts is None:
        return None
    return _attr(fonts, "ascii") or _attr(fonts, "hAnsi") or _attr(fonts, "cs")


def _is_on(rpr, tag: str) -> bool:
    element = rpr.find(f"w:{tag}", NS) if rpr is not None else None
    return element is not None and _attr(element, "val") not in ("0", "false", "off")


class _Styles:
    """Fonts and bold set by paragraph styles and document defaults (styles.xml)."""

    def __init__(self, xml: bytes | None) -> None:
        self.default_font: str | None = None
        self.style_font: dict[str, str | None] = {}
        self.style_bold: dict[str, bool] = {}
        if not xml:
            return
        root = etree.fromstring(xml)
        self.default_font = _fonts_of(root.find("w:docDefaults/w:rPrDefault/w:rPr", NS))
        for style in root.findall("w:style", NS):
            rpr = style.find("w:rPr", NS)
            style_id = _attr(style, "styleId") or ""
            self.style_font[style_id] = _fonts_of(rpr)
            self.style_bold[style_id] = _is_on(rpr, "b")


def _paragraph_text(p, styles: _Styles) -> str:
    ppr = p.find("w:pPr", NS)
    style_id = _attr(ppr.find("w:pStyle", NS), "val") if ppr is not None and ppr.find("w:pStyle", NS) is not None else None
    para_font = _fonts_of(ppr.find("w:rPr", NS) if ppr is not None else None)
    base_font = para_font or (styles.style_font.get(style_id) if style_id else None) or styles.default_font
    base_bold = bool(style_id and styles.style_bold.get(style_id))
    pieces: list[tuple[str, bool]] = []
    for run in p.iter(f"{{{W}}}r"):
        rpr = run.find("w:rPr", NS)
        font = _fonts_of(rpr) or base_font
        bold = _is_on(rpr, "b") or base_bold
        text = ""
        for child in run:
            tag = etree.QName(child).localname
            if tag == "t":
                text += convert_run(child.text or "", font)
            elif tag == "tab":
                text += "\t"
            elif tag in ("br", "cr"):
                text += "\n"
        if text:
            pieces.append((text, bold))
    out = ""
    for text, bold in _merge_runs(pieces):
        out += f"**{text.strip()}**" + (" " if text.endswith(" ") else "") if bold and text.strip() else text
    numbered = ppr is not None and ppr.find("w:numPr", NS) is not None
    return ("- " + out.strip()) if numbered and out.strip() else out


def _merge_runs(pieces: list[tuple[str, bool]]) -> list[tuple[str, bool]]:
    merged: list[tuple[str, bool]] = []
    for text, bold in pieces:
        if merged and merged[-1][1] == bold:
            merged[-1] = (merged[-1][0] + text, bold)
        else:
            merged.append((text, bold))
    return merged


def _cell_text(cell, styles: _Styles) -> str:
    return "\n".join(_paragraph_text(p, styles) for p in cell.findall("w:p", NS)).strip()


def _table_blocks(table, styles: _Styles) -> list[str]:
    rows = [[_cell_text(c, styles) for c in row.findall("w:tc", NS)] for row in table.findall("w:tr", NS)]
    flat = "\n".join(cell for row in rows for cell in row)
    if rows and max(len(r) for r in rows) <= 2 and _LAYOUT_CUES.search(flat.replace("*", "")):
        # layout table: left column first, then right, each cell a block of its own
        columns = max(len(r) for r in rows)
        return [row[i] for i in range(columns) for row in rows if i < len(row) and row[i]]
    lines = []
    for index, row in enumerate(rows):
        lines.append("| " + " | ".join(cell.replace("\n", "<br>").replace("|", "\\|") for cell in row) + " |")
        if index == 0:
            lines.append("|" + "---|" * len(row))
    return ["\n".join(lines)]


def docx_to_text(path: Path) -> str:
    """The document's text, blocks separated by blank lines, as Word would paste it."""
    with zipfile.ZipFile(path) as package:
        document = etree.fromstring(package.read("word/document.xml"))
        styles = _Styles(package.read("word/styles.xml") if "word/styles.xml" in package.namelist() else None)
    body = document.find("w:body", NS)
    blocks: list[str] = []
    for child in body if body is not None else []:
        tag = etree.QName(child).localname
        if tag == "p":
            text = _paragraph_text(child, styles)
            if text.strip():
                blocks.append(text.rstrip())
        elif tag == "tbl":
            blocks.extend(_table_blocks(child, styles))
    return "\n\n".join(blocks) + "\n"
