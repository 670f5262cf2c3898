"""References and assignments found in the body of a document, sentence by sentence.

References: a type word followed by a number-symbol ("Kết luận số 21-KL/TW, ngày 25/10/2021
của Ban Chấp hành Trung ương Đảng"). The first mention gives type, date and issuer; later ones
repeat the number only. The relation comes from the verb that opens the clause ("Thực hiện",
"Căn cứ", "Theo đề nghị") or from a verb right before the mention ("thay thế", "bãi bỏ").

Assignments: "Giao <units> chủ trì, phối hợp với <units> …", "Giao <units>: – task", and
headings such as "2. Sở Tài chính: chủ trì …". Group names keep their inner commas
("UBND các huyện, thành phố, thị xã").
"""

from __future__ import annotations

import re

from ..numbers import DOCUMENT_TYPES, normalise_number, number_key
from ..registry import Registry
from ..text import clean_space

_TYPE_WORDS = sorted({t.name for t in DOCUMENT_TYPES} | {"Văn bản", "Thông tư liên tịch"}, key=len, reverse=True)
_TYPE_ALT = "|".join(re.escape(t) for t in _TYPE_WORDS)
_UPPER = "A-ZĐÀ-Ỹ"
_PARTY_NUMBER = rf"\d+\s*[-–—]\s*[{_UPPER}][\w{_UPPER}]*\s*/\s*[{_UPPER}][{_UPPER}0-9]*"
_STATE_PART = rf"[{_UPPER}][{_UPPER}0-9&]*[a-z]?(?![\w])"
_STATE_NUMBER = rf"\d+\s*/\s*(?:\d{{4}}\s*/\s*)?{_STATE_PART}(?:[-–—]\s?{_STATE_PART})*"
# A mention is found from its number (cheap to scan for: it starts with a digit), then the type
# word is looked for just before it — one big alternation run over the whole text is ~20× slower.
_NUMBER = re.compile(rf"(?<![\w/])(?:{_PARTY_NUMBER}|{_STATE_NUMBER})", re.IGNORECASE)
# The text just before a number, read backwards: "[số[:]] [liên tịch] <type>" reversed, anchored
# at the number — one attempt instead of one per position of a look-behind window.
_TYPE_BEFORE_REVERSED = re.compile(
    r"(?:\s*:?\s*ốs)?\s+(?:hcịt\s+nêil\s+)?(?P<type>" + "|".join(re.escape(t[::-1]) for t in _TYPE_WORDS) + r")(?!\w)",
    re.IGNORECASE)


class _Mention:
    """A type word followed by a number-symbol, with where it starts and ends in the text."""

    __slots__ = ("type", "number", "start", "end")

    def __init__(self, type_word: str, number: str, start: int, end: int) -> None:
        self.type, self.number, self.start, self.end = type_word, number, start, end


def _mentions(text: str):
    for number in _NUMBER.finditer(text):
        window = text[max(0, number.start() - 40): number.start()][::-1]
        before = _TYPE_BEFORE_REVERSED.match(window)
        if before:
            yield _Mention(before["type"][::-1], number.group(0), number.start() - before.end(), number.end())
_DATE_AFTER = re.compile(
    r"^\s*,?\s*(?:ban\s+hành\s+)?ngày\s+(?:(?P<d>\d{1,2})\s*[/.-]\s*(?P<m>\d{1,2})\s*[/.-]\s*(?P<y>\d{4})"
    r"|(?P<d2>\d{1,2})\s+tháng\s+(?P<m2>\d{1,2})\s+năm\s+(?P<y2>\d{4}))", re.IGNORECASE)
_ISSUER_AFTER = re.compile(r"^\s*,?\s*(?:của|do)\s+(?P<issuer>[^,;.:()\n]+)", re.IGNORECASE)
_ISSUER_STOP = re.compile(
    r"\s+(?:về|V/v|quy\s+định|hướng\s+dẫn|ban\s+hành|kh[oó]a|khoá|tại|đã|đến|nhằm|và|trong|theo|với|"
    r"thực\s+hiện|triển\s+khai|giao|đối\s+với|cho|để|nay|năm\s+\d|lần)\b.*$", re.IGNORECASE)

# Verbs opening the clause a mention stands in.
_CLAUSE_CUES = (
    (re.compile(r"^(?:V/v\s+)?(?:tiếp\s+tục\s+)?(?:triển\s+khai\s+)?(?:thực\s+hiện|triển\s+khai|để\s+triển\s+khai|"
                r"để\s+thực\s+hiện|quán\s+triệt,?\s+triển\s+khai)\b", re.IGNORECASE), "implements"),
    (re.compile(r"^căn\s+cứ\b", re.IGNORECASE), "based_on"),
    (re.compile(r"^(?:theo\s+đề\s+nghị|xét\s+đề\s+nghị|phúc\s+đáp|trả\s+lời|theo\s+tờ\s+trình)\b", re.IGNORECASE),
     "responds_to"),
    (re.compile(r"^(?:V/v\s+)?hướng\s+dẫn\s+(?:thực\s+hiện|triển\s+khai)\b", re.IGNORECASE), "guides"),
    (re.compile(r"^(?:V/v\s+)?(?:báo\s+cáo\s+)?(?:sơ\s+kết|tổng\s+kết|kết\s+quả)\b.*\bthực\s+hiện\s*$",
                re.IGNORECASE), "reports_on"),
)
# Verbs right before a mention, wherever the clause starts.
_NEAR_CUES = (
    (re.compile(r"sửa\s+đổi,?\s+bổ\s+sung(?:\s+một\s+số\s+điều(?:\s+của)?)?\s*$", re.IGNORECASE), "amends"),
    (re.compile(r"thay\s+thế(?:\s+cho)?\s*$", re.IGNORECASE), "replaces"),
    (re.compile(r"bãi\s+bỏ\s*$", re.IGNORECASE), "repeals"),
    (re.compile(r"báo\s+cáo\s+(?:sơ\s+kết\s+|tổng\s+kết\s+)?kết\s+quả(?:\s+\S+){0,6}\s+thực\s+hiện\s*$", re.IGNORECASE),
     "reports_on"),
    (re.compile(r"hướng\s+dẫn\s+thực\s+hiện\s*$", re.IGNORECASE), "guides"),
)
_NEAR_WORDS = ("sửa", "thay thế", "bãi bỏ", "kết quả", "hướng dẫn")
_CLAUSE_BREAK = re.compile(r"[.;:!?](?:\s|$)|\n")
_LEADER = re.compile(r"^\s*(?:[-–—+•*]\s*|\d+(?:\.\d+)*[.)]\s*|[a-zđ][.)]\s*|\*\*)*")


def _date_text(match: re.Match) -> str | None:
    day, month, year = (match["d"], match["m"], match["y"]) if match["d"] else (match["d2"], match["m2"], match["y2"])
    try:
        from ..dates import PartialDate

        return PartialDate.parse(f"{int(year):04d}-{int(month):02d}-{int(day):02d}").iso()
    except ValueError:
        return None


def _relation(text: str, start: int, first_in_clause: bool, doc_type: str | None) -> str:
    clause_start = max(0, start - 400)
    for br in _CLAUSE_BREAK.finditer(text, clause_start, start):
        clause_start = br.end()
    before = text[clause_start:start]
    near = before[-90:].lower()
    if any(word in near for word in _NEAR_WORDS):  # cheap test before the regular expressions
        for pattern, relation in _NEAR_CUES:
            if pattern.search(near):
                return relation
    opening = _LEADER.sub("", before).strip()
    if first_in_clause or opening.lower().startswith("căn cứ"):
        for pattern, relation in _CLAUSE_CUES:
            if pattern.search(opening) and (relation != "reports_on" or doc_type == "Báo cáo"):
                return relation
    return "cites"


def find_references(text: str, own_number: str | None, doc_type: str | None = None) -> list[dict]:
    """One entry per cited document, in order of first mention."""
    text = text.replace("**", "")
    found: dict[str, dict] = {}
    last_clause = -1
    own = number_key(own_number) if own_number else None
    clause, counted_to = 0, 0
    for match in _mentions(text):
        number = normalise_number(match.number)
        key = number_key(number)
        clause += len(_CLAUSE_BREAK.findall(text, counted_to, match.start))  # mentions come in order
        counted_to = match.start
        first_in_clause = clause != last_clause
        last_clause = clause
        if key == own:
            continue
        relation = _relation(text, match.start, first_in_clause, doc_type)
        details = _details(match, text)
        entry = found.get(key)
        if entry is None:
            found[key] = {**details, "relation": relation}
            continue
        # a later, fuller mention completes a short first one (a subject line, say)
        for field in ("type", "date"):
            if field in details and field not in entry:
                entry[field] = details[field]
        if "issuer" in details and ("issuer" not in entry or
                                    (details["issuer"].startswith(entry["issuer"]) and details["issuer"] != entry["issuer"])):
            entry["issuer"] = details["issuer"]
        if entry["relation"] == "cites" and relation != "cites":
            entry["relation"] = relation
    return [{k: e[k] for k in ("type", "number", "date", "issuer", "relation") if k in e} for e in found.values()]


def _details(match: _Mention, text: str) -> dict:
    """Type, number, date and issuer as this mention gives them."""
    details: dict = {}
    doc_type_word = match.type[:1].upper() + match.type[1:]
    if doc_type_word.lower() != "văn bản":
        details["type"] = doc_type_word
    details["number"] = normalise_number(match.number)
    rest = text[match.end:match.end + 200]
    date = _DATE_AFTER.match(rest)
    if date:
        iso = _date_text(date)
        if iso:
            details["date"] = iso
        rest = rest[date.end():]
    issuer = _ISSUER_AFTER.match(rest)
    if issuer:
        name = _ISSUER_STOP.sub("", clean_space(issuer["issuer"])).strip()
        if name and len(name.split()) <= 10:
            details["issuer"] = name
    return details


# -- assignments ------------------------------------------------------------------------------
_UNIT_START = (r"(?:các\s+)?(?:Sở|sở|UBND|Ủy\s+ban|Uỷ\s+ban|Ban|Văn\s+phòng|Phòng|Công\s+an|Bộ|Trung\s+tâm|Đài|Báo|"
               r"Hội|Liên\s+đoàn|Thanh\s+tra|Cục|Chi\s+cục|Kho\s+bạc|Ngân\s+hàng|Bảo\s+hiểm|Viện|Trường|Bệnh\s+viện|"
               r"Đảng\s+[ủu]ỷ?y?|Huyện\s+[ủu]|Thành\s+[ủu]|Thị\s+[ủu]|Tỉnh\s+[ủu]|Mặt\s+trận|Đoàn|Liên\s+minh|"
               r"cơ\s+quan|đơn\s+vị|Thủ\s+trưởng|Giám\s+đốc|Chủ\s+tịch|Cục|Hải\s+quan|Điện\s+lực|Bưu\s+điện|"
               r"Đồn|Bộ\s+Chỉ\s+huy|Hội\s+đồng|địa\s+phương)")
_ROLE_VERBS = (r"chủ\s+trì|phối\s+hợp|thực\s+hiện|triển\s+khai|tổ\s+chức|có\s+trách\s+nhiệm|tham\s+mưu|"
               r"theo\s+dõi|đôn\s+đốc|hướng\s+dẫn|kiểm\s+tra|rà\s+soát|tiếp\s+tục|khẩn\s+trương|căn\s+cứ|"
               r"xây\s+dựng|tổng\s+hợp|báo\s+cáo|quán\s+triệt|nghiên\s+cứu|chỉ\s+đạo|phổ\s+biến|bố\s+trí|"
               r"cân\s+đối|đảm\s+bảo|bảo\s+đảm|lập|cập\s+nhật|ban\s+hành|giám\s+sát")
_GIAO = re.compile(rf"\b(?:Giao|giao|Đề\s+nghị|đề\s+nghị|Yêu\s+cầu|yêu\s+cầu)\s+(?P<units>{_UNIT_START}.*?)"
                   rf"(?P<sep>\s*:|\s+(?={_ROLE_VERBS})|$)", re.MULTILINE)
_HEADING = re.compile(rf"^\s*(?:[-–+•]\s*|\d+(?:\.\d+)*[.)]\s*|[a-zđ][.)]\s*)?(?:\*\*)?(?P<units>{_UNIT_START}[^:\n]{{0,120}}?)"
                      rf"(?:\*\*)?\s*:\s*(?P<task>.*)$", re.MULTILINE)
_LEAD = re.compile(r"chủ\s+trì", re.IGNORECASE)
_COOPERATE = re.compile(rf"phối\s+hợp\s+(?:chặt\s+chẽ\s+)?với\s+(?P<units>.+?)(?=\s+(?:{_ROLE_VERBS}|để|trong|nhằm)\b|[.;:]|$)",
                        re.IGNORECASE)
_REPORT = re.compile(r"\bbáo\s+cáo\b", re.IGNORECASE)
_DEADLINE_DATE = re.compile(r"trước\s+ngày\s+(\d{1,2})\s*[/.-]\s*(\d{1,2})(?:\s*[/.-]\s*(\d{4}))?", re.IGNORECASE)
_RECURRENCE = re.compile(r"(?:định\s+kỳ\s+)?(?:hằng|hàng)\s+(năm|quý|tháng|tuần|ngày)|định\s+kỳ\s+(6\s+tháng)|"
                         r"(thường\s+xuyên)", re.IGNORECASE)
_SPLIT_UNITS = re.compile(rf",\s+(?={_UNIT_START}\b)|\s+và\s+(?={_UNIT_START}\b)")


def _split_units(text: str) -> list[str]:
    text = re.sub(r"\s+", " ", text.replace("**", "")).strip(" ,;:")
    units = [u.strip(" ,;") for u in _SPLIT_UNITS.split(text)]
    return [u[:1].upper() + u[1:] for u in units if u and len(u.split()) <= 14]


def _deadline(text: str) -> str | None:
    date = _DEADLINE_DATE.search(text)
    if date:
        day, month, year = date.groups()
        if year:
            try:
                from ..dates import PartialDate

                return PartialDate.parse(f"{int(year):04d}-{int(month):02d}-{int(day):02d}").iso()
            except ValueError:
                pass
        return clean_space(date.group(0))
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
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut + " …"


def _following_bullets(text: str, end: int) -> str:
    """The bullet lines right after a "Giao X:" line (the tasks), joined."""
    bullets = []
    for line in text[end:].split("\n")[1:]:
        stripped = line.strip()
        if not stripped:
            continue
        if re.match(r"^[-–+•]\s", stripped):
            bullets.append(re.sub(r"^[-–+•]\s*", "", stripped).rstrip(" .;"))
            continue
        break
    return "; ".join(bullets)


def find_assignments(body: str, registry: Registry | None = None) -> list[dict]:
    """Units given a task, with role, a short task text and the deadline when stated."""
    del registry  # names are kept as written; the site resolves them
    text = body.replace("**", "")
    results: list[dict] = []
    seen: set[tuple[str, str]] = set()
    assigned: set[str] = set()

    def add(unit: str, role: str, task: str, context: str) -> None:
        key = (unit.lower(), role)
        if key in seen:
            return
        seen.add(key)
        assigned.add(unit.lower())
        item = {"unit": unit, "role": role}
        if task:
            item["task"] = _short(task)
        deadline = _deadline(context)
        if deadline:
            item["deadline"] = deadline
        results.append(item)

    cooperating: list[tuple[str, str, str]] = []
    spans: list[tuple[int, int]] = []
    for match in _GIAO.finditer(text):
        line_end = text.find("\n", match.end())
        sentence = text[match.end(): line_end if line_end != -1 else len(text)]
        units = _split_units(match["units"])
        if not units:
            continue
        spans.append((match.start(), match.end()))
        if match["sep"].strip() == ":":
            task = _following_bullets(text, match.end()) or sentence
            context = task
            role = "chu_tri" if _LEAD.match(sentence.strip()) else "thuc_hien"
        else:
            task = sentence
            context = sentence
            role = "chu_tri" if _LEAD.match(sentence.strip()) else "thuc_hien"
        for unit in units:
            add(unit, role, task, context)
        cooperate = _COOPERATE.search(sentence)
        if cooperate:
            for unit in _split_units(cooperate["units"]):
                cooperating.append((unit, task, context))
    for match in _HEADING.finditer(text):
        if any(start <= match.start() < end for start, end in spans):
            continue
        units = _split_units(match["units"])
        task = match["task"] or _following_bullets(text, match.end())
        if not units or not task:
            continue
        role = "chu_tri" if _LEAD.search(task[:40]) else "thuc_hien"
        for unit in units:
            add(unit, role, task, task)
        cooperate = _COOPERATE.search(task)
        if cooperate:
            for unit in _split_units(cooperate["units"]):
                cooperating.append((unit, task, task))
    for unit, task, context in cooperating:
        if unit.lower() not in assigned and not _same_as_assigned(unit, assigned):
            add(unit, "phoi_hop", task, context)
    return results


def _same_as_assigned(unit: str, assigned: set[str]) -> bool:
    """"các sở, ban, ngành" is the group "Các Sở, ban, ngành cấp tỉnh" already given a task."""
    from ..text import tone_key

    key = tone_key(unit, True)
    return any(tone_key(a, True).startswith(key) or key.startswith(tone_key(a, True)) for a in assigned)
