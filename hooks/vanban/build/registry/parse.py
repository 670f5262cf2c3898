"""The registry built from its YAML data, every entry checked, every problem reported with the
entry and line; the entries that pass are added, the others left out."""

from __future__ import annotations

from typing import Any

from vanban.build.registry.entries import Entry, Group, Organisation
from vanban.build.registry.index import Registry
from vanban.build.registry.links import check_links
from vanban.build.registry.values import Item
from vanban.core.problems import ProblemLog

_KINDS = ("state", "party")
_SECTIONS = ("organisations", "groups")
_ORG_KEYS = {"id", "name", "short", "kind", "parent", "code", "aliases", "local_aliases", "valid_from",
             "valid_to"}
_GROUP_KEYS = {"id", "name", "members", "aliases", "local_aliases", "scope"}
_ID_CHARS = set("abcdefghijklmnopqrstuvwxyz0123456789-")


def build_registry(data: Any, path: str, log: ProblemLog, lines: dict[str, int] | None = None) -> Registry:
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
    seen: dict[str, str] = {}  # id → where it is defined, for duplicates and the link check's lines
    for section in _SECTIONS:
        items = data.get(section) or []
        if not isinstance(items, list):
            log.error(path, section, f"“{section}” phải là một danh sách (mỗi mục bắt đầu bằng “- ”)",
                      f"'{section}' must be a list", lines.get(section), code="registry.not-list")
            continue
        for index, item in enumerate(items):
            entry = _read_entry(item, section, f"{section}[{index}]", path, log, lines, seen)
            if entry is not None:
                registry.add(entry)
    check_links(registry, path, log, lines, seen)
    return registry


def _read_entry(item: Any, section: str, where: str, path: str, log: ProblemLog, lines: dict[str, int],
                seen: dict[str, str]) -> Entry | None:
    """The organisation or group ``item`` describes, or ``None`` when it has an error."""
    if not isinstance(item, dict):
        log.error(path, where, "mỗi mục phải là bảng khoá: giá trị, có “id” và “name”",
                  "each entry must be a mapping with 'id' and 'name'", lines.get(where),
                  code="registry.not-mapping")
        return None
    values = Item(item, where, path, log, lines)
    entry_id, name = values.text("id", required=True), values.text("name", required=True)
    if entry_id is None or name is None:
        return None
    if not set(entry_id) <= _ID_CHARS or entry_id.startswith("-") or entry_id in ("index", "trang"):
        values.error("id", f"mã “{entry_id}” chỉ gồm chữ thường không dấu, số, gạch nối (và không "
                     "được là “index”)", f"id '{entry_id}' may hold only a-z, 0-9 and hyphens "
                     "(and may not be 'index')")
        return None
    if entry_id in seen:
        values.error("id", f"mã “{entry_id}” bị trùng với {seen[entry_id]}",
                     f"duplicate id '{entry_id}' (also {seen[entry_id]})")
        return None
    seen[entry_id] = where
    entry = (_group if section == "groups" else _organisation)(values, entry_id, name)
    return entry if values.ok else None


def _group(values: Item, entry_id: str, name: str) -> Group:
    aliases, local = values.texts("aliases"), values.texts("local_aliases")
    values.unknown_keys(_GROUP_KEYS)
    return Group(entry_id, name, values.texts("members"), aliases, local, values.text("scope"))


def _organisation(values: Item, entry_id: str, name: str) -> Organisation:
    aliases, local = values.texts("aliases"), values.texts("local_aliases")
    values.unknown_keys(_ORG_KEYS)
    kind = values.text("kind")
    if kind is not None and kind not in _KINDS:
        values.error("kind", f"“kind” phải là state hoặc party, không phải “{kind}”",
                     f"'kind' must be state or party, not '{kind}'")
    org = Organisation(entry_id, name, values.text("short"), kind, values.text("parent"),
                       values.text("code"), aliases, values.date("valid_from"), values.date("valid_to"), local)
    if org.parent == entry_id:
        values.error("parent", "cơ quan không thể là cấp trên của chính nó",
                     "an organisation cannot be its own parent")
    return org
