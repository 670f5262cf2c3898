"""Every front-matter field of a record, declared once.

A field used to live in up to seven places: the JSON Schema, a label table, the ``Record``
dataclass, the constructor call in ``validate``, the meta panel of the record page, the
``catalog.json`` mapping and the importer's key order; adding one meant finding all of them,
and forgetting one failed silently. ``FIELDS`` below is the one declaration; the rest is
derived from it:

- ``schema.RECORD_SCHEMA`` (published as ``schema/record.schema.json``): ``Field.schema`` and
  ``Field.required``, in table order;
- ``validate``: each field's value on ``Record`` is ``Field.parse`` of the YAML value (or
  ``Field.empty`` when the key is absent or blank); ``validate_record`` keeps only the checks
  that look at more than one field;
- the record page: ``META_PANEL`` and ``label``;
- ``catalog.json``: ``Field.catalog``, the key a field is published under;
- ``importer.writer``: ``KEY_ORDER``, the order keys are written in.

Why a table of frozen dataclasses and not msgspec or pydantic: the JSON Schema is the contract
(published for editors, checked first, its findings translated into clerks' Vietnamese), so
it has to be written out exactly, not generated from Python types in a library's own dialect;
our values need our parsers (Vietnamese number grammar, partial dates, NFC and spacing), which
would be custom validators either way; and ``Record`` is read by the whole code base and typed
for mypy, which a dynamically built model would hide. A model library would add a dependency
and a second way of describing a field, and remove neither. ``Record`` stays hand-written (its
attribute types are what mypy checks); ``tests/test_fields.py`` fails when it and the table
disagree.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, Protocol

from vanban.core.dates import PartialDate, looks_like_numeric_date
from vanban.core.model import Assignment, Deadline, Reference, Signer
from vanban.core.numbers import normalise_number, parse_number
from vanban.core.text import clean_space, nfc
from vanban.core.vocabulary import (  # re-exported: the vocabularies belong to the fields
    ORIGINAL_PATTERN,
    ORIGINAL_SUFFIXES,
    RELATIONS,
    RELATIONS_INVERSE,
    ROLES,
    SECRECY_GRADES,
    URGENCIES,
)

# --- JSON Schema building blocks ------------------------------------------------------------

_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
_TEXT = {"type": "string", "minLength": 1}
_TEXT_LIST = {"type": "array", "items": _TEXT}
_NULLABLE_TEXT = {"type": ["string", "null"]}

# --- Parsers: YAML value (already checked against the schema) → Record value ------------------


class Report(Protocol):
    """Where a parser reports what is wrong with a value: field path ("references[0].date"),
    Vietnamese, English, problem code; an error unless ``error=False``."""

    def __call__(self, at: str, vi: str, en: str, *, code: str, error: bool = True) -> None: ...


Parser = Callable[[Any, str, Report], Any]
"""``parse(value, field path, report)``: the value for ``Record``, or ``None`` after reporting
an error."""


def _raw(value: Any, at: str, report: Report) -> Any:
    return value


def _flag(value: bool, at: str, report: Report) -> bool:
    return bool(value)


def _tuple(value: list[str], at: str, report: Report) -> tuple[str, ...]:
    return tuple(value)


def _text(value: str, at: str, report: Report) -> str:
    return clean_space(value)


def _texts(value: list[str], at: str, report: Report) -> tuple[str, ...]:
    return tuple(clean_space(item) for item in value)


def _number(value: str, at: str, report: Report) -> str:
    return normalise_number(value)


def _numbers(value: str | list[str], at: str, report: Report) -> tuple[str, ...]:
    return tuple(normalise_number(item) for item in ([value] if isinstance(value, str) else value))


def parse_date(value: str, at: str, report: Report) -> PartialDate | None:
    try:
        return PartialDate.parse(value)
    except ValueError as exc:
        report(at, f"ngày “{value}” không có thật ({exc})", f"date '{value}' is impossible ({exc})",
               code="date.impossible")
        return None


def _deadline(value: str, at: str, report: Report) -> Deadline | None:
    text = clean_space(value)
    if text[:4].isdigit():
        date = parse_date(text, at, report)
        return Deadline(date=date) if date else None
    if looks_like_numeric_date(text):
        report(at, f"thời hạn “{text}” chứa ngày dạng dd/mm/yyyy; hãy ghi ngày dạng YYYY-MM-DD "
                   "hoặc chỉ ghi chữ (như “hằng năm”)",
               f"deadline '{text}' embeds a dd/mm/yyyy date; write YYYY-MM-DD or a text form "
               "such as 'hằng năm'", code="deadline.numeric-date")
        return None
    return Deadline(text=text)


def _signer(value: dict, at: str, report: Report) -> Signer:
    return Signer(clean_space(value["name"]), clean_space(value["title"]) if value.get("title") else None,
                  tuple(clean_space(a) for a in value.get("authority") or ()))


def _reference(ref: dict, at: str, report: Report) -> Reference:
    ref_date = parse_date(ref["date"], f"{at}.date", report) if "date" in ref else None
    number = normalise_number(ref["number"])
    if parse_number(number) is None:
        report(f"{at}.number", f"số, ký hiệu “{number}” không theo dạng của Nhà nước hay của Đảng",
               f"'{number}' fits neither the state nor the Party grammar", code="reference.number", error=False)
    return Reference(
        number=number, relation=ref["relation"],
        type=clean_space(ref["type"]) if ref.get("type") else None, date=ref_date,
        issuer=clean_space(ref["issuer"]) if ref.get("issuer") else None,
        subject=nfc(ref["subject"]).strip() if ref.get("subject") else None,
        part=clean_space(ref["part"]) if ref.get("part") else None)


def _assignment(item: dict, at: str, report: Report) -> Assignment:
    deadline = _deadline(item["deadline"], f"{at}.deadline", report) if "deadline" in item else None
    return Assignment(unit=clean_space(item["unit"]), role=item["role"],
                      task=clean_space(item["task"]) if item.get("task") else None, deadline=deadline)


def _each(parse: Parser) -> Parser:
    """A parser of a list whose items ``parse`` reads, each at ``field[index]``."""
    def parse_list(value: list, at: str, report: Report) -> tuple:
        return tuple(parse(item, f"{at}[{index}]", report) for index, item in enumerate(value))
    return parse_list


# --- The table ------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Field:
    """One front-matter field: how it is written, checked, read and shown."""

    name: str
    """Attribute of ``Record`` (also the YAML key: they are the same for every field today)."""
    label: str
    """Vietnamese label, wherever the field is named to a reader."""
    schema: dict
    """JSON Schema of the value, with a Vietnamese ``description`` for editors."""
    parse: Parser = _raw
    """YAML value → ``Record`` value; runs only when the value is present and not blank."""
    empty: Any = None
    """The ``Record`` value when the key is absent, null or blank."""
    required: bool = False
    on_record: bool = True
    """False for a field that is only checked (``secrecy``: such a record is refused)."""
    panel: int | None = None
    """Position in the record page's metadata panel; ``None``: not a row of its own there."""
    catalog: str | None = None
    """Key in each ``catalog.json`` record; ``None``: not published there."""

    @property
    def key(self) -> str:
        """The front-matter key."""
        return self.name

    @property
    def many(self) -> bool:
        """True for a list-valued field (a list always, whatever else it may be)."""
        return self.schema.get("type") == "array"


FIELDS: tuple[Field, ...] = (
    Field("id", "Mã", {
        "type": "string",
        "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$",
        "description": "Đường dẫn riêng (ASCII, chữ thường, gạch nối); bỏ trống để tự sinh.",
    }, empty="", catalog="id"),
    Field("number", "Số, ký hiệu", {
        "type": ["string", "null"],
        "minLength": 1,
        "description": "Số, ký hiệu như in: 930/UBND-TH, 904-TB/TU; null khi bản chưa có số.",
    }, _number, panel=1, catalog="number"),
    Field("symbol", "Ký hiệu", {"type": "string", "minLength": 1, "description": "Ký hiệu khi chưa có số."},
          _number, catalog="symbol"),
    Field("type", "Loại văn bản", {**_TEXT, "description": "Tên loại văn bản: Công văn, Thông báo, Kế hoạch…"},
          _text, required=True, panel=2, catalog="type"),
    Field("issuer", "Cơ quan ban hành",
          {**_TEXT, "description": "Cơ quan ban hành (mã hoặc tên trong sổ đăng ký)."},
          _text, required=True, panel=3, catalog="issuer"),
    Field("date", "Ngày ban hành", {
        "type": "string",
        "pattern": _DATE,
        "description": "Ngày ban hành YYYY-MM-DD, hoặc YYYY-MM / YYYY khi bản để trống.",
    }, parse_date, required=True, panel=4, catalog="date"),
    Field("place", "Địa danh", {**_TEXT, "description": "Địa danh."}, _text, panel=5),
    Field("subject", "Trích yếu", {**_TEXT, "description": "Trích yếu; với công văn là phần “V/v …”."},
          _text, panel=6, catalog="subject"),
    Field("signer", "Người ký", {
        "type": "object",
        "additionalProperties": False,
        "required": ["name"],
        "properties": {
            "name": {**_TEXT, "description": "Họ tên người ký."},
            "title": {**_TEXT, "description": "Chức vụ người ký."},
            "authority": {**_TEXT_LIST, "description": "Thẩm quyền: TM., KT., TL., Q., TUQ."},
        },
    }, _signer, panel=7),
    Field("addressees", "Kính gửi", {**_TEXT_LIST, "description": "Kính gửi."}, _texts, (), panel=10),
    Field("distribution", "Nơi nhận", {**_TEXT_LIST, "description": "Nơi nhận."}, _texts, (), panel=11),
    Field("references", "Văn bản dẫn chiếu", {
        "type": "array",
        "description": "Văn bản được dẫn chiếu.",
        "items": {
            "type": "object",
            "additionalProperties": False,
            "required": ["number", "relation"],
            "properties": {
                "type": _TEXT,
                "number": {**_TEXT, "description": "Số, ký hiệu của văn bản được dẫn."},
                "date": {"type": "string", "pattern": _DATE},
                "issuer": _TEXT,
                "subject": _TEXT,
                "relation": {"enum": list(RELATIONS), "description": "Quan hệ."},
                "part": {**_TEXT, "description": "Phần được sửa đổi, thay thế hay bãi bỏ (Điều 3, khoản 2…); "
                                                 "bỏ trống khi là cả văn bản."},
            },
        },
    }, _each(_reference), (), catalog="references"),
    Field("assignments", "Nhiệm vụ", {
        "type": "array",
        "description": "Nhiệm vụ giao cho đơn vị.",
        "items": {
            "type": "object",
            "additionalProperties": False,
            "required": ["unit", "role"],
            "properties": {
                "unit": {**_TEXT, "description": "Đơn vị hoặc nhóm đơn vị được giao."},
                "role": {"enum": list(ROLES), "description": "Vai trò."},
                "task": _TEXT,
                "deadline": {
                    **_TEXT,
                    "description": "Thời hạn: YYYY-MM-DD hoặc chữ như “hằng năm”.",
                },
            },
        },
    }, _each(_assignment), (), catalog="assignments"),
    Field("urgency", "Độ khẩn", {"enum": list(URGENCIES), "description": "Độ khẩn."}, panel=8),
    Field("secrecy", "Độ mật", {
        **_NULLABLE_TEXT,
        "description": "Độ mật. Văn bản có độ mật không bao giờ được đăng.",
    }, on_record=False),
    Field("status", "Tình trạng hiệu lực", {**_TEXT, "description": (
        "Chỉ ghi để sửa tình trạng tính tự động (Còn hiệu lực, Hết hiệu lực, Bị thay thế…), và phải ghi lý do "
        "ở note.")}, _text, panel=9),
    Field("effective_from", "Ngày có hiệu lực", {
        "type": "string", "pattern": _DATE,
        "description": "Ngày văn bản có hiệu lực (YYYY-MM-DD), khi khác ngày ban hành."}, parse_date),
    Field("effective_to", "Ngày hết hiệu lực", {
        "type": "string", "pattern": _DATE,
        "description": "Ngày văn bản hết hiệu lực theo chính nó (YYYY-MM-DD)."}, parse_date),
    Field("replaces", "Thay thế", {
        "anyOf": [_TEXT, _TEXT_LIST],
        "description": "Số, ký hiệu văn bản bị thay thế.",
    }, _numbers, ()),
    Field("source", "Tệp gốc", {**_TEXT, "description": "Tên tệp gốc."}, panel=12),
    Field("original", "Bản gốc", {
        "type": "string",
        "pattern": ORIGINAL_PATTERN,
        "description": "Tệp bản gốc lưu cạnh bản ghi (.pdf, .doc, .docx, ảnh), để tải về.",
    }),
    Field("sha256", "Mã băm SHA-256",
          {"type": "string", "pattern": r"^[0-9a-f]{64}$", "description": "Mã băm SHA-256 của tệp gốc."}),
    Field("sample", "Văn bản minh hoạ",
          {"type": "boolean", "description": "true: văn bản minh hoạ, không phải bản thật."},
          _flag, False, catalog="sample"),
    Field("note", "Ghi chú", {**_TEXT, "description": "Ghi chú của người nhập."}),
    Field("import_notes", "Ghi chú nhập",
          {**_TEXT_LIST, "description": "Những trường công cụ nhập chưa tìm được."}, _tuple, ()),
)
"""Every front-matter field, in the order the schema lists them and records are written."""

BY_NAME: dict[str, Field] = {f.name: f for f in FIELDS}

KEY_ORDER: tuple[str, ...] = tuple(f.key for f in FIELDS)
"""Front-matter keys in the order a written record lists them."""

META_PANEL: tuple[tuple[str, str], ...] = tuple(
    (f.name, f.label) for f in sorted((f for f in FIELDS if f.panel is not None), key=lambda f: f.panel or 0))
"""(field name, Vietnamese label) of each row of the record page's metadata panel, in order.
A row may show other fields with it: "number" the symbol of an unnumbered copy, "status" the
effective dates, "source" the downloadable original."""

CATALOG_FIELDS: tuple[Field, ...] = tuple(f for f in FIELDS if f.catalog)
"""Fields published in ``catalog.json``, in table order."""


def label(name: str) -> str:
    """The Vietnamese label of a field ("date" → "Ngày ban hành"); KeyError for an unknown one."""
    return BY_NAME[name].label


__all__ = ["FIELDS", "BY_NAME", "KEY_ORDER", "META_PANEL", "CATALOG_FIELDS", "Field", "Parser", "Report", "label",
           "parse_date", "RELATIONS", "RELATIONS_INVERSE", "ROLES", "URGENCIES", "SECRECY_GRADES",
           "ORIGINAL_SUFFIXES", "ORIGINAL_PATTERN"]
