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

from vanban.build.registry import Registry
from vanban.core.text import clean_space
from vanban.importer.role_labels import label_assignments
from vanban.importer.task_items import task_items
from vanban.importer.task_tables import table_assignments
from vanban.importer.unit_clauses import (
    GENERIC_START,
    UNIT_HEAD,
    UNIT_START_HEADED,
    UNIT_START_LOWER,
    UnitClause,
    distribute,
    is_unit_title,
    listed_after_kind,
    split_units,
    unit_clause,
)
from vanban.importer.unit_names import TASK_VERBS, name_end

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
_DELEGATE = re.compile(rf"^chỉ\s+đạo\s+(?P<units>(?:{UNIT_START_HEADED}|{UNIT_START_LOWER}).*?)"
                       r"\s+(?=(?:chủ\s+trì|phối\s+hợp)\b)")


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
    head = UNIT_HEAD.match(rest, match.start("units"))
    if head:  # the partners' names end where their words end, as a lead's do ("các tổ chức chính trị - xã hội")
        named = name_end(rest, head.end())
        if named > match.end("units") and re.match(r"\s+[^\W\d_]", rest[named:]) and rest[named:named + 2] != ":":
            units, end = rest[match.start("units"):named], named
    task = rest[end:].strip()
    partners = [u for u in distribute(units) if not _UNSPECIFIC.search(u)]
    return [(unit, f"Phối hợp với {lead} {task}".strip()) for unit in partners]


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


_VERB = re.compile(rf"\b(?:{TASK_VERBS})\b", re.IGNORECASE)


def _names_only(text: str) -> bool:
    """"Giám đốc các Sở: Tài chính, Y tế, Công Thương;" lists who is addressed, not a task."""
    parts = [p for p in re.split(r"[,;]", text.strip(" .;")) if p.strip()]
    return len(parts) > 1 and all(len(p.split()) <= 8 for p in parts) and not _VERB.search(text)


Found = tuple[str, str, str, str]
"""(unit, role, task, context where the deadline is read) of one assignment."""


def _clause_units(text: str, bullets: list[str]) -> tuple[UnitClause, str] | None:
    """The units an item names and the rest of its text, or None when it gives no task: no
    unit, a quotation ("Sở X đã …") or a narrative ("Báo X ngày … đưa tin")."""
    speaker = _SPEAKER_SUBJECT.match(text)
    if speaker:
        text = text[speaker.end():]
    match = unit_clause(text)
    if not match and bullets and is_unit_title(text):
        match = UnitClause(text, ":", len(text))
    if not match:
        return None
    rest = text[match.end:].strip()
    if _NOT_A_TASK_SUBJECT.search(match.units.strip()) or _NARRATIVE.search(rest):
        return None
    return match, rest


def _item_assignments(text: str, bullets: list[str]) -> tuple[list[Found], list[Found]]:
    """The assignments one item gives, and those of a generic group it names (kept only when the
    document has no other task)."""
    found = _clause_units(text, bullets)
    if not found:
        return [], []
    match, rest = found
    units = [] if GENERIC_START.match(match.units) else split_units(match.units)
    listed = listed_after_kind(match, rest)
    if listed:
        units, rest = listed
        match = UnitClause(match.units, " ", match.end)
    fallback: list[Found] = []
    if not units:
        generic = split_units(match.units, keep_generic=True)
        if generic and rest and not _SPEAKER.match(rest) and not _EXECUTES.search(rest):
            fallback = [(unit, _role(rest), rest, rest) for unit in generic]
    if match.sep == ":":
        if rest and _names_only(rest):
            return [], fallback
        task = rest or "; ".join(bullets)
        context = task + " " + "; ".join(bullets)
    else:
        task = context = rest
    if (not units or not task or _BOILERPLATE.match(task) and len(task.split()) < 10 or _SPEAKER.match(rest)
            or _EXECUTES.search(rest) or _CLOSING.search(rest)):
        return [], fallback
    given: list[Found] = []
    delegated = _DELEGATE.match(rest) if rest else None
    if delegated:
        inner = rest[delegated.end():]
        given += [(unit, "thuc_hien", rest, context) for unit in units]
        units, rest, task = split_units(delegated["units"]), inner, inner
    role = _role(rest or task)  # "Sở X:" then "Chủ trì, …" on the next lines
    given += [(unit, role, task, context) for unit in units]
    if role == "chu_tri" and units:
        given += [(partner, "phoi_hop", partner_task, context) for partner, partner_task in _partners(rest or task, units[0])]
    return given, fallback


def _records(found: list[Found]) -> list[dict]:
    """One record per (unit, role), in the text's order, with a short task and the deadline."""
    results: list[dict] = []
    seen: set[tuple[str, str]] = set()
    for unit, role, task, context in found:
        key = (unit.lower(), role)
        if key in seen:
            continue
        seen.add(key)
        item = {"unit": unit, "role": role}
        if task:
            item["task"] = _short(task)
        deadline = _deadline(context)
        if deadline:
            item["deadline"] = deadline
        results.append(item)
    return results


def find_assignments(body: str, registry: Registry | None = None) -> list[dict]:
    """Units given a task, with role, a short task text and the deadline when stated.

    Units named after "X chủ trì, phối hợp với" are assignments with role ``phoi_hop`` (see
    ``_partners``); a unit whose own sentence starts with "phối hợp" gets that role too. A
    generic group ("Thủ trưởng các cơ quan, đơn vị …") counts only when nothing else does.
    """
    del registry  # names are kept as written; the site resolves them
    found: list[Found] = []
    fallback: list[Found] = []
    for text, bullets in task_items(body):
        given, generic = _item_assignments(text, bullets)
        found += given
        fallback += generic
    found += table_assignments(body) + label_assignments(body, distribute)
    return _records(found) or _records([f for f in fallback if not _BOILERPLATE.match(f[2])])
