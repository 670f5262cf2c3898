"""The data flow in one call: load → validate → resolve → catalogue.

The MkDocs hooks, the ``vanban`` command and the tests all build the catalogue through
``build_catalogue`` so that they see the same records and report the same problems.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .catalogue import Catalogue
from .loader import find_record_files, load_record_file
from .problems import ProblemLog
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


def build_catalogue(sources: Sources, only: list[Path] | None = None) -> Catalogue:
    """Read every record (or only the files given) and resolve them into a catalogue."""
    log = ProblemLog()
    registry = load_registry(sources.registry_file, sources.root, log)
    files = only if only is not None else find_record_files(sources.records_dir)
    records = []
    for file in files:
        raw = load_record_file(file, sources.root, log)
        if raw is None:
            continue
        record = validate_record(raw, log)
        if record is not None:
            records.append(record)
    catalogue = resolve(records, registry, log)
    catalogue.records_read = len(files)
    return catalogue
