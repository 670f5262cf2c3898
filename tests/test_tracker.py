"""The task tracker on a fixed build date: next due dates worked out by hand, overdue and soon
marked, a report closing its period, tasks of a replaced document never open."""

from __future__ import annotations

import datetime as dt

from conftest import cong_van
from vanban.build.lifecycle import derive
from vanban.build.tracker import track

CT12 = {"number": "12/CT-UBND", "type": "Chỉ thị", "date": "2022-05-10", "issuer": "UBND tỉnh"}
KH = {"number": "45/KH-UBND", "type": "Kế hoạch", "date": "2026-01-10", "issuer": "UBND tỉnh"}


def _tasks(collection, today, *extra):
    collection.add("kh.md", cong_van(**KH, assignments=[
        {"unit": "Sở Nội vụ", "role": "chu_tri", "task": "Báo cáo quý", "deadline": "hằng quý"},
        {"unit": "Sở Nội vụ", "role": "chu_tri", "task": "Tổng kết", "deadline": "trước ngày 15/12 hằng năm"},
        {"unit": "Sở Nội vụ", "role": "thuc_hien", "task": "Rà soát", "deadline": "2026-11-30"},
        {"unit": "Sở Tài chính", "role": "phoi_hop", "task": "Bố trí kinh phí", "deadline": "khi có yêu cầu"},
    ]))
    for n, fm in enumerate(extra):
        collection.add(f"x{n}.md", fm)
    cat = collection.catalogue()
    return cat, track(cat, derive(cat, today))


def test_next_due_dates_and_states_on_a_fixed_build_date(collection):
    cat, tracker = _tasks(collection, dt.date(2026, 12, 2))
    tasks = {t.task.task: t for t in tracker.by_unit["so-noi-vu"]}
    assert (tasks["Rà soát"].next_due, tasks["Rà soát"].state) == (dt.date(2026, 11, 30), "overdue")
    assert (tasks["Tổng kết"].next_due, tasks["Tổng kết"].state) == (dt.date(2026, 12, 15), "due_soon")
    assert (tasks["Báo cáo quý"].next_due, tasks["Báo cáo quý"].state) == (dt.date(2026, 12, 31), "due_soon")
    assert [t.task.task for t in tracker.by_unit["so-noi-vu"]] == ["Rà soát", "Tổng kết", "Báo cáo quý"]
    later = track(cat, derive(cat, dt.date(2027, 1, 5))).by_unit["so-noi-vu"]
    assert {t.task.task: (t.next_due, t.state) for t in later}["Báo cáo quý"] == (dt.date(2027, 3, 31), "open")


def test_an_unreadable_deadline_is_kept_and_reported(collection):
    _cat, tracker = _tasks(collection, dt.date(2026, 12, 2))
    task = tracker.by_unit["so-tai-chinh"][0]
    assert (task.state, task.due.text) == ("no_date", "khi có yêu cầu")
    [problem] = list(tracker.problems)
    assert problem.code == "deadline.unreadable" and problem.path.endswith("kh.md")
    assert problem.field == "assignments[3].deadline"


def test_a_report_closes_the_period_it_falls_in(collection):
    report = cong_van(number="88/BC-SNV", type="Báo cáo", date="2026-11-20", issuer="Sở Nội vụ",
                      references=[{**KH, "relation": "reports_on"}])
    _cat, tracker = _tasks(collection, dt.date(2026, 12, 2), report)
    tasks = {t.task.task: t for t in tracker.by_unit["so-noi-vu"]}
    quarterly = tasks["Báo cáo quý"]
    assert quarterly.state == "reported" and quarterly.reported_by.endswith("88-bc-snv")
    assert not quarterly.is_open
    # a report of the previous quarter does not close this one
    old = cong_van(number="70/BC-SNV", type="Báo cáo", date="2026-09-20", issuer="Sở Nội vụ",
                   references=[{**KH, "relation": "reports_on"}])
    for path in collection.root.joinpath("records").glob("x*.md"):
        path.unlink()
    _cat, tracker = _tasks(collection, dt.date(2026, 12, 2), old)
    assert {t.task.task: t.state for t in tracker.by_unit["so-noi-vu"]}["Báo cáo quý"] == "due_soon"


def test_tasks_of_a_replaced_document_are_superseded(collection):
    collection.add("ct12.md", cong_van(**CT12, assignments=[
        {"unit": "Sở Nội vụ", "role": "chu_tri", "task": "Kiểm tra công vụ", "deadline": "hằng quý"}]))
    collection.add("ct05.md", cong_van(number="05/CT-UBND", type="Chỉ thị", date="2024-03-18",
                                       references=[{**CT12, "relation": "replaces"}]))
    cat = collection.catalogue()
    [task] = track(cat, derive(cat, dt.date(2026, 12, 2))).by_unit["so-noi-vu"]
    assert task.state == "superseded" and not task.is_open
    assert task.superseded.decided_by.record_id.endswith("05-ct-ubnd")
    [before] = track(cat, derive(cat, dt.date(2023, 1, 2))).by_unit["so-noi-vu"]
    assert (before.state, before.next_due) == ("open", dt.date(2023, 3, 31))  # 88 days ahead
