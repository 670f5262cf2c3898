"""The registry file read like a record: bounded, no links, no anchors or aliases, dates kept
as text until checked, duplicate keys reported with lines; a missing, oversized or broken file
is an error, and the build goes on with an empty registry."""

from __future__ import annotations

from pathlib import Path

import yaml

from vanban.build.registry.index import Registry
from vanban.build.registry.parse import build_registry
from vanban.core.problems import ProblemLog, source_path

MAX_REGISTRY_BYTES = 5_000_000
"""A registry of every body of a province is a few hundred KB."""


def load_registry(file: Path, root: Path, log: ProblemLog) -> Registry:
    """Read the registry YAML file; a missing, oversized or broken file is an error, not a crash.

    It is read like a record: bounded, no links, no anchors or aliases (a 1.6 KB alias bomb
    expands past 13 GB), dates kept as text until checked, duplicate keys reported with lines.
    """
    from vanban.build.loader import read_bounded, structure_problem, yaml_lines, yaml_load

    path = source_path(file, root)
    try:
        text = read_bounded(file, MAX_REGISTRY_BYTES)[0].decode("utf-8")
    except FileNotFoundError:
        log.error(path, "", "không tìm thấy sổ đăng ký cơ quan", "registry file not found", code="registry.missing")
        return Registry()
    except UnicodeDecodeError:
        log.error(path, "", "sổ đăng ký không phải UTF-8; hãy lưu lại với mã UTF-8",
                  "the registry is not UTF-8; save it as UTF-8", code="registry.encoding")
        return Registry()
    except ValueError as exc:  # a link, not a regular file, too large
        log.error(path, "", exc.args[0], exc.args[-1], code="registry.refused")
        return Registry()
    except OSError as exc:
        log.error(path, "", f"không đọc được sổ đăng ký: {exc.strerror}", f"cannot read the registry: {exc}",
                  code="registry.unreadable")
        return Registry()
    refused = structure_problem(text, always=True)
    if refused:
        log.error(path, "", *refused, code="registry.refused")
        return Registry()
    try:
        data = yaml_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        log.error(path, "", f"lỗi cú pháp YAML: {exc.problem}", f"YAML syntax error: {exc.problem}",
                  mark.line + 1 if mark else None, code="registry.yaml-syntax")
        return Registry()
    except yaml.YAMLError as exc:
        log.error(path, "", "lỗi cú pháp YAML", f"YAML syntax error: {exc}", code="registry.yaml-syntax")
        return Registry()
    lines = yaml_lines(text, 0, log, path)
    return build_registry(data, path, log, lines)
