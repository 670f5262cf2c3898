"""Checks across entries, once all are read: parents and members must exist, parents form no
cycle, and one name must not mean two bodies at the same time (a renamed unit may keep its old
name for the years before the change)."""

from __future__ import annotations

import datetime as _dt
from itertools import pairwise

from vanban.build.registry.entries import Entry, Organisation
from vanban.build.registry.index import Registry
from vanban.core.problems import ProblemLog


def check_links(registry: Registry, path: str, log: ProblemLog, lines: dict[str, int] | None = None,
                where: dict[str, str] | None = None) -> None:
    """Parents and members must exist, parents form no cycle; one name must not mean two bodies."""
    lines, where = lines or {}, where or {}

    def line(entry_id: str, key: str) -> int | None:
        place = where.get(entry_id, "")
        return lines.get(f"{place}.{key}") or lines.get(place)

    for org in registry.organisations.values():
        if org.parent and org.parent not in registry.organisations:
            log.error(path, f"{org.id}.parent", f"đơn vị cấp trên “{org.parent}” không có trong sổ",
                      f"parent '{org.parent}' is not registered", line(org.id, "parent"),
                      code="registry.parent-missing")
    reported: set[str] = set()
    for org in registry.organisations.values():
        chain, current = [org.id], org.parent
        while current in registry.organisations and current not in chain:
            chain.append(current)
            current = registry.organisations[current].parent
        if current == org.id and org.id not in reported:
            reported.update(chain)
            log.error(path, f"{org.id}.parent", f"cấp trên vòng tròn: {' → '.join([*chain, org.id])}",
                      f"parent cycle: {' → '.join([*chain, org.id])}", line(org.id, "parent"),
                      code="registry.parent-cycle")
    for group in registry.groups.values():
        if group.scope and group.scope not in registry.organisations:
            log.error(path, f"{group.id}.scope", f"phạm vi “{group.scope}” không có trong sổ",
                      f"scope '{group.scope}' is not registered", line(group.id, "scope"),
                      code="registry.scope-missing")
        if group.local_aliases and not group.scope:
            log.error(path, f"{group.id}.local_aliases", "nhóm có local_aliases cần “scope”",
                      "a group with local_aliases needs 'scope'", line(group.id, "local_aliases"),
                      code="registry.scope-required")
        for member in group.members:
            if member not in registry.organisations:
                log.error(path, f"{group.id}.members", f"thành viên “{member}” không có trong sổ",
                          f"member '{member}' is not registered", line(group.id, "members"),
                          code="registry.member-missing")
    for key, ids in registry.shared_names():
        if not _disjoint_in_time([registry.get(i) for i in ids]):
            log.warning(path, "aliases", f"tên “{key}” dùng cho nhiều mục: {', '.join(ids)}",
                        f"name '{key}' is shared by: {', '.join(ids)}", code="registry.alias-shared")


def _disjoint_in_time(entries: list[Entry | None]) -> bool:
    """True when entries sharing a name never existed at the same time (a renamed unit)."""
    orgs = [e for e in entries if isinstance(e, Organisation)]
    if len(orgs) != len(entries):
        return False
    spans = sorted((o.valid_from or _dt.date.min, o.valid_to or _dt.date.max) for o in orgs)
    return all(earlier[1] < later[0] for earlier, later in pairwise(spans))
