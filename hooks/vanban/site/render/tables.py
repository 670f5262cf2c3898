"""Task lists as CSV, all tasks and per unit, for the spreadsheet every office keeps.

UTF-8 with a byte-order mark, because Excel opens a BOM-less UTF-8 file as the local code page
and garbles every Vietnamese letter; comma-separated with RFC 4180 quoting (the csv module's),
CRLF line ends. Dates are ISO (sortable); the state is in words, as on the site.
"""

from __future__ import annotations

import csv
import io

from vanban.build.catalogue import Catalogue
from vanban.build.tracker import TrackedTask, Tracker
from vanban.core.schema import ROLES
from vanban.site import urls

TASKS_CSV = "du-lieu/nhiem-vu.csv"
HEADER = ("Đơn vị", "Vai trò", "Nhiệm vụ", "Thời hạn (như văn bản ghi)", "Hạn tới", "Tình trạng",
          "Qua nhóm", "Văn bản", "Cơ quan ban hành", "Ngày ban hành", "Đường dẫn")


def unit_csv(unit_id: str) -> str:
    return f"du-lieu/nhiem-vu/{unit_id}.csv"


def _row(cat: Catalogue, item: TrackedTask, linker: urls.Linker, base: str) -> list[str]:
    task, entry = item.task, cat.records[item.task.record_id]
    unit = cat.units[item.unit_id]
    via = cat.units[task.via].name if task.via and task.via in cat.units else ""
    return [unit.name, ROLES[task.role], task.task or "", item.due.text if item.due else "",
            item.next_due.isoformat() if item.next_due else "", item.state_label, via,
            entry.record.title(), cat.issuers[entry.issuer_id].name, entry.record.date.iso(),
            base + linker.url(urls.record_page(entry.id))]


def _write(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerows(rows)
    return "\ufeff" + buffer.getvalue()


def task_tables(cat: Catalogue, tracker: Tracker, linker: urls.Linker, site_url: str = "") -> dict[str, str]:
    """All tasks (each unit's own and through groups), and one file per unit."""
    base = site_url.rstrip("/") + "/" if site_url else ""
    everything: list[list[str]] = []
    out = {}
    for unit in cat.units.values():
        rows = [_row(cat, item, linker, base) for item in tracker.by_unit.get(unit.id, ())]
        out[unit_csv(unit.id)] = _write(rows)
        everything += rows
    out[TASKS_CSV] = _write(everything)
    return out
