"""Import a whole archive: files and folders → new records, never overwriting anything.

Why a module of its own: a clerk's archive holds thousands of files in every format, some
already in the collection, some unreadable. Each file is read in a worker process (OCR and
LibreOffice take seconds; the cores are used in parallel, and only one document is in memory
per worker), then, in this process and in file order, checked against what the collection
already holds — the same original (sha256), or the same issuer, year and number — and written
with its original beside it. Every file gets one result line (imported / needs review /
already there / failed, with the reason), and a CSV review report lists what each new record
still needs from a person.
"""

from __future__ import annotations

import csv
import hashlib
import os
import shutil
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from vanban.build.loader import find_record_files, load_record_file
from vanban.build.registry import Registry
from vanban.core.numbers import number_key
from vanban.core.problems import ProblemLog
from vanban.core.schema import ORIGINAL_SUFFIXES
from vanban.core.text import fold
from vanban.importer import SUPPORTED, BadDocument, import_document

MAX_ORIGINAL_BYTES = 20_000_000
"""Originals larger than this are not copied beside the record (the offline copy stays small);
the record says so in its import notes."""

IMPORTED, REVIEW, DUPLICATE, FAILED = "đã nhập", "cần xem lại", "đã có", "lỗi"
"""The four results, as printed and as written in the report."""


@dataclass
class Outcome:
    """What happened to one input file."""

    file: Path
    status: str
    record: Path | None = None
    notes: list[str] = field(default_factory=list)
    reason: str = ""


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def expand(paths: Iterable[Path]) -> list[Path]:
    """The files to import: files as given, folders walked (hidden entries and links skipped)."""
    found: list[Path] = []
    for path in paths:
        if path.is_dir() and not path.is_symlink():
            for folder, dirnames, filenames in os.walk(path):
                dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
                for name in sorted(filenames):
                    candidate = Path(folder) / name
                    if (not name.startswith(".") and candidate.suffix.lower() in SUPPORTED
                            and not candidate.is_symlink()):
                        found.append(candidate)
        else:
            found.append(path)
    return found


def document_key(front_matter: dict, registry: Registry | None) -> tuple[str, str, str] | None:
    """(issuer, year, number) of a numbered document: two records with the same key are one document."""
    number, issuer, date = front_matter.get("number"), front_matter.get("issuer"), front_matter.get("date")
    if not (number and issuer and date):
        return None
    who = fold(str(issuer))
    if registry is not None:
        entry, _ = registry.lookup(str(issuer))
        if entry is not None:
            who = entry.id
    return who, str(date)[:4], number_key(str(number))


@dataclass
class Holdings:
    """What the collection already holds: originals by hash, documents by key."""

    hashes: dict[str, str] = field(default_factory=dict)
    keys: dict[tuple[str, str, str], str] = field(default_factory=dict)

    @classmethod
    def of(cls, records_dir: Path, root: Path, registry: Registry | None) -> Holdings:
        held = cls()
        log = ProblemLog()
        for file in find_record_files(records_dir) if records_dir.is_dir() else []:
            raw = load_record_file(file, root, log)
            if raw is None:
                continue
            fm = raw.front_matter
            if isinstance(fm.get("sha256"), str):
                held.hashes[fm["sha256"]] = raw.path
            key = document_key(fm, registry)
            if key:
                held.keys[key] = raw.path
        return held


_WORKER_REGISTRY: Registry | None = None


def _init_worker(registry: Registry | None) -> None:
    global _WORKER_REGISTRY
    _WORKER_REGISTRY = registry


def _read_in_worker(path: Path) -> tuple[dict, str, list[str]] | str:
    return read_one((path, _WORKER_REGISTRY))


def read_one(task: tuple[Path, Registry | None]) -> tuple[dict, str, list[str]] | str:
    """One file's extraction, or the reason it failed (one line, both languages)."""
    path, registry = task
    try:
        extraction = import_document(path, registry)
    except BadDocument as exc:
        vi, en = exc.args if len(exc.args) == 2 else (str(exc), str(exc))
        return f"{vi} ({en})"
    except UnicodeDecodeError:
        return "không rõ bảng mã của tệp; hãy lưu lại với mã UTF-8 (unknown text encoding)"
    except (OSError, ValueError, KeyError, RecursionError) as exc:
        return f"không đọc được tài liệu (cannot read document: {type(exc).__name__}: {exc})"
    return extraction.front_matter, extraction.body, extraction.notes


def _extractions(files: list[Path], registry: Registry | None, jobs: int) -> Iterator:
    if jobs < 2 or len(files) < 2:
        yield from (read_one((file, registry)) for file in files)
        return
    with ProcessPoolExecutor(max_workers=min(jobs, len(files)), initializer=_init_worker,
                             initargs=(registry,)) as pool:
        yield from pool.map(_read_in_worker, files, chunksize=1)


def _free_path(path: Path) -> Path:
    """``path``, or ``name-2.md``, ``name-3.md`` … if a different document already took it."""
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


def import_archive(files: list[Path], records_dir: Path, root: Path, registry: Registry,
                   jobs: int = 1, keep_originals: bool = True,
                   progress: Callable[[Iterator], Iterator] = lambda it: it) -> list[Outcome]:
    """Import ``files`` into ``records_dir``; one ``Outcome`` per file, in order."""
    from vanban.importer.writer import record_path, record_text

    held = Holdings.of(records_dir, root, registry)
    outcomes: list[Outcome] = []
    hashes = {}
    for file in files:
        try:
            hashes[file] = sha256_of(file)
        except OSError as exc:
            hashes[file] = ""
            outcomes.append(Outcome(file, FAILED, reason=f"không mở được tệp ({exc.strerror})"))
    readable: list[Path] = []
    first_of: dict[str, Path] = {}
    for file in files:
        digest = hashes[file]
        if not digest:
            continue
        if digest in held.hashes:
            outcomes.append(Outcome(file, DUPLICATE, reason=f"cùng tệp gốc với {held.hashes[digest]}"))
        elif digest in first_of:
            outcomes.append(Outcome(file, DUPLICATE, reason=f"cùng tệp gốc với {first_of[digest]}"))
        else:
            first_of[digest] = file
            readable.append(file)
    for file, result in zip(readable, progress(_extractions(readable, registry, jobs)), strict=True):
        if isinstance(result, str):
            outcomes.append(Outcome(file, FAILED, reason=result))
            continue
        front_matter, body, notes = result
        key = document_key(front_matter, registry)
        if key and key in held.keys:
            outcomes.append(Outcome(file, DUPLICATE, reason=f"cùng cơ quan, năm và số với {held.keys[key]}"))
            continue
        target = _free_path(record_path(front_matter, records_dir, registry))
        target.parent.mkdir(parents=True, exist_ok=True)
        suffix = file.suffix.lower().lstrip(".")
        front_matter["sha256"] = hashes[file]
        if keep_originals and suffix in ORIGINAL_SUFFIXES:
            if file.stat().st_size <= MAX_ORIGINAL_BYTES:
                original = target.with_suffix("." + suffix)
                shutil.copyfile(file, original)
                front_matter["original"] = original.name
            else:
                notes.append(f"tệp gốc lớn hơn {MAX_ORIGINAL_BYTES // 1_000_000} MB, không lưu kèm bản ghi")
                front_matter["import_notes"] = notes
        target.write_text(record_text(front_matter, body), encoding="utf-8")
        shown = _shown(target, root)
        held.hashes[hashes[file]] = shown
        if key:
            held.keys[key] = shown
        outcomes.append(Outcome(file, REVIEW if notes else IMPORTED, target, notes))
    order = {file: i for i, file in enumerate(files)}
    outcomes.sort(key=lambda o: order.get(o.file, 0))
    return outcomes


def _shown(path: Path, root: Path) -> str:
    """A path as the clerk reads it: relative to the repository when inside it."""
    try:
        return path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return str(path)


def write_report(outcomes: list[Outcome], path: Path) -> None:
    """The review report: one CSV row per input file (opens in a spreadsheet, UTF-8 with BOM)."""
    with open(path, "w", encoding="utf-8-sig", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["tệp", "kết quả", "bản ghi", "cần xem lại / lý do"])
        for o in outcomes:
            writer.writerow([str(o.file), o.status, str(o.record or ""), "; ".join(o.notes) or o.reason])
