"""The lines of one page → blocks of text: two-column zones, table rows, paragraphs.

Why a module of its own: it decides, line by line, which kind of block starts there, and joins
the wrapped lines of one paragraph (an indented or numbered line, "Điều 1", "Chương II" starts a
new one; a centred title over several lines stays whole); zones are written by ``columns``.
"""

from __future__ import annotations

import re

from vanban.importer.columns import write_zone, zone_split
from vanban.importer.wordlines import Line, segment_text


def page_blocks(lines: list[Line], width: float) -> list[str]:
    """Lines of one page → blocks of text (column zones, table runs, paragraphs)."""
    blocks: list[str] = []
    index = 0
    margin = _left_margin(lines)
    right_margin = max((line.x1 for line in lines if len(line.segments) == 1), default=width)
    while index < len(lines):
        line = lines[index]
        split = zone_split(line, width)
        if split is not None:
            index = write_zone(lines, index, split, width, blocks)
            continue
        if len(line.segments) >= 3:
            index = _table(lines, index, blocks)
            continue
        index = _paragraph(lines, index, margin, right_margin, width, blocks)
    return blocks


def _table(lines: list[Line], start: int, blocks: list[str]) -> int:
    """The run of lines with three or more segments from ``start`` (a phụ lục's task table) as a
    Markdown table; returns the line after it."""
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
        if (len(line.segments) != 1 or zone_split(line, width) is not None
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
