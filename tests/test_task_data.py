"""Task data for other programs: calendars that parse back with the same events and recurrences,
CSV that opens in Excel (BOM) and with the csv module."""

from __future__ import annotations

import csv
import datetime as dt
import io

from conftest import cong_van
from dateutil.rrule import rrulestr
from icalendar import Calendar
from vanban.build.lifecycle import derive
from vanban.build.tracker import track
from vanban.site import urls
from vanban.site.render.calendar import calendars, unit_calendar
from vanban.site.render.tables import HEADER, TASKS_CSV, task_tables, unit_csv

KH = {"number": "45/KH-UBND", "type": "Kế hoạch", "date": "2026-01-10", "issuer": "UBND tỉnh"}


def _tracked(collection):
    collection.add("kh.md", cong_van(**KH, subject="Về cải cách hành chính, năm 2026", assignments=[
        {"unit": "Sở Nội vụ", "role": "chu_tri", "task": "Báo cáo quý", "deadline": "hằng quý"},
        {"unit": "Sở Nội vụ", "role": "chu_tri", "task": "Tổng kết", "deadline": "trước ngày 15/12 hằng năm"},
        {"unit": "Các Sở, ban, ngành cấp tỉnh", "role": "thuc_hien", "task": "Rà soát, \"báo cáo\"",
         "deadline": "2026-11-30"},
        {"unit": "Sở Tài chính", "role": "phoi_hop", "task": "Bố trí kinh phí", "deadline": "khi có yêu cầu"},
    ]))
    cat = collection.catalogue()
    return cat, track(cat, derive(cat, dt.date(2026, 12, 2)))


def test_a_unit_calendar_parses_back_with_its_events_and_recurrences(collection):
    cat, tracker = _tracked(collection)
    files = calendars(cat, tracker, urls.Linker(), "https://vanban.example.vn")
    parsed = Calendar.from_ical(files[unit_calendar("so-noi-vu")])
    events = {str(e["summary"]): e for e in parsed.walk("VEVENT")}
    assert set(events) == {"Báo cáo quý (chủ trì)", "Tổng kết (chủ trì)", "Rà soát, \"báo cáo\" (thực hiện)"}
    quarterly = events["Báo cáo quý (chủ trì)"]
    start = quarterly.decoded("dtstart")
    assert start == dt.date(2026, 3, 31)  # the first quarter end after the plan of 10/01/2026
    rule = rrulestr(quarterly["rrule"].to_ical().decode(), dtstart=dt.datetime.combine(start, dt.time()))
    assert [d.date() for d in rule[:4]] == [dt.date(2026, 3, 31), dt.date(2026, 6, 30),
                                            dt.date(2026, 9, 30), dt.date(2026, 12, 31)]
    yearly = events["Tổng kết (chủ trì)"]
    assert yearly.decoded("dtstart") == dt.date(2026, 12, 15)
    assert "FREQ=YEARLY" in yearly["rrule"].to_ical().decode()
    once = events["Rà soát, \"báo cáo\" (thực hiện)"]
    assert once.decoded("dtstart") == dt.date(2026, 11, 30) and "rrule" not in once
    assert str(once["url"]).startswith("https://vanban.example.vn/van-ban/")
    # a task with no readable date is not on the calendar; UIDs are unique and stable
    finance = Calendar.from_ical(files[unit_calendar("so-tai-chinh")]).walk("VEVENT")
    assert [str(e["summary"]) for e in finance] == ["Rà soát, \"báo cáo\" (thực hiện)"]  # via the group
    uids = [str(e["uid"]) for e in parsed.walk("VEVENT")] + [str(e["uid"]) for e in finance]
    assert len(set(uids)) == len(uids)
    # RFC 5545: CRLF line ends, no line longer than 75 octets (long lines folded)
    lines = files[unit_calendar("so-tai-chinh")].split("\r\n")
    assert lines[-1] == "" and all(len(line.encode("utf-8")) <= 75 for line in lines)
    again = calendars(cat, tracker, urls.Linker(), "https://vanban.example.vn")[unit_calendar("so-noi-vu")]
    assert again == files[unit_calendar("so-noi-vu")]


def test_task_csv_opens_in_excel_and_with_the_csv_module(collection):
    cat, tracker = _tracked(collection)
    files = task_tables(cat, tracker, urls.Linker())
    text = files[TASKS_CSV]
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert tuple(rows[0]) == HEADER
    by_task = {(r[0], r[2]): r for r in rows[1:]}
    review = by_task[("Sở Nội vụ tỉnh Nghệ An", "Rà soát, \"báo cáo\"")]
    assert review[3:7] == ["2026-11-30", "2026-11-30", "Quá hạn", "Các Sở, ban, ngành cấp tỉnh"]
    assert by_task[("Sở Nội vụ tỉnh Nghệ An", "Tổng kết")][4:6] == ["2026-12-15", "Sắp đến hạn"]
    assert by_task[("Sở Tài chính tỉnh Nghệ An", "Bố trí kinh phí")][4:6] == ["", "Chưa rõ thời hạn"]
    assert "\r\n" in text
    unit_rows = list(csv.reader(io.StringIO(files[unit_csv("so-tai-chinh")][1:])))
    assert {r[2] for r in unit_rows[1:]} == {"Bố trí kinh phí", "Rà soát, \"báo cáo\""}
