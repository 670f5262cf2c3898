"""When and from what the site was built: shown on a page so an offline copy says its age."""

from __future__ import annotations

import datetime as _dt
import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from vanban.core.dates import PartialDate


@dataclass(frozen=True, slots=True)
class BuildInfo:
    built_at: _dt.datetime
    commit: str | None
    dirty: bool

    def vietnamese_date(self) -> str:
        day = self.built_at.date()
        return PartialDate(day.year, day.month, day.day).vietnamese()


VIETNAM = _dt.timezone(_dt.timedelta(hours=7))


def built_at() -> _dt.datetime:
    """The build's time in Vietnam: ``SOURCE_DATE_EPOCH`` when set (reproducible builds, and the
    date the tracker counts deadlines from), else now."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = (_dt.datetime.fromtimestamp(int(epoch), _dt.timezone.utc) if epoch and epoch.isdigit()
              else _dt.datetime.now(_dt.timezone.utc))
    return moment.astimezone(VIETNAM)


def build_date() -> _dt.date:
    return built_at().date()


def current(root: Path) -> BuildInfo:
    """Build time (``SOURCE_DATE_EPOCH`` when set, for reproducible builds) and git commit."""
    built_at_ = built_at()
    commit, dirty = None, False
    try:
        commit = subprocess.run(["git", "rev-parse", "--short=12", "HEAD"], cwd=root, capture_output=True,
                                text=True, timeout=5).stdout.strip() or None
        status = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=root,
                                capture_output=True, text=True, timeout=5).stdout
        dirty = bool(status.strip())
    except (OSError, subprocess.SubprocessError):
        pass
    return BuildInfo(built_at_, commit, dirty)
