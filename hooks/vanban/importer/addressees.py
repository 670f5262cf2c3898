"""The "Kính gửi" list: to whom a Công văn is sent.

Why a module of its own: the addressees sit between the subject and the body, on the "Kính gửi"
line and the bullet lines after it; they are read as a list of items, which no other part of
the reader does before the signature's "Nơi nhận".
"""

from __future__ import annotations

from vanban.importer.lines import BULLET, KINH_GUI, clean_item
from vanban.importer.reading import Reading


def read_addressees(reading: Reading, start: int) -> int:
    """Read a "Kính gửi" line within 15 lines of ``start`` and its items; return the line after them
    (``start`` when there is none)."""
    for index in range(start, min(start + 15, len(reading.lines))):
        match = KINH_GUI.match(reading.lines[index])
        if match:
            items, end = _list_after(reading, index + 1)
            rest = clean_item(match["rest"])
            if rest:
                items.insert(0, rest)
            if items:
                reading.fm["addressees"] = items
            return end
    return start


def _list_after(reading: Reading, index: int) -> tuple[list[str], int]:
    """Bullet items from ``index``; stops at the first non-bullet line after an item."""
    items: list[str] = []
    while index < len(reading.lines):
        line = reading.lines[index]
        if not line:
            index += 1
            continue
        if BULLET.match(reading.raw_lines[index].replace("**", "")) or line.startswith(("-", "+", "–")):
            items.append(clean_item(line))
            index += 1
            continue
        break
    return [i for i in items if i], index
