"""The ``vanban`` command: the same library the site build uses, for people and CI.

``vanban check`` reads every record (or the files given) and the registry, prints one line per
problem as ``path:line: level: field: message`` and exits 1 when there is any error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from .pipeline import Sources, build_catalogue
from .problems import Problem
from .report import summary_lines


def _github_annotation(problem: Problem) -> str:
    """``::error file=…,line=…::…`` so problems show on the pull request's diff."""
    kind = "error" if problem.is_error else "warning"
    where = f"file={problem.path}" + (f",line={problem.line}" if problem.line else "")
    message = f"{problem.field or '-'}: {problem.message_vi} ({problem.message_en})"
    message = message.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return f"::{kind} {where},title=vanban check::{message}"


def _check(args: argparse.Namespace) -> int:
    sources = Sources.at(Path(args.root))
    only = [Path(p).resolve() for p in args.paths] if args.paths else None
    catalogue = build_catalogue(sources, only)
    for problem in catalogue.problems:
        print(_github_annotation(problem) if args.format == "github" else problem.format())
    for line in summary_lines(catalogue):
        print(line, file=sys.stderr)
    return 1 if catalogue.problems.errors else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="vanban", description="Kho văn bản — công cụ dòng lệnh")
    parser.add_argument("--root", default=".", help="thư mục gốc của kho (repository root)")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="kiểm tra bản ghi và sổ đăng ký (check records and registry)")
    check.add_argument("paths", nargs="*", help="tệp cần kiểm tra; bỏ trống để kiểm tra tất cả")
    check.add_argument("--format", choices=["text", "github"], default="text")
    check.set_defaults(run=_check)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
