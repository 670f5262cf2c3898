"""The data flow in one call: load → validate → resolve → catalogue.

The MkDocs hooks, the ``vanban`` command and the tests all build the catalogue through
``build_catalogue`` so that they see the same records and report the same problems.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .catalogue import Catalogue
from .loader import find_record_files, load_record_file
from .model import Record
from .problems import Problem, ProblemLog
from .registry import load_registry
from .resolve import resolve
from .validate import validate_record


@dataclass(frozen=True, slots=True)
class Sources:
    """Where the collection lives: the repository root, the records folder and the registry."""

    root: Path
    records_dir: Path
    registry_file: Path

    @classmethod
    def at(cls, root: Path, records: str = "records", registry: str = "records/registry.yml") -> "Sources":
        root = root.resolve()
        return cls(root, root / records, root / registry)


class RecordCache:
    """Validated records kept between builds of one process (``mkdocs serve``), by file.

    A file is read and validated again only when its size or modification time changed; its
    problems are kept with it and reported again on every build.
    """

    def __init__(self) -> None:
        self._entries: dict[Path, tuple[tuple[int, int], Record | None, list[Problem]]] = {}
        self.changed: set[str] = set()  # source paths read again (new or edited) by the last build
        self.removed: set[str] = set()  # source paths gone since the build before

    def load(self, file: Path, root: Path, log: ProblemLog, issuer_codes: frozenset[str] = frozenset()) -> Record | None:
        try:
            stat = file.stat()
            stamp = (stat.st_mtime_ns, stat.st_size)
        except OSError:
            stamp = (0, -1)
        cached = self._entries.get(file)
        if cached and cached[0] == stamp:
            log.extend(cached[2])
            return cached[1]
        own = ProblemLog()
        raw = load_record_file(file, root, own)
        record = validate_record(raw, own, issuer_codes) if raw is not None else None
        self._entries[file] = (stamp, record, list(own))
        self.changed.add(file.relative_to(root).as_posix() if file.is_relative_to(root) else file.as_posix())
        log.extend(own)
        return record

    def forget_missing(self, files: list[Path], root: Path) -> None:
        keep = set(files)
        for file in [f for f in self._entries if f not in keep]:
            del self._entries[file]
            self.removed.add(file.relative_to(root).as_posix() if file.is_relative_to(root) else file.as_posix())

    def start_build(self) -> None:
        self.changed, self.removed = set(), set()


def build_catalogue(sources: Sources, only: list[Path] | None = None, cache: RecordCache | None = None) -> Catalogue:
    """Read every record (or only the files given) and resolve them into a catalogue."""
    log = ProblemLog()
    registry = load_registry(sources.registry_file, sources.root, log)
    files = only if only is not None else find_record_files(sources.records_dir)
    cache = cache or RecordCache()
    cache.start_build()
    codes = registry.issuer_codes()
    records = [r for r in (cache.load(file, sources.root, log, codes) for file in files) if r is not None]
    cache.forget_missing(files, sources.root)
    catalogue = resolve(records, registry, log)
    catalogue.records_read = len(files)
    return catalogue
