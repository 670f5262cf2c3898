"""Two-column zones: the header (issuer and number left, motto and date right) and the
signature beside "Nơi nhận", written left column first, then the right one.

Why a module of its own: a zone is recognised from lines split at about the same place, left and
right of the page's middle, and it takes in the one-sided lines set tight around them; this is
the geometry the .docx reader gets for free from a layout table, and the rest of the page is
written as paragraphs or tables instead.
"""

from __future__ import annotations

from vanban.importer.wordlines import Line, segment_text


def zone_split(line: Line, width: float) -> float | None:
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


def _tight(upper: Line, lower: Line) -> bool:
    """Two lines of one block: the gap between them is under 60 % of a line's height."""
    return lower.top - upper.bottom < max(upper.bottom - upper.top, 1.0) * 0.6


def write_zone(lines: list[Line], start: int, split: float, width: float, blocks: list[str]) -> int:
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
        here = zone_split(line, width)
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
