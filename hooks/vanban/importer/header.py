"""The header of an official document: motto, issuing body, number, place and date, urgency.

Why a module of its own: the header is the zone above the type title, "V/v" or "Kính gửi",
typed as two columns (issuer and number on the left, motto and place-and-date on the right);
Nghị định 30/2020 and Hướng dẫn 36-HD/VPTW fix what it holds, so it is read by rules of its
own: which motto names the system (state or party), how the lines of a body's name continue,
how a number with a blank for the handwritten digits is kept as a symbol.
"""

from __future__ import annotations

import re

from vanban.core.numbers import normalise_number, parse_number, parse_symbol
from vanban.core.text import fold
from vanban.importer.casing import proper_case
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

_MOTTO_STATE = re.compile(r"CỘNG\s+H(?:ÒA|OÀ|OA)\s+XÃ\s+HỘI|Độc\s+lập\s*[-–—]", re.IGNORECASE)
_MOTTO_PARTY = re.compile(r"ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM")
_URGENCY = {"KHẨN": "Khẩn", "THƯỢNG KHẨN": "Thượng khẩn", "HỎA TỐC": "Hỏa tốc", "HOẢ TỐC": "Hoả tốc"}
_SECRECY = {"MẬT": "Mật", "TỐI MẬT": "Tối mật", "TUYỆT MẬT": "Tuyệt mật"}
_CONTINUATION = re.compile(r"^(TỈNH|HUYỆN|THÀNH PHỐ|THỊ XÃ|QUẬN|XÃ|PHƯỜNG|THỊ TRẤN|VÀ|KHỐI|TP\.?)\b(?!\s+[ỦU]Ỷ?Y?\b)")


def read_header(reading: Reading) -> int:
    """Read the header zone; return the index of the first line after it."""
    issuer_lines: list[str] = []
    index = 0
    for index, line in enumerate(reading.lines):
        if not line:
            continue
        if type_title(line) or VV.match(line) or KINH_GUI.match(line) or BODY_START.match(line):
            break
        if index > 40:
            break
        for part in split_columns(reading.raw_lines[index]):
            _header_part(reading, part, issuer_lines)
    else:
        index = len(reading.lines)
    _issuer_from_header(reading, issuer_lines)
    return index


def _header_part(reading: Reading, part: str, issuer_lines: list[str]) -> None:
    if _MOTTO_PARTY.search(part):
        reading.system = "party"
        return
    if _MOTTO_STATE.search(part):
        reading.system = reading.system or "state"
        return
    number = NUMBER_LINE.match(part)
    if number and "number" not in reading.fm and "symbol" not in reading.fm:
        _number(reading, number["value"])
        return
    place_date = parse_place_date(part)
    if place_date and "date" not in reading.fm:
        reading.fm["place"], date = place_date
        reading.fm["date"] = date.iso()
        return
    upper = part.upper().strip(" .:")
    if upper in _URGENCY and is_upper(part):
        reading.fm["urgency"] = _URGENCY[upper]
        return
    if upper in _SECRECY and is_upper(part):
        reading.fm["secrecy"] = _SECRECY[upper]
        return
    if re.fullmatch(r"[-*_=\s.]+", part):
        return
    if is_upper(part) and "number" not in reading.fm and "symbol" not in reading.fm:
        issuer_lines.append(part)


def _number(reading: Reading, value: str) -> None:
    value = normalise_number(value)
    value = value.split("ngày")[0]  # "Số: 12/UBND-VX ngày …" on one line
    value = re.sub(r"^(\d+[a-z]?)\.(?=/)", r"\1", value)  # "3070./KH-UBND": a stray full stop
    if re.match(r"^[/-]", value) or not re.match(r"^\d", value):
        symbol = value.lstrip("/-")
        if not parse_symbol(symbol):  # OCR specks where a handwritten number was: "@† /TTg-CĐS"
            tail = re.search(r"[/-]\s*([A-ZĐ][\wĐđ.&-]*(?:/[\wĐđ.&-]+)*)$", value)
            symbol = tail.group(1) if tail else symbol
        if symbol and parse_symbol(symbol):
            reading.fm["number"] = None
            reading.fm["symbol"] = symbol
        return
    if parse_number(value):
        reading.fm["number"] = value


def _issuer_from_header(reading: Reading, lines: list[str]) -> None:
    """Group header lines into bodies: a line starting with a place word continues the last."""
    bodies: list[str] = []
    for line in lines:
        if bodies and _CONTINUATION.match(line):
            bodies[-1] += " " + line
        else:
            bodies.append(line)
    bodies = [proper_case(b) for b in bodies]
    if not bodies:
        return
    reading.header_bodies = bodies
    issuer = bodies[-1]
    if len(bodies) > 1 and reading.system == "party" and fold(issuer).startswith("ban thuong vu"):
        issuer = bodies[0]  # "TỈNH ỦY NGHỆ AN / BAN THƯỜNG VỤ": decided by the signature
    elif len(bodies) > 1 and fold(issuer).startswith("ban ") and reading.system == "party":
        issuer = f"{issuer} {bodies[0]}" if not re.search(r"(ủy|uỷ)\b", issuer, re.I) else issuer
    reading.fm["issuer"] = reading.registered_name(issuer, bodies[0] if len(bodies) > 1 else None)
