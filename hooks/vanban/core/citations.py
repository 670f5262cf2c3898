"""Citations in a document's text: a type word followed by a number-symbol ("Kết luận số
21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng").

Why in ``core``: the importer reads references with it, and ``vanban check`` uses the same
grammar to find citations a record's body makes that its front-matter does not list; a check
must not depend on the importer. The first mention gives type, date and issuer; later ones
repeat the number only. The relation comes from the verb that opens the clause ("Thực hiện",
"Căn cứ", "Theo đề nghị") or from a verb right before the mention ("thay thế", "bãi bỏ").
"""

from __future__ import annotations

import re

from vanban.core.numbers import DOCUMENT_TYPES, normalise_number, number_key, parse_number, type_named_by
from vanban.core.text import clean_space

_TYPE_WORDS = sorted({t.name for t in DOCUMENT_TYPES} | {"Văn bản", "Thông tư liên tịch"}, key=len, reverse=True)
_TYPE_ALT = "|".join(re.escape(t) for t in _TYPE_WORDS)
_UPPER = "A-ZĐÀ-Ỹ"
_PARTY_NUMBER = rf"\d+\s*[-–—]\s*[{_UPPER}][\w{_UPPER}]*\s*/\s*[{_UPPER}][{_UPPER}0-9]*(?:-[{_UPPER}][{_UPPER}0-9]*)*"
_STATE_PART = rf"[{_UPPER}][{_UPPER}0-9&]*[a-z]?(?![\w])"
_STATE_NUMBER = rf"\d+\s*/\s*(?:\d{{4}}\s*/\s*)?{_STATE_PART}(?:[-–—]\s?{_STATE_PART})*"
# A mention is found from its number (cheap to scan for: it starts with a digit), then the type
# word is looked for just before it — one big alternation run over the whole text is ~20× slower.
_NUMBER = re.compile(rf"(?<![\w/])(?:{_PARTY_NUMBER}|{_STATE_NUMBER})", re.IGNORECASE)
# The text just before a number, read backwards: "[số[:]] [liên tịch|thẩm định|…] <type>" reversed, anchored
# at the number — one attempt instead of one per position of a look-behind window.
_TYPE_BEFORE_REVERSED = re.compile(
    r"(?:\s*:?\s*ốs)?\s+(?:hcịt\s+nêil\s+|gnộđ\s+hnàh\s+|hnịđ\s+mẩht\s+|ảuq\s+tếk\s+|ịhgn\s+ềđ\s+|pợh\s+gnổt\s+)?(?P<type>" + "|".join(re.escape(t[::-1]) for t in _TYPE_WORDS) + r")(?!\w)",
    re.IGNORECASE)


class _Mention:
    """A type word followed by a number-symbol, with where it starts and ends in the text."""

    __slots__ = ("type", "number", "start", "end")

    def __init__(self, type_word: str, number: str, start: int, end: int) -> None:
        self.type, self.number, self.start, self.end = type_word, number, start, end


_LAW_NUMBER = re.compile(r"^\d+/\d{4}/(?:QH|UBTVQH)\d+$", re.IGNORECASE)
_LAW_NAME = re.compile(r"\b(Bộ luật|Luật|Pháp lệnh)\b[^.;\n]{0,120}$")


def _mentions(text: str):
    for number in _NUMBER.finditer(text):
        window = text[max(0, number.start() - 40): number.start()][::-1]
        before = _TYPE_BEFORE_REVERSED.match(window)
        if before:
            yield _Mention(before["type"][::-1], number.group(0), number.start() - before.end(), number.end())
        elif _LAW_NUMBER.match(normalise_number(number.group(0))):  # "Luật Đất đai số 31/2024/QH15"
            law = _LAW_NAME.search(text, max(0, number.start() - 130), number.start())
            if law:
                yield _Mention(law.group(1), number.group(0), law.start(), number.end())
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
    (re.compile(r"sửa\s+đổi,?\s+bổ\s+sung", re.IGNORECASE), "amends"),
    (re.compile(r"thay\s+thế", re.IGNORECASE), "replaces"),
    (re.compile(r"bãi\s+bỏ", re.IGNORECASE), "repeals"),
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
        from vanban.core.dates import PartialDate

        return PartialDate.parse(f"{int(year):04d}-{int(month):02d}-{int(day):02d}").iso()
    except ValueError:
        return None


def _relation(text: str, start: int, first_in_clause: bool, doc_type: str | None) -> str:
    clause_start = max(0, start - 400)
    for br in _CLAUSE_BREAK.finditer(text, clause_start, start):
        clause_start = br.end()
    before = text[clause_start:start]
    paragraph = _LEADER.sub("", text[text.rfind("\n", 0, start) + 1:start]).lower()
    if paragraph.startswith("căn cứ"):  # every document of a "Căn cứ …" paragraph is a basis
        return "based_on"
    near = before[-90:].lower()
    if any(word in near for word in _NEAR_WORDS):  # cheap test before the regular expressions
        for pattern, relation in _NEAR_CUES:
            if pattern.search(near):
                return relation
    opening = _LEADER.sub("", before).strip()
    if first_in_clause and not opening and text[clause_start - 2:clause_start].strip() == ";":
        # "Thực hiện Chỉ thị số …; Nghị quyết số …; Kế hoạch số …": a document opening a clause
        # after ";" shares the verb of the sentence's first clause.
        sentence_start = text.rfind("\n", 0, start) + 1
        for br in _CLAUSE_BREAK.finditer(text, sentence_start, start):
            if text[br.start()] in ".!?":
                sentence_start = br.end()
        first_clause = _CLAUSE_BREAK.split(text[sentence_start:start], 1)[0]
        opening = _LEADER.sub("", first_clause).strip()
    if first_in_clause or opening.lower().startswith("căn cứ"):
        for pattern, relation in _CLAUSE_CUES:
            if pattern.search(opening) and (relation != "reports_on" or doc_type == "Báo cáo"):
                return relation
    return "cites"


def mentioned_number_keys(text: str) -> set[str]:
    """Number keys of every document the text mentions — the cheap first half of
    ``find_references`` (no relation, date or issuer), enough to tell whether anything is new."""
    return {number_key(normalise_number(match.number)) for match in _mentions(text.replace("**", ""))}


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
    if doc_type == "Hướng dẫn":  # what a guidance "implements" in its subject, it guides
        subject_end = text.find("\n\n")
        for match in _mentions(text[:subject_end if subject_end > 0 else 0]):
            entry = found.get(number_key(normalise_number(match.number)))
            if entry and entry["relation"] == "implements":
                entry["relation"] = "guides"
    for entry in found.values():
        if "type" not in entry:  # "văn bản số 188/TTr-BTC": the symbol names the type
            parsed = parse_number(entry["number"])
            named = type_named_by(parsed) if parsed else None
            if named:
                entry["type"] = named
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
