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

from vanban.importer.legacy import convert_run

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
        root = _parse(xml, "word/styles.xml")
        self.default_font = _fonts_of(root.find("w:docDefaults/w:rPrDefault/w:rPr", NS))
        for style in root.findall("w:style", NS):
            rpr = style.find("w:rPr", NS)
            style_id = _attr(style, "styleId") or ""
            self.style_font[style_id] = _fonts_of(rpr)
            self.style_bold[style_id] = _is_on(rpr, "b")


def _paragraph_text(p, styles: _Styles) -> str:
    ppr = p.find("w:pPr", NS)
    style = ppr.find("w:pStyle", NS) if ppr is not None else None
    style_id = _attr(style, "val") if style is not None else None
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


MAX_MEMBER_BYTES = 50_000_000
"""No document.xml of a real office file comes near this; a zip bomb does at once."""
MAX_RATIO = 200
"""Word's XML compresses about 10:1; a member that inflates more than this is refused."""

PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
"""XML from a file someone sent: no entities expanded, no DTD or network fetched."""


class BadDocument(ValueError):
    """A file that is not a readable .docx, with a message for the clerk in both languages."""


def _read_member(package: zipfile.ZipFile, name: str) -> bytes:
    """A member's bytes, read in chunks and stopped at the cap whatever its header claims."""
    info = package.getinfo(name)
    if info.flag_bits & 0x1:
        raise BadDocument("tệp .docx có mật khẩu; hãy mở bằng Word, bỏ mật khẩu rồi lưu lại",
                          "the .docx is encrypted; remove the password in Word and save it again")
    if info.compress_size and info.file_size / info.compress_size > MAX_RATIO:
        raise BadDocument("tệp .docx nén bất thường (có thể là bom nén)", "abnormal compression ratio (zip bomb?)")
    chunks, total = [], 0
    with package.open(info) as member:
        while chunk := member.read(1 << 20):
            total += len(chunk)
            if total > MAX_MEMBER_BYTES or (info.compress_size and total / info.compress_size > MAX_RATIO):
                raise BadDocument("nội dung .docx quá lớn khi giải nén", "the .docx inflates beyond the limit")
            chunks.append(chunk)
    return b"".join(chunks)


def _parse(xml: bytes, name: str):
    try:
        return etree.fromstring(xml, PARSER)
    except etree.XMLSyntaxError as exc:
        raise BadDocument(f"XML trong .docx bị hỏng ({name})", f"malformed XML in {name}: {exc}") from None


def docx_to_text(path: Path) -> str:
    """The document's text, blocks separated by blank lines, as Word would paste it; a broken
    file raises ``BadDocument`` saying what is wrong."""
    try:
        with zipfile.ZipFile(path) as package:
            names = package.namelist()
            if "word/document.xml" not in names:
                raise BadDocument("không phải tệp .docx (thiếu word/document.xml)",
                                  "not a .docx (no word/document.xml)")
            document = _parse(_read_member(package, "word/document.xml"), "word/document.xml")
            styles_xml = _read_member(package, "word/styles.xml") if "word/styles.xml" in names else None
    except BadDocument:
        raise
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError) as exc:
        raise BadDocument("tệp .docx hỏng hoặc không phải .docx", f"not a valid .docx: {exc}") from None
    except NotImplementedError as exc:
        raise BadDocument("tệp .docx dùng kiểu nén không hỗ trợ", f"unsupported compression: {exc}") from None
    except RuntimeError as exc:  # zipfile: encrypted member
        raise BadDocument("tệp .docx có mật khẩu", f"encrypted .docx: {exc}") from None
    styles = _Styles(styles_xml)
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
