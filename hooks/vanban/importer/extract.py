"""Rule-based extraction of a record's front-matter from a document's text.

The input is the text an office pastes from Word (or what ``docx.docx_to_text`` produces).
The layout of Vietnamese official documents is fixed by Nghị định 30/2020 and Hướng dẫn
36-HD/VPTW, so plain rules go a long way: header (issuer, motto, number, place and date),
type and subject, "Kính gửi", body, "Nơi nhận", signature block. References and assignments
are read from the body sentence by sentence. Nothing is invented: a field that is not found is
left out and named in ``notes``. Deterministic, no network, no model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from vanban.build.registry import Registry
from vanban.core.citations import find_references
from vanban.core.numbers import find_type
from vanban.core.text import fold
from vanban.importer.addressees import read_addressees
from vanban.importer.casing import proper_case
from vanban.importer.header import read_header
from vanban.importer.lines import (
    clean_item,
    is_upper,
    split_columns,
)
from vanban.importer.mentions import find_assignments
from vanban.importer.reading import Reading
from vanban.importer.subject import read_late_place_date, read_title_and_subject
from vanban.importer.task_scope import NORMATIVE_TYPES, task_scope

__all__ = ["NORMATIVE_TYPES", "Extraction", "extract", "task_scope"]

_NOI_NHAN = re.compile(r"^Nơi\s+nhận\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
_AUTHORITY = re.compile(r"^(TM\.|KT\.|TL\.|TUQ\.|Q\.|T/M|K/T|T/L)\s*", re.IGNORECASE)
_COMMITTEE = re.compile(r"\b(?:Tỉnh|Huyện|Thành|Thị|Đảng|Quận)\s+(?:ủy|uỷ)\b", re.IGNORECASE)
_APPENDIX = re.compile(r"^(?:PHỤ\s+LỤC|Phụ\s+lục)\b")
_PERSON = re.compile(r"^[A-ZĐÀ-Ỹ][a-zđà-ỹ]+(?:\s+[A-ZĐÀ-Ỹ][a-zđà-ỹ]+){1,5}$")


@dataclass
class Extraction:
    """What was read from one document: front-matter, body and what is missing."""

    front_matter: dict
    body: str
    notes: list[str] = field(default_factory=list)
    method: str = "text"
    """How the document's text was read (text, docx, doc, pdf, ocr, html): set by the importer."""


class _Reader(Reading):
    """One pass over the lines of a document, filling the front-matter step by step."""

    # -- tail: Nơi nhận and signature ---------------------------------------------------------
    def body_end(self, start: int) -> int:
        for index in range(start, len(self.lines)):
            line = self.lines[index]
            first = split_columns(self.raw_lines[index])[0] if line else ""
            if _NOI_NHAN.match(first) or (_AUTHORITY.match(first) and is_upper(first)):
                return index
        return len(self.lines)

    def tail(self, start: int, end: int | None = None) -> None:
        """Nơi nhận and the signature block; two-column lines are split left/right."""
        left: list[str] = []
        right: list[str] = []
        for raw, line in zip(self.raw_lines[start:end], self.lines[start:end], strict=True):
            if not line:
                continue
            parts = split_columns(raw)
            if len(parts) >= 2:
                left.append(parts[0])
                right.extend(parts[1:])
            else:
                left.append(parts[0])
        distribution: list[str] = []
        signature: list[str] = []
        in_distribution = False
        for line in left:
            match = _NOI_NHAN.match(line)
            if match:
                in_distribution = True
                if clean_item(match["rest"]):
                    distribution.append(clean_item(match["rest"]))
                continue
            if in_distribution and (line.startswith(("-", "+", "–", "•")) or
                                    (distribution and not is_upper(line) and not _PERSON.match(line))):
                distribution.append(clean_item(line))
                continue
            in_distribution = False
            signature.append(line)
        if distribution:
            self.fm["distribution"] = [d for d in distribution if d]
        self._signer(right + signature)

    def _signer(self, lines: list[str]) -> None:
        authority: list[str] = []
        titles: list[str] = []
        name = None
        for line in lines:
            if re.search(r"\(?(đã ký|ký tên|chữ ký|đóng dấu)\)?", line, re.IGNORECASE) and not is_upper(line):
                continue
            if _AUTHORITY.match(line) and is_upper(line):
                authority.append(self._authority_case(line))
            elif is_upper(line) and not name:
                titles.append(proper_case(line))
            elif _PERSON.match(line):
                name = line
        if not (name or authority or titles):
            return
        signer: dict = {}
        if name:
            signer["name"] = name
        if titles:
            signer["title"] = titles[-1]
        if authority:
            signer["authority"] = authority
        if "name" in signer:
            self.fm["signer"] = signer
        for entry in authority:  # "T/M BAN THƯỜNG VỤ" names the body that acted ("T/L": its office signs)
            if (re.match(r"^(?:T/M|TM\.)", entry, re.IGNORECASE) and self.system == "party"
                    and fold(entry).split(" ", 1)[-1].startswith("ban thuong vu")):
                committees = [b for b in self.header_bodies if _COMMITTEE.search(b)]
                committee = committees[-1] if committees else None
                if committee:
                    self.fm["issuer"] = self.registered_name(f"Ban Thường vụ {committee}", None)

    @staticmethod
    def _authority_case(line: str) -> str:
        match = _AUTHORITY.match(line)
        assert match
        prefix = match.group(1).upper()
        rest = line[match.end():]
        return f"{prefix} {proper_case(rest)}".strip()


def extract(text: str, registry: Registry | None = None) -> Extraction:
    """Extract front-matter and body from a document's text."""
    reader = _Reader(text, registry)
    header_end = read_header(reader)
    body_start = read_title_and_subject(reader, header_end)
    body_start = read_late_place_date(reader, header_end, body_start)
    body_start = max(body_start, read_addressees(reader, body_start))
    body_end = reader.body_end(body_start)
    appendix = next((i for i in range(body_end, len(reader.lines)) if _APPENDIX.match(reader.lines[i])), None)
    reader.tail(body_end, appendix)
    fm = reader.fm
    body_lines = reader.raw_lines[body_start:body_end]
    if appendix is not None:  # a phụ lục after the signature belongs to the text (task tables)
        body_lines += [""] + reader.raw_lines[appendix:]
    body = "\n".join(line.rstrip() for line in body_lines).strip("\n")
    body = re.sub(r"\n{3,}", "\n\n", body) + "\n" if body.strip() else ""
    own_number = fm.get("number")
    scan = (fm.get("subject", "") + "\n\n" + body)
    references = find_references(scan, own_number, fm.get("type"))
    if references:
        fm["references"] = references
    assignments = find_assignments(task_scope(body, fm.get("type")), registry)
    if assignments:
        fm["assignments"] = assignments
    notes = [f"chưa tìm thấy “{label}” ({key}); hãy điền" for key, label in (
        ("number", "số, ký hiệu"), ("type", "loại văn bản"), ("issuer", "cơ quan ban hành"),
        ("date", "ngày ban hành"), ("subject", "trích yếu"), ("signer", "người ký"))
        if key not in fm and not (key == "number" and "symbol" in fm)]
    if "number" not in fm and "symbol" in fm:
        fm["number"] = None
    if "type" in fm and find_type(fm["type"]) is None:
        notes.append(f"loại văn bản “{fm['type']}” chưa có trong danh mục")
    return Extraction(_ordered(fm), body, notes)


_ORDER = ("number", "symbol", "type", "issuer", "date", "place", "subject", "urgency", "secrecy", "signer",
          "addressees", "distribution", "references", "assignments")


def _ordered(fm: dict) -> dict:
    return {key: fm[key] for key in _ORDER if key in fm} | {k: v for k, v in fm.items() if k not in _ORDER}
