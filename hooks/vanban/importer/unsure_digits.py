"""From OCR, digits the engine is unsure of in the number and date lines are left blank.

Why a module of its own: a handwritten "Số" or day is common on a scan, and a blank the reviewer
fills in is better than a wrong value; this is the one step of layout recovery that changes
words rather than placing them, and it applies only to OCR (a text layer is sure of itself).
"""

from __future__ import annotations

import re

from vanban.core.text import fold
from vanban.importer.wordlines import Line, segment_text
from vanban.importer.words import Word

UNSURE_CONFIDENCE = 70.0
"""OCR confidence (0–100) under which digits in the number or date line are not trusted."""


def blank_unsure_digits(line: Line, notes: list[str]) -> None:
    """In a number segment ("Số: …") or a "ngày … tháng …" segment, drop digits OCR is unsure of."""
    segments = []
    for segment in line.segments:
        text = fold(segment_text(segment))
        if not (re.match(r"^so\s*:", text) or re.match(r"^[^\d,]{2,40},\s*ngay\b", text)):
            segments.append(segment)
            continue
        kept = []
        for word in segment:
            if word.confidence < UNSURE_CONFIDENCE and re.search(r"\d", word.text):
                stripped = re.sub(r"\d", "", word.text)
                if stripped:
                    kept.append(Word(stripped, word.x0, word.x1, word.top, word.bottom, word.confidence, word.line))
            else:
                kept.append(word)
        if len(kept) != len(segment) or any(a.text != b.text for a, b in zip(kept, segment, strict=False)):
            notes.append(f"chữ số không đọc chắc chắn trên bản quét (viết tay?) đã để trống: “{segment_text(kept)}”; "
                         "hãy điền theo bản gốc")
        if kept:
            segments.append(kept)
    line.segments = segments
    line.words = [w for s in segments for w in s]
