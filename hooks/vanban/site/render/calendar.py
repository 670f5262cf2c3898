"""Deadline calendars (iCalendar, RFC 5545), one per unit: what it is due to do, importable into
Outlook or Google Calendar. A recurring task is one event with an ``RRULE``; a one-off task is
an all-day event on its due date. Superseded and reported tasks are left out (nothing to do);
tasks without a date cannot be put on a calendar. UIDs are stable, so re-importing the file
updates events rather than duplicating them.
"""

from __future__ import annotations

import datetime as dt
import uuid

from icalendar import Calendar, Event, vRecur

from vanban.build.catalogue import Catalogue
from vanban.build.tracker import TrackedTask, Tracker
from vanban.core.schema import ROLES
from vanban.site import urls

CALENDARS = "lich"


def unit_calendar(unit_id: str) -> str:
    return f"{CALENDARS}/{unit_id}.ics"


_BEGIN, _END = "BEGIN:VEVENT\r\n", "END:VCALENDAR\r\n"


def event_uid(unit_id: str, record_id: str, assignment_index: int) -> str:
    """Stable per unit and task: re-importing a calendar updates its events."""
    key = f"kho-van-ban:{unit_id}:{record_id}:{assignment_index}"
    return f"{uuid.uuid5(uuid.NAMESPACE_URL, key)}@kho-van-ban"


def _event(cat: Catalogue, item: TrackedTask, page_url: str, stamp: dt.datetime) -> Event:
    """The event of a task, without its UID (the one part that differs between the units given it)."""
    task = item.task
    entry = cat.records[task.record_id]
    event = Event()
    event.add("dtstamp", stamp)
    title = task.task or "Nhiệm vụ"
    event.add("summary", f"{title} ({ROLES[task.role].lower()})")
    event.add("description", f"{entry.record.title()}\n{entry.record.subject or ''}\n"
                             f"Thời hạn: {item.due.text if item.due else ''}")
    event.add("url", page_url)
    first = item.next_due
    assert first is not None
    if item.due is not None and item.due.recurring:
        occurrences = item.due.occurrences(_issued(cat, task.record_id), first)
        first = occurrences[0] if occurrences else first
        event.add("rrule", vRecur.from_ical(item.due.rrule() or ""))
    event.add("dtstart", first)
    event.add("dtend", first + dt.timedelta(days=1))
    event.add("transp", "TRANSPARENT")
    return event


def _issued(cat: Catalogue, record_id: str) -> dt.date:
    date = cat.records[record_id].record.date
    return dt.date(date.year, date.month or 1, date.day or 1)


def calendars(cat: Catalogue, tracker: Tracker, linker: urls.Linker, site_url: str = "") -> dict[str, str]:
    """Every unit's calendar by site path. Event links are absolute when the site has an address
    (a calendar program opens them from outside the site), else relative to the site root."""
    stamp = dt.datetime.combine(tracker.today, dt.time(0, 0), dt.timezone.utc)
    base = site_url.rstrip("/") + "/" if site_url else ""
    out = {}
    # A group's task is on the calendar of every member: serialise each task's event once (the
    # icalendar library spends most of its time folding lines) and give each unit its own UID.
    serialised: dict[tuple, str] = {}
    for unit in cat.units.values():
        calendar = Calendar()
        calendar.add("prodid", "-//Kho van ban//vi")
        calendar.add("version", "2.0")
        calendar.add("calscale", "GREGORIAN")
        calendar.add("x-wr-calname", f"Thời hạn nhiệm vụ — {unit.name}")
        events = []
        for item in tracker.by_unit.get(unit.id, ()):
            if item.due is None or item.next_due is None or item.state in ("superseded", "reported"):
                continue
            task = item.task
            key = (task.record_id, task.assignment_index, item.next_due)
            body = serialised.get(key)
            if body is None:
                url = base + linker.url(urls.record_page(task.record_id))
                body = _event(cat, item, url, stamp).to_ical().decode("utf-8").removeprefix(_BEGIN)
                serialised[key] = body
            uid = event_uid(item.unit_id, task.record_id, task.assignment_index)
            events.append(f"{_BEGIN}UID:{uid}\r\n{body}")
        text = calendar.to_ical().decode("utf-8")
        out[unit_calendar(unit.id)] = text.removesuffix(_END) + "".join(events) + _END
    return out
