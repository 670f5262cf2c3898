"""The registry of organisations and groups: who can issue documents and receive tasks.

Documents write the same body in many ways ("UBND tỉnh", "Ủy ban nhân dân tỉnh Nghệ An",
"Uỷ ban nhân dân tỉnh"), so every name is looked up by a key that ignores case, punctuation,
tone placement and the usual abbreviations. Units change over time (the 2025 reform removed
the district level), so each entry has validity dates and a group expands to the members valid
on the document's date.
"""

from __future__ import annotations

import datetime as _dt
import difflib
import re
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path

import yaml

from vanban.core.dates import PartialDate
from vanban.core.problems import ProblemLog, source_path
from vanban.core.text import clean_space, fold, loose_key, tone_key

# A task given to a body's head ("Giám đốc Sở Xây dựng", "Chủ tịch UBND các huyện") is the
# body's: such a name is looked up without the title when it is not in the registry as written.
# The importer recognises the same titles at the start of a task.
HEAD_TITLE = (r"(?:(?:Tổng\s+)?Giám\s+đốc|Chủ\s+tịch|Thủ\s+trưởng|Trưởng|Chánh|Cục\s+trưởng|Chi\s+cục\s+trưởng|"
              r"Viện\s+trưởng|Hiệu\s+trưởng|Bí\s+thư)")
_HEAD_TITLE_PREFIX = re.compile(rf"^{HEAD_TITLE}\s+(?=\S)", re.IGNORECASE)


def without_head_title(name: str) -> str | None:
    """"Giám đốc Sở Nội vụ" → "Sở Nội vụ"; ``None`` when the name starts with no such title."""
    match = _HEAD_TITLE_PREFIX.match(name)
    return name[match.end():] if match else None


_ID_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789-")

SUGGEST_CUTOFF = 0.75
"""Similarity (difflib ratio of the ASCII folds) a registered name needs to be suggested."""
SUGGEST_MEMO_SIZE = 4096
"""Names whose suggestion is remembered: an unregistered unit is usually named in many records,
and each suggestion compares against every registered label (~1–2 ms at a few hundred units)."""


@dataclass(frozen=True, slots=True)
class Organisation:
    """A body that issues documents or is given tasks."""

    id: str
    name: str
    short: str | None = None
    kind: str | None = None  # "state" | "party"
    parent: str | None = None
    code: str | None = None
    aliases: tuple[str, ...] = ()
    valid_from: _dt.date | None = None
    valid_to: _dt.date | None = None
    local_aliases: tuple[str, ...] = ()

    @property
    def scope(self) -> str | None:
        """Whose documents use the local aliases: the parent body ("Phòng Nội vụ" of a district)."""
        return self.parent

    @property
    def label(self) -> str:
        return self.short or self.name

    def valid_on(self, date: PartialDate | None) -> bool:
        """May this body have existed on ``date``? Partial dates get the benefit of the doubt."""
        if date is None:
            return True
        if self.valid_from and not date.on_or_after(self.valid_from):
            return False
        if self.valid_to and not date.on_or_before(self.valid_to):
            return False
        return True


@dataclass(frozen=True, slots=True)
class Group:
    """A collective addressee ("Các Sở, ban, ngành cấp tỉnh") standing for many units."""

    id: str
    name: str
    members: tuple[str, ...]
    aliases: tuple[str, ...] = ()
    local_aliases: tuple[str, ...] = ()
    scope: str | None = None  # the body whose documents use this group's local aliases

    @property
    def label(self) -> str:
        return self.name


Entry = Organisation | Group


@dataclass(slots=True)
class Registry:
    """Organisations and groups, with name lookup by normalised key."""

    organisations: dict[str, Organisation] = field(default_factory=dict)
    groups: dict[str, Group] = field(default_factory=dict)
    _by_key: dict[str, list[str]] = field(default_factory=dict)
    _by_fold: dict[str, list[str]] = field(default_factory=dict)
    _local: dict[str, list[str]] = field(default_factory=dict)
    _found: dict[tuple[str, str | None], list] = field(default_factory=dict)
    _labels: dict[str, str] | None = None  # folded label → label, built on the first suggestion
    _labels_by_length: dict[int, list[str]] = field(default_factory=dict)
    _suggested: dict[str, str | None] = field(default_factory=dict)

    def issuer_codes(self) -> frozenset[str]:
        """Codes bodies put in their document symbols (ASCII-folded): "ubnd", "snv", "ttr" …"""
        return frozenset(fold(o.code) for o in self.organisations.values() if o.code)

    def get(self, entry_id: str) -> Entry | None:
        return self.organisations.get(entry_id) or self.groups.get(entry_id)

    def _index(self, entry: Entry) -> None:
        names = {entry.id, entry.name, *entry.aliases}
        if isinstance(entry, Organisation) and entry.short:
            names.add(entry.short)
        for name in names:
            for table, key in ((self._by_key, tone_key(name, True)), (self._by_fold, loose_key(name))):
                ids = table.setdefault(key, [])
                if entry.id not in ids:
                    ids.append(entry.id)
        for name in entry.local_aliases:
            ids = self._local.setdefault(tone_key(name, True), [])
            if entry.id not in ids:
                ids.append(entry.id)

    def add(self, entry: Entry) -> None:
        self._found.clear()
        self._labels, self._labels_by_length = None, {}
        self._suggested.clear()
        if isinstance(entry, Group):
            self.groups[entry.id] = entry
        else:
            self.organisations[entry.id] = entry
        self._index(entry)

    def candidates(self, name: str) -> list[Entry]:
        """Entries whose id, name or an alias matches ``name`` (tone placement, case ignored).

        An exact key match wins; only when there is none does the ASCII fold ("So Noi vu")
        count, so that accent-less input still finds its body.
        """
        ids = self._by_key.get(tone_key(name, True)) or self._by_fold.get(loose_key(name), [])
        return [entry for entry in (self.get(i) for i in ids) if entry is not None]

    def is_exact(self, name: str) -> bool:
        """True when ``name`` matches with its diacritics (not only through the ASCII fold)."""
        key = tone_key(name, True)
        if key in self._by_key or key in self._local:
            return True
        body = without_head_title(name)
        return body is not None and self.is_exact(body)

    def local_candidates(self, name: str, context: str | None) -> list[Entry]:
        """Entries whose *local* alias is ``name`` and whose scope is ``context`` or above it:
        "Phòng Nội vụ" in a document of UBND huyện Đô Lương means that district's Phòng."""
        if context is None:
            return []
        scopes = [context, *self.ancestors(context)]
        entries = [self.get(i) for i in self._local.get(tone_key(name, True), [])]
        for scope in scopes:
            near = [e for e in entries if e is not None and e.scope == scope]
            if near:
                return near
        return []

    def lookup(self, name: str, date: PartialDate | None = None,
               context: str | None = None) -> tuple[Entry | None, list[Entry]]:
        """(the entry ``name`` means on ``date`` in a document issued by ``context``, or None;
        every candidate considered)."""
        key = (name, context)
        found = self._found.get(key)
        if found is None:  # names repeat across thousands of records: match each once
            found = self.local_candidates(name, context) or self.candidates(name)
            body = without_head_title(name) if not found else None
            if body:
                found = self.local_candidates(body, context) or self.candidates(body)
            self._found[key] = found
        if len(found) > 1 and date is not None:
            valid = [e for e in found if not isinstance(e, Organisation) or e.valid_on(date)]
            found = valid or found
        return (found[0] if len(found) == 1 else None), found

    def suggest(self, name: str) -> str | None:
        """The nearest known name, for "did you mean …?" in warnings.

        Memoised per folded name (bounded), because thousands of records may name the same
        unregistered unit. The answer is that of ``difflib.get_close_matches`` over every label;
        only labels whose length alone rules them out (difflib's own ``real_quick_ratio``
        bound) are skipped, which does not change the answer.
        """
        key = fold(name)
        if key in self._suggested:
            return self._suggested[key]
        labels = self._suggest_labels()
        # ratio = 2·matches / (len(a) + len(b)) ≤ 2·min / (len(a) + len(b)), so a label can only
        # reach the cutoff when its length lies in [n·c / (2 − c), n·(2 − c) / c].
        size, cutoff = len(key), SUGGEST_CUTOFF
        low, high = size * cutoff / (2 - cutoff), size * (2 - cutoff) / cutoff
        possible = [label for length, group in self._labels_by_length.items() if low - 1e-9 <= length <= high + 1e-9
                    for label in group]
        near = difflib.get_close_matches(key, possible, n=1, cutoff=cutoff)
        answer = labels[near[0]] if near else None
        if len(self._suggested) >= SUGGEST_MEMO_SIZE:
            del self._suggested[next(iter(self._suggested))]  # the oldest
        self._suggested[key] = answer
        return answer

    def _suggest_labels(self) -> dict[str, str]:
        """Folded label → label of every entry's name and aliases (the first label wins a fold
        shared by several), with the folds grouped by length; rebuilt after ``add``."""
        if self._labels is None:
            labels: dict[str, str] = {}
            entries: list[Organisation | Group] = [*self.organisations.values(), *self.groups.values()]
            for entry in entries:
                for label in (entry.name, *entry.aliases):
                    labels.setdefault(fold(label), label)
            by_length: dict[int, list[str]] = {}
            for folded in labels:
                by_length.setdefault(len(folded), []).append(folded)
            self._labels, self._labels_by_length = labels, by_length
        return self._labels

    def members_on(self, group: Group, date: PartialDate | None) -> list[Organisation]:
        """Members of ``group`` that existed on ``date``."""
        members = [self.organisations[m] for m in group.members if m in self.organisations]
        return [m for m in members if m.valid_on(date)]

    def groups_of(self, organisation_id: str) -> list[Group]:
        """Groups that list ``organisation_id`` as a member."""
        return [g for g in self.groups.values() if organisation_id in g.members]

    def ancestors(self, organisation_id: str) -> list[str]:
        """Ids of the parents of an organisation, nearest first (cycles are cut)."""
        chain: list[str] = []
        current = self.organisations.get(organisation_id)
        while current and current.parent and current.parent not in chain:
            chain.append(current.parent)
            current = self.organisations.get(current.parent)
        return chain


_KINDS = ("state", "party")
_SECTIONS = ("organisations", "groups")
_ORG_KEYS = {"id", "name", "short", "kind", "parent", "code", "aliases", "local_aliases", "valid_from",
             "valid_to"}
_GROUP_KEYS = {"id", "name", "members", "aliases", "local_aliases", "scope"}


class _Entry:
    """One registry item while it is checked: its values, and where each stands in the file."""

    def __init__(self, item: dict, where: str, path: str, log: ProblemLog, lines: dict[str, int]) -> None:
        self.item, self.where, self.path, self.log, self.lines = item, where, path, log, lines
        self.ok = True

    def line(self, key: str = "") -> int | None:
        return self.lines.get(f"{self.where}.{key}") if key else self.lines.get(self.where)

    def error(self, key: str, vi: str, en: str, code: str = "registry.value") -> None:
        self.ok = False
        self.log.error(self.path, f"{self.where}.{key}" if key else self.where, vi, en,
                       self.line(key) or self.line(), code=code)

    def text(self, key: str, required: bool = False) -> str | None:
        value = self.item.get(key)
        if value is None or value == "":
            if required:
                self.error(key, f"thiếu “{key}”", f"'{key}' is missing")
            return None
        if not isinstance(value, str | int) or isinstance(value, bool):
            self.error(key, f"“{key}” phải là một chuỗi chữ", f"'{key}' must be a string")
            return None
        return clean_space(str(value))

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.item.get(key)
        if value in (None, "", []):
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.error(key, f"“{key}” phải là danh sách chuỗi chữ", f"'{key}' must be a list of strings")
            return ()
        return tuple(clean_space(v) for v in value if v)

    def date(self, key: str) -> _dt.date | None:
        value = self.item.get(key)
        if value in (None, ""):
            return None
        try:
            day = _dt.date.fromisoformat(str(value))
            if day.year < 1800:
                raise ValueError
            return day
        except ValueError:
            self.error(key, f"ngày “{value}” không có thật hoặc không viết dạng YYYY-MM-DD",
                       f"date '{value}' is impossible or not written YYYY-MM-DD")
            return None

    def unknown_keys(self, allowed: set[str]) -> None:
        for key in sorted(set(map(str, self.item)) - allowed):
            self.error(key, f"khoá “{key}” không có trong định dạng sổ đăng ký; các khoá hợp lệ: "
                       f"{', '.join(sorted(allowed))}", f"unknown key '{key}'; allowed: {', '.join(sorted(allowed))}")


def build_registry(data, path: str, log: ProblemLog, lines: dict[str, int] | None = None) -> Registry:
    """Build a registry from its YAML data, reporting every problem with the entry and line.

    The registry arrives by pull request like the records: every value is checked for its type
    before it is used, so a list where a name belongs or ``groups: 3`` is a message, not a crash.
    """
    lines = lines or {}
    registry = Registry()
    if not isinstance(data, dict):
        log.error(path, "", "sổ đăng ký phải có “organisations:” và “groups:”",
                  "the registry must hold 'organisations:' and 'groups:'", 1, code="registry.sections")
        return registry
    for key in sorted(set(map(str, data)) - set(_SECTIONS)):
        log.error(path, key, f"mục “{key}” không có trong định dạng (organisations, groups)",
                  f"unknown section '{key}' (organisations, groups)", lines.get(key), code="registry.unknown-section")
    seen: dict[str, str] = {}
    for section in _SECTIONS:
        items = data.get(section) or []
        if not isinstance(items, list):
            log.error(path, section, f"“{section}” phải là một danh sách (mỗi mục bắt đầu bằng “- ”)",
                      f"'{section}' must be a list", lines.get(section), code="registry.not-list")
            continue
        for index, item in enumerate(items):
            where = f"{section}[{index}]"
            if not isinstance(item, dict):
                log.error(path, where, "mỗi mục phải là bảng khoá: giá trị, có “id” và “name”",
                          "each entry must be a mapping with 'id' and 'name'", lines.get(where),
                          code="registry.not-mapping")
                continue
            entry = _Entry(item, where, path, log, lines)
            entry_id, name = entry.text("id", required=True), entry.text("name", required=True)
            if entry_id is None or name is None:
                continue
            if not set(entry_id) <= _ID_CHARS or entry_id.startswith("-") or entry_id in ("index", "trang"):
                entry.error("id", f"mã “{entry_id}” chỉ gồm chữ thường không dấu, số, gạch nối (và không "
                            "được là “index”)", f"id '{entry_id}' may hold only a-z, 0-9 and hyphens "
                            "(and may not be 'index')")
                continue
            if entry_id in seen:
                entry.error("id", f"mã “{entry_id}” bị trùng với {seen[entry_id]}",
                            f"duplicate id '{entry_id}' (also {seen[entry_id]})")
                continue
            seen[entry_id] = where
            aliases, local = entry.texts("aliases"), entry.texts("local_aliases")
            if section == "groups":
                entry.unknown_keys(_GROUP_KEYS)
                group = Group(entry_id, name, entry.texts("members"), aliases, local, entry.text("scope"))
                if entry.ok:
                    registry.add(group)
                continue
            entry.unknown_keys(_ORG_KEYS)
            kind = entry.text("kind")
            if kind is not None and kind not in _KINDS:
                entry.error("kind", f"“kind” phải là state hoặc party, không phải “{kind}”",
                            f"'kind' must be state or party, not '{kind}'")
            org = Organisation(entry_id, name, entry.text("short"), kind, entry.text("parent"),
                               entry.text("code"), aliases, entry.date("valid_from"), entry.date("valid_to"),
                               local)
            if org.parent == entry_id:
                entry.error("parent", "cơ quan không thể là cấp trên của chính nó",
                            "an organisation cannot be its own parent")
            if entry.ok:
                registry.add(org)
    _check_links(registry, path, log, lines, seen)
    return registry


def _check_links(registry: Registry, path: str, log: ProblemLog, lines: dict[str, int] | None = None,
                 where: dict[str, str] | None = None) -> None:
    """Parents and members must exist, parents form no cycle; one name must not mean two bodies."""
    lines, where = lines or {}, where or {}

    def line(entry_id: str, key: str) -> int | None:
        place = where.get(entry_id, "")
        return lines.get(f"{place}.{key}") or lines.get(place)

    for org in registry.organisations.values():
        if org.parent and org.parent not in registry.organisations:
            log.error(path, f"{org.id}.parent", f"đơn vị cấp trên “{org.parent}” không có trong sổ",
                      f"parent '{org.parent}' is not registered", line(org.id, "parent"),
                      code="registry.parent-missing")
    reported: set[str] = set()
    for org in registry.organisations.values():
        chain, current = [org.id], org.parent
        while current in registry.organisations and current not in chain:
            chain.append(current)
            current = registry.organisations[current].parent
        if current == org.id and org.id not in reported:
            reported.update(chain)
            log.error(path, f"{org.id}.parent", f"cấp trên vòng tròn: {' → '.join([*chain, org.id])}",
                      f"parent cycle: {' → '.join([*chain, org.id])}", line(org.id, "parent"),
                      code="registry.parent-cycle")
    for group in registry.groups.values():
        if group.scope and group.scope not in registry.organisations:
            log.error(path, f"{group.id}.scope", f"phạm vi “{group.scope}” không có trong sổ",
                      f"scope '{group.scope}' is not registered", line(group.id, "scope"),
                      code="registry.scope-missing")
        if group.local_aliases and not group.scope:
            log.error(path, f"{group.id}.local_aliases", "nhóm có local_aliases cần “scope”",
                      "a group with local_aliases needs 'scope'", line(group.id, "local_aliases"),
                      code="registry.scope-required")
        for member in group.members:
            if member not in registry.organisations:
                log.error(path, f"{group.id}.members", f"thành viên “{member}” không có trong sổ",
                          f"member '{member}' is not registered", line(group.id, "members"),
                          code="registry.member-missing")
    for key, ids in registry._by_key.items():
        entries = [registry.get(i) for i in ids]
        if len(ids) > 1 and not _disjoint_in_time(entries):
            log.warning(path, "aliases", f"tên “{key}” dùng cho nhiều mục: {', '.join(ids)}",
                        f"name '{key}' is shared by: {', '.join(ids)}", code="registry.alias-shared")


def _disjoint_in_time(entries: list) -> bool:
    """True when entries sharing a name never existed at the same time (a renamed unit)."""
    orgs = [e for e in entries if isinstance(e, Organisation)]
    if len(orgs) != len(entries):
        return False
    spans = sorted((o.valid_from or _dt.date.min, o.valid_to or _dt.date.max) for o in orgs)
    return all(earlier[1] < later[0] for earlier, later in pairwise(spans))


MAX_REGISTRY_BYTES = 5_000_000
"""A registry of every body of a province is a few hundred KB."""


def load_registry(file: Path, root: Path, log: ProblemLog) -> Registry:
    """Read the registry YAML file; a missing, oversized or broken file is an error, not a crash.

    It is read like a record: bounded, no links, no anchors or aliases (a 1.6 KB alias bomb
    expands past 13 GB), dates kept as text until checked, duplicate keys reported with lines.
    """
    from vanban.build.loader import read_bounded, structure_problem, yaml_lines, yaml_load

    path = source_path(file, root)
    try:
        text = read_bounded(file, MAX_REGISTRY_BYTES)[0].decode("utf-8")
    except FileNotFoundError:
        log.error(path, "", "không tìm thấy sổ đăng ký cơ quan", "registry file not found", code="registry.missing")
        return Registry()
    except UnicodeDecodeError:
        log.error(path, "", "sổ đăng ký không phải UTF-8; hãy lưu lại với mã UTF-8",
                  "the registry is not UTF-8; save it as UTF-8", code="registry.encoding")
        return Registry()
    except ValueError as exc:  # a link, not a regular file, too large
        log.error(path, "", exc.args[0], exc.args[-1], code="registry.refused")
        return Registry()
    except OSError as exc:
        log.error(path, "", f"không đọc được sổ đăng ký: {exc.strerror}", f"cannot read the registry: {exc}",
                  code="registry.unreadable")
        return Registry()
    refused = structure_problem(text, always=True)
    if refused:
        log.error(path, "", *refused, code="registry.refused")
        return Registry()
    try:
        data = yaml_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        log.error(path, "", f"lỗi cú pháp YAML: {exc.problem}", f"YAML syntax error: {exc.problem}",
                  mark.line + 1 if mark else None, code="registry.yaml-syntax")
        return Registry()
    except yaml.YAMLError as exc:
        log.error(path, "", "lỗi cú pháp YAML", f"YAML syntax error: {exc}", code="registry.yaml-syntax")
        return Registry()
    lines = yaml_lines(text, 0, log, path)
    return build_registry(data, path, log, lines)
