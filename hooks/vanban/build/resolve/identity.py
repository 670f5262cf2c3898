"""The identity of a document: issuer + year + number (a number alone repeats across issuers
and years).

A record's URL id and a directive's id come from one formula, so a directive's URL does not
change when its own record is later added to the collection. The importer names new files with
the same formula.
"""

from __future__ import annotations

import functools
import re

from vanban.build.catalogue import CatalogueRecord
from vanban.core.model import Record, Reference
from vanban.core.numbers import parse_number
from vanban.core.text import slugify


@functools.lru_cache(maxsize=1 << 16)
def document_id(number: str, year: int | None, issuer_id: str | None) -> str:
    """Stable id of a numbered document: ``ubnd-nghe-an-2023-930-ubnd-th``.

    The year is left out when the number carries it (``30/2020/NĐ-CP``). Memoised: the same
    citations come back on every rebuild under ``mkdocs serve``.
    """
    parsed = parse_number(number)
    year_part = None if (parsed and parsed.year) or year is None else str(year)
    return "-".join(p for p in (issuer_id, year_part, slugify(number)) if p)


def unnumbered_id(record: Record, issuer_id: str) -> str:
    """Id of an unnumbered copy: issuer, date, symbol and the first words of the subject."""
    subject = re.sub(r"^\s*V/v\s*", "", record.subject or "", flags=re.IGNORECASE)
    subject = slugify(subject, max_words=8)
    return "-".join(p for p in (issuer_id, record.date.iso(), slugify(record.symbol or ""), subject) if p)


def record_id(record: Record, issuer_id: str) -> str:
    """The record's URL id: its own ``id`` if set, else derived from issuer, year and number."""
    if record.id:
        return record.id
    if record.number:
        return document_id(record.number, record.date.year, issuer_id)
    return unnumbered_id(record, issuer_id)


def reference_year(reference: Reference) -> int | None:
    """The year of a cited document: its date's, else the one its number carries."""
    if reference.date is not None:
        return reference.date.year
    parsed = parse_number(reference.number)
    return parsed.year if parsed else None


def newest_first(entry: CatalogueRecord) -> tuple:
    """Sort key: newest date first, then by number, then by id for a stable order."""
    year, month, day = entry.record.date.sort_key
    return (-year, -month, -day, entry.record.type, entry.id)
