"""Stage 2 — normalise and validate: raw front-matter → ``Record``, or problems saying why not.

The JSON Schema (``schema.RECORD_SCHEMA``) is checked first and its findings are translated
into messages a clerk understands; then each field is read by its parser, declared with the
field in ``vanban.core.fields`` (real calendar dates, deadlines, reference numbers); what stays
here are the checks that span fields or the whole file: number grammar and its agreement with
the type, secrecy, unsafe content, citations the body makes. A record with any error yields
``None`` so that it is never published; its problems name file, line and field.
"""

from __future__ import annotations

import difflib
import re
from typing import Any

import fastjsonschema
from jsonschema import Draft7Validator
from jsonschema.exceptions import ValidationError

from vanban.build.loader import RawRecord
from vanban.build.safety import find_dangerous
from vanban.core.fields import FIELDS, RELATIONS, ROLES, SECRECY_GRADES
from vanban.core.model import Record, Reference
from vanban.core.numbers import find_type, number_key, parse_number, parse_symbol, type_agrees
from vanban.core.problems import ProblemLog
from vanban.core.schema import RECORD_SCHEMA
from vanban.core.text import nfc

_VALIDATOR = Draft7Validator(RECORD_SCHEMA)
_FAST_CHECK = fastjsonschema.compile(RECORD_SCHEMA)
"""Compiled check for the common case (a valid record); when it fails, ``_VALIDATOR`` lists
every problem with its path, which fastjsonschema (first error only) cannot."""
_TYPE_NAMES = {
    "string": ("chuỗi chữ", "a string"),
    "array": ("danh sách (mỗi dòng bắt đầu bằng “- ”)", "a list"),
    "object": ("bảng khoá: giá trị", "a mapping"),
    "boolean": ("true hoặc false", "true or false"),
    "null": ("null", "null"),
}


def _field_path(parts) -> str:
    out = ""
    for part in parts:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def _schema_message(error: ValidationError) -> tuple[str, str, str]:
    """(field path, Vietnamese, English) for one JSON Schema finding."""
    field = _field_path(error.absolute_path)
    kind = error.validator
    if kind == "required":
        missing = error.message.split("'")[1]
        field = f"{field}.{missing}" if field else missing
        return field, f"thiếu trường bắt buộc “{missing}”", f"required field '{missing}' is missing"
    if kind == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        extra = sorted(set(error.instance) - set(allowed))
        key = extra[0] if extra else "?"
        field = f"{field}.{key}" if field else key
        near = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
        hint_vi = f"; có phải “{near[0]}”?" if near else f"; các khoá hợp lệ: {', '.join(allowed)}"
        hint_en = f"; did you mean '{near[0]}'?" if near else f"; allowed: {', '.join(allowed)}"
        return field, f"khoá “{key}” không có trong định dạng{hint_vi}", f"unknown key '{key}'{hint_en}"
    if kind == "type":
        expected = error.validator_value if isinstance(error.validator_value, list) else [error.validator_value]
        vi = " hoặc ".join(_TYPE_NAMES.get(t, (t, t))[0] for t in expected)
        en = " or ".join(_TYPE_NAMES.get(t, (t, t))[1] for t in expected)
        return field, f"phải là {vi}", f"must be {en}"
    if kind == "enum":
        options = ", ".join(str(v) for v in error.validator_value)
        return (field, f"giá trị “{error.instance}” không hợp lệ; chọn một trong: {options}",
                f"'{error.instance}' is not allowed; use one of: {options}")
    if kind == "pattern" and field.endswith(("date", "deadline")):
        return (field, f"ngày “{error.instance}” phải viết dạng YYYY-MM-DD (hoặc YYYY-MM, YYYY)",
                f"date '{error.instance}' must be written YYYY-MM-DD (or YYYY-MM, YYYY)")
    if kind == "pattern" and field == "id":
        return (field, "mã chỉ gồm chữ thường không dấu, số và dấu gạch nối (không có “/” hay “..”)",
                "id may hold only lower-case ASCII letters, digits and hyphens (no '/' or '..')")
    if kind == "minLength":
        return field, "không được để trống", "must not be empty"
    if kind == "anyOf":
        return field, "phải là chuỗi chữ hoặc danh sách chuỗi", "must be a string or a list of strings"
    return field, f"giá trị không hợp lệ: {error.message}", f"invalid value: {error.message}"


def _strings(value: Any, path: str):
    """Yield (field path, text) for every string inside a front-matter value."""
    if isinstance(value, str):
        yield path, value
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from _strings(item, f"{path}[{index}]")
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _strings(item, f"{path}.{key}" if path else str(key))


def _check_number(raw: RawRecord, number: str | None, symbol: str | None, doc_type: str,
                  log: ProblemLog, issuer_codes: frozenset[str]) -> str | None:
    """Check grammar and type agreement; return the system ("state"/"party") when known."""
    field = "number" if number else "symbol"
    value = number or symbol
    if value is None:
        log.error(raw.path, "symbol", "bản chưa có số (number: null) phải ghi “symbol” (ký hiệu)",
                  "an unnumbered copy (number: null) needs 'symbol'", raw.line_of("number"), code="symbol.required")
        return None
    parsed = parse_number(value) if number else parse_symbol(value)
    if parsed is None:
        log.error(raw.path, field,
                  f"“{value}” không theo dạng số, ký hiệu của Nhà nước (930/UBND-TH, 30/2020/NĐ-CP) "
                  "hay của Đảng (904-TB/TU)",
                  f"'{value}' fits neither the state (930/UBND-TH) nor the Party (904-TB/TU) grammar",
                  raw.line_of(field), code="number.grammar")
        return None
    known = find_type(doc_type)
    if known is None:
        log.warning(raw.path, "type", f"loại văn bản “{doc_type}” chưa có trong danh mục",
                    f"document type '{doc_type}' is not in the list of known types",
                    raw.line_of("type"), code="type.unknown")
    elif not type_agrees(parsed, known, issuer_codes):
        abbr = parsed.type_abbr or "không có chữ viết tắt loại"
        expected = (known.state if parsed.system == "state" else known.party) or ("không có",)
        log.error(raw.path, field,
                  f"ký hiệu loại “{abbr}” trong “{value}” không khớp loại “{doc_type}” "
                  f"(cần: {', '.join(expected)})",
                  f"type abbreviation '{abbr}' in '{value}' disagrees with type '{doc_type}' "
                  f"(expected: {', '.join(expected)})", raw.line_of(field), code="number.type-mismatch")
    return parsed.system


_NOT_PROSE = re.compile(r"<!--.*?(?:-->|$)|^(```|~~~).*?(?:^\1|\Z)|`[^`\n]+`", re.DOTALL | re.MULTILINE)


def _prose(body: str) -> str:
    """The body without HTML comments and code: a number written there is not a citation."""
    return _NOT_PROSE.sub(" ", body) if ("<!--" in body or "`" in body or "~~~" in body) else body


def missing_citations(body: str, cited: list[str], own_number: str | None) -> list[dict]:
    """References the body mentions ("Kết luận số 21-KL/TW") that front-matter does not list."""
    from vanban.core.citations import find_references, mentioned_number_keys

    body = _prose(body)
    known = {number_key(n) for n in cited}
    if own_number:
        known.add(number_key(own_number))
    if mentioned_number_keys(body) <= known:  # the usual case: every build checks every record
        return []
    return [ref for ref in find_references(body, own_number) if number_key(ref["number"]) not in known]


def _check_body_citations(raw: RawRecord, references: tuple[Reference, ...], number: str | None,
                          log: ProblemLog) -> None:
    for ref in missing_citations(raw.body, [r.number for r in references], number):
        log.warning(raw.path, "references",
                    f"thân văn bản nhắc tới {ref.get('type', 'văn bản')} số {ref['number']} nhưng "
                    "“references” chưa có; `vanban check --fix` sẽ thêm",
                    f"the body cites {ref['number']} but 'references' does not list it; "
                    "`vanban check --fix` adds it", raw.line_of("references") or raw.body_line,
                    code="references.missing-citation")


_SECRECY_LINE = re.compile(
    r"^[\s*_#>|-]*(?:độ\s+mật\s*[:：]\s*)?(tuyệt\s+mật|tối\s+mật|mật)[\s*_|.]*$", re.IGNORECASE)
_SECRECY_KEY = re.compile(r"^\s*[\"']?secrecy[\"']?\s*:\s*(?![\s#]|null\b|~|\"\"|''|$)(.+)$", re.MULTILINE)
STAMP_LINES = 20
"""How far into the body a secrecy stamp is looked for: it stands in the header block."""


def secrecy_stamp(raw: RawRecord) -> tuple[str, int] | None:
    """(grade, line) of a secrecy mark in the front-matter text or the body's opening lines.

    Read from the text, not the parsed mapping, so that nothing can hide a grade: a second
    ``secrecy: null`` key, a ``--fix`` that rewrote the mapping, or a body that opens with
    "**TUYỆT MẬT**" or "Độ mật: Mật" but has no ``secrecy`` field.
    """
    for match in _SECRECY_KEY.finditer(raw.yaml_text):
        return match.group(1).strip(), raw.yaml_offset + raw.yaml_text.count("\n", 0, match.start()) + 1
    for index, line in enumerate(raw.body.split("\n", STAMP_LINES)[:STAMP_LINES]):
        found = _SECRECY_LINE.match(nfc(line))
        if found:
            return found.group(1), raw.body_line + index
    return None


def _schema_errors(raw: RawRecord, log: ProblemLog) -> None:
    fm = raw.front_matter
    try:
        _FAST_CHECK(fm)
    except fastjsonschema.JsonSchemaException:
        for error in sorted(_VALIDATOR.iter_errors(fm), key=lambda e: list(map(str, e.absolute_path))):
            field, vi, en = _schema_message(error)
            log.error(raw.path, field, vi, en, raw.line_of(field), code=f"schema.{error.validator}")


def _check_safety(raw: RawRecord, log: ProblemLog) -> None:
    """Markup anywhere, a secrecy grade or stamp anywhere, text not in NFC: the whole record."""
    fm = raw.front_matter
    strings = list(_strings(fm, ""))
    if find_dangerous("\n".join(text for _, text in strings)):  # per field only when needed
        for field, text in strings:
            for vi, en, _ in find_dangerous(text):
                log.error(raw.path, field, vi, en, raw.line_of(field), code="markup.field")
    for vi, en, line in find_dangerous(raw.body):
        log.error(raw.path, "body", vi, en, raw.body_line + line - 1, code="markup.body")
    stamp = secrecy_stamp(raw)
    if stamp and not fm.get("secrecy"):
        log.error(raw.path, "secrecy",
                  f"văn bản có dấu độ mật (“{stamp[0]}”, dòng {stamp[1]}); văn bản mật không bao giờ "
                  "được đăng, dù front-matter ghi gì",
                  f"the document carries a secrecy stamp ('{stamp[0]}', line {stamp[1]}); a secret "
                  "document is never published, whatever the front-matter says", stamp[1], code="secrecy.stamp")
    if fm.get("secrecy"):
        log.error(raw.path, "secrecy",
                  f"văn bản có độ mật (“{fm['secrecy']}”) không bao giờ được đăng; hãy bỏ tệp này "
                  f"khỏi kho (các độ mật: {', '.join(SECRECY_GRADES)})",
                  "a document with a secrecy grade must never be published; remove this file",
                  raw.line_of("secrecy"), code="secrecy.grade")
    if not raw.was_nfc:
        log.warning(raw.path, "", "văn bản không ở dạng Unicode NFC (chữ tổ hợp); hãy lưu "
                    "lại ở dạng NFC", "text is not in Unicode NFC (decomposed characters)", 1, code="text.nfc")


def parse_fields(raw: RawRecord, log: ProblemLog) -> dict[str, Any]:
    """Each field's ``Record`` value, by its own parser (``fields.FIELDS``); what a parser finds
    wrong with a value is logged against the field's line."""
    def report(at: str, vi: str, en: str, *, code: str, error: bool = True) -> None:
        (log.error if error else log.warning)(raw.path, at, vi, en, raw.line_of(at), code=code)

    fm = raw.front_matter
    values = {}
    for field in FIELDS:
        if field.on_record:
            value = fm.get(field.key)
            values[field.name] = field.parse(value, field.key, report) if value else field.empty
    return values


def _check_status(raw: RawRecord, values: dict, log: ProblemLog) -> None:
    """Status is derived; a hand-written one overrides it only with a reason, and only in the
    words the site uses (lint: the derivation still runs without it)."""
    from vanban.build.lifecycle import LABELS

    written = values.get("status")
    if not written:
        return
    if written not in LABELS.values():
        log.warning(raw.path, "status", f"tình trạng “{written}” không phải một trong: {', '.join(LABELS.values())}; "
                    "trang hiện tình trạng tính từ các văn bản khác",
                    f"status '{written}' is not one of the site's statuses; the derived status is shown",
                    raw.line_of("status"), code="status.unknown")
    elif not values.get("note"):
        log.warning(raw.path, "status", "ghi tình trạng bằng tay thì phải ghi lý do ở note; trang hiện tình trạng "
                    "tính từ các văn bản khác", "a hand-written status needs its reason in 'note'; the derived "
                    "status is shown", raw.line_of("status"), code="status.no-reason")


def validate_record(raw: RawRecord, log: ProblemLog, issuer_codes: frozenset[str] = frozenset()) -> Record | None:
    """Validate one raw record; return the normalised ``Record`` or ``None`` if it has errors.

    The schema comes first; each field is then read by its own parser (``parse_fields``), and
    what remains here are the checks that look at more than one field or at the whole file.
    ``issuer_codes`` (ASCII-folded, from the registry) lets a công văn of a body whose code is
    also a type abbreviation pass the number/type agreement check.
    """
    before = len(log.errors)
    _schema_errors(raw, log)
    if len(log.errors) > before:
        return None
    _check_safety(raw, log)
    values = parse_fields(raw, log)
    system = _check_number(raw, values["number"], values["symbol"], values["type"], log, issuer_codes)
    _check_body_citations(raw, values["references"], values["number"], log)
    if raw.body.strip() and not values["subject"]:
        log.warning(raw.path, "subject", "văn bản có toàn văn nhưng thiếu trích yếu (subject)",
                    "the record has a body but no subject", raw.line_of("type"), code="subject.missing")
    _check_status(raw, values, log)
    if len(log.errors) > before or values["date"] is None:
        return None
    return Record(path=raw.path, body=raw.body, system=system, **values)


__all__ = ["validate_record", "ROLES", "RELATIONS"]
