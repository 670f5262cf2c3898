"""Unit and group pages: the tasks given to a unit directly and through the groups it belongs
to; a group's members; the list of every unit and group given a task."""

from __future__ import annotations

from collections.abc import Hashable, Iterable
from functools import partial

from markupsafe import Markup

from vanban.build.catalogue import Catalogue, Unit
from vanban.build.tracker import TrackedTask
from vanban.core.schema import ROLES
from vanban.core.text import fold, vietnamese_sort_key
from vanban.site import urls
from vanban.site.kinds.base import PageKind
from vanban.site.kinds.issuer import landing_pages
from vanban.site.labels import vietnamese_count
from vanban.site.page import Page, PageText
from vanban.site.render.feeds import unit_feed
from vanban.site.render.listing import Container, Item

TASKS_PER_PAGE = 100
TASK_HEADERS = ("Nhiệm vụ", "Vai trò", "Thời hạn", "Tình trạng", "Văn bản giao", "Qua nhóm")
SECTIONS = {"open": "Việc cần làm", "reported": "Đã báo cáo",
            "superseded": "Nhiệm vụ của văn bản không còn hiệu lực"}


class UnitKind(PageKind):
    name = "unit"

    def __init__(self, site) -> None:
        super().__init__(site)
        self._rows: dict[tuple, Markup] = {}

    def keys(self) -> Iterable[Hashable]:
        return self.cat.units.keys()

    @classmethod
    def affected(cls, cat: Catalogue, record_id: str) -> set[Hashable]:
        """The units the record gives tasks to, and the members of the groups among them."""
        keys: set[Hashable] = set()
        for assignment in cat.records[record_id].assignments:
            keys.add(assignment.unit_id)
            unit = cat.units.get(assignment.unit_id)
            if unit and unit.is_group:
                keys.update(unit.members)
        return keys

    def pages(self, key: Hashable) -> list[Page]:
        site = self.site
        unit = self.cat.units[str(key)]
        base = urls.unit_page(unit.id)
        head = PageText().html(site.render("definition-list", rows=self._info(base, unit), css="vb-meta"))
        if unit.is_group:
            members = [site.unit_link(base, m) for m in self._in_vietnamese_order(unit.members)]
            head.heading(2, "Thành viên của nhóm").html(site.render("unit/members", members=members))
        head.html(site.render("feed-links", links=follow_links(site, base, unit.id)))
        head.markdown(f"\nTính đến ngày {site.today:%d/%m/%Y}; nhiệm vụ sắp đến hạn trong 30 ngày và quá hạn "
                      "lên đầu, việc định kỳ tính theo kỳ tới.\n")
        items = [Item((section_of(t),), partial(self._task_row, t)) for t in site.tracker.by_unit.get(unit.id, ())]
        return site.list_pages(base, unit.name, head, items, TASKS_PER_PAGE,
                               Container("vb-table vb-tasks", TASK_HEADERS), empty="Chưa có nhiệm vụ.",
                               feed=unit_feed(unit.id))

    def _info(self, base: str, unit: Unit) -> list[tuple[str, object]]:
        site = self.site
        info: list[tuple[str, object]] = []
        if unit.is_group:
            info.append(("Loại", "Nhóm đơn vị"))
        if not unit.known:
            info.append(("Ghi chú", "Đơn vị chưa có trong sổ đăng ký; lập chỉ mục theo tên ghi trên văn bản."))
        groups = self._in_vietnamese_order(self.cat.groups_of(unit.id))
        if groups:
            info.append(("Thuộc nhóm", Markup(", ").join(site.unit_link(base, g) for g in groups)))
        if unit.id in self.cat.issuers:
            info.append(("Văn bản ban hành", site.issuer_link(base, unit.id)))
        direct = sum(t.via is None for t in unit.tasks)
        info.append(("Nhiệm vụ", f"{vietnamese_count(direct)} giao trực tiếp, "
                                  f"{vietnamese_count(len(unit.tasks) - direct)} giao qua nhóm"))
        return info

    def _in_vietnamese_order(self, unit_ids: Iterable[str]) -> list[str]:
        return sorted(unit_ids, key=lambda i: (vietnamese_sort_key(self.cat.unit_name(i) or i), i))

    def _task_row(self, item: TrackedTask, here: str) -> Markup:
        """A task row; the same task given through a group shows on every member's page in the
        same state, so a row is rendered once per page depth."""
        task = item.task
        key = (task.record_id, task.assignment_index, task.via, item.state, self.site.linker.depth(here))
        row = self._rows.get(key)
        if row is None:
            row = self._rows[key] = task_row(self.site, item, here, TASK_HEADERS)
        return row

    def landing(self, max_pages: int | None = None) -> list[Page]:
        ordered = sorted(self.cat.units.values(), key=lambda u: (TIERS.index(tier_of(self.cat, u)),
                                                                 vietnamese_sort_key(u.name)))
        headers = ("Đơn vị", "Loại", "Giao trực tiếp", "Giao qua nhóm")

        def row(u: Unit, here: str) -> Markup:
            direct = sum(t.via is None for t in u.tasks)
            return self.site.row([self.site.unit_link(here, u.id), "Nhóm" if u.is_group else "Đơn vị",
                                  vietnamese_count(direct), vietnamese_count(len(u.tasks) - direct)], headers)

        pages = landing_pages(self.site, urls.UNITS, "Đơn vị được giao nhiệm vụ",
                              "Nhiệm vụ giao trực tiếp và giao qua nhóm (như “Các Sở, ban, ngành cấp tỉnh”).",
                              [Item((tier_of(self.cat, u),), partial(row, u)) for u in ordered], headers, max_pages,
                              filter_box=self.site.render("list/filter-box", label="Lọc theo tên đơn vị"))
        return pages

    def signature(self) -> int:
        return hash(tuple((u.id, u.name, u.is_group, tier_of(self.cat, u), len(u.tasks),
                           sum(t.via is None for t in u.tasks)) for u in self.cat.units.values()))


TIERS = ("Cơ quan, đơn vị cấp tỉnh", "Cơ quan, đơn vị cấp huyện", "Khối Đảng", "Nhóm đơn vị",
         "Cơ quan Trung ương", "Đơn vị chưa có trong sổ đăng ký")
"""The headings of the unit list, in its order: where a clerk looks for a unit first."""


def tier_of(cat: Catalogue, unit: Unit) -> str:
    """The unit list heading of ``unit``, from the registry's kind and parents kept in the
    catalogue: a Party body is in "Khối Đảng"; a state body is cấp huyện when it is, or sits
    under, a people's committee below the top of its line (UBND huyện under UBND tỉnh), and
    Trung ương when the top of its line is not a province's body."""
    if unit.is_group:
        return TIERS[3]
    kind = cat.kind_of(unit.id)
    if not unit.known or kind is None:
        return TIERS[5]
    if kind == "party":
        return TIERS[2]
    line = (unit.id, *cat.ancestors(unit.id))
    names = [fold(cat.names.get(i, "")) for i in line]
    if any(name.startswith("uy ban nhan dan") for name in names[:-1]):
        return TIERS[1]
    return TIERS[0] if " tinh" in f" {names[-1]}" else TIERS[4]


def section_of(item: TrackedTask) -> str:
    return SECTIONS["open"] if item.is_open else SECTIONS[item.state]


def deadline_cell(item: TrackedTask) -> str:
    """The next due date, and the deadline as written when it says more ("hằng quý")."""
    written = item.task.deadline_display or ""
    if item.next_due is None:
        return written
    due = f"{item.next_due:%d/%m/%Y}"
    return due if item.due is None or not item.due.recurring else f"{due} (kỳ tới; {written})"


def task_row(site, item: TrackedTask, here: str, headers: tuple[str, ...], unit: bool = False) -> Markup:
    """One task as a table row: the unit (on lists of many units), task, role, deadline, state,
    document and group; a superseded task says why and is greyed."""
    task = item.task
    reason = None
    if item.state == "reported" and item.reported_by:
        reason = Markup("bằng {}").format(site.record_link(here, item.reported_by))
    elif item.superseded is not None and item.superseded.decided_by is not None:
        change = item.superseded.decided_by
        reason = Markup("{} {}").format(change.label.lower(), site.record_link(here, change.record_id))
    state = site.render("task-state", state=item.state, label=item.state_label, reason=reason)
    cells = [task.task or "", ROLES[task.role], deadline_cell(item), state,
             site.record_item(here, site.cat.records[task.record_id]),
             site.unit_link(here, task.via) if task.via else "—"]
    if unit:
        cells.insert(0, site.unit_link(here, item.unit_id))
    css = "vb-superseded" if item.state == "superseded" else None
    return site.render("list/row", cells=cells, headers=headers, css=css)


def follow_links(site, here: str, unit_id: str) -> list[dict]:
    """Atom feed of the unit's new tasks, its deadline calendar and its task spreadsheet."""
    from vanban.site.render.calendar import unit_calendar
    from vanban.site.render.tables import unit_csv

    return [
        {"href": site.linker.href_to_file(here, unit_feed(unit_id)), "text": "Theo dõi nhiệm vụ mới (Atom)"},
        {"href": site.linker.href_to_file(here, unit_calendar(unit_id)), "text": "Lịch thời hạn (.ics)",
         "download": True},
        {"href": site.linker.href_to_file(here, unit_csv(unit_id)), "text": "Bảng nhiệm vụ (CSV)", "download": True},
    ]

