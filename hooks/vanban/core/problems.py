"""Problems are data: every stage returns what it found instead of raising on the first.

A clerk reads these in a pull request, so each one names the file, the line, the field and
what is expected, in Vietnamese with the English in brackets.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path


def source_path(file: Path, root: Path) -> str:
    """How problems (and the record cache) name a file: relative to the repository root."""
    return file.relative_to(root).as_posix() if file.is_relative_to(root) else file.as_posix()


class Level(str, Enum):
    """How serious a problem is: errors stop a build, warnings stop only ``--strict``."""

    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    """One finding about one place in one file."""

    path: str
    level: Level
    field: str
    message_vi: str
    message_en: str
    line: int | None = None
    code: str = ""
    """What kind of problem: "date.impossible", "number.grammar" … — tests and tools match on
    it, and the record-format guide explains each code and how to fix it."""

    def format(self) -> str:
        """``path:line: level: field: Vietnamese (English) [code]`` — one line, grep- and editor-friendly."""
        where = f"{self.path}:{self.line}" if self.line else self.path
        field = self.field or "-"
        code = f" [{self.code}]" if self.code else ""
        return f"{where}: {self.level.value}: {field}: {self.message_vi} ({self.message_en}){code}"

    @property
    def is_error(self) -> bool:
        return self.level is Level.ERROR


class ProblemLog:
    """An ordered collection of problems, appended to by every stage."""

    def __init__(self) -> None:
        self._items: list[Problem] = []

    def error(self, path: str, field: str, vi: str, en: str, line: int | None = None, code: str = "") -> None:
        self._items.append(Problem(path, Level.ERROR, field, vi, en, line, code))

    def warning(self, path: str, field: str, vi: str, en: str, line: int | None = None, code: str = "") -> None:
        self._items.append(Problem(path, Level.WARNING, field, vi, en, line, code))

    def extend(self, problems: "ProblemLog | list[Problem]") -> None:
        self._items.extend(problems)

    def __iter__(self):
        return iter(self._items)

    def __len__(self) -> int:
        return len(self._items)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self._items if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self._items if not p.is_error]

    def for_path(self, path: str) -> list[Problem]:
        return [p for p in self._items if p.path == path]
