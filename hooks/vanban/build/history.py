"""The change history of every record, from git, in one ``git log`` over the records folder.

"Cập nhật lần cuối" and the list of changes (date, author, commit subject, the pull request when
the message names one) tell a clerk whether a record was corrected and by whom — the provenance
that vbpl.vn and legislation.gov.uk show. One ``git log --name-only`` over the folder costs about
as much as one commit per record would cost per call; the result is kept per HEAD, so a
``mkdocs serve`` rebuild with no new commit reads nothing. Outside a git checkout, or without
git, there is no history and pages simply leave it out.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import MappingProxyType

_PULL = re.compile(r"(?:Merge pull request #(\d+)\b|\(#(\d+)\)\s*$)")
_RECORD_SEP, _FIELD_SEP = "\x1e", "\x1f"


@dataclass(frozen=True, slots=True)
class Revision:
    """One commit that changed a record file."""

    commit: str
    date: str  # ISO 8601 with offset, as git writes it (the author date)
    author: str
    subject: str
    pull_request: int | None = None


@dataclass(frozen=True, slots=True)
class History:
    """Revisions by repository path (POSIX), newest first; empty outside a git checkout."""

    revisions: Mapping[str, tuple[Revision, ...]]
    head: str | None = None

    def of(self, path: str) -> tuple[Revision, ...]:
        return self.revisions.get(path, ())

    def last_changed(self, path: str) -> Revision | None:
        found = self.revisions.get(path)
        return found[0] if found else None


EMPTY = History(MappingProxyType({}))


def _git(root: Path, *args: str) -> str | None:
    if shutil.which("git") is None:
        return None
    try:
        done = subprocess.run(["git", "-C", str(root), *args], capture_output=True, text=True,
                              encoding="utf-8", errors="replace", timeout=120, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return done.stdout if done.returncode == 0 else None


def parse_log(text: str) -> dict[str, list[Revision]]:
    """Revisions by path from ``git log --name-only`` in the format ``read`` asks for."""
    found: dict[str, list[Revision]] = {}
    for chunk in text.split(_RECORD_SEP):
        if not chunk.strip():
            continue
        header, _, names = chunk.partition("\n")
        fields = header.split(_FIELD_SEP)
        if len(fields) != 4:
            continue
        commit, date, author, subject = fields
        pull = _PULL.search(subject)
        number = int(pull.group(1) or pull.group(2)) if pull else None
        revision = Revision(commit, date, author, subject, number)
        for name in names.splitlines():
            if name.strip():
                found.setdefault(name.strip(), []).append(revision)
    return found


class HistoryReader:
    """Reads the history once per HEAD; ``serve`` rebuilds in between reuse it."""

    def __init__(self) -> None:
        self._cached: History | None = None

    def read(self, root: Path, folder: str = "records") -> History:
        head = _git(root, "rev-parse", "HEAD")
        if head is None:
            return EMPTY
        head = head.strip()
        if self._cached is not None and self._cached.head == head:
            return self._cached
        log = _git(root, "-c", "core.quotepath=off", "log", "--no-renames", "--name-only",
                   f"--format={_RECORD_SEP}%H{_FIELD_SEP}%aI{_FIELD_SEP}%an{_FIELD_SEP}%s", "--", folder)
        if log is None:
            return EMPTY
        revisions = {path: tuple(found) for path, found in parse_log(log).items()}
        self._cached = History(MappingProxyType(revisions), head)
        return self._cached
