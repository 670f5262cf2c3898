"""Assignments stated by label lines, as plans and their annexes write them when not in a table:

    1. Rà soát danh sách đối tượng.
    - Đơn vị chủ trì: Sở Y tế; Đơn vị phối hợp: Sở Tài chính, UBND các huyện.
    - Thời gian: quý I/2025.

Why a module of its own: the role is given by the label, not by a verb after the unit, so these
lines need none of the sentence grammar in ``mentions``; the task is the item the labels follow.
"""

from __future__ import annotations

import re
from collections.abc import Callable

_LABEL = re.compile(r"(?:[Đđ]ơn\s+vị|[Cc]ơ\s+quan)\s+(?P<role>chủ\s+trì|phối\s+hợp|thực\s+hiện)\s*:\s*")
_DEADLINE = re.compile(r"^\W*(?:Thời\s+gian|Thời\s+hạn)(?:\s+(?:thực\s+hiện|hoàn\s+thành))?\s*:\s*(?P<when>.+)$",
                       re.IGNORECASE)
_LEADER = re.compile(r"^\s*(?:[-–—+•*]\s*|\d+(?:\.\d+)*[.)]\s*|[a-zđ][.)]\s*)*")
_ROLES = {"chủ trì": "chu_tri", "phối hợp": "phoi_hop", "thực hiện": "thuc_hien"}


def label_assignments(body: str, split: Callable[[str], list[str]]) -> list[tuple[str, str, str, str]]:
    """(unit, role, task, deadline text) for each unit named after "Đơn vị chủ trì:", "Đơn vị
    phối hợp:" or "Cơ quan thực hiện:"; the task is the last line before the labels that is not
    a label, the deadline a "Thời gian: …" line among them. ``split`` turns a list into units."""
    found: list[tuple[str, str, str, str]] = []
    task = ""
    pending: list[tuple[str, str]] = []
    for raw in body.replace("**", "").split("\n"):
        line = _LEADER.sub("", raw).strip()
        if not line:
            continue
        deadline = _DEADLINE.match(line)
        labels = list(_LABEL.finditer(line))
        if deadline and not labels:
            found += [(unit, role, task, deadline["when"].strip(" .;")) for unit, role in pending]
            pending = []
            continue
        if not labels or labels[0].start() > 0:
            found += [(unit, role, task, "") for unit, role in pending]
            task, pending = line.rstrip(" .;:"), []
            continue
        for index, label in enumerate(labels):
            stop = labels[index + 1].start() if index + 1 < len(labels) else len(line)
            role = _ROLES[re.sub(r"\s+", " ", label["role"].lower())]
            pending += [(unit, role) for unit in split(line[label.end():stop].strip(" .;"))]
    found += [(unit, role, task, "") for unit, role in pending]
    return found
