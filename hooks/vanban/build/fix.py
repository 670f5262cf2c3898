"""``vanban check --fix``: repair what can be repaired without a human decision.

* text not in NFC is normalised (the wording is unchanged, only its code points);
* numbers the body cites but ``references`` omits are added with what the text says of them
  (type, number, date, issuer, relation), using the importer's extraction.

Nothing a clerk wrote is changed: new references are *inserted* as text at the end of the
``references`` list (or as a new ``references:`` key), so comments, quoting and scalars such as
``012`` or ``yes`` stay byte for byte. The result is loaded again and must equal the old
front-matter plus the new references, or nothing is written. Links, records with errors in their
front-matter and records with a secrecy mark are never rewritten.
"""

from __future__ import annotations

import unicodedata
from pathlib import Path

import yaml

from vanban.build.loader import MAX_RECORD_BYTES, RawRecord, load_record_text, read_bounded
from vanban.build.validate import missing_citations, secrecy_stamp
from vanban.core.numbers import normalise_number
from vanban.core.problems import ProblemLog


def fix_file(path: Path) -> list[str]:
    """Fix one record file in place; return every change made (or refused), for the report."""
    try:
        original = read_bounded(path, MAX_RECORD_BYTES)[0].decode("utf-8")
    except ValueError as exc:  # a link, not a regular file, too large, not UTF-8
        reason = f"{exc.args[0]} ({exc.args[1]})" if len(exc.args) == 2 else "tệp không phải UTF-8 (not UTF-8)"
        return [f"không sửa (not fixed): {reason}"]
    except OSError:
        return []
    text = unicodedata.normalize("NFC", original)
    done: list[str] = []
    if text != original:
        done.append("chuẩn hoá Unicode NFC (normalised to NFC)")
    raw = load_record_text(text, path.name, ProblemLog())
    if raw is not None and secrecy_stamp(raw) is None:
        added, text = _add_citations(raw, text)
        if added is None:
            done.append("không tự thêm được references; hãy thêm bằng tay (could not add references "
                        "automatically; add them by hand)")
        elif added:
            done.append("thêm vào references (added to references): " + ", ".join(added))
    if text != original:
        path.write_text(text, encoding="utf-8")
    return done


def _add_citations(raw: RawRecord, text: str) -> tuple[list[str] | None, str]:
    """(numbers added, new text); ``None`` when they could not be added without touching
    anything else."""
    fm = raw.front_matter
    refs = fm.get("references")
    if refs is not None and not isinstance(refs, list):
        return [], text
    refs = refs or []
    number = fm.get("number")
    cited = [str(r.get("number", "")) for r in refs if isinstance(r, dict)]
    missing = missing_citations(raw.body, cited, normalise_number(number) if isinstance(number, str) else None)
    if not missing:
        return [], text
    new_yaml = _insert_references(raw.yaml_text, missing)
    if new_yaml is None:
        return None, text
    start = text.index(raw.yaml_text)
    new_text = text[:start] + new_yaml + text[start + len(raw.yaml_text):]
    check = load_record_text(new_text, "fix", ProblemLog())
    expected = {**fm, "references": [*refs, *missing]}
    if check is None or check.front_matter != expected:
        return None, text
    return [m["number"] for m in missing], new_text


def _insert_references(yaml_text: str, missing: list[dict]) -> str | None:
    """The front-matter text with ``missing`` appended to its block list ``references`` (or a
    new ``references:`` key at the end); ``None`` for a flow-style list we would have to rewrite."""
    lines = yaml_text.split("\n")
    key_line = next((i for i, line in enumerate(lines) if line.startswith("references:")), None)
    if key_line is None:
        block = _items(missing, 2)
        body = yaml_text if yaml_text.endswith("\n") or not yaml_text else yaml_text + "\n"
        return body + "references:\n" + block
    if lines[key_line][len("references:"):].split("#")[0].strip():
        return None  # "references: []" or an inline list
    end, indent = key_line + 1, None
    for i in range(key_line + 1, len(lines)):
        line = lines[i]
        if line.strip() and not line.startswith((" ", "-", "#")):
            break  # the next top-level key
        if line.lstrip().startswith("- ") and indent is None:
            indent = len(line) - len(line.lstrip())
        if line.strip() and not line.lstrip().startswith("#"):
            end = i + 1
    block = _items(missing, indent if indent is not None else 2)
    return "\n".join(lines[:end]) + "\n" + block + "\n".join(lines[end:])


def _items(missing: list[dict], indent: int) -> str:
    text = yaml.safe_dump(missing, allow_unicode=True, default_flow_style=False, sort_keys=False, width=4096)
    return "".join(" " * indent + line + "\n" for line in text.splitlines())
