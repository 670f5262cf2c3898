"""Rule-based extraction of a record's front-matter from a document's text.

The input is the text an office pastes from Word (or what ``docx.docx_to_text`` produces).
The layout of Vietnamese official documents is fixed by Nghị định 30/2020 and Hướng dẫn
36-HD/VPTW, so plain rules go a long way: header (issuer, motto, number, place and date),
type and subject, "Kính gửi", body, "Nơi nhận", signature block. References and assignments
are read from the body sentence by sentence. Nothing is invented: a field that is not found is
left out and named in ``notes``. Deterministic, no network, no model.

This module runs the readers in the document's order over one ``reading.Reading`` and puts the
record together; each part has its module: ``header``, ``subject``, ``addressees``,
``signature`` (with ``lines``, the line tests they share), ``task_scope`` and ``mentions`` for
the assignments, ``core.citations`` for the references.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from vanban.build.registry import Registry
from vanban.core.citations import find_references
from vanban.core.numbers import find_type
from vanban.importer.addressees import read_addressees
from vanban.importer.header import read_header
from vanban.importer.mentions import find_assignments
from vanban.importer.reading import Reading
from vanban.importer.signature import find_body_end, read_tail
from vanban.importer.subject import read_late_place_date, read_title_and_subject
from vanban.importer.task_scope import NORMATIVE_TYPES, task_scope

__all__ = ["NORMATIVE_TYPES", "Extraction", "extract", "task_scope"]

_APPENDIX = re.compile(r"^(?:PHỤ\s+LỤC|Phụ\s+lục)\b")


@dataclass
class Extraction:
    """What was read from one document: front-matter, body and what is missing."""

    front_matter: dict
    body: str
    notes: list[str] = field(default_factory=list)
    method: str = "text"
    """How the document's text was read (text, docx, doc, pdf, ocr, html): set by the importer."""


def extract(text: str, registry: Registry | None = None) -> Extraction:
    """Extract front-matter and body from a document's text."""
    reader = Reading(text, registry)
    header_end = read_header(reader)
    body_start = read_title_and_subject(reader, header_end)
    body_start = read_late_place_date(reader, header_end, body_start)
    body_start = max(body_start, read_addressees(reader, body_start))
    body_end = find_body_end(reader, body_start)
    appendix = next((i for i in range(body_end, len(reader.lines)) if _APPENDIX.match(reader.lines[i])), None)
    read_tail(reader, body_end, appendix)
    fm = reader.fm
    body = _body_text(reader, body_start, body_end, appendix)
    own_number = fm.get("number")
    scan = (fm.get("subject", "") + "\n\n" + body)
    references = find_references(scan, own_number, fm.get("type"))
    if references:
        fm["references"] = references
    assignments = find_assignments(task_scope(body, fm.get("type")), registry)
    if assignments:
        fm["assignments"] = assignments
    notes = _missing(fm)
    if "number" not in fm and "symbol" in fm:
        fm["number"] = None
    if "type" in fm and find_type(fm["type"]) is None:
        notes.append(f"loại văn bản “{fm['type']}” chưa có trong danh mục")
    return Extraction(_ordered(fm), body, notes)


def _body_text(reader: Reading, start: int, end: int, appendix: int | None) -> str:
    """The body's lines as typed, and a phụ lục after the signature (it belongs to the text: task
    tables), with runs of blank lines made one."""
    body_lines = reader.raw_lines[start:end]
    if appendix is not None:
        body_lines += [""] + reader.raw_lines[appendix:]
    body = "\n".join(line.rstrip() for line in body_lines).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", body) + "\n" if body.strip() else ""


def _missing(fm: dict) -> list[str]:
    """A note for each main field not found (a symbol without its number counts as found)."""
    return [f"chưa tìm thấy “{label}” ({key}); hãy điền" for key, label in (
        ("number", "số, ký hiệu"), ("type", "loại văn bản"), ("issuer", "cơ quan ban hành"),
        ("date", "ngày ban hành"), ("subject", "trích yếu"), ("signer", "người ký"))
        if key not in fm and not (key == "number" and "symbol" in fm)]


_ORDER = ("number", "symbol", "type", "issuer", "date", "place", "subject", "urgency", "secrecy", "signer",
          "addressees", "distribution", "references", "assignments")


def _ordered(fm: dict) -> dict:
    return {key: fm[key] for key in _ORDER if key in fm} | {k: v for k, v in fm.items() if k not in _ORDER}
