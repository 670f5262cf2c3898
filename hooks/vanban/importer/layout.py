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

from vanban.importer.furniture import drop_stamp, furniture
from vanban.importer.unsure_digits import UNSURE_CONFIDENCE, blank_unsure_digits
from vanban.importer.wordlines import COLUMN_GAP, Line, group_lines, segment_text, split_segments
from vanban.importer.words import Page, Word

__all__ = ["COLUMN_GAP", "UNSURE_CONFIDENCE", "Layout", "Page", "Word", "recover"]


@dataclass
class Layout:
    """The recovered text and what the reviewer should know about it."""

    text: str
    notes: list[str] = field(default_factory=list)


def _zone_split(line: Line, width: float) -> float | None:
    """Where a two-segment line is split, if its halves sit left and right of the page's middle."""
    if len(line.segments) != 2:
        return None
    left, right = line.segments
    if left[-1].x1 < width * 0.62 and right[0].x0 > width * 0.38:
        return (left[-1].x1 + right[0].x0) / 2
    return None


def _side(line: Line, bounds: tuple[float, float]) -> str | None:
    """"left" or "right" for a one-segment line that fits in one column of a zone whose left
    column ends at ``bounds[0]`` and whose right column starts at ``bounds[1]``."""
    if len(line.segments) != 1:
        return None
    left_end, right_start = bounds
    fits_left, fits_right = line.x1 < right_start, line.x0 > left_end
    if fits_left and fits_right:
        return "left" if (line.x0 + line.x1) / 2 < (left_end + right_start) / 2 else "right"
    return "left" if fits_left else "right" if fits_right else None


def _bounds(line: Line) -> tuple[float, float]:
    return line.segments[0][-1].x1, line.segments[1][0].x0


def _blocks(lines: list[Line], width: float) -> list[str]:
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


def _tight(upper: Line, lower: Line) -> bool:
    """Two lines of one block: the gap between them is under 60 % of a line's height."""
    return lower.top - upper.bottom < max(upper.bottom - upper.top, 1.0) * 0.6


def _zone(lines: list[Line], start: int, split: float, width: float, blocks: list[str]) -> int:
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
            left.append(segment_text(line.segments[0]))
            right.append(segment_text(line.segments[1]))
        elif _side(line, (left_end, right_start)) == "left":
            left.append(line.text)
        else:
            right.append(line.text)
    blocks.extend(["\n".join(left), "\n".join(right)])
    return end


def _table(lines: list[Line], start: int, blocks: list[str]) -> int:
    end = start
    while end < len(lines) and len(lines[end].segments) >= 3:
        end += 1
    rows = [[segment_text(s).replace("|", "\\|") for s in line.segments] for line in lines[start:end]]
    columns = max(len(r) for r in rows)
    text = ["| " + " | ".join(row + [""] * (columns - len(row))) + " |" for row in rows]
    text.insert(1, "|" + "---|" * columns)
    blocks.append("\n".join(text))
    return end


_NEW_ITEM = re.compile(r"^(?:[-–—+•*]\s|\d+(?:\.\d+)*[.)]\s|[a-zđ][.)]\s|[IVXLC]+\.\s|Điều\s+\d|Chương\s+[IVXLC\d])")


def _paragraph(lines: list[Line], start: int, margin: float, right_margin: float, width: float,
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


def _centred(line: Line, width: float, margin: float, right_margin: float) -> bool:
    """A line set centred: its middle near the text's, and clear of both margins."""
    middle = (margin + right_margin) / 2 if right_margin > margin else width / 2
    return (abs((line.x0 + line.x1) / 2 - middle) < width * 0.06 and line.x0 > margin + width * 0.02
            and line.x1 < right_margin)


def _left_margin(lines: list[Line]) -> float:
    starts = [round(line.x0) for line in lines if len(line.segments) == 1]
    return min(starts, key=lambda x: (-starts.count(x), x)) if starts else 0.0


def recover(pages: list[Page]) -> Layout:
    """Rebuild the document's text from its pages' words."""
    notes: list[str] = []
    page_lines: list[list[Line]] = []
    for page in pages:
        lines = group_lines([w for w in page.words if w.text.strip()])
        for line in lines:
            split_segments(line, page.width)
        drop_stamp(lines)
        page_lines.append([line for line in lines if line.words])
    drop = furniture(page_lines, [p.height for p in pages])
    blocks: list[str] = []
    for p, (page, lines) in enumerate(zip(pages, page_lines, strict=False)):
        kept = [line for i, line in enumerate(lines) if (p, i) not in drop]
        if any(w.confidence < 100 for line in kept for w in line.words):
            for line in kept:
                blank_unsure_digits(line, notes)
        blocks.extend(block for block in _blocks(kept, page.width) if block.strip())
    return Layout("\n\n".join(blocks) + "\n" if blocks else "", notes)

