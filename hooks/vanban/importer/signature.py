"""The end of a document: where the body stops, "Nơi nhận" (distribution) and the signature.

Why a module of its own: the tail is typed as two columns like the header, but holds other
things — the distribution list on the left, the signing authority ("KT. CHỦ TỊCH"), title and
the signer's name on the right — and a party document's "T/M BAN THƯỜNG VỤ" names the body
that acted, which corrects the issuer the header gave.
"""

from __future__ import annotations

import re

from vanban.core.text import fold
from vanban.importer.casing import proper_case
from vanban.importer.lines import clean_item, is_upper, split_columns
from vanban.importer.reading import Reading

_NOI_NHAN = re.compile(r"^Nơi\s+nhận\s*:?\s*(?P<rest>.*)$", re.IGNORECASE)
_AUTHORITY = re.compile(r"^(TM\.|KT\.|TL\.|TUQ\.|Q\.|T/M|K/T|T/L)\s*", re.IGNORECASE)
_COMMITTEE = re.compile(r"\b(?:Tỉnh|Huyện|Thành|Thị|Đảng|Quận)\s+(?:ủy|uỷ)\b", re.IGNORECASE)
_PERSON = re.compile(r"^[A-ZĐÀ-Ỹ][a-zđà-ỹ]+(?:\s+[A-ZĐÀ-Ỹ][a-zđà-ỹ]+){1,5}$")


def find_body_end(reading: Reading, start: int) -> int:
    """The line where the body stops: "Nơi nhận" or a signing authority ("KT. CHỦ TỊCH"), at the
    start of a line or of its left column; the end of the text when there is neither."""
    for index in range(start, len(reading.lines)):
        line = reading.lines[index]
        first = split_columns(reading.raw_lines[index])[0] if line else ""
        if _NOI_NHAN.match(first) or (_AUTHORITY.match(first) and is_upper(first)):
            return index
    return len(reading.lines)


def read_tail(reading: Reading, start: int, end: int | None = None) -> None:
    """Nơi nhận and the signature block; two-column lines are split left/right."""
    left: list[str] = []
    right: list[str] = []
    for raw, line in zip(reading.raw_lines[start:end], reading.lines[start:end], strict=True):
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
        reading.fm["distribution"] = [d for d in distribution if d]
    _signer(reading, right + signature)


def _signer(reading: Reading, lines: list[str]) -> None:
    authority: list[str] = []
    titles: list[str] = []
    name = None
    for line in lines:
        if re.search(r"\(?(đã ký|ký tên|chữ ký|đóng dấu)\)?", line, re.IGNORECASE) and not is_upper(line):
            continue
        if _AUTHORITY.match(line) and is_upper(line):
            authority.append(_authority_case(line))
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
        reading.fm["signer"] = signer
    for entry in authority:  # "T/M BAN THƯỜNG VỤ" names the body that acted ("T/L": its office signs)
        if (re.match(r"^(?:T/M|TM\.)", entry, re.IGNORECASE) and reading.system == "party"
                and fold(entry).split(" ", 1)[-1].startswith("ban thuong vu")):
            committees = [b for b in reading.header_bodies if _COMMITTEE.search(b)]
            committee = committees[-1] if committees else None
            if committee:
                reading.fm["issuer"] = reading.registered_name(f"Ban Thường vụ {committee}", None)


def _authority_case(line: str) -> str:
    match = _AUTHORITY.match(line)
    assert match
    prefix = match.group(1).upper()
    rest = line[match.end():]
    return f"{prefix} {proper_case(rest)}".strip()
