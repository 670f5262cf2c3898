"""Resolution cliffs: the indexed look-ups must give exactly what the plain scans gave.

``_warn_unnumbered_target`` once scanned every unnumbered copy for every citation (8,000
records with 20 % copies: 66 s) and ``Registry.suggest`` compared every unknown name with every
registered label on every call. Both are now indexed or memoised; these tests compare them with
independent brute-force computations on generated inputs, so a faster index can never change
which warnings a clerk sees.
"""

from __future__ import annotations

import difflib
import random

from conftest import TINY_REGISTRY
from vanban.build.registry import SUGGEST_CUTOFF, Registry, build_registry
from vanban.build.resolve import resolve
from vanban.core.dates import PartialDate
from vanban.core.model import Assignment, Record, Reference
from vanban.core.problems import ProblemLog
from vanban.core.text import fold

ISSUERS = ["UBND tỉnh", "Tỉnh uỷ", "Ban Thường vụ Tỉnh ủy", "Sở Nội vụ", "UBND huyện Đô Lương",
           "Sở Ngoại vụ"]  # the last one is not registered
SYMBOLS = ["UBND-TH", "UBND-VX", "TB/TU", "KH/TU", "SNV-TCBC", "UBND"]


def _registry() -> Registry:
    return build_registry(TINY_REGISTRY, "records/registry.yml", ProblemLog())


def _date(rng: random.Random, precisions: tuple[str, ...] = ("day", "month", "year")) -> PartialDate:
    precision = rng.choice(precisions)
    year, month, day = rng.choice([2022, 2023]), rng.randint(1, 3), rng.randint(1, 4)
    if precision == "year":
        return PartialDate(year)
    return PartialDate(year, month) if precision == "month" else PartialDate(year, month, day)


def _collection(seed: int, count: int = 300) -> list[Record]:
    """Numbered records and unnumbered copies crowded into few dates, symbols and issuers, citing
    numbers that no record in the collection carries (so no citation finds a numbered target)."""
    rng = random.Random(seed)
    records = []
    for index in range(count):
        references = tuple(
            Reference(number=f"{rng.randint(1, 30)}{rng.choice(['/', '-'])}{rng.choice(SYMBOLS)}",
                      relation="cites", date=_date(rng) if rng.random() < 0.85 else None,
                      issuer=rng.choice([*ISSUERS, None]))
            for _ in range(rng.randint(0, 4)))
        common = {"path": f"records/{index:04d}.md", "id": "", "type": "Công văn", "issuer": rng.choice(ISSUERS),
                  "body": "x", "references": references, "subject": f"V/v việc số {index}"}
        if rng.random() < 0.4:
            records.append(Record(number=None, symbol=rng.choice(SYMBOLS), date=_date(rng), **common))
        else:
            records.append(Record(number=f"{5000 + index}/UBND-KT", symbol=None,
                                  date=_date(rng, ("day",)), **common))
    return records


def _same_body(registry: Registry, a: str | None, b: str | None) -> bool:
    """The resolver's rule, written out: unknown matches anything, equal ids match, and a Party
    committee matches its own bodies."""
    if a is None or b is None or a == b:
        return True
    org_a, org_b = registry.organisations.get(a), registry.organisations.get(b)
    if not (org_a and org_b and org_a.kind == "party" and org_b.kind == "party"):
        return False
    return a in registry.ancestors(b) or b in registry.ancestors(a)


def _brute_force(records: list[Record], catalogue, registry: Registry) -> list[tuple[str, str, str]]:
    """(path, field, English message) of every unnumbered-copy warning, by scanning every copy
    for every dated citation in collection order, as the resolver did before the index."""
    by_path = {entry.record.path: entry for entry in catalogue.records.values()}
    entries = [by_path[r.path] for r in records]
    copies = [e for e in entries if not e.record.number]
    expected = []
    for entry in entries:
        for index, reference in enumerate(entry.record.references):
            if reference.date is None:
                continue
            issuer, _ = registry.lookup(reference.issuer, reference.date) if reference.issuer else (None, [])
            issuer_id = issuer.id if issuer is not None and issuer.id in registry.organisations else None
            for other in copies:
                if (other.id != entry.id and other.record.symbol and other.record.symbol in reference.number
                        and _same_body(registry, issuer_id, other.issuer_id)
                        and reference.date.iso().startswith(other.record.date.iso())):
                    expected.append((entry.record.path, f"references[{index}]",
                                     f"the cited document looks like the unnumbered copy {other.record.path}; "
                                     "unnumbered copies are never linked — add its number once it has one"))
                    break
    return expected


def test_unnumbered_copy_warnings_match_a_brute_force_scan():
    for seed in range(4):
        records = _collection(seed)
        registry = _registry()
        catalogue = resolve(records, registry, ProblemLog())
        assert len(catalogue.records) == len(records)  # no duplicate ids: every record takes part
        found = [(p.path, p.field, p.message_en) for p in catalogue.problems.warnings
                 if "unnumbered copy" in p.message_en]
        expected = _brute_force(records, catalogue, registry)
        assert len(expected) > 20, "the generated collection must exercise the check"
        assert found == expected
        vi = [p.message_vi for p in catalogue.problems.warnings if "unnumbered copy" in p.message_en]
        assert all(m.startswith("văn bản được dẫn có vẻ là bản chưa có số records/") and
                   m.endswith("; bản chưa có số không được liên kết — hãy ghi số khi văn bản được cấp số")
                   for m in vi)


def _all_labels(registry: Registry) -> dict[str, str]:
    labels: dict[str, str] = {}
    for entry in [*registry.organisations.values(), *registry.groups.values()]:
        for label in (entry.name, *entry.aliases):
            labels.setdefault(fold(label), label)
    return labels


def test_suggestion_is_that_of_a_scan_over_every_label_and_is_remembered():
    registry = _registry()
    labels = _all_labels(registry)
    rng = random.Random(7)
    names = ["Sở Nôi vụ", "So Tai chinh", "Sở Ngoại vụ", "Tỉnh ủy Nghệ", "Ban Thường vụ", "x", ""]
    for label in labels.values():  # near misses of every registered label: cut, doubled, swapped
        cut = rng.randrange(len(label))
        names += [label[:cut] + label[cut + 1:], label + label[-3:], label[::-1], label[: len(label) // 2]]
    for name in names:
        near = difflib.get_close_matches(fold(name), list(labels), n=1, cutoff=SUGGEST_CUTOFF)
        assert registry.suggest(name) == (labels[near[0]] if near else None), name
    assert registry.suggest("Sở Nôi vụ") == registry.suggest("Sở Nôi vụ")  # memo answers the same


def test_suggestions_are_recomputed_after_the_registry_grows():
    from vanban.build.registry import Organisation

    registry = _registry()
    assert registry.suggest("Sở Ngoại vụ tỉnh Nghệ") == "Sở Nội vụ tỉnh Nghệ An"
    registry.add(Organisation("so-ngoai-vu", "Sở Ngoại vụ tỉnh Nghệ An", kind="state"))
    assert registry.suggest("Sở Ngoại vụ tỉnh Nghệ") == "Sở Ngoại vụ tỉnh Nghệ An"


def test_thousands_of_records_naming_one_unregistered_unit_resolve_quickly():
    """4,000 records naming one unknown unit took 28.9 s before the memo (a generous bound:
    the machine is shared)."""
    import time

    records = [Record(path=f"records/{i}.md", id="", number=f"{i + 1}/UBND-TH", symbol=None, type="Công văn",
                      issuer="UBND tỉnh", date=PartialDate(2023, 1 + i % 12, 1 + i % 28), body="x",
                      assignments=(Assignment(unit="Ban Quản lý dự án Nước sạch", role="chu_tri"),))
               for i in range(4000)]
    start = time.perf_counter()
    catalogue = resolve(records, _registry(), ProblemLog())
    assert time.perf_counter() - start < 5
    assert sum("not in the registry" in p.message_en for p in catalogue.problems.warnings) == 4000
