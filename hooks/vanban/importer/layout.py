"""Layout recovery: positioned words (from a PDF's text layer or from OCR) → the text a clerk
would paste from Word, which is what the extraction rules read.

Why a stage of its own: the rules in ``extract`` know the shape of an official document (header
in two columns, title, body paragraphs, signature beside "Nơi nhận"), but a PDF or a scan gives
only words with coordinates. Without rebuilding columns and paragraphs first, "Số: 12/UBND"
and "Nghệ An, ngày …" end up on one line, paragraphs are cut at every line end, and the page
numbers and the digital-signature stamp land in the middle of the text. This module knows
nothing of the rules; it only puts words back in reading order:

- words are grouped into lines by their vertical position;
- a line with a wide gap is split into segments; a run of lines split at the same place is a
  two-column zone (header, signature), written left column first, then the right one, each as
  a block of its own, as the .docx reader writes a layout table;
- lines with three or more segments are table rows (a phụ lục's task table), written as a
  Markdown table;
- page numbers, running headers and footers and the signing stamp ("Ký bởi", "Thời gian ký" …,
  whose time is not the document's date) are dropped;
- wrapped lines of one paragraph are joined; an indented or numbered line starts a new one;
- from OCR, digits the engine is unsure of in the number and date lines are left blank: a
  handwritten "Số" or day is common, and a blank is better than a wrong value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from vanban.core.text import fold
from vanban.importer.words import Page, Word

__all__ = ["COLUMN_GAP", "UNSURE_CONFIDENCE", "Layout", "Page", "Word", "recover"]

COLUMN_GAP = 0.05
"""A gap wider than this share of the page width separates two columns (justified body text
never spaces words this far apart)."""
UNSURE_CONFIDENCE = 70.0
"""OCR confidence (0–100) under which digits in the number or date line are not trusted."""


@dataclass
class Layout:
    """The recovered text and what the reviewer should know about it."""

    text: str
    notes: list[str] = field(default_factory=list)


@dataclass
class _Line:
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


def _group_lines(words: list[Word]) -> list[_Line]:
    """Words → lines: by the OCR engine's line where it gives one, else by vertical position
    (a word whose centre is within half its height of a line's centre joins it); then lines
    side by side at one height (the two columns of a header) are merged."""
    lines: list[_Line] = []
    keyed: dict[tuple[int, ...], _Line] = {}
    for word in sorted(words, key=lambda w: ((w.top + w.bottom) / 2, w.x0)):
        if word.line is not None:
            if word.line in keyed:
                keyed[word.line].words.append(word)
            else:
                keyed[word.line] = _Line([word])
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
            lines.append(_Line([word]))
    for line in lines:
        line.words.sort(key=lambda w: w.x0)
    lines.sort(key=lambda line: line.top)
    return _merge_side_by_side(lines) if keyed else lines


def _merge_side_by_side(lines: list[_Line]) -> list[_Line]:
    merged: list[_Line] = []
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


def _split_segments(line: _Line, width: float) -> None:
    """Cut a line at gaps wider than ``COLUMN_GAP`` — except the space left blank for a number
    or day written in at release ("Số:          /UBND-VX", "ngày      tháng 7")."""
    segments: list[list[Word]] = [[line.words[0]]]
    for word in line.words[1:]:
        left = fold(_segment_text(segments[-1]))
        blank = bool(_BLANK_BEFORE.search(left)) or bool(_BLANK_AFTER.match(fold(word.text)))
        if word.x0 - segments[-1][-1].x1 > COLUMN_GAP * width and not blank:
            segments.append([word])
        else:
            segments[-1].append(word)
    line.segments = segments


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


def _segment_text(segment: list[Word]) -> str:
    return " ".join(w.text for w in segment)


def _drop_stamp(lines: list[_Line]) -> None:
    """Remove the signing stamp's fields: segments shaped "Ký bởi: …", "Thời gian ký: …", and the
    "Email:"/"Cơ quan:" lines only when a stamp anchor is within three lines of them."""
    anchors = {i for i, line in enumerate(lines)
               if any(_STAMP_ANCHOR.match(fold(_segment_text(s))) for s in line.segments)}
    for index, line in enumerate(lines):
        near = any(abs(index - a) <= 3 for a in anchors)
        line.segments = [s for s in line.segments if not _noise(s) and not _RECEIVED.match(fold(_segment_text(s)))
                         and not (near and _STAMP.match(fold(_segment_text(s))))]
        line.words = [w for s in line.segments for w in s]


def _furniture(pages: list[list[_Line]], heights: list[float]) -> set[tuple[int, int]]:
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


def _blank_unsure_digits(line: _Line, notes: list[str]) -> None:
    """In a number segment ("Số: …") or a "ngày … tháng …" segment, drop digits OCR is unsure of."""
    segments = []
    for segment in line.segments:
        text = fold(_segment_text(segment))
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
            notes.append(f"chữ số không đọc chắc chắn trên bản quét (viết tay?) đã để trống: “{_segment_text(kept)}”; "
                         "hãy điền theo bản gốc")
        if kept:
            segments.append(kept)
    line.segments = segments
    line.words = [w for s in segments for w in s]


def _zone_split(line: _Line, width: float) -> float | None:
    """Where a two-segment line is split, if its halves sit left and right of the page's middle."""
    if len(line.segments) != 2:
        return None
    left, right = line.segments
    if left[-1].x1 < width * 0.62 and right[0].x0 > width * 0.38:
        return (left[-1].x1 + right[0].x0) / 2
    return None


def _side(line: _Line, bounds: tuple[float, float]) -> str | None:
    """"left" or "right" for a one-segment line that fits in one column of a zone whose left
    column ends at ``bounds[0]`` and whose right column starts at ``bounds[1]``."""
    if len(line.segments) != 1:
        return None
    left_end, right_start = bounds
    fits_left, fits_right = line.x1 < right_start, line.x0 > left_end
    if fits_left and fits_right:
        return "left" if (line.x0 + line.x1) / 2 < (left_end + right_start) / 2 else "right"
    return "left" if fits_left else "right" if fits_right else None


def _bounds(line: _Line) -> tuple[float, float]:
    return line.segments[0][-1].x1, line.segments[1][0].x0


def _blocks(lines: list[_Line], width: float) -> list[str]:
    """Lines of one page → blocks of text (column zones, table runs, paragraphs)."""
    blocks: list[str] = []
    index = 0
    margin = _left_margin(lines)
    right_margin = max((line.x1 for line in lines if len(line.segments) == 1), default=width)
    while index < len(lines):
        line = lines[index]
        split = _zone_split(line, width)
        if split is not None:
            index = _zone(lines, index, split, width, blocks)
            continue
        if len(line.segments) >= 3:
            index = _table(lines, index, blocks)
            continue
        index = _paragraph(lines, index, margin, right_margin, width, blocks)
    return blocks


def _tight(upper: _Line, lower: _Line) -> bool:
    """Two lines of one block: the gap between them is under 60 % of a line's height."""
    return lower.top - upper.bottom < max(upper.bottom - upper.top, 1.0) * 0.6


def _zone(lines: list[_Line], start: int, split: float, width: float, blocks: list[str]) -> int:
    """Write the two-column zone around the two-column line at ``start``: it also takes the
    one-sided lines set tight above it (already written) and below it, and the later
    two-column lines split at about the same place."""
    left_end, right_start = _bounds(lines[start])
    begin = start
    while (begin > 0 and _side(lines[begin - 1], (left_end, right_start)) and _tight(lines[begin - 1], lines[begin])
           and blocks and blocks[-1] == lines[begin - 1].text):
        begin -= 1
        blocks.pop()
    end = start + 1
    while end < len(lines):
        line = lines[end]
        here = _zone_split(line, width)
        if here is not None and abs(here - split) < width * 0.15:
            left_end, right_start = max(left_end, _bounds(line)[0]), min(right_start, _bounds(line)[1])
            end += 1
        elif _side(line, (left_end, right_start)) and _tight(lines[end - 1], line):
            end += 1
        else:
            break
    left: list[str] = []
    right: list[str] = []
    for line in lines[begin:end]:
        if len(line.segments) == 2:
            left.append(_segment_text(line.segments[0]))
            right.append(_segment_text(line.segments[1]))
        elif _side(line, (left_end, right_start)) == "left":
            left.append(line.text)
        else:
            right.append(line.text)
    blocks.extend(["\n".join(left), "\n".join(right)])
    return end


def _table(lines: list[_Line], start: int, blocks: list[str]) -> int:
    end = start
    while end < len(lines) and len(lines[end].segments) >= 3:
        end += 1
    rows = [[_segment_text(s).replace("|", "\\|") for s in line.segments] for line in lines[start:end]]
    columns = max(len(r) for r in rows)
    text = ["| " + " | ".join(row + [""] * (columns - len(row))) + " |" for row in rows]
    text.insert(1, "|" + "---|" * columns)
    blocks.append("\n".join(text))
    return end


_NEW_ITEM = re.compile(r"^(?:[-–—+•*]\s|\d+(?:\.\d+)*[.)]\s|[a-zđ][.)]\s|[IVXLC]+\.\s|Điều\s+\d|Chương\s+[IVXLC\d])")


def _paragraph(lines: list[_Line], start: int, margin: float, right_margin: float, width: float,
               blocks: list[str]) -> int:
    """A paragraph: the line at ``start`` and the lines that continue it (the previous line
    reaches the right margin, the next starts at the left margin, no wider gap than a line)."""
    text = [lines[start].text]
    end = start + 1
    while end < len(lines):
        prev, line = lines[end - 1], lines[end]
        height = max(prev.bottom - prev.top, 1.0)
        if (len(line.segments) == 1 and _centred(prev, width, margin, right_margin)
                and _centred(line, width, margin, right_margin)
                and line.top - prev.bottom < height and not _NEW_ITEM.match(line.text)):
            text.append("\n" + line.text)  # a title or subject set centred over several lines
            end += 1
            continue
        if (len(line.segments) != 1 or _zone_split(line, width) is not None
                or line.top - prev.bottom > height * 0.9
                or prev.x1 < right_margin - width * 0.08
                or line.x0 > margin + width * 0.02
                or _NEW_ITEM.match(line.text)):
            break
        text.append(line.text)
        end += 1
    blocks.append(" ".join(text).replace(" \n", "\n"))
    return end


def _centred(line: _Line, width: float, margin: float, right_margin: float) -> bool:
    """A line set centred: its middle near the text's, and clear of both margins."""
    middle = (margin + right_margin) / 2 if right_margin > margin else width / 2
    return (abs((line.x0 + line.x1) / 2 - middle) < width * 0.06 and line.x0 > margin + width * 0.02
            and line.x1 < right_margin)


def _left_margin(lines: list[_Line]) -> float:
    starts = [round(line.x0) for line in lines if len(line.segments) == 1]
    return min(starts, key=lambda x: (-starts.count(x), x)) if starts else 0.0


def recover(pages: list[Page]) -> Layout:
    """Rebuild the document's text from its pages' words."""
    notes: list[str] = []
    page_lines: list[list[_Line]] = []
    for page in pages:
        lines = _group_lines([w for w in page.words if w.text.strip()])
        for line in lines:
            _split_segments(line, page.width)
        _drop_stamp(lines)
        page_lines.append([line for line in lines if line.words])
    drop = _furniture(page_lines, [p.height for p in pages])
    blocks: list[str] = []
    for p, (page, lines) in enumerate(zip(pages, page_lines, strict=False)):
        kept = [line for i, line in enumerate(lines) if (p, i) not in drop]
        if any(w.confidence < 100 for line in kept for w in line.words):
            for line in kept:
                _blank_unsure_digits(line, notes)
        blocks.extend(block for block in _blocks(kept, page.width) if block.strip())
    return Layout("\n\n".join(blocks) + "\n" if blocks else "", notes)

