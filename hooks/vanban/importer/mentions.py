"""Assignments found in the body of a document, sentence by sentence (references are read
by ``vanban.core.citations``, shared with ``vanban check``).

Assignments: "Giao <units> chủ trì, phối hợp với <units> …", "Giao <units>: – task", and
headings such as "2. Sở Tài chính: chủ trì …". Group names keep their inner commas
("UBND các huyện, thành phố, thị xã").

The rules are listed, named and exemplified in ``assignment_rules`` (its examples are tests);
where a unit's name ends is ``unit_names``' job, label lines are ``role_labels``'.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from vanban.build.registry import HEAD_TITLE, Registry
from vanban.core.text import clean_space
from vanban.importer.role_labels import label_assignments
from vanban.importer.unit_names import SECTOR_NAMES, TASK_VERBS, name_end

# -- assignments ------------------------------------------------------------------------------
# A unit name starts with one of these words; generic addressees ("các cơ quan, đơn vị",
# "Thủ trưởng …") are boilerplate, not assignments.
_UNIT_START = (r"(?:[Cc]ác\s+tổ\s+chức\s+chính\s+trị\s*-\s*xã\s+hội|[Cc]ác\s+tổ\s+chức\s+thành\s+viên|[Cc]ác\s+trường\b(?!\s+hợp)|[Cc]ác\s+bệnh\s+viện\b|[Cc]ác\s+đoàn\b(?!\s+thể)|[Cc]ác\s+huyện,\s+thị,\s+thành\s+đoàn|(?:[Cc]ác\s+)?(?:Sở|sở|UBND|Ủy\s+ban|Uỷ\s+ban|Ban(?!\s+hành)|Văn\s+phòng|Phòng|Công\s+an|Bộ|Trung\s+tâm|"
               r"Đài|Báo(?!\s+cáo)|Hội|Liên\s+đoàn|Thanh\s+tra|Cục|Chi\s+cục|Kho\s+bạc|Ngân\s+hàng|Bảo\s+hiểm|Viện|Trường(?!\s+hợp)|"
               r"Bệnh\s+viện|Đảng\s+[ủu]ỷ?y?|Huyện\s+[ủu]ỷ?y?|Thành\s+[ủu]ỷ?y?|Thị\s+[ủu]ỷ?y?|Tỉnh\s+[ủu]ỷ?y?|"
               r"Mặt\s+trận|Đoàn|Liên\s+minh|Hải\s+quan|Điện\s+lực|Bưu\s+điện|Đồn|Bộ\s+Chỉ\s+huy|Hội\s+đồng|"
               r"Thường\s+trực|tổ\s+chức\s+cơ\s+sở|[Cc]hi\s+bộ|sở,\s+ngành|Cấp\s+[ủu]ỷ?y?|Hiệp\s+hội|Đảng\s+đoàn|"
               r"Chi\s+nhánh|[Cc]hủ\s+đầu\s+tư|chi,\s+đảng\s+bộ|(?:Thành|Tỉnh|Huyện|Thị)\s+đoàn|"
               r"Tổ\s+(?:công\s+tác|giúp\s+việc|chuyên\s+viên|kiểm\s+tra)|Công\s+đoàn))")
# Lower-case words that begin a unit only at the start of a list ("các huyện uỷ, thị uỷ, …"),
# never a new unit inside one.
_UNIT_START_LOWER = (r"(?:[Cc]ác\s+)?(?:huyện\s+[ủu]ỷ?y?|thị\s+[ủu]ỷ?y?|thành\s+[ủu]ỷ?y?|đảng\s+[ủu]ỷ?y?|"
                     r"cấp\s+[ủu]ỷ?y?|ban\s+(?:xây|tuyên|tổ|dân|kiểm))")
# A task given to a body's head ("Giám đốc Sở Xây dựng chủ trì …", "Chủ tịch UBND các huyện:")
# is the body's task; the unit is kept as written and the registry reads the title off.
_HEAD_TITLE = rf"{HEAD_TITLE}\s+(?:các\s+)?"
_UNIT_START_HEADED = rf"(?:(?:{_HEAD_TITLE})?(?:{_UNIT_START})|Trưởng\s+(?:phòng|ban)\s+(?=[A-ZĐ]))"
_ITEM_LEADER = re.compile(r"^\s*(?:Điều\s+\d+[.:]\s+|[-–+•*]\s+|\d+(?:\.\d+)*[.)]\s+|[a-zđ][.)]\s+|[IVX]+[.)]\s+)*")
_ORDER_WORD = r"(?:Giao|giao|Đề\s+nghị|đề\s+nghị|Yêu\s+cầu|yêu\s+cầu)"
_ORDER_AT = re.compile(rf"(?:^|(?<=[.;:]\s)|(?<=,\s)(?=giao\s)){_ORDER_WORD}\s+")
# "Thủ trưởng các cơ quan, đơn vị …": a generic group, kept only when it carries the only task.
_GENERIC_HEAD = rf"(?:{_HEAD_TITLE})?(?:[Cc]ác\s+)?(?:cơ\s+quan|đơn\s+vị)\b"
_GENERIC_START = re.compile(_GENERIC_HEAD)
_UNIT_HEAD = re.compile(rf"(?:{_UNIT_START_HEADED}|{_UNIT_START_LOWER}|{_GENERIC_HEAD})")
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
    head = _UNIT_HEAD.match(text, start)
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


_SPLIT_UNITS = re.compile(rf"[,;]\s+(?={_UNIT_START_HEADED}\b)|(?<!HĐND)(?<!nhân dân)\s+và\s+(?={_UNIT_START_HEADED}\b)")
_SPEAKER = re.compile(r"^(?:đề\s+nghị|yêu\s+cầu|kính\s+|trân\s+trọng|phúc\s+đáp|trả\s+lời|thông\s+báo\s+(?:để|cho|đến)|báo\s+cáo\s+(?:UBND|Ủy|Uỷ|Chủ|Tỉnh|Ban))",
                      re.IGNORECASE)
# "… phúc đáp / trả lời / thông báo để X biết, thực hiện": a closing formula, whoever is named.
_CLOSING = re.compile(r"^(?:\S+\s+){0,3}để\s+[^.;]{0,120}?\bbiết(?:\s*,\s*(?:thực\s+hiện|phối\s+hợp|chỉ\s+đạo))?\W*$")
_DEADLINE_DATE = re.compile(r"(?:trước|chậm\s+nhất)\s+ngày\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?",
                            re.IGNORECASE)
_RECURRENCE = re.compile(r"(?:định\s+kỳ\s+)?(?:hằng|hàng)\s+(năm|quý|tháng|tuần|ngày)|định\s+kỳ\s+(6\s+tháng)|"
                         r"(thường\s+xuyên)", re.IGNORECASE)
_BOILERPLATE = re.compile(r"^(?:nghiêm\s+túc\s+thực\s+hiện|thực\s+hiện\s+nghiêm|tổ\s+chức\s+thực\s+hiện)", re.IGNORECASE)
# "… chịu trách nhiệm thi hành Quyết định này" (Điều 3) executes the decision; it is no task.
# "… nghiêm túc thực hiện Chỉ thị này" closes a directive; it is no task either.
_EXECUTES = re.compile(r"(?:^|\s)(?:chịu\s+trách\s+nhiệm\s+thi\s+hành|thi\s+hành\s+(?:Quyết\s+định|Chỉ\s+thị|Quy\s+định))\b|"
                       r"^(?:nghiêm\s+túc\s+)?thực\s+hiện\s+(?:nghiêm\s+(?:túc\s+)?)?(?:Chỉ\s+thị|Quyết\s+định|Công\s+điện|"
                       r"Thông\s+báo|Công\s+văn)\s+này\W*$|"
                       r"nghiêm\s+túc\s+thực\s+hiện\s+(?:Chỉ\s+thị|Quyết\s+định|Công\s+điện|Thông\s+báo|Công\s+văn|"
                       r"Kế\s+hoạch|Kết\s+luận)\s+này\W*$", re.IGNORECASE)
_GENERIC_UNIT = re.compile(rf"^(?:(?:{_HEAD_TITLE})?(?:các\s+cơ\s+quan|các\s+đơn\s+vị|cơ\s+quan|đơn\s+vị)|"
                           r"(?:Thủ\s+trưởng|Chủ\s+tịch|Giám\s+đốc)\s*$|các\s+cấp\s+[ủu]ỷ?y?(?:,\s+tổ\s+chức\s+đảng)?\s*$)", re.IGNORECASE)
# "Sở Nội vụ đã phối hợp …" tells what was done; "Sở Nội vụ kính trình …" speaks: no task.
# "Báo Nghệ An ngày 12/3 đưa tin …", "Đồng chí Bí thư chủ trì Hội nghị": what happened, not a task.
_NARRATIVE = re.compile(r"^(?:ngày\s+\d|chủ\s+trì\s+(?:cuộc\s+họp|[Hh]ội\s+nghị|buổi)|vừa\s|đưa\s+tin|cho\s+biết)")
_NOT_A_TASK_SUBJECT = re.compile(r"\s(?:đã|đang|kính)$")


# "Căn cứ kế hoạch này, khi có thông báo, chủ động phối hợp …": the role is the verb after them.
_CIRCUMSTANCE = re.compile(r"^(?:(?:căn\s+cứ|khi|trên\s+cơ\s+sở|trong\s+quá\s+trình)\s[^,;]{0,80},\s*)+")


# "X xây dựng kế hoạch; tổ chức chủ trì, phối hợp với …": a later clause makes X the lead.
_LATER_LEAD = re.compile(r";\s*(?:tổ\s+chức\s+)?chủ\s+trì\s*,?\s*(?:và\s+)?phối\s+hợp\s+với\b")


_LATER_LEAD_AT = re.compile(r";\s*(?:tổ\s+chức\s+)?(?=chủ\s+trì\s*,?\s*(?:và\s+)?phối\s+hợp\s+với\b)")


def _role(text: str) -> str:
    """The role a unit gets from the verb that follows its name ("là cơ quan thường trực …,
    chủ trì …" leads too)."""
    head = _CIRCUMSTANCE.sub("", text.strip().lower())
    if "chủ trì" in head.split(";", 1)[0][:120] or _LATER_LEAD.search(head):
        return "chu_tri"
    for prefix, role in (("chủ trì", "chu_tri"), ("phối hợp", "phoi_hop"), ("theo dõi", "theo_doi"),
                         ("đôn đốc", "theo_doi"), ("báo cáo", "bao_cao")):
        if head.startswith(prefix):
            return role
    return "thuc_hien"


# Case-sensitive: the partners end at a verb in small letters, so that "Sở Xây dựng" or
# "Sở Kế hoạch và Đầu tư" is not cut at a verb-like word of its name.
_PARTNERS = re.compile(rf"^\W*[Cc]hủ\s+trì\s*,?\s*(?:và\s+)?phối\s+hợp\s+(?:chặt\s+chẽ\s+)?với\s+(?P<units>.*?)"
                       rf"(?P<end>\s+(?=(?:{TASK_VERBS})\b)|\s*[;.(]|$)")
_UNSPECIFIC = re.compile(r"liên\s+quan|^các\s+(?:địa\s+phương|ngành|cơ\s+quan|đơn\s+vị)\b|chức\s+năng", re.IGNORECASE)


# "UBND tỉnh đề nghị các sở …", "Thủ tướng Chính phủ giao Bộ …": the order word after the one
# who gives the order; that subject is dropped so the order reads as if it began the clause.
_SPEAKER_SUBJECT = re.compile(
    r"^(?:Thủ\s+tướng|Phó\s+Thủ\s+tướng|Chủ\s+tịch|Phó\s+Chủ\s+tịch|Bí\s+thư|Thường\s+trực|Ban\s+Thường\s+vụ"
    r"|UBND|Ủy\s+ban\s+nhân\s+dân|Uỷ\s+ban\s+nhân\s+dân|Chính\s+phủ)"
    r"[^,.;:]{0,60}?\s+(?=(?:đề\s+nghị|giao|yêu\s+cầu)\s)")
# "Đề nghị A chỉ đạo B chủ trì …": A passes the order on (thuc_hien), B carries it (its role).
# Only when B is given a role of its own ("chỉ đạo B chủ trì / phối hợp …"); "chỉ đạo B kiểm tra"
# stays A's task, as the documents' readers label it.
_DELEGATE = re.compile(rf"^chỉ\s+đạo\s+(?P<units>(?:{_UNIT_START_HEADED}|{_UNIT_START_LOWER}).*?)"
                       r"\s+(?=(?:chủ\s+trì|phối\s+hợp)\b)")
# "Giao Bộ X theo chức năng, nhiệm vụ được giao, chỉ đạo …": the adverbial is not the unit's name.
_ADVERBIAL = re.compile(r"\s+(?:theo\s+chức\s+năng|trong\s+phạm\s+vi|căn\s+cứ\s+chức\s+năng)\b.*$", re.IGNORECASE)


def _partners(rest: str, lead: str) -> list[tuple[str, str]]:
    """The units a lead works with: "X chủ trì, phối hợp với Y, Z <task>" gives Y and Z the
    role ``phoi_hop`` (their unit pages must show what they coordinate on) with the task
    "Phối hợp với X <task>". Partners that name no body ("các cơ quan liên quan") are left out."""
    match = _PARTNERS.match(rest)
    later = _LATER_LEAD_AT.search(rest)
    if not match and later:  # "X xây dựng kế hoạch; chủ trì, phối hợp với Y …"
        rest = rest[later.end():]
        match = _PARTNERS.match(rest)
    if not match:
        return []
    units, end = match["units"], match.end()
    head = _UNIT_HEAD.match(rest, match.start("units"))
    if head:  # the partners' names end where their words end, as a lead's do ("các tổ chức chính trị - xã hội")
        named = name_end(rest, head.end())
        if named > match.end("units") and re.match(r"\s+[^\W\d_]", rest[named:]) and rest[named:named + 2] != ":":
            units, end = rest[match.start("units"):named], named
    task = rest[end:].strip()
    partners = [u for u in _distribute(units) if not _UNSPECIFIC.search(u)]
    return [(unit, f"Phối hợp với {lead} {task}".strip()) for unit in partners]


_DISTRIBUTIVE = re.compile(r"^(?:[Cc]ác\s+)?(?P<kind>Sở|Bộ|Ban|Phòng|Cục|Vụ|Hội)\s*:\s*(?P<items>.+)$")
_HEADED_AND = re.compile(rf"\s+và\s+(?=(?:{_UNIT_START_HEADED})\b)")


_COMMA_SECTORS = [name for name in SECTOR_NAMES if "," in name]


def _distribute(text: str) -> list[str]:
    """Units of a list; "các Sở: Y tế, Tài chính và UBND các huyện" → "Sở Y tế", "Sở Tài
    chính", "UBND các huyện" ("và" inside a name, as in "Giáo dục và Đào tạo", is kept)."""
    match = _DISTRIBUTIVE.match(clean_space(text.replace("**", "")).strip(" ,;"))
    if not match:
        return _split_units(text)
    protected = match["items"]
    for name in _COMMA_SECTORS:
        protected = protected.replace(name, name.replace(",", "\x00"))
    items = [i.replace("\x00", ",").strip() for i in protected.split(",") if i.strip()]
    tail: list[str] = []
    if items:
        last, *rest = _HEADED_AND.split(items[-1], maxsplit=1)
        items[-1] = last
        tail = _split_units(rest[0]) if rest else []
    return [f"{match['kind']} {item}" for item in items] + tail


def _split_units(text: str, keep_generic: bool = False) -> list[str]:
    """Units of a list joined by ",", ";" or "và" before another unit; generic addressees
    ("các cơ quan, đơn vị", "Thủ trưởng …") are left out unless ``keep_generic``."""
    text = _ADVERBIAL.sub("", re.sub(r"\s+", " ", text.replace("**", "")).strip(" ,;:"))
    units = [u.strip(" ,;") for u in _SPLIT_UNITS.split(text)]
    return [u[:1].upper() + u[1:] for u in units
            if u and len(u.split()) <= 16 and (keep_generic or not _GENERIC_UNIT.match(u))]


_BARE_KIND = re.compile(rf"^(?:{_HEAD_TITLE})?(?:[Cc]ác\s+)?(?:Sở|Bộ|Ban|Phòng|Cục|Vụ|Hội)$")


def _listed_after_kind(match: UnitClause, rest: str) -> tuple[list[str], str] | None:
    """"Các Bộ: Công Thương, Nội vụ, Y tế nghiên cứu …": the names after the kind and its colon
    are the units (one each), and the task follows them."""
    if match.sep != ":" or not _BARE_KIND.match(match.units.strip()):
        return None
    end = name_end(rest, 0)
    task = rest[end:].strip()
    if not end or not task[:1].islower():
        return None
    return _distribute(f"{match.units.strip()}: {rest[:end]}"), task


def _deadline(text: str) -> str | None:
    date = _DEADLINE_DATE.search(text)
    if date:
        day, month, year = date.groups()
        if year:
            try:
                from vanban.core.dates import PartialDate

                return PartialDate.parse(f"{int(year):04d}-{int(month):02d}-{int(day):02d}").iso()
            except ValueError:
                pass
        else:
            recurrence = _RECURRENCE.search(text[date.end():date.end() + 20])
            suffix = f" hằng {recurrence.group(1).lower()}" if recurrence and recurrence.group(1) else ""
            return f"trước ngày {int(day)}/{int(month)}{suffix}"
    recurrence = _RECURRENCE.search(text)
    if recurrence:
        if recurrence.group(1):
            return f"hằng {recurrence.group(1).lower()}"
        if recurrence.group(2):
            return "định kỳ 6 tháng"
        return "thường xuyên"
    return None


def _short(text: str, limit: int = 600) -> str:
    text = clean_space(text.replace("**", "")).strip(" ,;:.-/")
    text = text[:1].upper() + text[1:]
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0] + " …"


_RECOMMENDATIONS = re.compile(r"^\W*(?:[IVX]+[.)]\s*)?(?:KIẾN\s+NGHỊ|ĐỀ\s+XUẤT)")
_SECTION = re.compile(r"^\W*(?:[IVX]+[.)]\s|PHỤ\s+LỤC)")


def _without_recommendations(lines: list[str]) -> list[str]:
    """A report's "KIẾN NGHỊ, ĐỀ XUẤT" section asks the superior body for things ("Đề nghị UBND
    tỉnh … giao Sở Tài chính …"): its units are not given tasks by this document."""
    kept, skipping = [], False
    for line in lines:
        if _RECOMMENDATIONS.match(line):
            skipping = True
        elif skipping and _SECTION.match(line):
            skipping = False
        if not skipping:
            kept.append(line)
    return kept


_BULLET = re.compile(r"^[-–—+•]\s*(?=\S)")
_SUB_ITEM = re.compile(r"^(?:\d+(?:\.\d+)*[.)]|[a-zđ][.)])\s*")
_HEADING_ENDS = re.compile(r"^(?:\d+(?:\.\d+)*[.)]|[IVX]+[.)]|PHỤ\s+LỤC|Nơi\s+nhận)")
_ARTICLE_HEAD = re.compile(r"^\s*Điều\s+\d+")
_ARTICLE_ENDS = re.compile(r"^(?:Điều\s+\d+|Chương|CHƯƠNG|[IVX]+[.)]|PHỤ\s+LỤC|Nơi\s+nhận)")
_LISTED = re.compile(r"^\s*(?:\d+(?:\.\d+)*[.)]|[a-zđ][.)]|[IVX]+[.)])\s")


def is_unit_title(text: str) -> bool:
    """Whether a numbered line is only a unit's name ("5.1. Trung tâm Quản lý chất lượng"): a
    heading whose bullets are that unit's tasks, as with a colon."""
    text = text.strip().rstrip(":")
    head = _UNIT_HEAD.match(text)
    return head is not None and name_end(text, head.end()) == len(text)


def _items(body: str) -> list[tuple[str, list[str]]]:
    """Paragraphs and list items (leaders stripped), each with the bullet lines that follow it."""
    lines = _without_recommendations([line.rstrip() for line in body.replace("**", "").split("\n")])
    items: list[tuple[str, list[str]]] = []
    for index, line in enumerate(lines):
        text = _ITEM_LEADER.sub("", line).strip()
        if not text or line.lstrip().startswith("|"):
            continue
        bullets = []
        heading = text.endswith(":") or (_LISTED.match(line) is not None and is_unit_title(text))
        # "Điều 2. Giao Bộ trưởng Bộ Tài chính:" then "1. …", "2. …": the article's items are its tasks
        ends = _ARTICLE_ENDS if _ARTICLE_HEAD.match(line) else _HEADING_ENDS
        for following in lines[index + 1:]:
            stripped = following.strip()
            if not stripped:
                continue
            if _BULLET.match(stripped):
                bullets.append(_BULLET.sub("", stripped).rstrip(" .;"))
                continue
            # "1. Sở Tài chính:" then its tasks as a)/b) items or plain paragraphs
            if heading and not ends.match(stripped):
                bullets.append(_SUB_ITEM.sub("", stripped).rstrip(" .;"))
                continue
            break
        items.append((text, bullets))
    return items


def _table_assignments(body: str) -> list[tuple[str, str, str, str]]:
    """(unit, role, task, deadline text) from task tables with "chủ trì"/"phối hợp" columns."""
    found = []
    rows = [line.strip().strip("|").split("|") for line in body.replace("**", "").split("\n")
            if line.strip().startswith("|")]
    header: list[str] | None = None
    for cells in rows:
        cells = [c.strip() for c in cells]
        if all(re.fullmatch(r":?-{3,}:?", c) for c in cells if c):
            continue
        lowered = [c.lower() for c in cells]
        if (any("chủ trì" in c or re.search(r"(?:cơ quan|đơn vị) thực hiện", c) for c in lowered)
                and not any(re.search(r"\d", c) for c in cells[:1])):
            header = lowered
            continue
        if header is None or len(cells) != len(header):
            continue
        task = next((cells[i] for i, h in enumerate(header) if "nhiệm vụ" in h or "nội dung" in h), "")
        when = next((cells[i] for i, h in enumerate(header) if "thời" in h), "")
        reports = bool(re.match(r"^(?:gửi\s+)?báo\s+cáo", task, re.IGNORECASE))
        for i, h in enumerate(header):
            role = ("chu_tri" if "chủ trì" in h else "phoi_hop" if "phối hợp" in h
                    else ("bao_cao" if reports else "thuc_hien") if re.search(r"(?:cơ quan|đơn vị) thực hiện", h)
                    else None)
            if role:
                for unit in re.split(r"\s*;\s*|,\s+(?=[A-ZĐÀ-Ỹ])", cells[i]):
                    unit = unit.strip()
                    if unit and not _GENERIC_UNIT.match(unit):
                        found.append((unit[:1].upper() + unit[1:], role, task, when))
    return found


_VERB = re.compile(rf"\b(?:{TASK_VERBS})\b", re.IGNORECASE)


def _names_only(text: str) -> bool:
    """"Giám đốc các Sở: Tài chính, Y tế, Công Thương;" lists who is addressed, not a task."""
    parts = [p for p in re.split(r"[,;]", text.strip(" .;")) if p.strip()]
    return len(parts) > 1 and all(len(p.split()) <= 8 for p in parts) and not _VERB.search(text)


_PARENTHESIS = re.compile(r"\s*\([^()]{0,200}\)")
_NEXT_UNIT_CLAUSE = re.compile(rf";\s+(?=(?:{_UNIT_START_HEADED}))")


def _has_own_task(clause: str) -> bool:
    match = unit_clause(clause)
    return bool(match and clause[match.end:].strip())


_NEXT_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZĐÀ-Ỹ])")


def _sentences(items: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
    """A paragraph's later sentence that names its own unit and task ("… đúng quy định. Ủy ban
    nhân dân tỉnh Lào Cai chịu trách nhiệm …") is an item of its own; other sentences stay with
    the one before them."""
    out: list[tuple[str, list[str]]] = []
    for text, bullets in items:
        kept = ""
        for sentence in _NEXT_SENTENCE.split(text):
            if kept and _has_own_task(sentence):
                out.append((kept, []))
                kept = sentence
            else:
                kept = f"{kept} {sentence}".strip()
        out.append((kept, bullets))
    return out


def _clauses(items: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
    """Split "Giao Sở A chủ trì …; Sở Tài chính bố trí …; UBND các huyện …" into one item per
    clause when every later clause names its own unit and verb (units listed with ";" before
    one shared task stay together); drop "(cơ quan thường trực …)" after a unit's name."""
    out = []
    for whole, bullets in _sentences(items):
        text = _PARENTHESIS.sub("", whole)
        parts = _NEXT_UNIT_CLAUSE.split(text)
        if len(parts) > 1 and all(_has_own_task(part) for part in parts):
            out += [(part, bullets if index == len(parts) - 1 else []) for index, part in enumerate(parts)]
        else:
            out.append((text, bullets))
    return out


def find_assignments(body: str, registry: Registry | None = None) -> list[dict]:
    """Units given a task, with role, a short task text and the deadline when stated.

    Units named after "X chủ trì, phối hợp với" are assignments with role ``phoi_hop`` (see
    ``_partners``); a unit whose own sentence starts with "phối hợp" gets that role too.
    """
    del registry  # names are kept as written; the site resolves them
    results: list[dict] = []
    seen: set[tuple[str, str]] = set()
    fallback: list[tuple[str, str, str, str]] = []

    def add(unit: str, role: str, task: str, context: str) -> None:
        key = (unit.lower(), role)
        if key in seen:
            return
        seen.add(key)
        item = {"unit": unit, "role": role}
        if task:
            item["task"] = _short(task)
        deadline = _deadline(context)
        if deadline:
            item["deadline"] = deadline
        results.append(item)

    for text, bullets in _clauses(_items(body)):
        speaker = _SPEAKER_SUBJECT.match(text)
        if speaker:
            text = text[speaker.end():]
        match = unit_clause(text)
        if not match and bullets and is_unit_title(text):
            match = UnitClause(text, ":", len(text))
        if not match:
            continue
        rest = text[match.end:].strip()
        if _NOT_A_TASK_SUBJECT.search(match.units.strip()) or _NARRATIVE.search(rest):
            continue
        units = [] if _GENERIC_START.match(match.units) else _split_units(match.units)
        listed = _listed_after_kind(match, rest)
        if listed:
            units, rest = listed
            match = UnitClause(match.units, " ", match.end)
        if not units:
            generic = _split_units(match.units, keep_generic=True)
            if generic and rest and not _SPEAKER.match(rest) and not _EXECUTES.search(rest):
                fallback += [(unit, _role(rest), rest, rest) for unit in generic]
        if match.sep == ":":
            if rest and _names_only(rest):
                continue
            task = rest or "; ".join(bullets)
            context = task + " " + "; ".join(bullets)
        else:
            task = rest
            context = rest
        if (not units or not task or _BOILERPLATE.match(task) and len(task.split()) < 10 or _SPEAKER.match(rest)
                or _EXECUTES.search(rest) or _CLOSING.search(rest)):
            continue
        delegated = _DELEGATE.match(rest) if rest else None
        if delegated:
            inner = rest[delegated.end():]
            for unit in units:
                add(unit, "thuc_hien", rest, context)
            units, rest, task = _split_units(delegated["units"]), inner, inner
        role = _role(rest or task)  # "Sở X:" then "Chủ trì, …" on the next lines
        for unit in units:
            add(unit, role, task, context)
        if role == "chu_tri" and units:
            for partner, partner_task in _partners(rest or task, units[0]):
                add(partner, "phoi_hop", partner_task, context)
    for unit, role, task, when in _table_assignments(body) + label_assignments(body, _distribute):
        add(unit, role, task, when)
    if not results:  # "Thủ trưởng các cơ quan, đơn vị …" kept when it carries the only task
        for unit, role, task, context in fallback:
            if not _BOILERPLATE.match(task):
                add(unit, role, task, context)
    return results
