"""Assignments from task tables in Markdown pipe form, as phụ lục and plans print them.

Why a module of its own: a table gives the role by its column ("Chủ trì", "Phối hợp", "Cơ quan
thực hiện") and the deadline by the "Thời gian" column; no sentence grammar is involved.
"""

from __future__ import annotations

import re

from vanban.importer.unit_clauses import GENERIC_UNIT


def table_assignments(body: str) -> list[tuple[str, str, str, str]]:
    """(unit, role, task, deadline text) from task tables with "chủ trì"/"phối hợp" columns."""
    found = []
    rows = [line.strip().strip("|").split("|") for line in body.replace("**", "").split("\n")
            if line.strip().startswith("|")]
    header: list[str] | None = None
    for cells in rows:
        cells = [c.strip() for c in cells]
        if all(re.fullmatch(r":?-{3,}:?", c) for c in cells if c):
            continue
        lowered = [c.lower() for c in cells]
        if (any("chủ trì" in c or re.search(r"(?:cơ quan|đơn vị) thực hiện", c) for c in lowered)
                and not any(re.search(r"\d", c) for c in cells[:1])):
            header = lowered
            continue
        if header is None or len(cells) != len(header):
            continue
        task = next((cells[i] for i, h in enumerate(header) if "nhiệm vụ" in h or "nội dung" in h), "")
        when = next((cells[i] for i, h in enumerate(header) if "thời" in h), "")
        reports = bool(re.match(r"^(?:gửi\s+)?báo\s+cáo", task, re.IGNORECASE))
        for i, h in enumerate(header):
            role = ("chu_tri" if "chủ trì" in h else "phoi_hop" if "phối hợp" in h
                    else ("bao_cao" if reports else "thuc_hien") if re.search(r"(?:cơ quan|đơn vị) thực hiện", h)
                    else None)
            if role:
                for unit in re.split(r"\s*;\s*|,\s+(?=[A-ZĐÀ-Ỹ])", cells[i]):
                    unit = unit.strip()
                    if unit and not GENERIC_UNIT.match(unit):
                        found.append((unit[:1].upper() + unit[1:], role, task, when))
    return found
