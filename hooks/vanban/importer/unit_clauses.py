"""Which units a clause gives a task to: after an order word ("Giao …", "Đề nghị …") or leading
the clause ("Sở Tài chính bố trí …"), and how a list of them splits into units.

Why a module of its own: finding the units is the same question for every assignment rule in
``mentions`` (leads, partners, delegation, headings); where a unit's name ends is asked of
``unit_names``, which reads the name's own words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vanban.build.registry import HEAD_TITLE
from vanban.core.text import clean_space
from vanban.importer.unit_names import SECTOR_NAMES, TASK_VERBS, name_end

UNIT_HEADS: tuple[str, ...] = (
    "Sở", "sở", "UBND", "Ủy ban", "Uỷ ban", "Ban", "Văn phòng", "Phòng", "Công an", "Bộ", "Trung tâm", "Đài", "Báo",
    "Hội", "Liên đoàn", "Thanh tra", "Cục", "Chi cục", "Kho bạc", "Ngân hàng", "Bảo hiểm", "Viện", "Trường",
    "Bệnh viện", "Đảng ủy", "Huyện ủy", "Thành ủy", "Thị ủy", "Tỉnh ủy", "Mặt trận", "Đoàn", "Liên minh", "Hải quan",
    "Điện lực", "Bưu điện", "Đồn", "Bộ Chỉ huy", "Hội đồng", "Thường trực", "tổ chức cơ sở", "Chi bộ", "chi bộ",
    "sở, ngành", "Cấp ủy", "Hiệp hội", "Đảng đoàn", "Chi nhánh", "Chủ đầu tư", "chủ đầu tư", "chi, đảng bộ",
    "Thành đoàn", "Tỉnh đoàn", "Huyện đoàn", "Thị đoàn", "Tổ công tác", "Tổ giúp việc", "Tổ chuyên viên",
    "Tổ kiểm tra", "Công đoàn",
)
"""Words a unit's name starts with, after an optional "các" ("ủy" stands for every spelling:
ủy, uỷ, uy). Generic addressees ("các cơ quan, đơn vị", "Thủ trưởng …") are not among them."""

UNIT_GROUPS: tuple[str, ...] = (
    "các tổ chức chính trị - xã hội", "các tổ chức thành viên", "các trường", "các bệnh viện", "các đoàn",
    "các huyện, thị, thành đoàn",
)
"""Groups that start with "các" and whose first word is no head of its own."""

NOT_A_HEAD_BEFORE: dict[str, str] = {"Ban": "hành", "Báo": "cáo", "Trường": "hợp", "các trường": "hợp",
                                      "các đoàn": "thể"}
"""A head word followed by this word is no unit ("Ban hành", "Báo cáo", "Trường hợp")."""


def _phrase_pattern(phrase: str) -> str:
    """A head phrase as a pattern: any spaces between words, "ủy" in every spelling, "các"
    capitalised or not, a hyphen with or without spaces, and the ``NOT_A_HEAD_BEFORE`` word
    excluded after it."""
    words = []
    for word in phrase.split(" "):
        if word == "-":
            words.append(r"\s*-\s*")
            continue
        pattern = re.escape(word).replace("ủy", "[ủu]ỷ?y?")
        words.append("[Cc]ác" if word == "các" else pattern)
    body = r"\s+".join(words).replace(r"\s+\s*-\s*\s+", r"\s*-\s*")
    after = NOT_A_HEAD_BEFORE.get(phrase)
    return body + r"\b" + (rf"(?!\s+{after})" if after else "")


def _alternation(phrases: tuple[str, ...]) -> str:
    return "|".join(_phrase_pattern(p) for p in sorted(phrases, key=len, reverse=True))


_UNIT_START = rf"(?:{_alternation(UNIT_GROUPS)}|(?:[Cc]ác\s+)?(?:{_alternation(UNIT_HEADS)}))"
# Lower-case words that begin a unit only at the start of a list ("các huyện uỷ, thị uỷ, …"),
# never a new unit inside one.
UNIT_START_LOWER = (r"(?:[Cc]ác\s+)?(?:huyện\s+[ủu]ỷ?y?|thị\s+[ủu]ỷ?y?|thành\s+[ủu]ỷ?y?|đảng\s+[ủu]ỷ?y?|"
                     r"cấp\s+[ủu]ỷ?y?|ban\s+(?:xây|tuyên|tổ|dân|kiểm))")
# A task given to a body's head ("Giám đốc Sở Xây dựng chủ trì …", "Chủ tịch UBND các huyện:")
# is the body's task; the unit is kept as written and the registry reads the title off.
_HEAD_TITLE = rf"{HEAD_TITLE}\s+(?:các\s+)?"
UNIT_START_HEADED = rf"(?:(?:{_HEAD_TITLE})?(?:{_UNIT_START})|Trưởng\s+(?:phòng|ban)\s+(?=[A-ZĐ]))"
_ORDER_WORD = r"(?:Giao|giao|Đề\s+nghị|đề\s+nghị|Yêu\s+cầu|yêu\s+cầu)"
_ORDER_AT = re.compile(rf"(?:^|(?<=[.;:]\s)|(?<=,\s)(?=giao\s)){_ORDER_WORD}\s+")
# "Thủ trưởng các cơ quan, đơn vị …": a generic group, kept only when it carries the only task.
_GENERIC_HEAD = rf"(?:{_HEAD_TITLE})?(?:[Cc]ác\s+)?(?:cơ\s+quan|đơn\s+vị)\b"
GENERIC_START = re.compile(_GENERIC_HEAD)
UNIT_HEAD = re.compile(rf"(?:{UNIT_START_HEADED}|{UNIT_START_LOWER}|{_GENERIC_HEAD})")
# "Đối với Phòng GDĐT: …", "Trên cơ sở đó, Bộ Tư pháp tổng hợp …": a connective before the unit.
_LEAD_IN = re.compile(r"(?:Đối\s+với\s+|(?:Trên\s+cơ\s+sở\s+đó|Đồng\s+thời|Sau\s+đó|Bên\s+cạnh\s+đó),\s+)?")
# A unit leading its own sentence must be followed by a task verb within five words ("… trực
# tiếp chỉ đạo …"); "Thành ủy Hà Nội phê duyệt và cấp số …" describes a procedure.
_TASK_VERB_SOON = re.compile(rf"(?:[^\W\d]+\s+){{0,4}}(?:{TASK_VERBS})\b")
# After "Giao/Đề nghị <unit>" any word in small letters begins the task, except these, which
# tell what was done or where ("Đề nghị Sở Y tế đã …" is a quotation, not an order).
_NOT_A_TASK_WORD = re.compile(r"(?:đã|đang|kính|ngày|tại|của|năm|tháng)\b")


@dataclass(frozen=True, slots=True)
class UnitClause:
    """The units a clause names, what follows them (":" for a heading, " " for a task in the
    same sentence, "" at the end) and where the rest of the clause starts."""

    units: str
    sep: str
    end: int


def _read_units(text: str, start: int, ordered: bool) -> UnitClause | None:
    """The units from ``start``: a head word, then the name as ``unit_names.name_end`` reads it.
    After an order word any task in small letters follows; a unit that leads its own sentence
    must be followed by a task verb (or ":"), else the sentence only mentions it."""
    head = UNIT_HEAD.match(text, start)
    if not head:
        return None
    end = name_end(text, head.end())
    units, after = text[start:end], text[end:]
    colon = re.match(r"\s*:", after)
    if colon:
        return UnitClause(units, ":", end + colon.end())
    if not after.strip():
        return UnitClause(units, "", len(text)) if ordered else None
    space = re.match(r"\s+", after)
    if not space:
        return None
    task_at = end + space.end()
    if ordered:
        follows = text[task_at:task_at + 1].islower() and not _NOT_A_TASK_WORD.match(text, task_at)
    else:
        follows = bool(_TASK_VERB_SOON.match(text, task_at)) and not _NOT_A_TASK_WORD.match(text, task_at)
    return UnitClause(units, " ", task_at) if follows else None


def unit_clause(text: str) -> UnitClause | None:
    """The units a clause gives a task to: after an order word ("Giao …", "đề nghị …"), or
    leading the clause ("Sở Tài chính bố trí …", "Đối với Phòng GDĐT: …")."""
    for order in _ORDER_AT.finditer(text):
        found = _read_units(text, order.end(), ordered=True)
        if found:
            return found
    lead = _LEAD_IN.match(text)
    return _read_units(text, lead.end() if lead else 0, ordered=False)


_SPLIT_UNITS = re.compile(rf"[,;]\s+(?={UNIT_START_HEADED}\b)|(?<!HĐND)(?<!nhân dân)\s+và\s+(?={UNIT_START_HEADED}\b)")
GENERIC_UNIT = re.compile(rf"^(?:(?:{_HEAD_TITLE})?(?:các\s+cơ\s+quan|các\s+đơn\s+vị|cơ\s+quan|đơn\s+vị)|"
                          r"(?:Thủ\s+trưởng|Chủ\s+tịch|Giám\s+đốc)\s*$|"
                          r"các\s+cấp\s+[ủu]ỷ?y?(?:,\s+tổ\s+chức\s+đảng)?\s*$)", re.IGNORECASE)
# "Giao Bộ X theo chức năng, nhiệm vụ được giao, chỉ đạo …": the adverbial is not the unit's name.
_ADVERBIAL = re.compile(r"\s+(?:theo\s+chức\s+năng|trong\s+phạm\s+vi|căn\s+cứ\s+chức\s+năng)\b.*$", re.IGNORECASE)


_DISTRIBUTIVE = re.compile(r"^(?:[Cc]ác\s+)?(?P<kind>Sở|Bộ|Ban|Phòng|Cục|Vụ|Hội)\s*:\s*(?P<items>.+)$")
_HEADED_AND = re.compile(rf"\s+và\s+(?=(?:{UNIT_START_HEADED})\b)")


_COMMA_SECTORS = [name for name in SECTOR_NAMES if "," in name]


def distribute(text: str) -> list[str]:
    """Units of a list; "các Sở: Y tế, Tài chính và UBND các huyện" → "Sở Y tế", "Sở Tài
    chính", "UBND các huyện" ("và" inside a name, as in "Giáo dục và Đào tạo", is kept)."""
    match = _DISTRIBUTIVE.match(clean_space(text.replace("**", "")).strip(" ,;"))
    if not match:
        return split_units(text)
    protected = match["items"]
    for name in _COMMA_SECTORS:
        protected = protected.replace(name, name.replace(",", "\x00"))
    items = [i.replace("\x00", ",").strip() for i in protected.split(",") if i.strip()]
    tail: list[str] = []
    if items:
        last, *rest = _HEADED_AND.split(items[-1], maxsplit=1)
        items[-1] = last
        tail = split_units(rest[0]) if rest else []
    return [f"{match['kind']} {item}" for item in items] + tail


def split_units(text: str, keep_generic: bool = False) -> list[str]:
    """Units of a list joined by ",", ";" or "và" before another unit; generic addressees
    ("các cơ quan, đơn vị", "Thủ trưởng …") are left out unless ``keep_generic``."""
    text = _ADVERBIAL.sub("", re.sub(r"\s+", " ", text.replace("**", "")).strip(" ,;:"))
    units = [u.strip(" ,;") for u in _SPLIT_UNITS.split(text)]
    return [u[:1].upper() + u[1:] for u in units
            if u and len(u.split()) <= 16 and (keep_generic or not GENERIC_UNIT.match(u))]


_BARE_KIND = re.compile(rf"^(?:{_HEAD_TITLE})?(?:[Cc]ác\s+)?(?:Sở|Bộ|Ban|Phòng|Cục|Vụ|Hội)$")


def listed_after_kind(match: UnitClause, rest: str) -> tuple[list[str], str] | None:
    """"Các Bộ: Công Thương, Nội vụ, Y tế nghiên cứu …": the names after the kind and its colon
    are the units (one each), and the task follows them."""
    if match.sep != ":" or not _BARE_KIND.match(match.units.strip()):
        return None
    end = name_end(rest, 0)
    task = rest[end:].strip()
    if not end or not task[:1].islower():
        return None
    return distribute(f"{match.units.strip()}: {rest[:end]}"), task


def is_unit_title(text: str) -> bool:
    """Whether a numbered line is only a unit's name ("5.1. Trung tâm Quản lý chất lượng"): a
    heading whose bullets are that unit's tasks, as with a colon."""
    text = text.strip().rstrip(":")
    head = UNIT_HEAD.match(text)
    return head is not None and name_end(text, head.end()) == len(text)
