#!/usr/bin/env python3
"""Measure ``vanban import`` on a labelled folder: per-field accuracy, reference and assignment
precision/recall.

A labelled folder holds documents (``NAME.txt``, ``NAME.md`` or ``NAME.docx``) each beside
``NAME.expected.yml``, the front-matter a person wrote by reading the document; or, for the
real-document corpus, ``labels/ID.yml`` and the original ``files/ID.<ext>`` (any format).
Each field is right, blank (not read) or wrong; a blank is better than a wrong value.

How values are compared (printed with the results, so the figures can be read honestly):
* number, date: exact (number after NFC/hyphen/space normalisation; ``null`` = ``null``);
* type, place, subject, signer name: equal ignoring case, punctuation and tone placement;
* issuer: the same registered body, or equal ignoring case, tone placement, the usual
  abbreviations (UBND = Ủy ban nhân dân) and a trailing place qualifier ("Sở Nội vụ" =
  "Sở Nội vụ tỉnh Hà Tĩnh") — the labelling guide names a body as its header line does;
* references: pairs (number, type); assignments: pairs (unit, role), units compared like issuers.

Usage: python scripts/import_accuracy.py [FOLDER] [--verbose] [--half IDS_FILE]
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

from vanban.importer import import_document  # noqa
from vanban.core.numbers import normalise_number, number_key  # noqa
from vanban.build.pipeline import Sources  # noqa
from vanban.core.problems import ProblemLog  # noqa
from vanban.build.registry import Registry, load_registry  # noqa
from vanban.core.text import tone_key  # noqa

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
        def norm(value):  # noqa: ANN001, ANN202
            return normalise_number(value) if isinstance(value, str) else value

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
    return {(number_key(r["number"]), tone_key(r.get("type") or "")) for r in refs or [] if r.get("number")}


def assignment_pairs(items, registry: Registry) -> set[tuple[str, str]]:
    return {(body_key(a["unit"], registry), a["role"]) for a in items or []}


def documents(folder: Path):
    """(document, labels) pairs of a labelled folder: ``NAME.<ext>`` beside
    ``NAME.expected.yml`` (the import corpus), or ``labels/ID.yml`` with ``files/ID.<ext>``
    (the real-document corpus, whose originals live outside the repository)."""
    if (folder / "labels").is_dir():
        for expected in sorted((folder / "labels").glob("*.yml")):
            found = sorted((folder / "files").glob(expected.stem + ".*"))
            if found:
                yield found[0], yaml.load(expected.read_text(encoding="utf-8"), Loader=_StringLoader)
        return
    for expected in sorted(folder.glob("*.expected.yml")):
        stem = expected.name.removesuffix(".expected.yml")
        for suffix in (".docx", ".txt", ".md"):
            doc = folder / f"{stem}{suffix}"
            if doc.exists():
                yield doc, yaml.load(expected.read_text(encoding="utf-8"), Loader=_StringLoader)
                break


def _verdict(field: str, got, expected, registry: Registry) -> str:
    """right, blank (nothing read where the page has a value) or wrong."""
    if field_equal(field, got, expected, registry):
        return "right"
    return "blank" if got in (None, "", {}) else "wrong"


class _Tally:
    """Counts for one group of documents (all, or one format)."""

    def __init__(self) -> None:
        self.count = 0
        self.verdicts: dict[str, Counter] = {f: Counter() for f in FIELDS}
        self.ref = Counter()
        self.asg = Counter()
        self.relation = Counter()

    def add(self, doc: Path, got: dict, expected: dict, registry: Registry, verbose: bool) -> None:
        self.count += 1
        for field in FIELDS:
            if field not in expected and field not in got:
                continue
            verdict = _verdict(field, got.get(field), expected.get(field), registry)
            self.verdicts[field][verdict] += 1
            if verbose and verdict != "right":
                print(f"{doc.name}: {field}: got {got.get(field)!r}, expected {expected.get(field)!r}")
        got_refs, exp_refs = reference_pairs(got.get("references")), reference_pairs(expected.get("references"))
        self.ref.update(tp=len(got_refs & exp_refs), fp=len(got_refs - exp_refs), fn=len(exp_refs - got_refs))
        exp_relations = {number_key(r["number"]): r["relation"] for r in expected.get("references") or []
                         if r.get("number")}
        for ref in got.get("references") or []:
            if number_key(ref["number"]) in exp_relations:
                self.relation["n"] += 1
                self.relation["ok"] += ref["relation"] == exp_relations[number_key(ref["number"])]
        got_asg = assignment_pairs(got.get("assignments"), registry)
        exp_asg = assignment_pairs(expected.get("assignments"), registry)
        self.asg.update(tp=len(got_asg & exp_asg), fp=len(got_asg - exp_asg), fn=len(exp_asg - got_asg))
        if verbose:
            for pair in sorted(got_refs - exp_refs):
                print(f"{doc.name}: reference not expected: {pair}")
            for pair in sorted(exp_refs - got_refs):
                print(f"{doc.name}: reference missed: {pair}")
            for pair in sorted(got_asg - exp_asg):
                print(f"{doc.name}: assignment not expected: {pair}")
            for pair in sorted(exp_asg - got_asg):
                print(f"{doc.name}: assignment missed: {pair}")

    def result(self) -> dict:
        def ratio(a: int, b: int) -> float:
            return a / b if b else 1.0

        fields = {}
        for f, v in self.verdicts.items():
            total = sum(v.values())
            fields[f] = (v["right"], total, ratio(v["right"], total), v["blank"], v["wrong"])
        r, a = self.ref, self.asg
        return {
            "documents": self.count,
            "fields": fields,
            "references": (ratio(r["tp"], r["tp"] + r["fp"]), ratio(r["tp"], r["tp"] + r["fn"]),
                           r["tp"], r["fp"], r["fn"]),
            "relations": (ratio(self.relation["ok"], self.relation["n"]), self.relation["n"]),
            "assignments": (ratio(a["tp"], a["tp"] + a["fp"]), ratio(a["tp"], a["tp"] + a["fn"]),
                            a["tp"], a["fp"], a["fn"]),
        }


def measure(folder: Path, verbose: bool = False, only: set[str] | None = None) -> dict:
    """Accuracy figures for a labelled folder (see the module docstring); ``by_format`` holds
    the same figures per way the text was read (docx, doc, pdf, ocr, html, text). ``only``
    limits the documents to those whose file stem is in it (a half of the corpus)."""
    sources = Sources.at(ROOT)
    registry = load_registry(sources.registry_file, sources.root, ProblemLog())
    total = _Tally()
    by_format: dict[str, _Tally] = {}
    for doc, expected in documents(folder):
        if only is not None and doc.stem not in only:
            continue
        extraction = import_document(doc, registry)
        for tally in (total, by_format.setdefault(extraction.method, _Tally())):
            tally.add(doc, extraction.front_matter, expected, registry, verbose and tally is total)
    result = total.result()
    result["by_format"] = {name: tally.result() for name, tally in sorted(by_format.items())}
    return result


def _print(result: dict, title: str) -> None:
    print(f"{title}: {result['documents']} documents")
    print(f"  {'field':<10}{'right':>7}{'blank':>7}{'wrong':>7}{'of':>5}{'accuracy':>10}{'target':>8}")
    for field, (ok, of, share, blank, wrong) in result["fields"].items():
        target = f"{TARGETS[field]:.0%}" if field in TARGETS else ""
        print(f"  {field:<10}{ok:>7}{blank:>7}{wrong:>7}{of:>5}{share:>10.1%}{target:>8}")
    p, r, tp, fp, fn = result["references"]
    print(f"  references (number, type): precision {p:.3f}  recall {r:.3f}  (tp {tp}, fp {fp}, fn {fn})")
    share, n = result["relations"]
    print(f"  reference relation on matched numbers: {share:.1%} of {n}")
    p, r, tp, fp, fn = result["assignments"]
    print(f"  assignments (unit, role): precision {p:.3f}  recall {r:.3f}  (tp {tp}, fp {fp}, fn {fn})")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("folder", nargs="?", default=str(ROOT / "tests" / "import_corpus"))
    parser.add_argument("--verbose", "-v", action="store_true", help="print every mismatch")
    parser.add_argument("--half", help="a file listing the ids of one half (one per line, # comments)")
    args = parser.parse_args()
    only = None
    if args.half:
        only = {line.split("#")[0].strip() for line in Path(args.half).read_text(encoding="utf-8").splitlines()}
        only.discard("")
    result = measure(Path(args.folder), args.verbose, only)
    _print(result, "All")
    for name, part in result["by_format"].items():
        _print(part, f"Read as {name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
