"""Dates of documents: possibly partial, always shown the Vietnamese way.

An unnumbered copy often leaves the day blank ("ngày   tháng 5 năm 2023"), so a document date
is a ``PartialDate`` with year, optional month and optional day. Comparison and sorting use
the missing parts as zero so that month-precision dates sort before the days of that month.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
_NUMERIC_DATE = re.compile(r"\b\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4}\b")


MIN_YEAR, MAX_YEAR = 1800, 2200
"""Years a document of the collection can carry; outside them it is a typo (``0000-05``), and
year 0 would break every date computation downstream."""


@dataclass(frozen=True, slots=True)
class PartialDate:
    """A date known to the year, the month or the day."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> "PartialDate":
        """Parse ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``; raise ``ValueError`` saying why not."""
        match = _ISO.match(text.strip())
        if not match:
            raise ValueError("not YYYY, YYYY-MM or YYYY-MM-DD")
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None
        if not MIN_YEAR <= year <= MAX_YEAR:
            raise ValueError(f"year {year} is outside {MIN_YEAR}–{MAX_YEAR}")
        if month is not None and not 1 <= month <= 12:
            raise ValueError(f"month {month} does not exist")
        if day is not None:
            assert month is not None
            try:
                _dt.date(year, month, day)
            except ValueError:
                raise ValueError(f"day {day} does not exist in {year}-{month:02d}") from None
        return cls(year, month, day)

    @property
    def sort_key(self) -> tuple[int, int, int]:
        """Chronological key; unknown month/day count as 0 (before the known ones)."""
        return (self.year, self.month or 0, self.day or 0)

    @property
    def precision(self) -> str:
        """``day``, ``month`` or ``year``."""
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def iso(self) -> str:
        """``2023``, ``2023-05`` or ``2023-05-16``, as written in records and catalog.json."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def vietnamese(self) -> str:
        """"ngày 16 tháng 02 năm 2023" — Nghị định 30/2020: pad days below 10 and months 1–2."""
        if self.month is None:
            return f"năm {self.year}"
        month = f"{self.month:02d}" if self.month < 3 else str(self.month)
        if self.day is None:
            return f"tháng {month} năm {self.year}"
        return f"ngày {self.day:02d} tháng {month} năm {self.year}"

    def short(self) -> str:
        """"16/02/2023", "05/2023" or "2023" for tables."""
        if self.month is None:
            return str(self.year)
        if self.day is None:
            return f"{self.month:02d}/{self.year}"
        return f"{self.day:02d}/{self.month:02d}/{self.year}"

    def on_or_after(self, other: _dt.date) -> bool:
        """True when this date may fall on or after ``other`` (partial dates give the benefit)."""
        last_day = _dt.date(self.year, self.month or 12, self.day or 28)
        return last_day >= other

    def on_or_before(self, other: _dt.date) -> bool:
        """True when this date may fall on or before ``other``."""
        first_day = _dt.date(self.year, self.month or 1, self.day or 1)
        return first_day <= other


def looks_like_numeric_date(text: str) -> bool:
    """True for text that embeds a date as "16/02/2023": such dates must be written in ISO form."""
    return bool(_NUMERIC_DATE.search(text))
