"""``vanban import``: office documents (.docx, .txt, .md) → records with extracted metadata."""

from __future__ import annotations

import codecs
from pathlib import Path

from ..registry import Registry
from .docx import BadDocument, docx_to_text
from .extract import Extraction, extract

SUPPORTED = (".docx", ".txt", ".md")
MAX_TEXT_BYTES = 20_000_000


def read_document(path: Path) -> str:
    """The text of a document file; .docx through its XML, text files as UTF-8 (or cp1258)."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return docx_to_text(path)
    if suffix not in SUPPORTED:
        raise ValueError(f"không đọc được loại tệp {suffix} (unsupported file type); dùng .docx, .txt hoặc .md")
    with open(path, "rb") as handle:
        data = handle.read(MAX_TEXT_BYTES + 1)
    if len(data) > MAX_TEXT_BYTES:
        raise BadDocument(f"tệp văn bản quá lớn (trên {MAX_TEXT_BYTES:,} byte)", "text file too large")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    if b"\x00" in data:
        raise BadDocument("tệp không phải văn bản (có byte 0)", "not a text file (NUL bytes)")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    return data.decode("cp1258", errors="strict")


def import_document(path: Path, registry: Registry | None = None) -> Extraction:
    """Extract a record from one document file; ``source`` is its file name."""
    extraction = extract(read_document(path), registry)
    extraction.front_matter["source"] = path.name
    if extraction.notes:
        extraction.front_matter["import_notes"] = extraction.notes
    return extraction


__all__ = ["BadDocument", "import_document", "read_document", "extract", "Extraction", "SUPPORTED"]
