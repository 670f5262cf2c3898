"""``vanban import``: office documents (.docx, .txt, .md) → records with extracted metadata."""

from __future__ import annotations

from pathlib import Path

from ..registry import Registry
from .docx import docx_to_text
from .extract import Extraction, extract

SUPPORTED = (".docx", ".txt", ".md")


def read_document(path: Path) -> str:
    """The text of a document file; .docx through its XML, text files as UTF-8 (or cp1258)."""
    suffix = path.suffix.lower()
    if suffix == ".docx":
        return docx_to_text(path)
    if suffix not in SUPPORTED:
        raise ValueError(f"không đọc được loại tệp {suffix} (unsupported file type); dùng .docx, .txt hoặc .md")
    data = path.read_bytes()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        return data.decode("cp1258")


def import_document(path: Path, registry: Registry | None = None) -> Extraction:
    """Extract a record from one document file; ``source`` is its file name."""
    extraction = extract(read_document(path), registry)
    extraction.front_matter["source"] = path.name
    if extraction.notes:
        extraction.front_matter["import_notes"] = extraction.notes
    return extraction


__all__ = ["import_document", "read_document", "extract", "Extraction", "SUPPORTED"]
