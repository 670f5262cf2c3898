"""vanban import measured on real office files (tests/real_corpus): each half of the corpus
must keep the figures measured on it, the held-out half being the honest estimate.

The originals cannot be committed (they come from other repositories), so the test needs a
folder holding ``labels/`` (the committed ones are used) and ``files/``: set
``VANBAN_REAL_CORPUS`` to it, or place it at ``../shared/real-corpus``. Without it the test is
skipped, saying why; CI has no copy of the originals.
"""

from __future__ import annotations

import importlib.util
import os
import shutil
from pathlib import Path

import pytest
from conftest import REPO

CORPUS = REPO / "tests" / "real_corpus"
# Thresholds just below what was measured (figures in tests/real_corpus/README.md). Handwritten
# numbers and days on scans are left blank by design, so "wrong" is bounded apart from "right".
THRESHOLDS = {
    "tuning": {"right": {"type": 0.99, "number": 0.65, "date": 0.75, "issuer": 0.55},
               "wrong": {"number": 0.0, "date": 0.12}, "references": (0.88, 0.75), "assignments": (0.48, 0.43)},
    "held-out": {"right": {"type": 0.99, "number": 0.33, "date": 0.65, "issuer": 0.55},
                 "wrong": {"number": 0.0, "date": 0.23}, "references": (0.72, 0.9)},
    # the second round, after the signed-PDF fix made for it (so no longer a held-out figure)
    "held-out-2": {"right": {"type": 0.8, "number": 0.46, "date": 0.4, "issuer": 0.53},
                   "wrong": {"number": 0.0, "date": 0.0}, "references": (0.86, 0.7), "assignments": (0.45, 0.25)},
    # the third round, scored once before anything was changed for it: the held-out estimate
    "held-out-3": {"right": {"type": 0.99, "number": 0.8, "date": 0.95, "issuer": 0.8},
                   "wrong": {"number": 0.0, "date": 0.0}, "references": (0.79, 0.94), "assignments": (0.14, 0.29)},
}


def _originals() -> Path | None:
    for candidate in (os.environ.get("VANBAN_REAL_CORPUS"), str(REPO.parent / "shared" / "real-corpus")):
        if candidate and (Path(candidate) / "files").is_dir():
            return Path(candidate)
    return None


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    found = _originals()
    if found is None:
        pytest.skip("the real corpus' original files are not here (set VANBAN_REAL_CORPUS); they cannot be committed")
    folder = tmp_path_factory.mktemp("real")
    shutil.copytree(CORPUS / "labels", folder / "labels")
    (folder / "files").symlink_to(found / "files")
    return folder


@pytest.fixture(scope="module")
def measure():
    spec = importlib.util.spec_from_file_location("import_accuracy", REPO / "scripts" / "import_accuracy.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.measure


def _ids(name: str) -> set[str]:
    lines = (CORPUS / f"{name}.txt").read_text(encoding="utf-8").splitlines()
    return {line.split("#")[0].strip() for line in lines} - {""}


HALVES = ("tuning", "held-out", "held-out-2", "held-out-3")


def test_the_halves_split_the_labelled_documents():
    labelled = {p.stem for p in (CORPUS / "labels").glob("*.yml")}
    parts = [_ids(name) for name in HALVES]
    assert sum(len(p) for p in parts) == len(set().union(*parts))  # disjoint
    assert set().union(*parts) == labelled


@pytest.mark.parametrize("half", HALVES)
def test_each_half_keeps_its_measured_figures(corpus, measure, half):
    result = measure(corpus, only=_ids(half))
    limits = THRESHOLDS[half]
    for field, share in limits["right"].items():
        right, total, *_ = result["fields"][field]
        assert right / total >= share, (half, field, result["fields"][field])
    for field, share in limits["wrong"].items():
        _, total, _, _, wrong = result["fields"][field]
        assert wrong / total <= share, (half, field, result["fields"][field])
    precision, recall, *_ = result["references"]
    assert precision >= limits["references"][0] and recall >= limits["references"][1], result["references"]
    if "assignments" in limits:  # asserted where measured after the assignment rules of issue i11-assign
        precision, recall, *_ = result["assignments"]
        assert precision >= limits["assignments"][0] and recall >= limits["assignments"][1], result["assignments"]
