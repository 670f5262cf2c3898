"""``vanban import``: office documents → records with extracted metadata.

Every format is first turned into one text form (the text as a clerk pastes it from Word:
header columns as blocks, paragraphs separated by blank lines); the extraction rules read only
that. Formats: .docx (its XML), .doc (LibreOffice → .docx), .pdf (text layer with positions,
OCR for scanned pages), images (OCR), .html (portal pages), .txt/.md (as written).
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass, field
from pathlib import Path

from vanban.build.registry import Registry
from vanban.importer.docx import BadDocument, docx_to_text
from vanban.importer.extract import Extraction, extract
from vanban.importer.ocr import IMAGE_SUFFIXES

SUPPORTED = (".docx", ".doc", ".pdf", ".html", ".htm", ".txt", ".md") + IMAGE_SUFFIXES
MAX_TEXT_BYTES = 20_000_000


@dataclass
class SourceText:
    """A document's text in the common form, and what the reader noticed on the way."""

    text: str
    notes: list[str] = field(default_factory=list)
    method: str = "text"
    """How it was read: text, docx, doc, pdf, ocr, html."""


def _bounded(path: Path) -> bytes:
    with open(path, "rb") as handle:
        data = handle.read(MAX_TEXT_BYTES + 1)
    if len(data) > MAX_TEXT_BYTES:
        raise BadDocument(f"tệp quá lớn (trên {MAX_TEXT_BYTES:,} byte)", "file too large")
    return data


def _decode(data: bytes) -> str:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    if b"\x00" in data:
        raise BadDocument("tệp không phải văn bản (có byte 0)", "not a text file (NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    return data.decode("cp1258", errors="strict")


def read_source(path: Path) -> SourceText:
    """The text of a document file in the common form, whatever its format."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return SourceText(docx_to_text(path), method="docx")
    if suffix == ".doc":
        from vanban.importer.doc import doc_to_text

        return SourceText(doc_to_text(path), method="doc")
    if suffix == ".pdf":
        from vanban.importer.layout import recover
        from vanban.importer.pdf import pdf_pages

        pages, notes = pdf_pages(path)
        layout = recover(pages)
        return SourceText(layout.text, notes + layout.notes, method="ocr" if notes else "pdf")
    if suffix in IMAGE_SUFFIXES:
        from vanban.importer.layout import recover
        from vanban.importer.ocr import image_pages

        layout = recover(image_pages(path))
        return SourceText(layout.text, ["đọc bằng nhận dạng chữ (OCR): hãy soát lại số, ngày và tên đơn vị",
                                        *layout.notes], method="ocr")
    if suffix in (".html", ".htm"):
        from vanban.importer.webpage import html_to_text

        return SourceText(html_to_text(_bounded(path)), method="html")
    if suffix not in SUPPORTED:
        raise BadDocument(f"không đọc được loại tệp {suffix or '(không đuôi)'}; dùng " + ", ".join(SUPPORTED),
                          "unsupported file type")
    return SourceText(_decode(_bounded(path)))


def read_document(path: Path) -> str:
    """The text of a document file in the common form."""
    return read_source(path).text


def import_document(path: Path, registry: Registry | None = None) -> Extraction:
    """Extract a record from one document file; ``source`` is its file name."""
    source = read_source(path)
    extraction = extract(source.text, registry)
    extraction.front_matter["source"] = path.name
    extraction.notes = source.notes + extraction.notes
    extraction.method = source.method
    if extraction.notes:
        extraction.front_matter["import_notes"] = extraction.notes
    return extraction


__all__ = ["BadDocument", "SourceText", "import_document", "read_document", "read_source", "extract", "Extraction",
           "SUPPORTED"]
