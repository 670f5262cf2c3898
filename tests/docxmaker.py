"""Write small .docx files for tests with lxml: paragraphs, bold, fonts, tables."""

from __future__ import annotations

import zipfile
from pathlib import Path

from lxml import etree

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _w(tag: str) -> str:
    return f"{{{W}}}{tag}"


def run(text: str, font: str | None = None, bold: bool = False) -> etree._Element:
    r = etree.Element(_w("r"))
    if font or bold:
        rpr = etree.SubElement(r, _w("rPr"))
        if font:
            etree.SubElement(rpr, _w("rFonts"), {_w("ascii"): font, _w("hAnsi"): font})
        if bold:
            etree.SubElement(rpr, _w("b"))
    t = etree.SubElement(r, _w("t"))
    t.text = text
    t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return r


def paragraph(*runs) -> etree._Element:
    p = etree.Element(_w("p"))
    for item in runs:
        p.append(run(item) if isinstance(item, str) else item)
    return p


def table(rows: list[list[list[etree._Element]]]) -> etree._Element:
    """rows → cells → paragraphs."""
    tbl = etree.Element(_w("tbl"))
    for row in rows:
        tr = etree.SubElement(tbl, _w("tr"))
        for cell in row:
            tc = etree.SubElement(tr, _w("tc"))
            for p in cell:
                tc.append(p)
    return tbl


def write_docx(path: Path, blocks: list[etree._Element]) -> Path:
    document = etree.Element(_w("document"), nsmap={"w": W})
    body = etree.SubElement(document, _w("body"))
    for block in blocks:
        body.append(block)
    content_types = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
        '<Default Extension="xml" ContentType="application/xml"/>'
        '<Override PartName="/word/document.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>'
        "</Types>")
    rels = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
        '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/'
        'officeDocument" Target="word/document.xml"/></Relationships>')
    with zipfile.ZipFile(path, "w") as package:
        package.writestr("[Content_Types].xml", content_types)
        package.writestr("_rels/.rels", rels)
        package.writestr("word/document.xml", etree.tostring(document, xml_declaration=True, encoding="UTF-8",
                                                             standalone=True))
    return path
