"""Number-symbols of state and Party documents (số, ký hiệu) and document type names.

State:  ``930/UBND-TH``, ``123/QĐ-UBND``, ``30/2020/NĐ-CP``  — number / [year /] symbol
Party:  ``904-TB/TU``, ``21-KL/TW``, ``234-CV/BTGTU``        — number - type / issuer code

A number alone is never unique, so this module only parses and derives keys; identity
(issuer + year + number) is decided by the resolver.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from vanban.core.text import fold, nfc, tone_key

_DASHES = re.compile(r"[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]")
_STATE = re.compile(r"^(?P<num>\d+)/(?:(?P<year>\d{4})/)?(?P<symbol>[^\s/]+(?:/[^\s/]+)?)$")
_PARTY = re.compile(r"^(?P<num>\d+)-(?P<abbr>[^\W\d_]+)/(?P<code>[^\s/]+)$")
_STATE_SYMBOL = re.compile(r"^(?:\d{4}/)?[^\W_][\w&]*(?:-[\w&]+)*$")
_PARTY_SYMBOL = re.compile(r"^(?P<abbr>[^\W\d_]+)/(?P<code>[^\s/]+)$")


@dataclass(frozen=True, slots=True)
class DocumentType:
    """A type of document with its symbol abbreviations in each system."""

    name: str
    state: tuple[str, ...] = ()
    party: tuple[str, ...] = ()


# Nghị định 30/2020 Phụ lục III (state) and Hướng dẫn 36-HD/VPTW (Party), plus legal documents.
DOCUMENT_TYPES: tuple[DocumentType, ...] = (
    DocumentType("Công văn", (), ("CV",)),
    DocumentType("Nghị quyết", ("NQ",), ("NQ",)),
    DocumentType("Quyết định", ("QĐ",), ("QĐ",)),
    DocumentType("Chỉ thị", ("CT",), ("CT",)),
    DocumentType("Quy chế", ("QC",), ("QC",)),
    DocumentType("Quy định", ("QyĐ", "QĐ"), ("QĐi", "QĐ")),
    DocumentType("Thông cáo", ("TC",), ()),
    DocumentType("Thông báo", ("TB",), ("TB",)),
    DocumentType("Hướng dẫn", ("HD",), ("HD",)),
    DocumentType("Chương trình", ("CTr",), ("CTr",)),
    DocumentType("Kế hoạch", ("KH",), ("KH",)),
    DocumentType("Phương án", ("PA",), ("PA",)),
    DocumentType("Đề án", ("ĐA",), ("ĐA",)),
    DocumentType("Dự án", ("DA",), ()),
    DocumentType("Báo cáo", ("BC",), ("BC",)),
    DocumentType("Biên bản", ("BB",), ("BB",)),
    DocumentType("Tờ trình", ("TTr",), ("TTr",)),
    DocumentType("Hợp đồng", ("HĐ",), ()),
    DocumentType("Công điện", ("CĐ",), ()),
    DocumentType("Bản ghi nhớ", ("BGN",), ()),
    DocumentType("Bản thỏa thuận", ("BTT",), ()),
    DocumentType("Giấy ủy quyền", ("GUQ",), ()),
    DocumentType("Giấy mời", ("GM",), ()),
    DocumentType("Giấy giới thiệu", ("GGT",), ()),
    DocumentType("Giấy nghỉ phép", ("GNP",), ()),
    DocumentType("Phiếu gửi", ("PG",), ()),
    DocumentType("Phiếu chuyển", ("PC",), ()),
    DocumentType("Phiếu báo", ("PB",), ()),
    DocumentType("Thư công", (), ()),
    DocumentType("Kết luận", ("KL",), ("KL",)),
    DocumentType("Thông tri", (), ("TT",)),
    DocumentType("Nghị định", ("NĐ",), ()),
    DocumentType("Thông tư", ("TT",), ()),
    DocumentType("Thông tư liên tịch", ("TTLT",), ()),
    DocumentType("Nghị quyết liên tịch", ("NQLT",), ("NQLT",)),
    DocumentType("Luật", (), ()),
    DocumentType("Bộ luật", (), ()),
    DocumentType("Pháp lệnh", (), ()),
    DocumentType("Hiến pháp", (), ()),
    DocumentType("Lệnh", (), ()),
)
_TYPES_BY_KEY = {tone_key(t.name): t for t in DOCUMENT_TYPES}
_STATE_ABBRS = {fold(a) for t in DOCUMENT_TYPES for a in t.state}


@lru_cache(maxsize=4096)
def find_type(name: str) -> DocumentType | None:
    """The known type with this name, whatever the tone placement ("uỷ quyền" = "ủy quyền")."""
    return _TYPES_BY_KEY.get(tone_key(name))


def normalise_number(raw: str) -> str:
    """NFC, ASCII hyphens, no spaces: ``"13/2015/TT– BVHTTDL"`` → ``"13/2015/TT-BVHTTDL"``."""
    return re.sub(r"\s+", "", _DASHES.sub("-", nfc(raw)))


@dataclass(frozen=True, slots=True)
class ParsedNumber:
    """What a number-symbol says about its document."""

    system: str  # "state" or "party"
    serial: int | None
    year: int | None  # only when the number carries it (legal documents: 30/2020/NĐ-CP)
    type_abbr: str | None
    issuer_code: str


def parse_number(number: str) -> ParsedNumber | None:
    """Parse a normalised number in either grammar; ``None`` when it fits neither."""
    party = _PARTY.match(number)
    if party:
        return ParsedNumber("party", int(party["num"]), None, party["abbr"], party["code"])
    state = _STATE.match(number)
    if state and _STATE_SYMBOL.match(state["symbol"]):
        return _state_parts(int(state["num"]), state["year"], state["symbol"])
    return None


def parse_symbol(symbol: str) -> ParsedNumber | None:
    """Parse the symbol of an unnumbered copy (``UBND-TH``, ``QĐ-UBND``, ``TB/TU``)."""
    party = _PARTY_SYMBOL.match(symbol)
    if party:
        return ParsedNumber("party", None, None, party["abbr"], party["code"])
    if _STATE_SYMBOL.match(symbol):
        year, _, rest = symbol.rpartition("/")
        return _state_parts(None, year or None, rest)
    return None


def _state_parts(serial: int | None, year: str | None, symbol: str) -> ParsedNumber:
    parts = symbol.split("-")
    abbr = parts[0] if len(parts) > 1 and fold(parts[0]) in _STATE_ABBRS else None
    code = "-".join(parts[1:]) if abbr else symbol
    return ParsedNumber("state", serial, int(year) if year else None, abbr, code)


def type_agrees(parsed: ParsedNumber, doc_type: DocumentType, issuer_codes: frozenset[str] = frozenset()) -> bool:
    """Does the abbreviation in the number fit the declared type?

    A state công văn has no abbreviation (its symbol is issuer + drafting unit), so a state
    number without one agrees with any type whose list is empty; Party ``QĐ`` may be a
    Quyết định or a Quy định. Some issuer codes are also type abbreviations (Thanh tra "TTr",
    Tờ trình "TTr"): a công văn whose symbol starts with a registered issuer code agrees.
    """
    allowed = doc_type.state if parsed.system == "state" else doc_type.party
    if parsed.type_abbr is None:
        return not allowed
    if not allowed and fold(parsed.type_abbr) in issuer_codes:
        return True
    return fold(parsed.type_abbr) in {fold(a) for a in allowed}


@lru_cache(maxsize=200_000)
def type_named_by(parsed: ParsedNumber) -> str | None:
    """The document type a number's symbol names ("QĐ-UBND" → Quyết định, "TTr-BTC" → Tờ
    trình); a state number with no type abbreviation ("930/UBND-TH") is a Công văn."""
    if parsed.type_abbr is None:
        return "Công văn" if parsed.system == "state" else None
    from vanban.core.text import fold

    abbr = fold(parsed.type_abbr)
    for doc_type in DOCUMENT_TYPES:
        if abbr in {fold(a) for a in (doc_type.state if parsed.system == "state" else doc_type.party)}:
            return doc_type.name
    return None


def number_key(number: str) -> str:
    """Matching key: ASCII-folded, lower case, leading zeros of the serial dropped."""
    key = fold(normalise_number(number))
    return re.sub(r"^0+(?=\d)", "", key)
