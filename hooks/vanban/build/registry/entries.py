"""What the registry holds: organisations (bodies that issue documents or are given tasks)
and groups (collective addressees standing for many units), each valid for a span of time.

Kept apart from the lookup so that the importer, the resolver and the registry file's checks
share one definition of an entry.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

from vanban.core.dates import PartialDate

# A task given to a body's head ("Giám đốc Sở Xây dựng", "Chủ tịch UBND các huyện") is the
# body's: such a name is looked up without the title when it is not in the registry as written.
# The importer recognises the same titles at the start of a task.
HEAD_TITLE = (r"(?:(?:Tổng\s+)?Giám\s+đốc|Chủ\s+tịch|Thủ\s+trưởng|Trưởng|Chánh|Cục\s+trưởng|Chi\s+cục\s+trưởng|"
              r"Viện\s+trưởng|Hiệu\s+trưởng|Bí\s+thư)")
_HEAD_TITLE_PREFIX = re.compile(rf"^{HEAD_TITLE}\s+(?=\S)", re.IGNORECASE)


def without_head_title(name: str) -> str | None:
    """"Giám đốc Sở Nội vụ" → "Sở Nội vụ"; ``None`` when the name starts with no such title."""
    match = _HEAD_TITLE_PREFIX.match(name)
    return name[match.end():] if match else None



@dataclass(frozen=True, slots=True)
class Organisation:
    """A body that issues documents or is given tasks."""

    id: str
    name: str
    short: str | None = None
    kind: str | None = None  # "state" | "party"
    parent: str | None = None
    code: str | None = None
    aliases: tuple[str, ...] = ()
    valid_from: _dt.date | None = None
    valid_to: _dt.date | None = None
    local_aliases: tuple[str, ...] = ()

    @property
    def scope(self) -> str | None:
        """Whose documents use the local aliases: the parent body ("Phòng Nội vụ" of a district)."""
        return self.parent

    @property
    def label(self) -> str:
        return self.short or self.name

    def valid_on(self, date: PartialDate | None) -> bool:
        """May this body have existed on ``date``? Partial dates get the benefit of the doubt."""
        if date is None:
            return True
        if self.valid_from and not date.on_or_after(self.valid_from):
            return False
        if self.valid_to and not date.on_or_before(self.valid_to):
            return False
        return True


@dataclass(frozen=True, slots=True)
class Group:
    """A collective addressee ("Các Sở, ban, ngành cấp tỉnh") standing for many units."""

    id: str
    name: str
    members: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    local_aliases: tuple[str, ...] = ()
    scope: str | None = None  # the body whose documents use this group's local aliases

    @property
    def label(self) -> str:
        return self.name


Entry = Organisation | Group
