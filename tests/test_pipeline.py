"""The record cache behind ``mkdocs serve``: each file is read once, read again only when it
changes, and an edited registry re-validates every record (issuer codes may have changed)."""

from __future__ import annotations

import copy
import os

from conftest import TINY_REGISTRY, Collection, cong_van
from vanban.build import loader, pipeline, reading
from vanban.build.pipeline import RecordCache, Sources, build_catalogue


def _count_reads(monkeypatch) -> list[str]:
    reads: list[str] = []
    original = loader.load_record_file

    def counting(file, root, log):
        reads.append(file.name)
        return original(file, root, log)

    monkeypatch.setattr("vanban.build.reading.load_record_file", counting)
    return reads


def _count_registry_loads(monkeypatch) -> list[str]:
    loads: list[str] = []
    original = pipeline.load_registry

    def counting(file, root, log):
        loads.append(file.name)
        return original(file, root, log)

    monkeypatch.setattr(pipeline, "load_registry", counting)
    return loads


def _touch_later(path) -> None:
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000_000_000))


def test_unchanged_files_are_not_read_again(tmp_path, monkeypatch):
    collection = Collection(tmp_path)
    edited = collection.add("2023/a.md", cong_van(subject="V/v bản đầu"))
    collection.add("2023/b.md", cong_van(number="931/UBND-TH"))
    reads = _count_reads(monkeypatch)
    loads = _count_registry_loads(monkeypatch)
    cache, sources = RecordCache(), Sources.at(tmp_path)
    build_catalogue(sources, cache=cache)
    assert sorted(reads) == ["a.md", "b.md"]
    reads.clear()
    assert len(build_catalogue(sources, cache=cache).records) == 2
    assert reads == []
    edited.write_text(edited.read_text(encoding="utf-8").replace("bản đầu", "bản đã sửa"), encoding="utf-8")
    _touch_later(edited)
    catalogue = build_catalogue(sources, cache=cache)
    assert reads == ["a.md"]
    assert cache.changed == {"records/2023/a.md"}
    assert any(e.record.subject == "V/v bản đã sửa" for e in catalogue.records.values())
    assert loads == ["registry.yml"]  # read once: its memoised name lookups are kept
    assert not cache.registry_reloaded  # so mkdocs serve --dirty may rebuild incrementally


def test_an_edited_registry_is_read_again_and_revalidates_every_record(tmp_path, monkeypatch):
    collection = Collection(tmp_path)
    collection.add("2023/a.md", cong_van())
    cache, sources = RecordCache(), Sources.at(tmp_path)
    before = build_catalogue(sources, cache=cache)
    assert "so-moi" not in before.names
    reads = _count_reads(monkeypatch)
    registry = copy.deepcopy(TINY_REGISTRY)
    registry["organisations"].append({"id": "so-moi", "name": "Sở Mới tỉnh Nghệ An", "kind": "state"})
    collection.set_registry(registry)
    _touch_later(sources.registry_file)
    after = build_catalogue(sources, cache=cache)
    assert cache.registry_reloaded  # every page may change: serve rebuilds everything
    assert after.names["so-moi"] == "Sở Mới tỉnh Nghệ An"
    assert reads == ["a.md"]


def test_a_removed_file_is_reported_and_its_record_leaves_the_catalogue(tmp_path):
    collection = Collection(tmp_path)
    gone = collection.add("2023/a.md", cong_van())
    collection.add("2023/b.md", cong_van(number="931/UBND-TH"))
    cache, sources = RecordCache(), Sources.at(tmp_path)
    assert len(build_catalogue(sources, cache=cache).records) == 2
    gone.unlink()
    catalogue = build_catalogue(sources, cache=cache)
    assert len(catalogue.records) == 1
    assert cache.removed == {"records/2023/a.md"}


def test_worker_processes_give_the_same_records_and_problems_in_the_same_order(tmp_path, monkeypatch):
    collection = Collection(tmp_path)
    for serial in range(1, 13):
        collection.add(f"2023/{serial:02d}.md", cong_van(number=f"{serial}/UBND-TH", subject=f"V/v việc số {serial}"))
    collection.add("2023/bad.md", cong_van(number="99/UBND-TH", date="2023-02-30"))
    collection.add("2023/warn.md", cong_van(number="98/UBND-TH"), body="Thực hiện Kết luận số 21-KL/TW.\n")
    files = sorted((tmp_path / "records").rglob("*.md"))
    serial_results = reading.read_records(files, tmp_path, workers=1)
    monkeypatch.setattr(reading, "PARALLEL_FROM", 2)
    monkeypatch.setattr(reading, "CHUNK", 5)
    parallel_results = reading.read_records(files, tmp_path, workers=2)
    assert parallel_results == serial_results
    assert [r is None for r, _ in parallel_results].count(True) == 1  # the impossible date
    assert any("21-KL/TW" in p.message_vi for _, problems in parallel_results for p in problems)
