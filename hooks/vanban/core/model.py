"""The validated record: what a record *says*, normalised, before any name is resolved.

These objects are produced by ``validate`` and never changed afterwards. Names of issuers and
units are kept exactly as written; resolving them against the registry is the resolver's job.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from vanban.core.dates import PartialDate


@dataclass(frozen=True, slots=True)
class Signer:
    name: str
    title: str | None = None
    authority: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Reference:
    """A citation inside a record: what the text says of the cited document."""

    number: str
    relation: str
    type: str | None = None
    date: PartialDate | None = None
    issuer: str | None = None
    subject: str | None = None
    part: str | None = None
    """The part amended, replaced or repealed ("Điều 3"); ``None``: the whole document."""


@dataclass(frozen=True, slots=True)
class Deadline:
    """A deadline is either a (partial) date or a recurrence/text such as "hằng năm"."""

    date: PartialDate | None = None
    text: str | None = None

    def display(self) -> str:
        if self.date is not None:
            return self.date.short()
        return self.text or ""

    def raw(self) -> str:
        return self.date.iso() if self.date is not None else (self.text or "")


@dataclass(frozen=True, slots=True)
class Assignment:
    """A task given to a unit (or a group of units) by a record."""

    unit: str
    role: str
    task: str | None = None
    deadline: Deadline | None = None


@dataclass(frozen=True, slots=True)
class Record:
    """One document of the collection, validated and normalised (NFC, ASCII hyphens)."""

    path: str  # source path relative to the repository, POSIX separators
    id: str  # URL slug, unique in the collection
    number: str | None
    symbol: str | None
    type: str
    issuer: str
    date: PartialDate
    body: str
    place: str | None = None
    subject: str | None = None
    signer: Signer | None = None
    addressees: tuple[str, ...] = ()
    distribution: tuple[str, ...] = ()
    references: tuple[Reference, ...] = ()
    assignments: tuple[Assignment, ...] = ()
    urgency: str | None = None
    status: str | None = None
    effective_from: PartialDate | None = None
    effective_to: PartialDate | None = None
    replaces: tuple[str, ...] = ()
    source: str | None = None
    original: str | None = None  # the original file, beside the record file
    sha256: str | None = None
    sample: bool = False
    note: str | None = None
    import_notes: tuple[str, ...] = ()
    system: str | None = None  # "state" / "party", from the number grammar
    extra: dict = field(default_factory=dict, compare=False)

    @property
    def display_number(self) -> str:
        """The number as shown: "930/UBND-TH", or "Số: …/UBND-TH" for an unnumbered copy."""
        if self.number:
            return self.number
        return f"…/{self.symbol}" if self.symbol else "(chưa có số)"

    @property
    def has_text(self) -> bool:
        """False for a metadata-only record whose full text is not in the collection."""
        return bool(self.body.strip())

    def title(self) -> str:
        """Page title: type, number and date, the way clerks name a document."""
        number = f" số {self.number}" if self.number else " (chưa có số)"
        return f"{self.type}{number} {self.date.vietnamese()}"
