"""Our settings in mkdocs.yml, read into a typed object once per build and checked.

They live under ``extra: vanban:`` (MkDocs passes ``extra`` through untouched, so hooks can
keep settings there). Read as plain dictionary lookups with defaults, a misspelt key such as
``record_dir`` would silently build from the default folder — possibly an empty site. So every
key and type is checked and a mistake stops the build with a message in Vietnamese and English
naming the key and what it expects: ``Abort`` (no traceback under ``mkdocs build``, and
``mkdocs serve`` prints it and keeps serving the last good build).
"""

from __future__ import annotations

import dataclasses
import difflib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path

from mkdocs.exceptions import Abort

from vanban.build.pipeline import Sources

SECTION = "vanban"
"""The key under ``extra`` that holds our settings."""

_WHERE = f"mkdocs.yml, extra.{SECTION}"


def _describe(value: object) -> str:
    return f"{value!r} ({type(value).__name__})"


@dataclass(frozen=True, slots=True)
class VanbanOptions:
    """Where the collection lives, relative to the folder of mkdocs.yml."""

    records_dir: str = "records"
    """The folder of record files (``extra.vanban.records_dir``)."""
    registry_file: str = "records/registry.yml"
    """The registry of organisations and groups (``extra.vanban.registry_file``)."""

    @classmethod
    def from_extra(cls, extra: Mapping[str, object]) -> VanbanOptions:
        """Read ``extra.vanban`` (absent: the defaults); raise ``Abort`` on any mistake."""
        moved = [key for key in _keys() if key in extra]
        if moved:
            raise Abort(f"Kho văn bản: mkdocs.yml, extra.{moved[0]}: khoá này nay đặt trong extra.{SECTION} "
                        f"(this setting now lives under extra.{SECTION}: {SECTION}: {{{moved[0]}: …}})")
        section = extra.get(SECTION)
        if section is None:
            return cls()
        if not isinstance(section, Mapping):
            raise Abort(f"Kho văn bản: {_WHERE}: phải là một bảng khoá: giá trị, được {_describe(section)} "
                        f"(must be a mapping of settings such as records_dir: records)")
        _refuse_unknown(section)
        return cls(**{key: _path_text(key, value) for key, value in section.items()})

    def sources(self, root: Path) -> Sources:
        """The collection's places under ``root``; a records folder that does not exist is a
        mistake in the setting (it would give an empty site), not an empty collection."""
        sources = Sources.at(root, self.records_dir, self.registry_file)
        if not sources.records_dir.is_dir():
            raise Abort(f"Kho văn bản: {_WHERE}.records_dir: không có thư mục {sources.records_dir} "
                        f"(no such folder: {self.records_dir!r}, relative to mkdocs.yml)")
        return sources


def _keys() -> list[str]:
    return [f.name for f in dataclasses.fields(VanbanOptions)]


def _refuse_unknown(section: Mapping[object, object]) -> None:
    """A misspelt key is an error, with the closest known key as a hint."""
    known = _keys()
    for key in section:
        if key not in known:
            close = difflib.get_close_matches(str(key), known, n=1)
            hint_vi = f"; có phải ý là {close[0]}?" if close else ""
            hint_en = f"; did you mean {close[0]}?" if close else ""
            raise Abort(f"Kho văn bản: {_WHERE}: khoá không biết {key!r}{hint_vi} Các khoá dùng được: "
                        f"{', '.join(known)} (unknown setting {key!r}{hint_en} Known settings: {', '.join(known)})")


def _path_text(key: str, value: object) -> str:
    """A setting that names a path: a non-empty string."""
    if not isinstance(value, str) or not value.strip():
        raise Abort(f"Kho văn bản: {_WHERE}.{key}: phải là một đường dẫn (chuỗi, tính từ thư mục chứa mkdocs.yml), "
                    f"được {_describe(value)} (must be a path string relative to mkdocs.yml, got {_describe(value)})")
    return value


__all__ = ["SECTION", "VanbanOptions"]
