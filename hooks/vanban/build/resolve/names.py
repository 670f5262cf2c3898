"""A name as written on a document → the registered body it means, with the warnings a clerk
needs when it is misspelt, ambiguous or unknown.

Issuers and assigned units are warned about (they should be in the registry); the issuers of
cited documents are not (they come from anywhere in the country).
"""

from __future__ import annotations

from vanban.build.registry import Organisation, Registry
from vanban.core.model import Record, Reference
from vanban.core.problems import ProblemLog
from vanban.core.text import slugify


class Names:
    """Name lookups of one resolution against the registry, reporting to its log."""

    def __init__(self, registry: Registry, log: ProblemLog) -> None:
        self.registry = registry
        self.log = log

    def organisation_id(self, name: str, record: Record, field: str, *, allow_group: bool,
                        context: str | None = None) -> tuple[str, bool]:
        """(id, known) of the body ``name`` means on the record's date in a document of
        ``context`` (the issuer: names such as "Phòng Nội vụ" are relative to it); warns when
        unknown."""
        entry, candidates = self.registry.lookup(name, record.date, context)
        if entry is not None and (allow_group or isinstance(entry, Organisation)):
            if not self.registry.is_exact(name):
                self.log.warning(record.path, field,
                                 f"“{name}” viết khác sổ đăng ký (thiếu hoặc sai dấu); có phải “{entry.name}”?",
                                 f"'{name}' is written differently from the registry; did you mean '{entry.name}'?",
                                 code="name.spelling")
            return entry.id, True
        if len(candidates) > 1:
            ids = ", ".join(c.id for c in candidates)
            self.log.warning(record.path, field, f"“{name}” khớp nhiều mục trong sổ đăng ký: {ids}",
                             f"'{name}' matches several registry entries: {ids}", code="name.ambiguous")
        else:
            near = self.registry.suggest(name)
            hint_vi = f"; có phải “{near}”?" if near else ""
            hint_en = f"; did you mean '{near}'?" if near else ""
            self.log.warning(record.path, field,
                             f"“{name}” chưa có trong sổ đăng ký cơ quan; vẫn được lập chỉ mục theo tên "
                             f"đã ghi{hint_vi}",
                             f"'{name}' is not in the registry; indexed under the name as written{hint_en}",
                             code="name.unregistered")
        return slugify(name) or "khong-ro", False

    def reference_issuer(self, reference: Reference, record: Record) -> tuple[str | None, bool]:
        """(issuer id, registered?) of a cited document; unregistered names slug as written.

        Cited documents come from anywhere in the country, so an unregistered issuer here is
        normal and not warned about.
        """
        if reference.issuer is None:
            return None, False
        entry, _ = self.registry.lookup(reference.issuer, reference.date or record.date)
        if isinstance(entry, Organisation):
            return entry.id, True
        return slugify(reference.issuer) or None, False

    def same_body(self, a: str | None, b: str | None) -> bool:
        """True when two issuer ids may name the same numbering body.

        Equal ids, or — for Party bodies only — a committee and a body of it: "904-TB/TU" is
        numbered by the Tỉnh uỷ whether the text says "Tỉnh uỷ" or "Ban Thường vụ Tỉnh uỷ". A
        district UBND numbers its documents apart from the province's, so state bodies must match.
        """
        if a is None or b is None:
            return True
        if a == b:
            return True
        org_a, org_b = self.registry.organisations.get(a), self.registry.organisations.get(b)
        if not (org_a and org_b and org_a.kind == org_b.kind == "party"):
            return False
        return a in self.registry.ancestors(b) or b in self.registry.ancestors(a)
