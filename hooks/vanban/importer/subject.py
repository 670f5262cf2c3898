"""The document's type and subject: the title under the header ("QUYẾT ĐỊNH" and the paragraph
after it) or a Công văn's "V/v …" line, and a place and date printed below them.

Why a module of its own: telling where the subject ends and the body begins takes rules of its
own — a subject set in bold over several paragraphs, a plan's title that itself starts with
"Thực hiện …", a "V/v" line typed in the left column beside the right column's lines — and when
no title names the type, the number's symbol may ("…/QĐ-UBND").
"""

from __future__ import annotations

import re

from vanban.core.numbers import parse_number, parse_symbol, type_named_by
from vanban.core.text import clean_space
from vanban.importer.lines import (
    BODY_START,
    KINH_GUI,
    NUMBER_LINE,
    VV,
    is_upper,
    parse_place_date,
    split_columns,
    type_title,
)
from vanban.importer.reading import Reading


def read_title_and_subject(reading: Reading, start: int) -> int:
    """Read the type title and subject (or the "V/v" line); return where the body starts."""
    position = start
    for index in range(start, min(start + 12, len(reading.lines))):
        line = reading.lines[index]
        doc_type = type_title(line)
        if doc_type and "type" not in reading.fm:
            reading.fm["type"] = doc_type
            subject, position = _paragraph_after(reading, index + 1)
            if subject and _looks_like_subject(reading, subject, index + 1):
                reading.fm["subject"] = subject
            else:
                position = index + 1
            break
    vv_index = next((i for i, line in enumerate(reading.lines[:start + 25]) if VV.match(line)), None)
    if vv_index is not None and "subject" not in reading.fm:
        subject, end = _paragraph_after(reading, vv_index, stop_at_header=True)
        reading.fm["subject"] = "V/v " + VV.sub("", subject)
        reading.fm.setdefault("type", "Công văn")
        position = max(position, end)
    if "type" not in reading.fm:
        _type_from_number(reading)
    return position


def read_late_place_date(reading: Reading, start: int, body_start: int) -> int:
    """Place and date printed after the "V/v" lines; returns where the body starts.

    In the header table they sit in the right column, level with the number and subject;
    pasted as text, the right column often comes after the left one, below "V/v …".
    """
    if "date" in reading.fm:
        return body_start
    for index in range(start, min(len(reading.lines), body_start + 8)):
        line = reading.lines[index]
        if KINH_GUI.match(line) or (index >= body_start and BODY_START.match(line)):
            break
        found = parse_place_date(line, whole_line=True)
        if found:
            reading.fm["place"], date = found
            reading.fm["date"] = date.iso()
            return max(body_start, index + 1)
    return body_start


def _looks_like_subject(reading: Reading, text: str, index: int) -> bool:
    """The paragraph after the type title is its subject unless it is already the body.

    A subject may itself start with "Thực hiện …" (a plan's title); it is told from the
    body's first paragraph by being bold, starting in lower case, or not ending a sentence.
    """
    if KINH_GUI.match(text) or NUMBER_LINE.match(text):
        return False
    if not BODY_START.match(text):
        return True
    while index < len(reading.raw_lines) and not reading.raw_lines[index].strip():
        index += 1
    bold = index < len(reading.raw_lines) and reading.raw_lines[index].strip().startswith("**")
    return bold or text[:1].islower() or (not re.search(r"[.:;,]$", text) and len(text) < 300)


def _paragraph_after(reading: Reading, index: int, stop_at_header: bool = False) -> tuple[str, int]:
    """The paragraph starting at ``index`` (skipping blank lines) and the line after it."""
    while index < len(reading.lines) and not reading.lines[index]:
        index += 1
    parts: list[str] = []
    while index < len(reading.lines) and reading.lines[index]:
        line = reading.lines[index]
        if parts and (KINH_GUI.match(line) or NUMBER_LINE.match(line) or parse_place_date(line)
                      or (stop_at_header and is_upper(line))):
            break
        if stop_at_header:
            line = split_columns(reading.raw_lines[index])[0]
        parts.append(line)
        index += 1
    if parts and not stop_at_header:
        index = _bold_continuation(reading, index, parts)
    return clean_space(" ".join(parts)), index


def _bold_continuation(reading: Reading, index: int, parts: list[str]) -> int:
    """A subject set in bold over several paragraphs (Word: one paragraph per line, each
    followed by a blank line) goes on while the next paragraphs are bold and short too."""
    first = reading.raw_lines[index - len(parts)].strip()
    if not first.startswith("**"):
        return index
    while True:
        probe = index
        while probe < len(reading.lines) and not reading.lines[probe]:
            probe += 1
        if probe - index > 2 or probe >= len(reading.lines):
            return index
        raw = reading.raw_lines[probe].strip()
        line = reading.lines[probe]
        if not (raw.startswith("**") and raw.endswith("**")) or len(line) > 200 or type_title(line) \
                or BODY_START.match(line) or KINH_GUI.match(line):
            return index
        parts.append(line)
        index = probe + 1


def _type_from_number(reading: Reading) -> None:
    value = reading.fm.get("number") or reading.fm.get("symbol")
    parsed = (parse_number(value) if reading.fm.get("number") else parse_symbol(value)) if value else None
    named = type_named_by(parsed) if parsed else None
    if named:
        reading.fm["type"] = named
