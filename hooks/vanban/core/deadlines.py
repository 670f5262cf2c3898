"""Deadlines as clerks write them, read into a structure a tracker can order and expand.

Documents give a due day ("trước ngày 30/6/2024"), a period ("trong quý III/2024", "6 tháng
đầu năm 2024", "năm 2024"), a recurrence with or without its day ("hằng quý", "trước ngày 15/12
hằng năm", "ngày 20 hằng tháng", "định kỳ 6 tháng"), or no date at all ("thường xuyên"). The text
is kept as written; ``Due`` says what it means, and ``next_due`` gives the occurrence a unit must
meet next, relative to a build date passed in (never today's date, so builds are reproducible).
A period's deadline is its last day; a recurrence without a day falls due at the end of each
period. What no rule reads is kept and marked ``unknown``, for the build to report.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata
from dataclasses import dataclass
from typing import Literal

Kind = Literal["date", "period", "recurring", "ongoing", "unknown"]
Every = Literal["year", "half-year", "quarter", "month", "unspecified"]

_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
_FULL_DATE = re.compile(r"(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})")
_WORDS_DATE = re.compile(r"ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})(?:\s+năm\s+(\d{4}))?")
_DAY_MONTH = re.compile(r"(?<![\d/])(\d{1,2})\s*/\s*(\d{1,2})(?![\d/])")
_QUARTER = re.compile(r"quý\s+(iv|iii|ii|i|[1-4])\b(?:\s*(?:/|năm)\s*(\d{4}))?")
_HALF = re.compile(r"(?:6|sáu)\s+tháng\s+(đầu|cuối)\s+năm(?:\s+(\d{4}))?")
_MONTH = re.compile(r"tháng\s+(\d{1,2})\s*(?:/|năm)\s*(\d{4})")
_YEAR = re.compile(r"năm\s+(\d{4})")
_MONTH_DAY = re.compile(r"ngày\s+(\d{1,2})\s+(?:hằng|mỗi)\s+tháng")
_QUARTER_DAY = re.compile(r"ngày\s+(\d{1,2})\s+(?:của\s+)?tháng\s+cuối\s+(?:mỗi\s+)?quý")
_EVERY = (
    ("month", re.compile(r"(?:hằng|mỗi)\s+tháng|định\s+kỳ\s+(?:hằng\s+)?tháng")),
    ("quarter", re.compile(r"(?:hằng|mỗi)\s+quý|định\s+kỳ\s+(?:hằng\s+)?quý")),
    ("half-year", re.compile(r"(?:định\s+kỳ|hằng|mỗi)\s+(?:6|sáu)\s+tháng|(?:6|sáu)\s+tháng\s+(?:một|1)\s+lần"
                             r"|định\s+kỳ\s+(?:6|sáu)\s+tháng")),
    ("year", re.compile(r"(?:hằng|mỗi)\s+năm|định\s+kỳ\s+(?:hằng\s+)?năm")),
)
_ONGOING = re.compile(r"thường\s+xuyên|liên\s+tục|hằng\s+ngày")
_PERIODIC = re.compile(r"định\s+kỳ")


@dataclass(frozen=True, slots=True)
class Due:
    """What a deadline means. ``date`` is the due day of a date or period (for a recurrence, not
    set); ``month``/``day`` anchor a recurrence inside its period (day 15 of month 12, yearly)."""

    text: str
    kind: Kind
    date: dt.date | None = None
    every: Every | None = None
    month: int | None = None
    day: int | None = None

    @property
    def recurring(self) -> bool:
        return self.kind == "recurring"

    def occurrences(self, start: dt.date, until: dt.date) -> list[dt.date]:
        """Due days from ``start`` (the document's date) to ``until``, in order."""
        if self.kind in ("date", "period"):
            return [self.date] if self.date and self.date <= until else []
        if not self.recurring or self.every in (None, "unspecified"):
            return []
        found = []
        for year in range(start.year, until.year + 1):
            for due in self._in_year(year):
                if start <= due <= until:
                    found.append(due)
        return found

    def next_due(self, today: dt.date, start: dt.date) -> dt.date | None:
        """The date a unit must meet next: a one-off date even when past (it is then overdue);
        for a recurrence, its first occurrence on or after ``today`` and not before ``start``."""
        if self.kind in ("date", "period"):
            return self.date
        if not self.recurring or self.every in (None, "unspecified"):
            return None
        for year in range(max(today.year, start.year), max(today.year, start.year) + 2):
            for due in self._in_year(year):
                if due >= today and due >= start:
                    return due
        return None

    def previous_due(self, due: dt.date, start: dt.date) -> dt.date:
        """The occurrence before ``due`` (or the document's date): a report made after it and
        by ``due`` answers the occurrence ``due``."""
        earlier = self.occurrences(start, due - dt.timedelta(days=1))
        return earlier[-1] if earlier else start

    def _in_year(self, year: int) -> list[dt.date]:
        if self.every == "year":
            month = self.month or 12
            return [_day(year, month, self.day)]
        if self.every == "half-year":
            return [_day(year, 6, self.day), _day(year, 12, self.day)]
        if self.every == "quarter":
            return [_day(year, m, self.day) for m in (3, 6, 9, 12)]
        if self.every == "month":
            return [_day(year, m, self.day) for m in range(1, 13)]
        return []

    def rrule(self) -> str | None:
        """The recurrence as an iCalendar RRULE (RFC 5545), for calendars that import it."""
        if not self.recurring or self.every in (None, "unspecified"):
            return None
        day = f"BYMONTHDAY={self.day}" if self.day else "BYMONTHDAY=-1"
        if self.every == "year":
            return f"FREQ=YEARLY;BYMONTH={self.month or 12};{day}"
        if self.every == "half-year":
            return f"FREQ=MONTHLY;INTERVAL=6;{day}"
        if self.every == "quarter":
            return f"FREQ=MONTHLY;INTERVAL=3;{day}"
        return f"FREQ=MONTHLY;{day}"


def _day(year: int, month: int, day: int | None) -> dt.date:
    """Day ``day`` of the month, or its last day (also when the month is shorter)."""
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day, last) if day else last)


def _key(text: str) -> str:
    """Lower case, NFC, "hàng năm" read as "hằng năm" (both are written)."""
    folded = unicodedata.normalize("NFC", text).lower()
    folded = re.sub(r"\bhàng\s+(năm|quý|tháng|ngày)", r"hằng \1", folded)
    return re.sub(r"\s+", " ", folded).strip()


def parse_due(text: str, issued: dt.date | None = None) -> Due:
    """Read a deadline; ``issued`` (the document's date) gives the year of "trước ngày 15/12"."""
    key = _key(text)
    every = next((name for name, pattern in _EVERY if pattern.search(key)), None)
    if every is not None:
        return _recurring(text, key, every)
    return _one_off(text, key, issued)


def _recurring(text: str, key: str, every: str) -> Due:
    month = day = None
    if every == "year":
        anchor = _WORDS_DATE.search(key) or _DAY_MONTH.search(key)
        if anchor and _valid(int(anchor.group(2)), int(anchor.group(1))):
            day, month = int(anchor.group(1)), int(anchor.group(2))
    elif every == "month":
        found = _MONTH_DAY.search(key) or re.search(r"(?:trước\s+)?ngày\s+(\d{1,2})\b", key)
        day = int(found.group(1)) if found and 1 <= int(found.group(1)) <= 31 else None
    else:
        found = _QUARTER_DAY.search(key) or (re.search(r"ngày\s+(\d{1,2})\b", key) if every != "half-year" else None)
        day = int(found.group(1)) if found and 1 <= int(found.group(1)) <= 31 else None
    return Due(text, "recurring", every=every, month=month, day=day)  # type: ignore[arg-type]


def _one_off(text: str, key: str, issued: dt.date | None) -> Due:
    found = _FULL_DATE.search(key)
    if found:
        return _dated(text, int(found.group(3)), int(found.group(2)), int(found.group(1)))
    words = _WORDS_DATE.search(key)
    if words and words.group(3):
        return _dated(text, int(words.group(3)), int(words.group(2)), int(words.group(1)))
    for pattern, end in ((_QUARTER, _quarter_end), (_HALF, _half_end), (_MONTH, _month_end)):
        match = pattern.search(key)
        if match:
            due = end(match, issued)
            if due:
                return Due(text, "period", date=due)
    partial = words or _DAY_MONTH.search(key)
    if partial and issued and _valid(int(partial.group(2)), int(partial.group(1))):
        day, month = int(partial.group(1)), int(partial.group(2))
        due = _day(issued.year, month, day)
        return Due(text, "date", date=due if due >= issued else _day(issued.year + 1, month, day))
    year = _YEAR.search(key)
    if year:
        return Due(text, "period", date=dt.date(int(year.group(1)), 12, 31))
    if _ONGOING.search(key):
        return Due(text, "ongoing")
    if _PERIODIC.search(key):
        return Due(text, "recurring", every="unspecified")
    return Due(text, "unknown")


def _valid(month: int, day: int) -> bool:
    return 1 <= month <= 12 and 1 <= day <= calendar.monthrange(2024, month)[1]


def _dated(text: str, year: int, month: int, day: int) -> Due:
    try:
        return Due(text, "date", date=dt.date(year, month, day))
    except ValueError:
        return Due(text, "unknown")


def _quarter_end(match: re.Match, issued: dt.date | None) -> dt.date | None:
    year = int(match.group(2)) if match.group(2) else (issued.year if issued else None)
    return _day(year, _ROMAN[match.group(1)] * 3, None) if year else None


def _half_end(match: re.Match, issued: dt.date | None) -> dt.date | None:
    year = int(match.group(2)) if match.group(2) else (issued.year if issued else None)
    return _day(year, 6 if match.group(1) == "đầu" else 12, None) if year else None


def _month_end(match: re.Match, issued: dt.date | None) -> dt.date | None:
    month = int(match.group(1))
    return _day(int(match.group(2)), month, None) if 1 <= month <= 12 else None


def from_date(text: str, year: int, month: int | None, day: int | None) -> Due:
    """A deadline written as a date in the record (``2023-08-31``, ``2023-08``, ``2023``)."""
    if month is None:
        return Due(text, "period", date=dt.date(year, 12, 31))
    if day is None:
        return Due(text, "period", date=_day(year, month, None))
    return Due(text, "date", date=dt.date(year, month, day))
