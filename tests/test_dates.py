"""Partial dates and their Vietnamese form (Nghị định 30/2020 zero-padding)."""

import pytest
from vanban.core.dates import PartialDate, looks_like_numeric_date


@pytest.mark.parametrize("text,iso,vietnamese", [
    ("2023-02-16", "2023-02-16", "ngày 16 tháng 02 năm 2023"),
    ("2023-05-05", "2023-05-05", "ngày 05 tháng 5 năm 2023"),
    ("2023-12-31", "2023-12-31", "ngày 31 tháng 12 năm 2023"),
    ("2023-05", "2023-05", "tháng 5 năm 2023"),
    ("2023-01", "2023-01", "tháng 01 năm 2023"),
    ("2023", "2023", "năm 2023"),
])
def test_parse_and_format(text, iso, vietnamese):
    date = PartialDate.parse(text)
    assert date.iso() == iso
    assert date.vietnamese() == vietnamese


@pytest.mark.parametrize("text", ["2023-02-30", "2023-13", "16/02/2023", "2023-2-1", "", "2023-02-29"])
def test_impossible_or_malformed_dates_are_refused(text):
    with pytest.raises(ValueError):
        PartialDate.parse(text)


def test_leap_day_is_accepted():
    assert PartialDate.parse("2024-02-29").day == 29


def test_precision_and_sorting():
    month = PartialDate.parse("2023-05")
    day = PartialDate.parse("2023-05-16")
    assert month.precision == "month" and day.precision == "day"
    assert sorted([day, month], key=lambda d: d.sort_key) == [month, day]


def test_numeric_date_detection():
    assert looks_like_numeric_date("trước ngày 30/6/2024")
    assert not looks_like_numeric_date("hằng năm")
