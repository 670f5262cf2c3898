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
import re
import stat as stat_kind
import unicodedata
from dataclasses import dataclass
from pathlib import Path

import frontmatter
import yaml

from vanban.core.problems import ProblemLog, source_path
from vanban.core.text import nfc

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
          path: str) -> None:
    """Record the line of every key and list item; report duplicate keys (YAML keeps the last).

    Only ever called on text that ``structure_problem`` passed: no aliases, bounded depth.
    """
    if isinstance(node, yaml.MappingNode):
        keys: set[str] = set()
        for key_node, value_node in node.value:
            key = str(key_node.value)
            child = f"{prefix}.{key}" if prefix else key
            line = key_node.start_mark.line + 1 + offset
            if key in keys:
                log.error(path, child, f"khoá “{key}” xuất hiện hai lần; chỉ được ghi một lần "
                          "(không rõ giá trị nào đúng)", f"duplicate key '{key}'; write it once (which "
                          "value is meant is unclear)", line, code="yaml.duplicate-key")
            keys.add(key)
            lines[child] = line
            _walk(value_node, child, offset, lines, log, path)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            child = f"{prefix}[{index}]"
            lines[child] = item.start_mark.line + 1 + offset
            _walk(item, child, offset, lines, log, path)


MAX_DEPTH = 12
"""Deepest nesting of lists and mappings a front-matter may have (a record needs 3)."""

_INDENT = re.compile(r"^ {%d,}\S" % (2 * MAX_DEPTH), re.MULTILINE)


def structure_problem(yaml_text: str, offset: int = 0, always: bool = False) -> tuple[str, str, int] | None:
    """(Vietnamese, English, line) if the YAML uses an alias or anchor, or nests too deep.

    One pass over the parser's events, before anything is composed or constructed, so neither
    an alias bomb nor a 10,000-deep flow list costs more than reading its text. The pass is
    skipped for text that cannot hold either (no ``*&[{`` and no deep indentation): that is
    almost every record, and the pass would add half of the loading time.
    """
    if not always and not any(c in yaml_text for c in "*&[{") and not _INDENT.search(yaml_text):
        return None
    depth = 0
    try:
        for event in yaml.parse(yaml_text, Loader=_BaseLoader):
            line = event.start_mark.line + 1 + offset
            if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None):
                return ("không được dùng bí danh YAML (&tên, *tên); hãy viết giá trị đầy đủ",
                        "YAML anchors and aliases are not allowed; write the value out", line)
            if isinstance(event, yaml.CollectionStartEvent):
                depth += 1
                if depth > MAX_DEPTH:
                    return (f"front-matter lồng nhau quá sâu (quá {MAX_DEPTH} tầng)",
                            f"front-matter nested too deep (over {MAX_DEPTH} levels)", line)
            elif isinstance(event, yaml.CollectionEndEvent):
                depth -= 1
    except yaml.YAMLError:
        return None  # a syntax error: reported with its line when the text is loaded
    return None


def _compose(yaml_text: str) -> yaml.Node | None:
    loader = _NoDatesLoader(yaml_text)
    try:
        return loader.get_single_node()
    finally:
        loader.dispose()


def yaml_load(yaml_text: str):
    """Load YAML with the safe loader, dates kept as text (checked by whoever reads them)."""
    loader = _NoDatesLoader(yaml_text)
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()


def yaml_lines(yaml_text: str, offset: int, log: ProblemLog, path: str) -> dict[str, int]:
    """Field path → line, reporting duplicate keys to ``log`` (text already structure-checked)."""
    lines: dict[str, int] = {}
    try:
        node = _compose(yaml_text)
    except yaml.YAMLError:
        return lines
    if node is not None:
        _walk(node, "", offset, lines, log, path)
    return lines


def line_map(yaml_text: str, offset: int) -> dict[str, int]:
    """Field path → file line, for the front-matter text that starts after ``offset`` lines."""
    lines: dict[str, int] = {}
    try:
        node = _compose(yaml_text)
        if node is not None:
            _walk(node, "", offset, lines, ProblemLog(), "")
    except yaml.YAMLError:
        pass
    return lines


def parse_front_matter(text: str, path: str, log: ProblemLog) -> tuple[dict, str, str, int, int] | None:
    """Split ``text`` into (front-matter, body, YAML text, line offset, body line); ``None`` after
    reporting."""
    handler = frontmatter.YAMLHandler()
    if not handler.detect(text):
        log.error(path, "", "thiếu phần front-matter: tệp phải bắt đầu bằng dòng “---”",
                  "no front-matter: the file must start with a '---' line", 1, code="file.no-front-matter")
        return None
    try:
        yaml_text, body = handler.split(text)
    except ValueError:
        log.error(path, "", "front-matter không có dòng “---” đóng",
                  "front-matter is not closed by a '---' line", 1, code="file.unclosed-front-matter")
        return None
    opening = handler.FM_BOUNDARY.search(text)
    assert opening is not None
    offset = text[: opening.end()].count("\n")  # lines before the YAML text starts
    refused = structure_problem(yaml_text, offset)
    if refused:
        log.error(path, "", *refused, code="yaml.refused")
        return None
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
                  line, code="yaml.syntax")
        return None
    except yaml.YAMLError as exc:
        log.error(path, "", "lỗi cú pháp YAML", f"YAML syntax error: {exc}", 1, code="yaml.syntax")
        return None
    if not isinstance(data, dict):
        log.error(path, "", "front-matter phải là một bảng khoá: giá trị",
                  "front-matter must be a mapping of key: value", 2, code="yaml.not-mapping")
        return None
    if duplicates:  # rare: say which keys and where; the record is refused (which value was meant?)
        _walk(_compose(yaml_text), "", offset, {}, log, path)
        return None
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


def read_bounded(file: Path, limit: int) -> tuple[bytes, int]:
    """The bytes of a regular file of at most ``limit`` bytes, and its mtime; ``OSError`` or
    ``ValueError`` (with a bilingual message) otherwise.

    What is checked is what is read, not what ``stat`` says: a symlink to ``/dev/zero`` reports
    size 0 and then never ends, so links and anything but a regular file are refused, and at
    most ``limit + 1`` bytes are ever read.
    """
    info = file.lstat()
    if stat_kind.S_ISLNK(info.st_mode):
        raise ValueError("tệp là liên kết tượng trưng (symlink); hãy chép tệp thật vào kho",
                         "the file is a symbolic link; commit the real file")
    if not stat_kind.S_ISREG(info.st_mode):
        raise ValueError("không phải tệp thường", "not a regular file")
    with open(file, "rb") as handle:
        data = handle.read(limit + 1)
    if len(data) > limit:
        raise ValueError(f"tệp quá lớn (trên {limit:,} byte)", f"file too large (over {limit} bytes)")
    return data, info.st_mtime_ns


def load_record_file(file: Path, root: Path, log: ProblemLog) -> RawRecord | None:
    """Read and parse one record file; ``path`` in problems is relative to ``root``."""
    path = source_path(file, root)
    try:
        data, mtime_ns = read_bounded(file, MAX_RECORD_BYTES)
    except ValueError as exc:
        log.error(path, "", exc.args[0], exc.args[-1], code="file.refused")
        return None
    except OSError as exc:
        log.error(path, "", f"không đọc được tệp: {exc.strerror}", f"cannot read file: {exc}", code="file.unreadable")
        return None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        guess = _guess_encoding(data)
        log.error(path, "", f"tệp không phải UTF-8; có vẻ là {guess}. Hãy lưu lại với mã UTF-8",
                  f"file is not UTF-8; it looks like {guess}. Save it as UTF-8", line, code="file.encoding")
        return None
    return load_record_text(text, path, log, mtime_ns)


def find_record_files(records_dir: Path) -> list[Path]:
    """Every ``*.md`` (any case: ``X.MD`` too) under ``records_dir``, sorted, skipping hidden
    folders and README files. Linked folders are not followed; linked files are listed so that
    loading refuses them with a message instead of skipping them in silence."""
    found: list[Path] = []
    for folder, dirnames, filenames in os.walk(records_dir):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith((".", "_")))
        for name in sorted(filenames):
            if name.lower().endswith(".md") and name.lower() != "readme.md" and not name.startswith("."):
                found.append(Path(folder) / name)
    return found
