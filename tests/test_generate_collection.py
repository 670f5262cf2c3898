"""The benchmark generator makes collections as messy as a real office's, and every record passes."""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import frontmatter
from conftest import REPO
from vanban.build.pipeline import Sources, build_catalogue

_spec = importlib.util.spec_from_file_location("generate_collection", REPO / "scripts" / "generate_collection.py")
generate_collection = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(generate_collection)


def _records(out: Path) -> list[dict]:
    return [frontmatter.load(str(p)).metadata | {"_size": p.stat().st_size}
            for p in sorted((out / "records").rglob("*.md"))]


def test_realistic_collection_has_the_mess_and_no_errors(tmp_path):
    out = generate_collection.generate(tmp_path / "gen", 400, seed=3)
    catalogue = build_catalogue(Sources.at(out))
    assert not catalogue.problems.errors, [p.format() for p in catalogue.problems.errors][:5]
    records = _records(out)
    assert len(catalogue.records) == len(records) == 400
    prefixes = tuple(t.split("{n}")[0] for t in generate_collection.UNREGISTERED_UNITS)
    unnumbered = sum(r.get("number") is None for r in records) / len(records)
    assignments = [a for r in records for a in r.get("assignments", [])]
    unregistered = sum(a["unit"].startswith(prefixes) for a in assignments) / len(assignments)
    sizes = sorted(r["_size"] for r in records)
    assert 0.05 <= unnumbered <= 0.16
    assert 0.08 <= unregistered <= 0.30
    assert sizes[0] < 2_500 and sizes[-1] > 20_000
    assert any(ref["relation"] in ("replaces", "amends") for r in records for ref in r.get("references", []))
    assert len({r["issuer"] for r in records}) >= 8
    assert any(re.match(r"^\d+-[A-ZĐ]+/", r.get("number") or r.get("symbol") or "") for r in records)  # Party grammar


def test_clean_collection_is_tidy(tmp_path):
    out = generate_collection.generate(tmp_path / "gen", 100, seed=3, clean=True)
    records = _records(out)
    assert all(r.get("number") for r in records)
    assert not build_catalogue(Sources.at(out)).problems.errors
