"""Problems are data: every stage returns what it found instead of raising on the first.

A clerk reads these in a pull request, so each one names the file, the line, the field and
what is expected, in Vietnamese with the English in brackets.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
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


class _ProblemList:
    """What every list of problems answers: iteration, count, errors, warnings, by file."""

    __slots__ = ()

    def _all(self) -> Sequence[Problem]:
        raise NotImplementedError

    def __iter__(self) -> Iterator[Problem]:
        return iter(self._all())

    def __len__(self) -> int:
        return len(self._all())

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self._all() if p.is_error]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self._all() if not p.is_error]

    def for_path(self, path: str) -> list[Problem]:
        return [p for p in self._all() if p.path == path]


class ProblemLog(_ProblemList):
    """An ordered collection of problems, appended to by every stage while it runs."""

    __slots__ = ("_items",)

    def __init__(self) -> None:
        self._items: list[Problem] = []

    def _all(self) -> Sequence[Problem]:
        return self._items

    def error(self, path: str, field: str, vi: str, en: str, line: int | None = None, code: str = "") -> None:
        self._items.append(Problem(path, Level.ERROR, field, vi, en, line, code))

    def warning(self, path: str, field: str, vi: str, en: str, line: int | None = None, code: str = "") -> None:
        self._items.append(Problem(path, Level.WARNING, field, vi, en, line, code))

    def extend(self, problems: Iterable[Problem]) -> None:
        self._items.extend(problems)

    def frozen(self) -> Problems:
        """The problems so far, as a list nothing can append to (the catalogue's)."""
        return Problems(tuple(self._items))


@dataclass(frozen=True, slots=True)
class Problems(_ProblemList):
    """The problems of a finished stage, read-only: what a built catalogue carries."""

    items: tuple[Problem, ...] = ()

    def _all(self) -> Sequence[Problem]:
        return self.items
