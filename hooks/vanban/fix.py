"""``vanban check --fix``: repair what can be repaired without a human decision.

* text not in NFC is normalised (the wording is unchanged, only its code points);
* numbers the body cites but ``references`` omits are added with what the text says of them
  (type, number, date, issuer, relation), using the importer's extraction.

A file is rewritten only when something changed; front-matter is re-serialised only when a
reference is added (comments in that front-matter are then lost, and the fix says so).
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

from .loader import load_record_text
from .numbers import normalise_number
from .problems import ProblemLog
from .validate import missing_citations
from .writer import record_text


def fix_file(path: Path) -> list[str]:
    """Fix one record file in place; return what was done, in Vietnamese, for the report."""
    try:
        original = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return []
    text = unicodedata.normalize("NFC", original)
    done: list[str] = []
    if text != original:
        done.append("chuẩn hoá Unicode NFC (normalised to NFC)")
    raw = load_record_text(text, path.name, ProblemLog())
    if raw is not None and isinstance(raw.front_matter.get("references", []), list):
        refs = raw.front_matter.get("references") or []
        number = raw.front_matter.get("number")
        cited = [str(r.get("number", "")) for r in refs if isinstance(r, dict)]
        missing = missing_citations(raw.body, cited, normalise_number(number) if isinstance(number, str) else None)
        if missing:
            raw.front_matter["references"] = [*refs, *missing]
            text = record_text(raw.front_matter, raw.body)
            done.append("thêm vào references (added to references): " + ", ".join(m["number"] for m in missing))
    if text != original:
        path.write_text(text, encoding="utf-8")
    return done
