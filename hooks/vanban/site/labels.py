"""How entities are named and counted on pages: one place, so a list, a title and a link say
the same words."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TypeVar

from vanban.build.catalogue import CatalogueRecord, Directive

T = TypeVar("T")
K = TypeVar("K")


def vietnamese_count(n: int) -> str:
    """Thousands separated by dots, as Vietnamese readers write them: 10.000."""
    return f"{n:,}".replace(",", ".")


def record_label(entry: CatalogueRecord) -> str:
    record = entry.record
    return f"{record.type} {record.display_number}"


def directive_label(directive: Directive) -> str:
    return f"{directive.type} {directive.number}" if directive.type else directive.number


def newest_first_key(entry: CatalogueRecord) -> tuple:
    year, month, day = entry.record.date.sort_key
    return (-year, -month, -day, entry.id)


def group_by(items: Iterable[T], key: Callable[[T], K]) -> dict[K, list[T]]:
    """Group keeping first-seen order (records arrive newest first)."""
    groups: dict[K, list[T]] = {}
    for item in items:
        groups.setdefault(key(item), []).append(item)
    return groups
