"""The province-wide "Việc cần làm" page: every task overdue or due within 30 days, by unit —
what a chief of office reads on Monday morning. Counted from the build date, which the page
states; tasks of documents no longer in force are never on it."""

from __future__ import annotations

from functools import partial

from vanban.build.tracker import TrackedTask
from vanban.core.text import vietnamese_sort_key
from vanban.site import urls
from vanban.site.kinds.base import PageKind
from vanban.site.kinds.unit import TASK_HEADERS, task_row
from vanban.site.page import Page, PageText
from vanban.site.render.listing import Container, Item

ROWS_PER_PAGE = 100
"""As on a unit's page: 300 rows with their documents made a 635 KB page at 10,000 records."""
DUE_STATES = ("overdue", "due_soon")


class TrackerKind(PageKind):
    name = "tracker"

    def _due(self) -> list[tuple[str, TrackedTask]]:
        """(unit name, tracked task) of every task overdue or due soon, units in Vietnamese order;
        a task given to a group is listed under its members, where the work is done."""
        found: list[tuple[str, TrackedTask]] = []
        for unit in sorted(self.cat.units.values(), key=lambda u: vietnamese_sort_key(u.name)):
            if unit.is_group:
                continue
            found += [(unit.name, item) for item in self.site.tracker.by_unit.get(unit.id, ())
                      if item.state in DUE_STATES]
        return found

    def landing(self, max_pages: int | None = None) -> list[Page]:
        site = self.site
        due = self._due()
        overdue = sum(item.state == "overdue" for _, item in due)
        head = PageText().markdown(
            f"\nTính đến ngày {site.today:%d/%m/%Y}: {overdue} nhiệm vụ quá hạn, {len(due) - overdue} nhiệm vụ "
            "đến hạn trong 30 ngày tới, theo đơn vị. Nhiệm vụ của văn bản đã bị thay thế, bãi bỏ hoặc hết hiệu "
            "lực không tính.\n")
        items = [Item((name,), partial(lambda item, here: task_row(site, item, here, TASK_HEADERS), item))
                 for name, item in due]
        return site.list_pages(urls.landing_page(urls.TRACKER), "Việc cần làm", head, items, ROWS_PER_PAGE,
                               Container("vb-table vb-tasks", TASK_HEADERS),
                               empty="Không có nhiệm vụ quá hạn hay sắp đến hạn.", max_pages=max_pages)

    def signature(self) -> int:
        return hash(tuple((name, item.task.record_id, item.task.assignment_index, item.state, item.next_due)
                          for name, item in self._due()))
