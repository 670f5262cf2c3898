"""Read and validate record files — in worker processes when there are thousands of them.

Reading a record (YAML front-matter, NFC, schema, number grammar, body checks) is independent
of every other record and costs ~0.4 ms; at 10,000–50,000 records it is the largest part of
building the catalogue, and MkDocs uses one core. On a machine with more cores the files are
split into chunks read by forked worker processes. Forking is done only while this process
runs a single thread (``mkdocs build``, ``vanban check``, the first build of ``mkdocs serve``):
forking a threaded process can deadlock, and spawned workers would re-run the calling script.
Otherwise, or if a worker fails to start, the files are read here. Results come back in file
order, so problems are reported in the same order either way.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import threading
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path

from vanban.build.loader import load_record_file
from vanban.build.validate import validate_record
from vanban.core.model import Record
from vanban.core.problems import Problem, ProblemLog

PARALLEL_FROM = 2000
"""Fewer files than this are read in this process: starting workers (~0.5 s) would not pay."""
CHUNK = 250
"""Files per task sent to a worker: large enough to amortise the hand-over, small enough to
share the work evenly."""

Result = tuple[Record | None, list[Problem]]


def read_record(file: Path, root: Path, issuer_codes: frozenset[str]) -> Result:
    """One file: the validated record (``None`` if it has errors) and its problems."""
    own = ProblemLog()
    raw = load_record_file(file, root, own)
    record = validate_record(raw, own, issuer_codes) if raw is not None else None
    if record is not None and record.original:
        _check_original(file, record.original, raw.line_of("original") if raw else None, record.path, own)
    return record, list(own)


def _check_original(file: Path, name: str, line: int | None, path: str, log: ProblemLog) -> None:
    """The original a record names must be a regular file beside it (not a link out of the repository)."""
    original = file.parent / name
    if not original.is_file() or original.is_symlink():
        log.error(path, "original", f"không thấy tệp bản gốc “{name}” cạnh bản ghi; hãy thêm tệp hoặc bỏ dòng original",
                  f"original file {name!r} not found beside the record (or it is a link)", line,
                  code="original.missing")


def _read_chunk(files: list[Path], root: Path, issuer_codes: frozenset[str]) -> list[Result]:
    return [read_record(file, root, issuer_codes) for file in files]


def worker_count() -> int:
    """Cores this process may use (a container may allow fewer than the machine has)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def read_records(files: list[Path], root: Path, issuer_codes: frozenset[str] = frozenset(),
                 workers: int | None = None) -> list[Result]:
    """Every file's result, in the order of ``files``."""
    workers = worker_count() if workers is None else workers
    if (workers < 2 or len(files) < PARALLEL_FROM or threading.active_count() > 1
            or "fork" not in multiprocessing.get_all_start_methods()):
        return _read_chunk(files, root, issuer_codes)
    chunks = [files[i:i + CHUNK] for i in range(0, len(files), CHUNK)]
    try:
        with ProcessPoolExecutor(max_workers=min(workers, len(chunks)),
                                 mp_context=multiprocessing.get_context("fork")) as pool:
            parts = pool.map(_read_chunk, chunks, [root] * len(chunks), [issuer_codes] * len(chunks))
            return [result for part in parts for result in part]
    except (BrokenProcessPool, OSError) as exc:
        logging.getLogger(__name__).info("đọc bản ghi trong một tiến trình (reading in one process): %s", exc)
        return _read_chunk(files, root, issuer_codes)
