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
from vanban.core.numbers import find_type, parse_number, parse_symbol, type_named_by
from vanban.core.text import clean_space, fold
from vanban.importer.casing import proper_case
from vanban.importer.header import read_header
from vanban.importer.lines import (
    BODY_START,
    BULLET,
    KINH_GUI,
    NUMBER_LINE,
    VV,
    clean_item,
    is_upper,
    parse_place_date,
    split_columns,
    type_title,
)
from vanban.importer.mentions import find_assignments
from vanban.importer.reading import Reading
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

    # -- type, subject, addressees ------------------------------------------------------------
    def title_and_subject(self, start: int) -> int:
        """Read the type title and subject (or the "V/v" line); return where the body starts."""
        position = start
        for index in range(start, min(start + 12, len(self.lines))):
            line = self.lines[index]
            doc_type = type_title(line)
            if doc_type and "type" not in self.fm:
                self.fm["type"] = doc_type
                subject, position = self._paragraph_after(index + 1)
                if subject and self._looks_like_subject(subject, index + 1):
                    self.fm["subject"] = subject
                else:
                    position = index + 1
                break
        vv_index = next((i for i, line in enumerate(self.lines[:start + 25]) if VV.match(line)), None)
        if vv_index is not None and "subject" not in self.fm:
            subject, end = self._paragraph_after(vv_index, stop_at_header=True)
            self.fm["subject"] = "V/v " + VV.sub("", subject)
            self.fm.setdefault("type", "Công văn")
            position = max(position, end)
        if "type" not in self.fm:
            self._type_from_number()
        return position

    def late_place_date(self, start: int, body_start: int) -> int:
        """Place and date printed after the "V/v" lines; returns where the body starts.

        In the header table they sit in the right column, level with the number and subject;
        pasted as text, the right column often comes after the left one, below "V/v …".
        """
        if "date" in self.fm:
            return body_start
        for index in range(start, min(len(self.lines), body_start + 8)):
            line = self.lines[index]
            if KINH_GUI.match(line) or (index >= body_start and BODY_START.match(line)):
                break
            found = parse_place_date(line, whole_line=True)
            if found:
                self.fm["place"], date = found
                self.fm["date"] = date.iso()
                return max(body_start, index + 1)
        return body_start

    def _looks_like_subject(self, text: str, index: int) -> bool:
        """The paragraph after the type title is its subject unless it is already the body.

        A subject may itself start with "Thực hiện …" (a plan's title); it is told from the
        body's first paragraph by being bold, starting in lower case, or not ending a sentence.
        """
        if KINH_GUI.match(text) or NUMBER_LINE.match(text):
            return False
        if not BODY_START.match(text):
            return True
        while index < len(self.raw_lines) and not self.raw_lines[index].strip():
            index += 1
        bold = index < len(self.raw_lines) and self.raw_lines[index].strip().startswith("**")
        return bold or text[:1].islower() or (not re.search(r"[.:;,]$", text) and len(text) < 300)

    def _paragraph_after(self, index: int, stop_at_header: bool = False) -> tuple[str, int]:
        """The paragraph starting at ``index`` (skipping blank lines) and the line after it."""
        while index < len(self.lines) and not self.lines[index]:
            index += 1
        parts: list[str] = []
        while index < len(self.lines) and self.lines[index]:
            line = self.lines[index]
            if parts and (KINH_GUI.match(line) or NUMBER_LINE.match(line) or parse_place_date(line)
                          or (stop_at_header and is_upper(line))):
                break
            if stop_at_header:
                line = split_columns(self.raw_lines[index])[0]
            parts.append(line)
            index += 1
        if parts and not stop_at_header:
            index = self._bold_continuation(index, parts)
        return clean_space(" ".join(parts)), index

    def _bold_continuation(self, index: int, parts: list[str]) -> int:
        """A subject set in bold over several paragraphs (Word: one paragraph per line, each
        followed by a blank line) goes on while the next paragraphs are bold and short too."""
        first = self.raw_lines[index - len(parts)].strip()
        if not first.startswith("**"):
            return index
        while True:
            probe = index
            while probe < len(self.lines) and not self.lines[probe]:
                probe += 1
            if probe - index > 2 or probe >= len(self.lines):
                return index
            raw = self.raw_lines[probe].strip()
            line = self.lines[probe]
            if not (raw.startswith("**") and raw.endswith("**")) or len(line) > 200 or type_title(line) \
                    or BODY_START.match(line) or KINH_GUI.match(line):
                return index
            parts.append(line)
            index = probe + 1

    def _type_from_number(self) -> None:
        value = self.fm.get("number") or self.fm.get("symbol")
        parsed = (parse_number(value) if self.fm.get("number") else parse_symbol(value)) if value else None
        named = type_named_by(parsed) if parsed else None
        if named:
            self.fm["type"] = named

    def addressees(self, start: int) -> int:
        for index in range(start, min(start + 15, len(self.lines))):
            match = KINH_GUI.match(self.lines[index])
            if match:
                items, end = self._list_after(index + 1)
                rest = clean_item(match["rest"])
                if rest:
                    items.insert(0, rest)
                if items:
                    self.fm["addressees"] = items
                return end
        return start

    def _list_after(self, index: int) -> tuple[list[str], int]:
        """Bullet items from ``index``; stops at the first non-bullet line after an item."""
        items: list[str] = []
        while index < len(self.lines):
            line = self.lines[index]
            if not line:
                index += 1
                continue
            if BULLET.match(self.raw_lines[index].replace("**", "")) or line.startswith(("-", "+", "–")):
                items.append(clean_item(line))
                index += 1
                continue
            break
        return [i for i in items if i], index

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
    body_start = reader.title_and_subject(header_end)
    body_start = reader.late_place_date(header_end, body_start)
    body_start = max(body_start, reader.addressees(body_start))
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
