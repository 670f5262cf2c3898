"""Legacy Vietnamese encodings in old Word files: TCVN3 (ABC) and VNI, chosen by font name.

Before Unicode, offices typed with fonts whose glyphs sit on Latin-1 code points: ``.VnTime``
(TCVN3; capitals with tone marks come from the matching ``.VnTimeH`` font) or ``VNI-Times``
(VNI: a base letter followed by a mark character). A .docx keeps those code points, so the
run's font name is the only reliable sign of how to read its text.
"""

from __future__ import annotations

import re
import unicodedata

# TCVN3 (ABC) single-byte table: Latin-1 code point → Vietnamese letter (lower case; the "H"
# fonts show the same code points as capitals).
_TCVN3_PAIRS = (
    "µà ¸á ¶ả ·ã ¹ạ ¨ă »ằ ¾ắ ¼ẳ ½ẵ Æặ ©â Çầ Êấ Èẩ Éẫ Ëậ ®đ Ìè Ðé Îẻ Ïẽ Ñẹ ªê Òề Õế Óể Ôễ Öệ "
    "×ì Ýí Øỉ Üĩ Þị ßò ãó áỏ âõ äọ «ô åồ èố æổ çỗ éộ ¬ơ êờ íớ ëở ìỡ îợ ïù óú ñủ òũ ôụ "
    "\u00adư õừ øứ öử ÷ữ ùự úỳ ýý ûỷ üỹ þỵ ¡Ă ¢Â §Đ £Ê ¤Ô ¥Ơ ¦Ư"
)
TCVN3 = {pair[0]: pair[1] for pair in _TCVN3_PAIRS.split(" ")}

# VNI: marks typed after the base letter. Each mark character stands for a tone, a vowel
# shape (circumflex, breve) or both; upper-case marks go with upper-case letters.
_TONE = {"acute": "\u0301", "grave": "\u0300", "hook": "\u0309", "tilde": "\u0303", "dot": "\u0323"}
_VNI_MARKS = {
    # mark: (shape, tone)
    "ù": (None, "acute"), "ø": (None, "grave"), "û": (None, "hook"), "õ": (None, "tilde"), "ï": (None, "dot"),
    "â": ("\u0302", None), "á": ("\u0302", "acute"), "à": ("\u0302", "grave"), "å": ("\u0302", "hook"),
    "ã": ("\u0302", "tilde"), "ä": ("\u0302", "dot"),
    "ê": ("\u0306", None), "é": ("\u0306", "acute"), "è": ("\u0306", "grave"), "ú": ("\u0306", "hook"),
    "ü": ("\u0306", "tilde"), "ë": ("\u0306", "dot"),
}
_VNI_SINGLE = {  # whole letters in one character
    "ô": "ơ", "Ô": "Ơ", "ö": "ư", "Ö": "Ư", "ñ": "đ", "Ñ": "Đ",
    "í": "í", "Í": "Í", "ì": "ì", "Ì": "Ì", "æ": "ỉ", "Æ": "Ỉ", "ó": "ĩ", "Ó": "Ĩ", "ò": "ị", "Ò": "Ị",
    "î": "ỵ", "Î": "Ỵ",
}
_VNI_BASES = "aeouyAEOUYôÔöÖ"


def _vni_table() -> dict[str, str]:
    table: dict[str, str] = {}
    for base in _VNI_BASES:
        letter = _VNI_SINGLE.get(base, base)
        for mark, (shape, tone) in _VNI_MARKS.items():
            if shape and (letter.lower() not in "aeo"):
                continue  # only a, e, o take a circumflex; only a takes a breve
            if shape == "\u0306" and letter.lower() != "a":
                continue
            composed = unicodedata.normalize("NFC", letter + (shape or "") + (_TONE[tone] if tone else ""))
            # The mark's case follows the letter's ("UÛy" → "Ủy"), but a capital typed before a
            # lower-case mark ("Uûy") occurs in real files too: the letter decides the case.
            table[base + mark] = table[base + mark.upper()] = composed
    return table


_VNI_PAIRS = {**_VNI_SINGLE, **_vni_table()}
# One pass, longest sequence first: a converted "ô" (from "oâ") must not be read again as ơ.
_VNI_PATTERN = re.compile("|".join(sorted(map(re.escape, _VNI_PAIRS), key=len, reverse=True)))


def tcvn3_to_unicode(text: str, capitals: bool = False) -> str:
    """Convert TCVN3 text; ``capitals`` for runs in a ``…H`` font (.VnTimeH)."""
    converted = "".join(TCVN3.get(ch, ch) for ch in text)
    return converted.upper() if capitals else converted


def vni_to_unicode(text: str) -> str:
    """Convert VNI text (base letter + mark characters)."""
    return _VNI_PATTERN.sub(lambda m: _VNI_PAIRS[m.group(0)], text)


def encoding_of_font(font: str | None) -> str | None:
    """``"tcvn3"``, ``"tcvn3-caps"``, ``"vni"`` or ``None`` (Unicode) from a font name."""
    if not font:
        return None
    name = font.strip().lower()
    if name.startswith(".vn"):
        return "tcvn3-caps" if name.endswith("h") else "tcvn3"
    if name.startswith("vni-") or name.startswith("vni "):
        return "vni"
    return None


def convert_run(text: str, font: str | None) -> str:
    """Text of one run converted to Unicode according to its font."""
    encoding = encoding_of_font(font)
    if encoding == "tcvn3":
        return tcvn3_to_unicode(text)
    if encoding == "tcvn3-caps":
        return tcvn3_to_unicode(text, capitals=True)
    if encoding == "vni":
        return vni_to_unicode(text)
    return text
