"""Name lookup in the registry: every name is looked up by a key that ignores case,
punctuation, tone placement and the usual abbreviations.

Documents write the same body in many ways ("UBND tỉnh", "Ủy ban nhân dân tỉnh Nghệ An",
"Uỷ ban nhân dân tỉnh"). Units change over time (the 2025 reform removed the district level),
so a name with several candidates resolves to the one valid on the document's date, and a group
expands to the members valid then. Lookups and suggestions are memoised: thousands of records
repeat the same names.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

from vanban.build.registry.entries import Entry, Group, Organisation, without_head_title
from vanban.core.dates import PartialDate
from vanban.core.text import fold, loose_key, tone_key

SUGGEST_CUTOFF = 0.75
"""Similarity (difflib ratio of the ASCII folds) a registered name needs to be suggested."""
SUGGEST_MEMO_SIZE = 4096
"""Names whose suggestion is remembered: an unregistered unit is usually named in many records,
and each suggestion compares against every registered label (~1–2 ms at a few hundred units)."""


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

    def shared_names(self) -> list[tuple[str, list[str]]]:
        """(name key, ids) of every name that more than one entry answers to, for the check
        that one name does not mean two bodies at once."""
        return [(key, ids) for key, ids in self._by_key.items() if len(ids) > 1]

    def ancestors(self, organisation_id: str) -> list[str]:
        """Ids of the parents of an organisation, nearest first (cycles are cut)."""
        chain: list[str] = []
        current = self.organisations.get(organisation_id)
        while current and current.parent and current.parent not in chain:
            chain.append(current.parent)
            current = self.organisations.get(current.parent)
        return chain

