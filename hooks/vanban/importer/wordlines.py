"""Positioned words → lines, and each line cut into segments at its column gaps.

Why a module of its own: every later step of layout recovery (dropping the stamp and page
furniture, finding two-column zones, tables and paragraphs) reads lines and their segments,
never loose words. Grouping by the OCR engine's own lines or by height, merging the two halves
of a header line, and not cutting at the blank left for a handwritten number are done once here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from vanban.core.text import fold
from vanban.importer.words import Word

COLUMN_GAP = 0.05
"""A gap wider than this share of the page width separates two columns (justified body text
never spaces words this far apart)."""


@dataclass
class Line:
    """Words at one height, left to right, and the segments they are cut into at column gaps."""

    words: list[Word]
    segments: list[list[Word]] = field(default_factory=list)

    @property
    def top(self) -> float:
        return min(w.top for w in self.words)

    @property
    def bottom(self) -> float:
        return max(w.bottom for w in self.words)

    @property
    def x0(self) -> float:
        return self.words[0].x0

    @property
    def x1(self) -> float:
        return self.words[-1].x1

    @property
    def text(self) -> str:
        return " ".join(" ".join(w.text for w in seg) for seg in self.segments)


def group_lines(words: list[Word]) -> list[Line]:
    """Words → lines: by the OCR engine's line where it gives one, else by vertical position
    (a word whose centre is within half its height of a line's centre joins it); then lines
    side by side at one height (the two columns of a header) are merged."""
    lines: list[Line] = []
    keyed: dict[tuple[int, ...], Line] = {}
    for word in sorted(words, key=lambda w: ((w.top + w.bottom) / 2, w.x0)):
        if word.line is not None:
            if word.line in keyed:
                keyed[word.line].words.append(word)
            else:
                keyed[word.line] = Line([word])
                lines.append(keyed[word.line])
            continue
        centre = (word.top + word.bottom) / 2
        height = max(word.bottom - word.top, 1.0)
        for line in reversed(lines[-3:]):
            line_centre = (line.top + line.bottom) / 2
            if abs(centre - line_centre) <= height / 2:
                line.words.append(word)
                break
        else:
            lines.append(Line([word]))
    for line in lines:
        line.words.sort(key=lambda w: w.x0)
    lines.sort(key=lambda line: line.top)
    return _merge_side_by_side(lines) if keyed else lines


def _merge_side_by_side(lines: list[Line]) -> list[Line]:
    merged: list[Line] = []
    for line in lines:
        for other in reversed(merged[-4:]):
            overlap = min(other.bottom, line.bottom) - max(other.top, line.top)
            smaller = min(other.bottom - other.top, line.bottom - line.top)
            apart = line.x0 > other.x1 or line.x1 < other.x0
            if apart and smaller > 0 and overlap >= smaller * 0.5:
                other.words = sorted(other.words + line.words, key=lambda w: w.x0)
                break
        else:
            merged.append(line)
    return merged


_BLANK_BEFORE = re.compile(r"(?:^|\s)(?:so\s*:?|ngay|thang)$")
_BLANK_AFTER = re.compile(r"^(?:/|-|thang\b|nam\b)")


def split_segments(line: Line, width: float) -> None:
    """Cut a line at gaps wider than ``COLUMN_GAP`` — except the space left blank for a number
    or day written in at release ("Số:          /UBND-VX", "ngày      tháng 7")."""
    segments: list[list[Word]] = [[line.words[0]]]
    for word in line.words[1:]:
        left = fold(segment_text(segments[-1]))
        blank = bool(_BLANK_BEFORE.search(left)) or bool(_BLANK_AFTER.match(fold(word.text)))
        if word.x0 - segments[-1][-1].x1 > COLUMN_GAP * width and not blank:
            segments.append([word])
        else:
            segments[-1].append(word)
    line.segments = segments


def segment_text(segment: list[Word]) -> str:
    return " ".join(w.text for w in segment)
