"""What each unit is due to do, and whether it is late: the clerk's daily question.

Every task of a unit (given directly or through a group) gets its deadline read
(``core.deadlines``), its next due date relative to the build date — a recurring task expanded
to its next occurrence — and a state: quá hạn (overdue), sắp đến hạn (due within 30 days), còn
hạn (open), đã báo cáo (a later record of that unit ``reports_on`` the task's document for that
period), không còn hiệu lực (the document was replaced, repealed, expired or suspended: never
counted as open), or chưa rõ thời hạn. A deadline no rule reads is kept as written and reported
as a warning naming the file and field.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass
from types import MappingProxyType
from typing import Literal

from vanban.build.catalogue import Catalogue, Task
from vanban.build.lifecycle import Lifecycle, Status
from vanban.core.deadlines import Due, from_date, parse_due
from vanban.core.problems import ProblemLog

State = Literal["overdue", "due_soon", "open", "reported", "superseded", "no_date"]
STATE_LABELS: dict[str, str] = {
    "overdue": "Quá hạn", "due_soon": "Sắp đến hạn", "open": "Còn hạn", "reported": "Đã báo cáo",
    "superseded": "Không còn hiệu lực", "no_date": "Chưa rõ thời hạn",
}
OPEN_STATES = ("overdue", "due_soon", "open", "no_date")
SOON = dt.timedelta(days=30)
_ISO = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")


@dataclass(frozen=True, slots=True)
class TrackedTask:
    """One task as one unit sees it on the build date."""

    unit_id: str
    task: Task
    due: Due | None
    next_due: dt.date | None
    state: State
    reported_by: str | None = None
    superseded: Status | None = None

    @property
    def state_label(self) -> str:
        return STATE_LABELS[self.state]

    @property
    def is_open(self) -> bool:
        return self.state in OPEN_STATES


@dataclass(frozen=True, slots=True)
class Tracker:
    """Tasks by unit id, open ones first by next due date; ``today`` is the build date."""

    by_unit: Mapping[str, tuple[TrackedTask, ...]]
    today: dt.date
    problems: ProblemLog

    def open_tasks(self, unit_id: str) -> list[TrackedTask]:
        return [t for t in self.by_unit.get(unit_id, ()) if t.is_open]


def read_deadline(raw: str | None, issued: dt.date) -> Due | None:
    """A deadline as the record holds it: an ISO (partial) date, or text."""
    if not raw:
        return None
    match = _ISO.match(raw)
    if match:
        year, month, day = (int(g) if g else None for g in match.groups())
        assert year is not None
        return from_date(raw, year, month, day)
    return parse_due(raw, issued)


def _issued(cat: Catalogue, record_id: str) -> dt.date:
    date = cat.records[record_id].record.date
    return dt.date(date.year, date.month or 1, date.day or 1)


def _reports(cat: Catalogue) -> dict[tuple[str, str], list[tuple[dt.date, str]]]:
    """(issuer id, reported record id) → (date, report record id) of every ``reports_on``."""
    found: dict[tuple[str, str], list[tuple[dt.date, str]]] = {}
    for entry in cat.records.values():
        for ref in entry.references:
            if ref.reference.relation != "reports_on":
                continue
            target = cat.directives[ref.directive_id].record_id
            if target:
                found.setdefault((entry.issuer_id, target), []).append((_issued(cat, entry.id), entry.id))
    return found


def _track(cat: Catalogue, unit_id: str, task: Task, lifecycle: Lifecycle,
           reports: dict[tuple[str, str], list[tuple[dt.date, str]]]) -> TrackedTask:
    today = lifecycle.today
    issued = _issued(cat, task.record_id)
    due = read_deadline(task.deadline, issued)
    next_due = due.next_due(today, issued) if due else None
    status = lifecycle.of_record(task.record_id)
    if status.ends_tasks:
        return TrackedTask(unit_id, task, due, next_due, "superseded", superseded=status)
    window_start = due.previous_due(next_due, issued) if due and due.recurring and next_due else issued
    for report_date, report_id in sorted(reports.get((unit_id, task.record_id), [])):
        if report_date >= window_start and (next_due is None or not due or not due.recurring
                                            or report_date <= next_due):
            return TrackedTask(unit_id, task, due, next_due, "reported", reported_by=report_id)
    state: State
    if next_due is None:
        state = "no_date"
    elif next_due < today:
        state = "overdue"
    elif next_due - today <= SOON:
        state = "due_soon"
    else:
        state = "open"
    return TrackedTask(unit_id, task, due, next_due, state)


def _order(task: TrackedTask) -> tuple:
    rank = {"overdue": 0, "due_soon": 1, "open": 2, "no_date": 3, "reported": 4, "superseded": 5}[task.state]
    return (rank, task.next_due or dt.date.max, task.task.record_id, task.task.assignment_index)


def track(cat: Catalogue, lifecycle: Lifecycle) -> Tracker:
    """Every unit's tasks as of the lifecycle's build date."""
    reports = _reports(cat)
    problems = ProblemLog()
    by_unit: dict[str, tuple[TrackedTask, ...]] = {}
    warned: set[tuple[str, int]] = set()
    for unit in cat.units.values():
        tracked = [_track(cat, unit.id, task, lifecycle, reports) for task in unit.tasks]
        for item in tracked:
            key = (item.task.record_id, item.task.assignment_index)
            if item.due is not None and item.due.kind == "unknown" and key not in warned:
                warned.add(key)
                path = cat.records[item.task.record_id].record.path
                problems.warning(path, f"assignments[{item.task.assignment_index}].deadline",
                                 f"không đọc được thời hạn “{item.due.text}”; giữ nguyên văn, không xếp vào lịch "
                                 "(viết như 2024-06-30, “trước ngày 15/12 hằng năm”, “hằng quý”)",
                                 f"deadline '{item.due.text}' could not be read; kept as written, not scheduled "
                                 "(write e.g. 2024-06-30, 'trước ngày 15/12 hằng năm', 'hằng quý')",
                                 code="deadline.unreadable")
        by_unit[unit.id] = tuple(sorted(tracked, key=_order))
    return Tracker(MappingProxyType(by_unit), lifecycle.today, problems)
