"""What is printed on a page but is not the document: page numbers, running headers and
footers, the signing stamp ("Ký bởi", "Thời gian ký" …), a received stamp, OCR specks.

Why a module of its own: these lines land in the middle of the text if kept, and the stamp's
time would be read as the document's date; telling them from the text is a question of their
place on the page and their repetition, not of the reading order the other layout modules
rebuild.
"""

from __future__ import annotations

import re

from vanban.core.text import fold
from vanban.importer.wordlines import Line, segment_text
from vanban.importer.words import Word

_PAGE_NUMBER = re.compile(r"^(?:[-–—]?\s*\d{1,3}\s*[-–—]?|trang\s+\d{1,3}(?:\s*/\s*\d{1,3})?|\d{1,3}\s*/\s*\d{1,3})$")
_STAMP = re.compile(
    r"^(?:ky\s+boi|ky\s+so\s+boi|nguoi\s+ky|thoi\s+gian\s+ky|ngay\s+ky|ky\s+ngay|e-?mail|co\s+quan|chuc\s+vu"
    r"|signed\s+by|signature\s+valid|date|reason|location)\s*:")
_RECEIVED = re.compile(r"^(?:den\b|gio\s*:|chuyen\s*:|cong\s+thong\s+tin\s+dien\s+t|so\s+va\s+ky\s+hieu\s+h)")
"""The received stamp a văn thư puts on an incoming copy ("CÔNG VĂN ĐẾN … Giờ: … Chuyển: …",
"CỔNG THÔNG TIN ĐIỆN TỬ CHÍNH PHỦ ĐẾN …"): not part of the document."""


def _noise(segment: list[Word]) -> bool:
    """A segment with fewer than two letters or digits: OCR specks, a stray quote, a lone bar."""
    return sum(c.isalnum() for w in segment for c in w.text) < 2


_STAMP_ANCHOR = re.compile(r"^(?:ky\s+boi|ky\s+so\s+boi|nguoi\s+ky|thoi\s+gian\s+ky|ngay\s+ky|signed\s+by|signature)")


def drop_stamp(lines: list[Line]) -> None:
    """Remove the signing stamp's fields: segments shaped "Ký bởi: …", "Thời gian ký: …", and the
    "Email:"/"Cơ quan:" lines only when a stamp anchor is within three lines of them."""
    anchors = {i for i, line in enumerate(lines)
               if any(_STAMP_ANCHOR.match(fold(segment_text(s))) for s in line.segments)}
    for index, line in enumerate(lines):
        near = any(abs(index - a) <= 3 for a in anchors)
        line.segments = [s for s in line.segments if not _noise(s) and not _RECEIVED.match(fold(segment_text(s)))
                         and not (near and _STAMP.match(fold(segment_text(s))))]
        line.words = [w for s in line.segments for w in s]


def furniture(pages: list[list[Line]], heights: list[float]) -> set[tuple[int, int]]:
    """(page, line) of page numbers and of lines repeated at the top or bottom of several pages."""
    drop: set[tuple[int, int]] = set()
    edges: dict[str, list[tuple[int, int]]] = {}
    for p, lines in enumerate(pages):
        for i, line in enumerate(lines):
            at_edge = line.bottom < heights[p] * 0.1 or line.top > heights[p] * 0.9
            if not at_edge:
                continue
            text = fold(line.text).strip()
            if _PAGE_NUMBER.match(text):
                drop.add((p, i))
            elif len(pages) > 1:
                edges.setdefault(re.sub(r"\d+", "#", text), []).append((p, i))
    for places in edges.values():
        if len({p for p, _ in places}) >= max(2, len(pages) // 2):
            drop.update(places)
    return drop
