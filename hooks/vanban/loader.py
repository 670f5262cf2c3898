"""Stage 1 — load: read record files into raw front-matter + body, with line numbers.

Loading knows nothing of what the fields mean. It only guarantees that what it hands on is
UTF-8 text in NFC with a YAML mapping as front-matter, and reports every file it could not
read that far, naming the file, the line and what is wrong. Dates stay strings (YAML would turn
``2023-02-30`` into an exception and ``2023-05`` into text, inconsistently), and YAML aliases are
refused outright, which also makes alias bombs impossible.
"""

from __future__ import annotations

import codecs
import os
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import frontmatter
import yaml

from .problems import ProblemLog, source_path
from .text import nfc

MAX_RECORD_BYTES = 1_000_000
"""A record over 1 MB is refused: no real document's text is that large, and it keeps builds sane."""


_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when available: ~10× faster


class _NoDatesLoader(_BaseLoader):  # type: ignore[misc, valid-type]
    """Safe loader that keeps dates as strings; validation checks them itself."""


_NoDatesLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def _construct_mapping(self, node, deep=False):
    """Build a mapping and note when YAML silently dropped a repeated key."""
    mapping = _BaseLoader.construct_mapping(self, node, deep=deep)
    if len(mapping) < len(node.value):
        self.duplicate_keys = True
    return mapping


_NoDatesLoader.duplicate_keys = False
_NoDatesLoader.construct_mapping = _construct_mapping


class _AliasFound(Exception):
    def __init__(self, line: int) -> None:
        self.line = line


@dataclass(slots=True)
class RawRecord:
    """A record file as read: front-matter mapping, body text and where each field stands.

    Line numbers are only needed to report a problem, so they are worked out from the YAML
    text on first use rather than for every record of every build.
    """

    path: str
    front_matter: dict
    body: str
    yaml_text: str = ""
    yaml_offset: int = 0
    body_line: int = 1
    mtime_ns: int = 0
    was_nfc: bool = True  # False when the file held decomposed (NFD) or mixed text
    _lines: dict[str, int] | None = None

    @property
    def lines(self) -> dict[str, int]:
        if self._lines is None:
            self._lines = line_map(self.yaml_text, self.yaml_offset)
        return self._lines

    def line_of(self, field_path: str) -> int | None:
        """Line of ``field_path`` ("references[1].date"), falling back to its nearest parent."""
        lines = self.lines
        while field_path:
            if field_path in lines:
                return lines[field_path]
            cut = max(field_path.rfind("."), field_path.rfind("["))
            field_path = field_path[:cut] if cut > 0 else ""
        return None


def _guess_encoding(data: bytes) -> str:
    """Name the encoding a non-UTF-8 file most likely uses, for the error message."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "UTF-16"
    if b"\x00" in data[:200]:
        return "UTF-16 không có BOM (UTF-16 without BOM)"
    try:
        data.decode("cp1258")
        return "Windows-1258 / TCVN3 (bảng mã cũ, legacy Vietnamese code page)"
    except UnicodeDecodeError:
        return "không rõ (unknown)"


def _walk(node: yaml.Node, prefix: str, offset: int, lines: dict[str, int], log: ProblemLog,
          path: str, seen: set[int] | None = None) -> None:
    """Record the line of every key and list item; report duplicate keys (YAML keeps the last).

    A node met twice is a YAML alias (``*name``): refused before anything is constructed, so an
    alias bomb never expands.
    """
    seen = set() if seen is None else seen
    if isinstance(node, (yaml.MappingNode, yaml.SequenceNode)):
        if id(node) in seen:
            raise _AliasFound(node.start_mark.line + 1 + offset)
        seen.add(id(node))
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            child = f"{prefix}.{key}" if prefix else key
            line = key_node.start_mark.line + 1 + offset
            if key in seen:
                log.error(path, child, f"khoá “{key}” xuất hiện hai lần",
                          f"duplicate key '{key}'", line)
            seen.add(key)
            lines[child] = line
            _walk(value_node, child, offset, lines, log, path, seen)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            child = f"{prefix}[{index}]"
            lines[child] = item.start_mark.line + 1 + offset
            _walk(item, child, offset, lines, log, path, seen)


def _compose(yaml_text: str) -> yaml.Node | None:
    loader = _NoDatesLoader(yaml_text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def line_map(yaml_text: str, offset: int) -> dict[str, int]:
    """Field path → file line, for the front-matter text that starts after ``offset`` lines."""
    lines: dict[str, int] = {}
    try:
        node = _compose(yaml_text)
        if node is not None:
            _walk(node, "", offset, lines, ProblemLog(), "")
    except (yaml.YAMLError, _AliasFound):
        pass
    return lines


def parse_front_matter(text: str, path: str, log: ProblemLog) -> tuple[dict, str, str, int, int] | None:
    """Split ``text`` into (front-matter, body, YAML text, line offset, body line); ``None`` after
    reporting."""
    handler = frontmatter.YAMLHandler()
    if not handler.detect(text):
        log.error(path, "", "thiếu phần front-matter: tệp phải bắt đầu bằng dòng “---”",
                  "no front-matter: the file must start with a '---' line", 1)
        return None
    try:
        yaml_text, body = handler.split(text)
    except ValueError:
        log.error(path, "", "front-matter không có dòng “---” đóng",
                  "front-matter is not closed by a '---' line", 1)
        return None
    opening = handler.FM_BOUNDARY.search(text)
    assert opening is not None
    offset = text[: opening.end()].count("\n")  # lines before the YAML text starts
    if "*" in yaml_text or "&" in yaml_text:  # only then can there be an alias: refuse it first
        try:
            _walk(_compose(yaml_text), "", offset, {}, ProblemLog(), path)
        except _AliasFound as alias:
            log.error(path, "", "không được dùng bí danh YAML (*tên); hãy viết giá trị đầy đủ",
                      "YAML aliases are not allowed; write the value out", alias.line)
            return None
        except yaml.YAMLError:
            pass  # reported below with its line
    try:
        loader = _NoDatesLoader(yaml_text)
        try:
            data = loader.get_single_data()
            duplicates = loader.duplicate_keys
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 + offset if mark else None
        log.error(path, "", f"lỗi cú pháp YAML: {exc.problem}", f"YAML syntax error: {exc.problem}",
                  line)
        return None
    except yaml.YAMLError as exc:
        log.error(path, "", "lỗi cú pháp YAML", f"YAML syntax error: {exc}", 1)
        return None
    if not isinstance(data, dict):
        log.error(path, "", "front-matter phải là một bảng khoá: giá trị",
                  "front-matter must be a mapping of key: value", 2)
        return None
    if duplicates:  # rare: find which keys and where
        _walk(_compose(yaml_text), "", offset, {}, log, path)
    body_line = text[: len(text) - len(body)].count("\n") + 1
    return data, body, yaml_text, offset, body_line


def _nfc_deep(value):
    """NFC every string inside a YAML value (keys included)."""
    if isinstance(value, str):
        return nfc(value)
    if isinstance(value, list):
        return [_nfc_deep(v) for v in value]
    if isinstance(value, dict):
        return {_nfc_deep(k) if isinstance(k, str) else k: _nfc_deep(v) for k, v in value.items()}
    return value


def load_record_text(text: str, path: str, log: ProblemLog, mtime_ns: int = 0) -> RawRecord | None:
    """Parse one record's text; problems go to ``log``."""
    if text.startswith("\ufeff"):
        text = text[1:]
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    parsed = parse_front_matter(text, path, log)
    if parsed is None:
        return None
    data, body, yaml_text, offset, body_line = parsed
    return RawRecord(path, _nfc_deep(data), nfc(body), yaml_text, offset, body_line, mtime_ns,
                     was_nfc=unicodedata.is_normalized("NFC", text))


def load_record_file(file: Path, root: Path, log: ProblemLog) -> RawRecord | None:
    """Read and parse one record file; ``path`` in problems is relative to ``root``."""
    path = source_path(file, root)
    try:
        stat = file.stat()
        if stat.st_size > MAX_RECORD_BYTES:
            log.error(path, "", f"tệp quá lớn ({stat.st_size:,} byte; tối đa {MAX_RECORD_BYTES:,})",
                      f"file too large ({stat.st_size} bytes; limit {MAX_RECORD_BYTES})")
            return None
        data = file.read_bytes()
    except OSError as exc:
        log.error(path, "", f"không đọc được tệp: {exc.strerror}", f"cannot read file: {exc}")
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        guess = _guess_encoding(data)
        log.error(path, "", f"tệp không phải UTF-8; có vẻ là {guess}. Hãy lưu lại với mã UTF-8",
                  f"file is not UTF-8; it looks like {guess}. Save it as UTF-8", line)
        return None
    return load_record_text(text, path, log, stat.st_mtime_ns)


def find_record_files(records_dir: Path) -> list[Path]:
    """Every ``*.md`` under ``records_dir``, sorted, skipping hidden folders and README files."""
    found: list[Path] = []
    for folder, dirnames, filenames in os.walk(records_dir):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith((".", "_")))
        for name in sorted(filenames):
            if name.endswith(".md") and name.lower() != "readme.md" and not name.startswith("."):
                found.append(Path(folder) / name)
    return found
