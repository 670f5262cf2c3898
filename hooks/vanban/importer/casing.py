"""Turn upper-case header and signature lines into the case documents use in running text.

Headers print names in capitals ("SỞ GIÁO DỤC VÀ ĐÀO TẠO"); records store them as running text
writes them ("Sở Giáo dục và Đào tạo"). The rules follow Vietnamese administrative usage: the
body word and the first syllable of its field are capitalised, place names in full.
"""

from __future__ import annotations

import re

# Phrases whose case is fixed, longest first (matched on lower-case text).
_FIXED = [
    "ủy ban nhân dân", "uỷ ban nhân dân", "hội đồng nhân dân", "ban chấp hành trung ương",
    "ban thường vụ", "ban chấp hành", "ủy ban kiểm tra", "uỷ ban kiểm tra", "văn phòng", "tỉnh ủy",
    "tỉnh uỷ", "huyện ủy", "huyện uỷ", "thành ủy", "thành uỷ", "thị ủy", "thị uỷ", "đảng ủy", "đảng uỷ",
    "chủ tịch", "phó chủ tịch", "chánh văn phòng", "phó chánh văn phòng", "giám đốc", "phó giám đốc",
    "bí thư", "phó bí thư", "trưởng ban", "phó trưởng ban", "trưởng phòng", "phó trưởng phòng",
    "chánh thanh tra", "thủ tướng", "bộ trưởng", "thứ trưởng", "chính phủ", "trung ương", "quốc hội",
    "mặt trận tổ quốc", "công an", "thanh tra", "ban cán sự đảng", "đảng bộ",
]
_CASED = {
    "ủy ban nhân dân": "Ủy ban nhân dân", "uỷ ban nhân dân": "Uỷ ban nhân dân",
    "hội đồng nhân dân": "Hội đồng nhân dân", "ban chấp hành trung ương": "Ban Chấp hành Trung ương",
    "ban thường vụ": "Ban Thường vụ", "ban chấp hành": "Ban Chấp hành", "ủy ban kiểm tra": "Ủy ban Kiểm tra",
    "đảng bộ": "Đảng bộ",
    "uỷ ban kiểm tra": "Uỷ ban Kiểm tra", "văn phòng": "Văn phòng", "chánh văn phòng": "Chánh Văn phòng",
    "phó chánh văn phòng": "Phó Chánh Văn phòng", "chính phủ": "Chính phủ", "trung ương": "Trung ương",
    "quốc hội": "Quốc hội", "mặt trận tổ quốc": "Mặt trận Tổ quốc", "ban cán sự đảng": "Ban cán sự đảng",
}
_LOCALITY = ("tỉnh", "huyện", "thành phố", "thị xã", "quận", "xã", "phường", "thị trấn")
_BODY_WORDS = ("sở", "ban", "bộ", "phòng", "cục", "chi cục", "trung tâm", "đài", "báo", "hội", "viện",
               "trường", "bệnh viện", "kho bạc", "liên đoàn", "liên minh", "đoàn", "tổng cục", "vụ")
_FIELD_BREAKS = re.compile(r"(\s+và\s+|\s*-\s*|,\s*)")


def _capitalise_first(text: str) -> str:
    return text[:1].upper() + text[1:] if text else text


def _case_place(words: list[str]) -> list[str]:
    return [w[:1].upper() + w[1:] for w in words]


_ACRONYMS = {"ubnd": "UBND", "hđnd": "HĐND", "tw": "TW", "ubmttq": "UBMTTQ", "bch": "BCH", "btv": "BTV",
             "tm.": "TM.", "kt.": "KT.", "tl.": "TL.", "tuq.": "TUQ.", "q.": "Q.", "t/m": "T/M", "k/t": "K/T",
             "t/l": "T/L", "tp": "TP", "tx": "TX"}


_AUTHORITY = {"TM.", "KT.", "TL.", "TUQ.", "Q.", "T/M", "K/T", "T/L"}
_COMMITTEE = re.compile(r"\b((?:Tỉnh|Huyện|Thành|Thị|Đảng) (?:ủy|uỷ))\s+(?!khối\b)(.+)$")


def proper_case(text: str) -> str:
    """"ỦY BAN NHÂN DÂN TỈNH NGHỆ AN" → "Ủy ban nhân dân tỉnh Nghệ An"; mixed case is kept."""
    if not text or text != text.upper():
        return text
    words = [_ACRONYMS.get(w, w) for w in text.lower().split()]
    lowered = " ".join(words)
    for phrase in sorted(_FIXED, key=len, reverse=True):
        cased = _CASED.get(phrase, _capitalise_first(phrase))
        lowered = re.sub(rf"(?<![\w]){re.escape(phrase)}(?![\w])", cased, lowered)
    # place names after a (lower-case) locality word run to the end: "tỉnh nghệ an" → "tỉnh Nghệ An"
    for locality in _LOCALITY:
        match = re.search(rf"(^|\s){locality}\s+(?!hội\b)(.+)$", lowered)
        if match and not any(match.group(2).startswith(f"{b} ") for b in _BODY_WORDS):
            lowered = lowered[: match.start(2)] + " ".join(_case_place(match.group(2).split()))
            break
    committee = _COMMITTEE.search(lowered)
    if committee:  # "Tỉnh ủy nghệ an" → "Tỉnh ủy Nghệ An"
        lowered = lowered[: committee.start(2)] + " ".join(_case_place(committee.group(2).split()))
    prefix = ""
    while lowered.split(" ", 1)[0] in _AUTHORITY and " " in lowered:
        head, lowered = lowered.split(" ", 1)
        prefix += head + " "
    for body in sorted(_BODY_WORDS, key=len, reverse=True):
        match = re.match(rf"({body})\s+(\S+)(.*)$", lowered)
        if match:
            parts = _FIELD_BREAKS.split(match.group(3))
            cased_rest = "".join(
                _capitalise_first(p) if i > 0 and _FIELD_BREAKS.fullmatch(parts[i - 1] or "") and p.strip()
                else p for i, p in enumerate(parts))
            lowered = f"{match.group(1)} {_capitalise_first(match.group(2))}{cased_rest}"
            break
    return prefix + _capitalise_first(lowered)
