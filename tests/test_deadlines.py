"""Deadlines as written in real documents, with what a clerk reads in them (worked out by hand,
calendar in hand), and the next due date for a fixed build date."""

from __future__ import annotations

import datetime as dt

import pytest
from vanban.core.deadlines import from_date, parse_due

D = dt.date
ISSUED = D(2024, 3, 18)


@pytest.mark.parametrize(("text", "kind", "due"), [
    ("trước ngày 30/6/2024", "date", D(2024, 6, 30)),
    ("Chậm nhất ngày 15/12/2024", "date", D(2024, 12, 15)),
    ("trước ngày 05 tháng 4 năm 2024", "date", D(2024, 4, 5)),
    ("hoàn thành trong quý III/2024", "period", D(2024, 9, 30)),
    ("trong quý 4 năm 2024", "period", D(2024, 12, 31)),
    ("6 tháng đầu năm 2024", "period", D(2024, 6, 30)),
    ("trong tháng 10/2024", "period", D(2024, 10, 31)),
    ("tháng 2 năm 2024", "period", D(2024, 2, 29)),  # a leap year
    ("trong năm 2024", "period", D(2024, 12, 31)),
    ("trước ngày 15/12", "date", D(2024, 12, 15)),  # the year of the document
    ("trước ngày 15/01", "date", D(2025, 1, 15)),  # already past in March: the next one
    ("31/02/2024", "unknown", None),  # no such day
])
def test_one_off_deadlines(text, kind, due):
    parsed = parse_due(text, ISSUED)
    assert (parsed.kind, parsed.date) == (kind, due)
    assert parsed.text == text  # kept as written


@pytest.mark.parametrize(("text", "every", "month", "day"), [
    ("hằng năm", "year", None, None),
    ("Hàng năm", "year", None, None),
    ("trước 30/6 hằng năm", "year", 6, 30),
    ("trước ngày 15/12 hàng năm", "year", 12, 15),
    ("hằng quý", "quarter", None, None),
    ("trước ngày 20 tháng cuối quý, hằng quý", "quarter", None, 20),
    ("định kỳ 6 tháng", "half-year", None, None),
    ("hằng tháng", "month", None, None),
    ("trước ngày 25 hằng tháng", "month", None, 25),
    ("định kỳ", "unspecified", None, None),
])
def test_recurrences(text, every, month, day):
    parsed = parse_due(text, ISSUED)
    assert parsed.kind == "recurring"
    assert (parsed.every, parsed.month, parsed.day) == (every, month, day)


@pytest.mark.parametrize(("text", "today", "expected"), [
    ("hằng năm", D(2026, 12, 2), D(2026, 12, 31)),
    ("trước 30/6 hằng năm", D(2026, 12, 2), D(2027, 6, 30)),
    ("trước 30/6 hằng năm", D(2026, 6, 30), D(2026, 6, 30)),  # due today is not yet late
    ("hằng quý", D(2026, 12, 2), D(2026, 12, 31)),
    ("hằng quý", D(2027, 1, 1), D(2027, 3, 31)),
    ("định kỳ 6 tháng", D(2026, 7, 1), D(2026, 12, 31)),
    ("hằng tháng", D(2027, 2, 3), D(2027, 2, 28)),
    ("trước ngày 31 hằng tháng", D(2027, 4, 3), D(2027, 4, 30)),  # April has 30 days
    ("trước ngày 30/6/2024", D(2026, 12, 2), D(2024, 6, 30)),  # a past one-off stays (overdue)
    ("định kỳ", D(2026, 12, 2), None),  # no frequency: no date to give
    ("thường xuyên", D(2026, 12, 2), None),
])
def test_next_due_for_a_fixed_build_date(text, today, expected):
    assert parse_due(text, ISSUED).next_due(today, ISSUED) == expected


def test_a_recurrence_does_not_start_before_its_document():
    assert parse_due("hằng quý", D(2024, 5, 2)).next_due(D(2020, 1, 1), D(2024, 5, 2)) == D(2024, 6, 30)
    due = parse_due("hằng quý")
    assert due.occurrences(D(2024, 5, 2), D(2025, 1, 1)) == [D(2024, 6, 30), D(2024, 9, 30), D(2024, 12, 31)]
    assert due.previous_due(D(2024, 9, 30), D(2024, 5, 2)) == D(2024, 6, 30)
    assert due.previous_due(D(2024, 6, 30), D(2024, 5, 2)) == D(2024, 5, 2)


def test_ongoing_and_unreadable_are_told_apart():
    assert parse_due("Thường xuyên").kind == "ongoing"
    assert parse_due("khi có yêu cầu của cấp trên").kind == "unknown"


def test_rrules_for_calendars():
    assert parse_due("trước ngày 15/12 hằng năm").rrule() == "FREQ=YEARLY;BYMONTH=12;BYMONTHDAY=15"
    assert parse_due("hằng quý").rrule() == "FREQ=MONTHLY;INTERVAL=3;BYMONTHDAY=-1"
    assert parse_due("trước ngày 30/6/2024").rrule() is None


def test_record_dates_as_deadlines():
    assert from_date("2023-08-31", 2023, 8, 31).date == D(2023, 8, 31)
    assert from_date("2023-08", 2023, 8, None).date == D(2023, 8, 31)
    assert from_date("2023", 2023, None, None).kind == "period"
