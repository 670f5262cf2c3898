"""vanban new: a skeleton record at the conventional path that loads and validates, with the
hints commented out; refuses what it cannot write correctly and never overwrites."""

from __future__ import annotations

import os
import subprocess
import sys

from conftest import REPO, TINY_REGISTRY, Collection


def _new(root, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "vanban.cli", "--root", str(root), "new", *args],
                          capture_output=True, text=True, stdin=subprocess.DEVNULL, timeout=60,
                          env={**os.environ, "PYTHONPATH": str(REPO / "hooks")})


def test_new_writes_a_record_that_the_collection_reads(tmp_path):
    collection = Collection(tmp_path)
    collection.set_registry(TINY_REGISTRY)
    made = _new(tmp_path, "--type", "Công văn", "--issuer", "UBND tỉnh Nghệ An", "--number", "999/UBND-TH",
                "--date", "2024-03-05", "--subject", "V/v thử tạo mới")
    assert made.returncode == 0, made.stderr
    path = tmp_path / "records" / "2024" / "ubnd-tinh-2024-999-ubnd-th.md"
    assert made.stdout.strip() == str(path)
    text = path.read_text(encoding="utf-8")
    assert "# signer:" in text and "# assignments:" in text  # hints, commented out
    catalogue = collection.catalogue()
    assert not catalogue.problems.errors
    record = next(e.record for e in catalogue.records.values())
    assert (record.number, record.type, record.date.iso(), record.subject) == (
        "999/UBND-TH", "Công văn", "2024-03-05", "V/v thử tạo mới")
    again = _new(tmp_path, "--type", "Công văn", "--issuer", "UBND tỉnh Nghệ An", "--number", "999/UBND-TH",
                 "--date", "2024-03-05")
    assert again.returncode == 1 and "không ghi đè" in again.stderr
    assert path.read_text(encoding="utf-8") == text


def test_new_refuses_missing_fields_and_impossible_dates(tmp_path):
    Collection(tmp_path)
    missing = _new(tmp_path, "--type", "Công văn", "--issuer", "UBND tỉnh Nghệ An")
    assert missing.returncode == 2 and "date" in missing.stderr
    unnumbered = _new(tmp_path, "--type", "Công văn", "--issuer", "UBND tỉnh Nghệ An", "--date", "2024-03")
    assert unnumbered.returncode == 2 and "--symbol" in unnumbered.stderr
    impossible = _new(tmp_path, "--type", "Công văn", "--issuer", "UBND tỉnh Nghệ An", "--number", "1/UBND-TH",
                      "--date", "2024-02-30")
    assert impossible.returncode == 1 and "Traceback" not in impossible.stderr
    assert not list((tmp_path / "records").rglob("*.md"))
