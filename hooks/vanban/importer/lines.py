"""The line-level vocabulary of the extraction rules: what one line of a document's text is.

Why a module of its own: the header, subject and signature readers all ask the same questions
of a line — is it upper case, is it a type title ("QUYẾT ĐỊNH"), is it the number line, the
"V/v" line, "Kính gửi", the start of the body, a place and date — and all split a line typed
as two columns the same way. One definition of each keeps the readers agreeing on where one
part of the document ends and the next begins.
"""

from __future__ import annotations

import re

from vanban.core.dates import PartialDate
from vanban.core.numbers import DOCUMENT_TYPES
from vanban.core.text import clean_space, fold

NUMBER_LINE = re.compile(r"^Số\s*:?\s*(?P<value>.*)$", re.IGNORECASE)
_PLACE_DATE = re.compile(
    r"^(?P<place>[^,\d]{2,40}?)\s*,\s*ngày\s*(?:(?P<day>\d{1,2})?\s*tháng\s*(?P<month>\d{1,2})?\s*năm\s*(?P<year>\d{4})"
    r"|(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4}))",
    re.IGNORECASE)
VV = re.compile(r"^(?:V/v|V/V|Về việc)\s*:?\s*", re.IGNORECASE)
KINH_GUI = re.compile(r"^Kính\s+gửi\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
BULLET = re.compile(r"^\s*(?:[-–—+•*]\s+|\d+[.)]\s+|[a-zđ][.)]\s+)")
_COLUMNS = re.compile(r"\t+|\s{3,}")
BODY_START = re.compile(r"^(Căn\s+cứ|Thực\s+hiện|Triển\s+khai|Để\s|Theo\s|Ngày\s+\d|Trong\s|Nhằm\s|Sau\s|Qua\s|Xét\s"
                        r"|Phúc\s+đáp)",
                        re.IGNORECASE)
_TYPE_TITLES = {fold(t.name).upper(): t.name for t in DOCUMENT_TYPES}


def plain(line: str) -> str:
    """A line without Markdown emphasis and trailing hard-break spaces."""
    return clean_space(line.replace("**", "").replace("__", "")).strip()


def is_upper(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return bool(letters) and all(c.isupper() for c in letters)


def type_title(line: str) -> str | None:
    key = fold(line).upper().strip(" .:")
    return _TYPE_TITLES.get(key) if is_upper(line) else None


_BLANK_BEFORE = re.compile(r"(?:\bSố\s*:?|\bngày|\btháng)$", re.IGNORECASE)
_BLANK_AFTER = re.compile(r"^(?:tháng|năm|[/-])", re.IGNORECASE)


_ANCHOR = re.compile(
    r"(?<=\S)\s+(?=CỘNG\s+H(?:ÒA|OÀ|OA)\s+XÃ\s+HỘI|ĐẢNG\s+CỘNG\s+SẢN\s+VIỆT\s+NAM|Độc\s+lập\s*[-–—]|Kính\s+gửi\b)")
_PLACE_AFTER_NUMBER = re.compile(r"^(Số\s*:?\s*\S+)\s+(?=[A-ZĐ][^\d,:]{1,40},\s*ngày\b)", re.IGNORECASE)


def _split_at_anchors(part: str) -> list[str]:
    """A flattened header (a web copy, an OCR line) holds several header items on one line:
    "THỦ TƯỚNG CHÍNH PHỦ CỘNG HÒA XÃ HỘI …", "Số: 12/QĐ-UBND An Khánh, ngày …"; split it before
    the motto, "Kính gửi" and the place-and-date."""
    pieces = [p for p in _ANCHOR.split(part) if p.strip()]
    out: list[str] = []
    for piece in pieces:
        match = _PLACE_AFTER_NUMBER.match(piece)
        out.extend([match.group(1), piece[match.end():]] if match else [piece])
    return out


def split_columns(line: str) -> list[str]:
    """Parts of a line typed as two columns (separated by a tab or 3+ spaces), each cleaned;
    a part that runs several header items together is split at their anchors.

    Spaces left for a missing number or day ("Số:    /UBND-VX", "ngày    tháng 7") are not a
    column break.
    """
    parts = [plain(piece) for part in _COLUMNS.split(line.replace("**", "").strip()) if part.strip()
             for piece in _split_at_anchors(part)]
    merged: list[str] = []
    for part in parts:
        if merged and (_BLANK_BEFORE.search(merged[-1]) or _BLANK_AFTER.match(part)):
            merged[-1] = f"{merged[-1]} {part}"
        else:
            merged.append(part)
    return merged


def clean_item(text: str) -> str:
    text = BULLET.sub("", text).strip()
    return text.rstrip(" ;,.").strip()


def parse_place_date(text: str, whole_line: bool = False) -> tuple[str, PartialDate] | None:
    """(place, date) of a "Nghệ An, ngày 16 tháng 02 năm 2023" line; with ``whole_line``, only
    when nothing but punctuation follows it."""
    match = _PLACE_DATE.search(text)
    if not match or (whole_line and text[match.end():].strip(" .*")):
        return None
    month: int | None
    day: int | None
    if match["y"]:
        year, month, day = int(match["y"]), int(match["m"]), int(match["d"])
    else:
        year = int(match["year"])
        month = int(match["month"]) if match["month"] else None
        day = int(match["day"]) if match["day"] and month else None
    try:
        date = PartialDate.parse(PartialDate(year, month, day).iso())
    except ValueError:
        return None
    return clean_space(match["place"]), date
