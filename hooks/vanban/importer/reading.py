"""One pass over a document's lines: the state the header, subject and signature readers share.

Why a module of its own: the readers run one after the other over the same lines and fill the
same front-matter; each needs what an earlier one found (the party or state system named by the
motto, the bodies in the header) and the same registry lookup for a body's registered name.
Keeping that state in one small class lets each reader live in its own module.
"""

from __future__ import annotations

from vanban.build.registry import Organisation, Registry
from vanban.core.text import nfc
from vanban.importer.lines import plain


class Reading:
    """The lines of one document (as typed and as plain text) and what has been read so far."""

    def __init__(self, text: str, registry: Registry | None) -> None:
        text = nfc(text).replace("\r\n", "\n").replace("\r", "\n").replace("\u00a0", " ")
        self.raw_lines = text.split("\n")
        self.lines = [plain(line) for line in self.raw_lines]
        self.registry = registry
        self.fm: dict = {}
        self.notes: list[str] = []
        self.system: str | None = None
        """"party" or "state", from the motto in the header."""
        self.header_bodies: list[str] = []
        """The bodies named in the header, top first, in running-text case."""

    def registered_name(self, name: str, parent: str | None) -> str:
        """The registry's short name for ``name`` when it is known (and its parent agrees)."""
        if self.registry is None:
            return name
        entry, _ = self.registry.lookup(name)
        if not isinstance(entry, Organisation):
            return name
        if parent is not None:
            parent_entry, _ = self.registry.lookup(parent)
            if parent_entry is None:
                return name  # a body of another province with the same short name
        return entry.short or entry.name
