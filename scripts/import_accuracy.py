#!/usr/bin/env python3
"""Measure ``vanban import`` on a labelled folder: per-field accuracy, reference and assignment
precision/recall.

A labelled folder holds documents (``NAME.txt``, ``NAME.md`` or ``NAME.docx``) each beside
``NAME.expected.yml``, the front-matter a person wrote by reading the document.

How values are compared (printed with the results, so the figures can be read honestly):
* number, date: exact (number after NFC/hyphen/space normalisation; ``null`` = ``null``);
* type, place, subject, signer name: equal ignoring case, punctuation and tone placement;
* issuer: the same registered body, or equal ignoring case, tone placement, the usual
  abbreviations (UBND = Ủy ban nhân dân) and a trailing place qualifier ("Sở Nội vụ" =
  "Sở Nội vụ tỉnh Hà Tĩnh") — the labelling guide names a body as its header line does;
* references: pairs (number, type); assignments: pairs (unit, role), units compared like issuers.

Usage: python scripts/import_accuracy.py [FOLDER] [--verbose]
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))

from vanban.importer import import_document  # noqa: E402
from vanban.numbers import normalise_number, number_key  # noqa: E402
from vanban.pipeline import Sources  # noqa: E402
from vanban.problems import ProblemLog  # noqa: E402
from vanban.registry import Registry, load_registry  # noqa: E402
from vanban.text import tone_key  # noqa: E402

FIELDS = ("number", "type", "issuer", "date", "place", "subject", "signer")
TARGETS = {"number": 0.95, "type": 0.95, "issuer": 0.95, "date": 0.95}
_PLACE_TAIL = re.compile(r"\s+(tỉnh|huyện|thành phố|thị xã|quận)\s+.*$", re.IGNORECASE)


class _StringLoader(yaml.SafeLoader):
    """Keep dates as text, as the record loader does."""


_StringLoader.yaml_implicit_resolvers = {
    k: [(t, r) for t, r in v if t != "tag:yaml.org,2002:timestamp"]
    for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def body_key(name: str | None, registry: Registry) -> str:
    """A comparison key for an issuing body or unit (see the module docstring)."""
    if not name:
        return ""
    entry, _ = registry.lookup(name)
    if entry is not None:
        return "id:" + entry.id
    return "name:" + tone_key(_PLACE_TAIL.sub("", name), expand_abbreviations=True)


def same_body(a: str | None, b: str | None, registry: Registry) -> bool:
    if body_key(a, registry) == body_key(b, registry):
        return True
    key_a = tone_key(_PLACE_TAIL.sub("", a or ""), True)
    key_b = tone_key(_PLACE_TAIL.sub("", b or ""), True)
    return bool(key_a) and key_a == key_b


def field_equal(field: str, got, expected, registry: Registry) -> bool:
    if field == "number":
        norm = (lambda v: normalise_number(v) if isinstance(v, str) else v)
        return norm(got) == norm(expected)
    if field == "date":
        return str(got) == str(expected) if expected is not None else got is None
    if field == "issuer":
        return same_body(got, expected, registry)
    if field == "signer":
        got_name = (got or {}).get("name")
        expected_name = (expected or {}).get("name")
        return tone_key(got_name or "") == tone_key(expected_name or "")
    return tone_key(str(got or "")) == tone_key(str(expected or ""))


def reference_pairs(refs) -> set[tuple[str, str]]:
    return {(number_key(r["number"]), tone_key(r.get("type") or "")) for r in refs or []}


def assignment_pairs(items, registry: Registry) -> set[tuple[str, str]]:
    return {(body_key(a["unit"], registry), a["role"]) for a in items or []}


def documents(folder: Path):
    for expected in sorted(folder.glob("*.expected.yml")):
        stem = expected.name.removesuffix(".expected.yml")
        for suffix in (".docx", ".txt", ".md"):
            doc = folder / f"{stem}{suffix}"
            if doc.exists():
                yield doc, yaml.load(expected.read_text(encoding="utf-8"), Loader=_StringLoader)
                break


def measure(folder: Path, verbose: bool = False) -> dict:
    """Accuracy figures for a labelled folder (see the module docstring)."""
    args = argparse.Namespace(folder=str(folder), verbose=verbose)
    sources = Sources.at(ROOT)
    registry = load_registry(sources.registry_file, sources.root, ProblemLog())

    correct: Counter = Counter()
    present: Counter = Counter()
    ref_tp = ref_fp = ref_fn = 0
    asg_tp = asg_fp = asg_fn = 0
    relation_ok = relation_n = 0
    count = 0
    for doc, expected in documents(Path(args.folder)):
        count += 1
        got = import_document(doc, registry).front_matter
        for field in FIELDS:
            if field not in expected and field not in got:
                continue
            present[field] += 1
            if field_equal(field, got.get(field), expected.get(field), registry):
                correct[field] += 1
            elif args.verbose:
                print(f"{doc.name}: {field}: got {got.get(field)!r}, expected {expected.get(field)!r}")
        got_refs, exp_refs = reference_pairs(got.get("references")), reference_pairs(expected.get("references"))
        ref_tp += len(got_refs & exp_refs)
        ref_fp += len(got_refs - exp_refs)
        ref_fn += len(exp_refs - got_refs)
        exp_relations = {number_key(r["number"]): r["relation"] for r in expected.get("references") or []}
        for ref in got.get("references") or []:
            if number_key(ref["number"]) in exp_relations:
                relation_n += 1
                relation_ok += ref["relation"] == exp_relations[number_key(ref["number"])]
                if args.verbose and ref["relation"] != exp_relations[number_key(ref["number"])]:
                    print(f"{doc.name}: relation of {ref['number']}: got {ref['relation']}, "
                          f"expected {exp_relations[number_key(ref['number'])]}")
        got_asg = assignment_pairs(got.get("assignments"), registry)
        exp_asg = assignment_pairs(expected.get("assignments"), registry)
        asg_tp += len(got_asg & exp_asg)
        asg_fp += len(got_asg - exp_asg)
        asg_fn += len(exp_asg - got_asg)
        if args.verbose:
            for pair in sorted(got_refs - exp_refs):
                print(f"{doc.name}: reference not expected: {pair}")
            for pair in sorted(exp_refs - got_refs):
                print(f"{doc.name}: reference missed: {pair}")
            for pair in sorted(got_asg - exp_asg):
                print(f"{doc.name}: assignment not expected: {pair}")
            for pair in sorted(exp_asg - got_asg):
                print(f"{doc.name}: assignment missed: {pair}")

    def ratio(a: int, b: int) -> float:
        return a / b if b else 1.0

    return {
        "documents": count,
        "fields": {f: (correct[f], present[f], ratio(correct[f], present[f])) for f in FIELDS},
        "references": (ratio(ref_tp, ref_tp + ref_fp), ratio(ref_tp, ref_tp + ref_fn), ref_tp, ref_fp, ref_fn),
        "relations": (ratio(relation_ok, relation_n), relation_n),
        "assignments": (ratio(asg_tp, asg_tp + asg_fp), ratio(asg_tp, asg_tp + asg_fn), asg_tp, asg_fp, asg_fn),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", default=str(ROOT / "tests" / "import_corpus"))
    parser.add_argument("--verbose", "-v", action="store_true", help="print every mismatch")
    args = parser.parse_args()
    result = measure(Path(args.folder), args.verbose)
    print(f"Documents: {result['documents']}")
    print(f"{'field':<12}{'correct':>10}{'of':>6}{'accuracy':>10}{'target':>8}")
    for field, (ok, of, share) in result["fields"].items():
        target = f"{TARGETS[field]:.0%}" if field in TARGETS else ""
        print(f"{field:<12}{ok:>10}{of:>6}{share:>10.1%}{target:>8}")
    p, r, tp, fp, fn = result["references"]
    print(f"references (number, type): precision {p:.3f}  recall {r:.3f}  (tp {tp}, fp {fp}, fn {fn}; target 0.9)")
    share, n = result["relations"]
    print(f"reference relation on matched numbers: {share:.1%} of {n}")
    p, r, tp, fp, fn = result["assignments"]
    print(f"assignments (unit, role): precision {p:.3f}  recall {r:.3f}  (tp {tp}, fp {fp}, fn {fn}; target 0.8)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
