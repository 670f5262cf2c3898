"""Vietnamese text handling: the one place that decides how names compare, slug and fold.

Documents keep their original wording ("Tỉnh uỷ" and "Tỉnh ủy" both occur), so nothing here
changes stored text beyond NFC. Instead it derives *keys*:

* ``nfc``          — canonical composition; every input passes through it.
* ``tone_key``     — a matching key insensitive to case, punctuation and tone-mark placement
                     ("uỷ" == "ủy", "hoá" == "hóa") but still telling "Sở" from "Sơ".
* ``fold``         — an ASCII fold (all marks dropped, ``đ`` → ``d``) for loose matching,
                     search and slugs.
* ``slugify``      — readable ASCII URL parts; ``đ`` becomes ``d`` and never disappears.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Combining marks that carry the five Vietnamese tones (huyền, sắc, ngã, hỏi, nặng).
_TONE_MARKS = {
    "\u0300": "2",  # grave   — huyền
    "\u0301": "1",  # acute   — sắc
    "\u0303": "4",  # tilde   — ngã
    "\u0309": "3",  # hook    — hỏi
    "\u0323": "5",  # dot     — nặng
}
_WORD = re.compile(r"\w+", re.UNICODE)
_NON_SLUG = re.compile(r"[^a-z0-9]+")

# Abbreviations offices write interchangeably with the full words. Expanded in match keys only.
_ABBREVIATIONS = {
    "ubnd": "ủy ban nhân dân",
    "hđnd": "hội đồng nhân dân",
    "tp": "thành phố",
    "tx": "thị xã",
    "btv": "ban thường vụ",
    "bch": "ban chấp hành",
    "tw": "trung ương",
    "ubmttq": "ủy ban mặt trận tổ quốc",
}


def nfc(text: str) -> str:
    """Return ``text`` in Unicode NFC; decomposed (NFD) input otherwise matches nothing."""
    return unicodedata.normalize("NFC", text)


def clean_space(text: str) -> str:
    """NFC plus collapsed white space (non-breaking spaces included), trimmed."""
    return " ".join(nfc(text).split())


def _syllable_tone_key(word: str) -> str:
    """Key of one syllable: the letters without the tone mark, followed by the tone digit.

    Moving the tone to the end makes the key independent of where the mark sits, which is the
    only difference between old ("uỷ", "hoá") and new ("ủy", "hóa") placement.
    """
    decomposed = unicodedata.normalize("NFD", word.lower())
    tone = ""
    letters = []
    for char in decomposed:
        if char in _TONE_MARKS:
            tone = _TONE_MARKS[char]
        else:
            letters.append(char)
    return unicodedata.normalize("NFC", "".join(letters)) + tone


@lru_cache(maxsize=100_000)
def tone_key(text: str, expand_abbreviations: bool = False) -> str:
    """Matching key: lower case, punctuation dropped, tone placement ignored.

    With ``expand_abbreviations`` the usual office abbreviations ("UBND", "HĐND", "TP") are
    spelt out first, so "UBND tỉnh" and "Ủy ban nhân dân tỉnh" get the same key.
    """
    words = _words(text, expand_abbreviations)
    return " ".join(_syllable_tone_key(word) for word in words)


def _words(text: str, expand_abbreviations: bool) -> list[str]:
    words = _WORD.findall(nfc(text).lower())
    if not expand_abbreviations:
        return words
    expanded: list[str] = []
    for word in words:
        expanded.extend(_ABBREVIATIONS.get(word, word).split())
    return expanded


@lru_cache(maxsize=100_000)
def loose_key(text: str) -> str:
    """Accent-less matching key ("ubnd tinh nghe an" = "Ủy ban nhân dân tỉnh Nghệ An").

    Used only when the tone key finds nothing, for people who type without diacritics.
    """
    return " ".join(fold(word) for word in _words(text, True))


_PUNCTUATION = re.compile("[“”‘’–—…«»\u00a0\u2010\u2011\u2012\u2212]")


def fold(text: str) -> str:
    """ASCII fold for loose matching and search: marks dropped, ``đ``→``d``, lower case.

    Decomposing and encoding to ASCII runs in C; the search index folds every record body, so
    this is ~6× faster than filtering combining marks in Python. Typographic dashes and quotes
    become spaces (they separate words); any other non-ASCII character is dropped.
    """
    text = _PUNCTUATION.sub(" ", text.replace("đ", "d").replace("Đ", "D"))
    return unicodedata.normalize("NFD", text).encode("ascii", "ignore").decode("ascii").lower()


def slugify(text: str, max_words: int | None = None) -> str:
    """Readable ASCII slug: "Đảng uỷ Khối" → "dang-uy-khoi". Never empty for non-empty words."""
    words = [w for w in _NON_SLUG.split(fold(text)) if w]
    if max_words is not None:
        words = words[:max_words]
    return "-".join(words)


def toc_slugify(value: str, separator: str = "-") -> str:
    """Heading-anchor slug for Python-Markdown's ``toc`` extension (its default drops ``đ``)."""
    return slugify(value).replace("-", separator)


_ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz"
_LETTER_RANK = {letter: index for index, letter in enumerate(_ALPHABET)}
_MODIFIED = {("a", "\u0306"): "ă", ("a", "\u0302"): "â", ("e", "\u0302"): "ê", ("o", "\u0302"): "ô",
             ("o", "\u031b"): "ơ", ("u", "\u031b"): "ư"}
_TONE_RANK = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
"""Dictionary order of the tones: none, huyền, hỏi, ngã, sắc, nặng."""


def vietnamese_sort_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """Sort key in Vietnamese dictionary order: a ă â b c d đ e ê … o ô ơ … u ư v x y by letter
    first, tones second ("Đảng ủy" after "Công an", before "Sở"; "Tân Kỳ" before "Thanh
    Chương"). Code-point order puts every letter with a mark after "z".

    Why our own key: PyICU would need ICU's C++ library installed; the Vietnamese alphabet is
    small and fixed, and this key is tested against a person's ordering."""
    primary: list[int] = []
    tones: list[int] = []
    for char in unicodedata.normalize("NFD", text.lower()):
        if unicodedata.combining(char):
            if char in _TONE_RANK and tones:
                tones[-1] = _TONE_RANK[char]
            elif primary and primary[-1] >= 100:
                base = _ALPHABET[primary[-1] - 100]
                modified = _MODIFIED.get((base, char))
                if modified:
                    primary[-1] = 100 + _LETTER_RANK[modified]
            continue
        if char in _LETTER_RANK:
            primary.append(100 + _LETTER_RANK[char])
            tones.append(0)
        elif char.isdigit():
            primary.append(10 + int(char))
        elif char.isspace() or char in "-–—,.;:()/":
            if primary and primary[-1] != 1:
                primary.append(1)  # word boundaries sort before any letter: "Sở Y" before "Sở Yên"
        else:
            primary.append(200 + ord(char))
    return tuple(primary), tuple(tones)
