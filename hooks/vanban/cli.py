"""The ``vanban`` command: the same library the site build uses, for people and CI.

``vanban check`` reads every record (or the files given) and the registry, prints one line per
problem as ``path:line: level: field: message`` and exits 1 when there is any error.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from vanban.build.pipeline import Sources, build_catalogue
from vanban.build.report import summary_lines
from vanban.core.problems import Problem


def _annotation_property(value: str) -> str:
    """Escape a workflow-command property (file name): a name holding a newline and
    ``::error …::`` must not start a command of its own."""
    return (value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
            .replace(":", "%3A").replace(",", "%2C"))


def _annotation_data(value: str) -> str:
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _github_annotation(problem: Problem) -> str:
    """``::error file=…,line=…::…`` so problems show on the pull request's diff."""
    kind = "error" if problem.is_error else "warning"
    where = f"file={_annotation_property(problem.path)}" + (f",line={problem.line}" if problem.line else "")
    message = f"{problem.field or '-'}: {problem.message_vi} ({problem.message_en})"
    return f"::{kind} {where},title=vanban check::{_annotation_data(message)}"


def _given_files(paths: list[str], sources: Sources) -> tuple[set[str], list[str]]:
    """Repository paths of the records (and registry) named on the command line, folders
    expanded; and the arguments that name nothing."""
    from vanban.build.loader import find_record_files
    from vanban.core.problems import source_path

    wanted: set[str] = set()
    missing: list[str] = []
    for arg in paths:
        path = Path(arg).absolute()
        if path.is_dir():
            wanted.update(source_path(f, sources.root) for f in find_record_files(path))
        elif path.exists() or path.is_symlink():
            wanted.add(source_path(path, sources.root))
        else:
            missing.append(arg)
    return wanted, missing


def _check(args: argparse.Namespace) -> int:
    from vanban.build.loader import find_record_files

    sources = Sources.at(Path(args.root))
    wanted, missing = _given_files(args.paths, sources) if args.paths else (None, [])
    for arg in missing:
        print(f"{arg}: không có tệp hay thư mục này (no such file or folder)", file=sys.stderr)
    if args.fix:
        from vanban.build.fix import fix_file

        files = find_record_files(sources.records_dir)
        for file in files:
            name = file.relative_to(sources.root).as_posix() if file.is_relative_to(sources.root) else str(file)
            if wanted is not None and name not in wanted:
                continue
            for action in fix_file(file):
                print(f"{name}: đã sửa (fixed): {action}", file=sys.stderr)
    # The given files are checked against the whole collection (duplicates, references, units),
    # and only their problems are reported.
    only = None
    if wanted is not None:
        inside = {source_path_of(f, sources) for f in find_record_files(sources.records_dir)}
        only = [sources.root / p for p in sorted(inside | {w for w in wanted if w.lower().endswith(".md")})]
    catalogue = build_catalogue(sources, only)
    problems = [p for p in catalogue.problems if wanted is None or p.path in wanted
                or p.path == source_path_of(sources.registry_file, sources)]
    for problem in problems:
        print(_github_annotation(problem) if args.format == "github" else problem.format())
    for line in summary_lines(catalogue):
        print(line, file=sys.stderr)
    return 1 if missing or any(p.is_error for p in problems) else 0


def source_path_of(file: Path, sources: Sources) -> str:
    from vanban.core.problems import source_path

    return source_path(file, sources.root)


def _import(args: argparse.Namespace) -> int:
    from vanban.build.registry import load_registry
    from vanban.core.problems import ProblemLog

    sources = Sources.at(Path(args.root))
    registry = load_registry(sources.registry_file, sources.root, ProblemLog())
    paths = [Path(p) for p in args.paths]
    if args.output:
        if len(paths) > 1 or paths[0].is_dir():
            print("vanban import: -o chỉ dùng với một tệp (-o works with one input file only)", file=sys.stderr)
            return 2
        return _import_one(paths[0], args.output, args.force, registry)
    return _import_many(paths, args, sources, registry)


def _import_one(path: Path, output: str, force: bool, registry) -> int:  # noqa: ANN001
    """One document to a named file (or ``-``: standard output), overwritten only with --force."""
    from vanban.importer.archive import read_one
    from vanban.importer.writer import record_text

    result = read_one((path, registry))
    if isinstance(result, str):
        print(f"vanban import: {path}: {result}", file=sys.stderr)
        return 1
    front_matter, body, notes = result
    text = record_text(front_matter, body)
    if output == "-":
        sys.stdout.write(text)
        return 0
    target = Path(output)
    if target.exists() and not force:
        print(f"{target}: đã có bản ghi, không ghi đè; dùng --force để thay (record exists; use --force)",
              file=sys.stderr)
        return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(f"{path} → {target}")
    for note in notes:
        print(f"  cần xem lại (to review): {note}")
    return 0


def _import_many(paths: list[Path], args: argparse.Namespace, sources: Sources, registry) -> int:  # noqa: ANN001
    """Files and folders into the collection: never overwriting, one line per file, a report."""
    from tqdm import tqdm

    from vanban.build.reading import worker_count
    from vanban.importer.archive import DUPLICATE, FAILED, expand, import_archive, write_report

    files = expand(paths)
    into = Path(args.into) if args.into else sources.records_dir
    jobs = args.jobs or worker_count()

    def progress(results):  # noqa: ANN001, ANN202
        return tqdm(results, total=len(files), unit="tệp", desc="vanban import", file=sys.stderr,
                    disable=None if len(files) > 1 else True)

    outcomes = import_archive(files, into, sources.root, registry, jobs=jobs, progress=progress)
    counts: dict[str, int] = {}
    for outcome in outcomes:
        counts[outcome.status] = counts.get(outcome.status, 0) + 1
        if outcome.status == FAILED:
            print(f"vanban import: {outcome.file}: {outcome.reason}", file=sys.stderr)
        elif outcome.status == DUPLICATE:
            print(f"{outcome.file}: {outcome.status}, bỏ qua — {outcome.reason} (already in the collection)")
        else:
            print(f"{outcome.file} → {outcome.record}")
            for note in outcome.notes:
                print(f"  cần xem lại (to review): {note}")
    if args.report:
        write_report(outcomes, Path(args.report))
    if len(outcomes) > 1:
        summary = ", ".join(f"{status}: {n}" for status, n in counts.items())
        print(f"vanban import: {len(outcomes)} tệp — {summary}" + (f"; báo cáo: {args.report}" if args.report else ""))
    return 1 if counts.get(FAILED) else 0


_NEW_FIELDS = (
    ("type", "Loại văn bản (Công văn, Kế hoạch, Quyết định …)"),
    ("issuer", "Cơ quan ban hành (như trong sổ đăng ký, ví dụ UBND tỉnh Nghệ An)"),
    ("number", "Số, ký hiệu (ví dụ 930/UBND-TH; để trống nếu chưa có số)"),
    ("date", "Ngày ban hành YYYY-MM-DD (hoặc YYYY-MM)"),
    ("subject", "Trích yếu (với công văn: V/v …)"),
)
_SKELETON_HINTS = """# Điền thêm khi có (xem trang Định dạng bản ghi), rồi bỏ dấu # ở đầu dòng:
# signer:
#   name: Họ và tên
#   title: Chức vụ
#   authority: [KT. Chủ tịch]
# addressees: [Các Sở, ban, ngành cấp tỉnh]
# distribution: [Như trên, "Lưu: VT"]
# references:
#   - {type: Thông báo, number: 904-TB/TU, date: 2023-05-16, issuer: Ban Thường vụ Tỉnh uỷ, relation: implements}
# assignments:
#   - {unit: Sở Nội vụ, role: chu_tri, task: Nội dung nhiệm vụ, deadline: hằng năm}
"""


def _new(args: argparse.Namespace) -> int:
    from vanban.build.loader import load_record_text
    from vanban.build.registry import load_registry
    from vanban.build.validate import validate_record
    from vanban.core.problems import ProblemLog
    from vanban.importer.writer import record_path, record_text

    values = {key: getattr(args, key) for key, _ in _NEW_FIELDS}
    for key, prompt in _NEW_FIELDS:
        if values[key] is None and sys.stdin.isatty():
            values[key] = input(f"{prompt}: ").strip()
    missing = [key for key in ("type", "issuer", "date") if not values[key]]
    if missing:
        print(f"vanban new: thiếu {', '.join(missing)} (missing; give --{missing[0]} …)", file=sys.stderr)
        return 2
    front_matter: dict = {"number": values["number"] or None}
    if not values["number"]:
        if not args.symbol:
            print("vanban new: bản chưa có số cần --symbol (an unnumbered record needs --symbol)", file=sys.stderr)
            return 2
        front_matter["symbol"] = args.symbol
    front_matter |= {"type": values["type"], "issuer": values["issuer"], "date": values["date"]}
    if values["subject"]:
        front_matter["subject"] = values["subject"]
    text = record_text(front_matter, "Toàn văn văn bản.\n")
    text = text.replace("\n---\n", "\n" + _SKELETON_HINTS + "---\n", 1) if text.count("---") >= 2 else text
    log = ProblemLog()
    raw = load_record_text(text, "new.md", log)
    if raw is None or validate_record(raw, log) is None:
        for problem in log:
            print(problem.format().replace("new.md", "vanban new", 1), file=sys.stderr)
        return 1
    sources = Sources.at(Path(args.root))
    registry = load_registry(sources.registry_file, sources.root, ProblemLog())
    target = Path(args.output) if args.output else record_path(front_matter, sources.records_dir, registry)
    if target.exists():
        print(f"{target}: đã có bản ghi, không ghi đè (record exists)", file=sys.stderr)
        return 1
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(text, encoding="utf-8")
    print(target)
    return 0


def _offline(args: argparse.Namespace) -> int:
    from mkdocs.exceptions import MkDocsException

    from vanban.engines.offline import default_name, make_offline_copy
    from vanban.site import buildinfo

    built_on = buildinfo.current(Path(args.root)).built_at.date()  # the date the build-info page shows
    output = Path(args.output or default_name(built_on))
    config_file = Path(args.root) / "mkdocs.yml"
    try:
        count = make_offline_copy(config_file, output)
    except (MkDocsException, SystemExit) as exc:
        print(f"vanban offline: dựng trang thất bại, không tạo bản sao ({exc}) (build failed)", file=sys.stderr)
        return 1
    print(f"{output}: {count} tệp; giải nén rồi mở index.html (unzip and open index.html)")
    return 0


def _pages(args: argparse.Namespace) -> int:
    """The site's pages and data as a plain docs folder, for an engine without our hooks."""
    from vanban.build.history import HistoryReader
    from vanban.site import hand_written_pages, site_content, urls, write_folder
    from vanban.site.renderer import SiteRenderer
    from vanban.site.templates import TemplateProblem, Templates

    sources = Sources.at(Path(args.root))
    catalogue = build_catalogue(sources)
    for problem in catalogue.problems:
        print(problem.format(), file=sys.stderr)
    docs = sources.root / "docs"
    templates = Templates([docs / "overrides"])  # the site's own fragments, as under MkDocs
    renderer = SiteRenderer(catalogue, urls.Linker(use_directory_urls=not args.file_urls), templates,
                            history=HistoryReader().read(sources.root), site_url=args.site_url,
                            repo_url=args.repo_url)
    try:
        content = site_content(renderer, hand_written_pages(docs), sources.root)
    except TemplateProblem as exc:
        print(f"vanban pages: {exc}", file=sys.stderr)
        return 1
    for problem in renderer.problems:
        print(problem.format(), file=sys.stderr)
    count = write_folder(content, docs, sources.root, Path(args.output))
    print(f"vanban pages: {count} tệp vào {args.output} ({len(content.pages)} trang sinh ra, "
          f"{len(content.data)} tệp dữ liệu; {count} files written)")
    return 1 if catalogue.problems.errors or renderer.problems.errors else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="vanban", description="Kho văn bản — công cụ dòng lệnh")
    parser.add_argument("--root", default=".", help="thư mục gốc của kho (repository root)")
    commands = parser.add_subparsers(dest="command", required=True)
    check = commands.add_parser("check", help="kiểm tra bản ghi và sổ đăng ký (check records and registry)")
    check.add_argument("paths", nargs="*",
                       help="tệp hoặc thư mục cần kiểm tra (so với cả kho); bỏ trống để kiểm tra tất cả")
    check.add_argument("--format", choices=["text", "github"], default="text")
    check.add_argument("--fix", action="store_true",
                       help="chuẩn hoá NFC và thêm số văn bản thân văn bản nhắc tới vào references")
    check.set_defaults(run=_check)
    importer = commands.add_parser(
        "import", help="nhập tài liệu (.pdf, bản quét, .doc, .docx, .html, .txt, .md) thành bản ghi (import documents)")
    importer.add_argument("paths", nargs="+", help="tệp hoặc thư mục (đọc cả thư mục con)")
    importer.add_argument("-o", "--output", help="với một tệp: bản ghi cần ghi, hoặc - để in ra màn hình")
    importer.add_argument("--force", action="store_true", help="với -o: ghi đè tệp đã có (overwrite)")
    importer.add_argument("--into", help="thư mục bản ghi (mặc định: records/)")
    importer.add_argument("--report", help="ghi báo cáo rà soát dạng CSV vào tệp này (review report)")
    importer.add_argument("--jobs", type=int, help="số tiến trình song song (mặc định: số nhân CPU)")
    importer.set_defaults(run=_import)
    new = commands.add_parser("new", help="tạo bản ghi mới theo mẫu (create a record skeleton)")
    for key, prompt in _NEW_FIELDS:
        new.add_argument(f"--{key}", help=prompt)
    new.add_argument("--symbol", help="ký hiệu, khi văn bản chưa có số")
    new.add_argument("-o", "--output", help="đường dẫn tệp; bỏ trống để theo quy ước records/<năm>/<mã>.md")
    new.set_defaults(run=_new)
    pages = commands.add_parser(
        "pages", help="ghi các trang và dữ liệu vào một thư mục docs cho công cụ khác (pages for another engine)")
    pages.add_argument("-o", "--output", required=True, help="thư mục đích (bị ghi đè)")
    pages.add_argument("--file-urls", action="store_true",
                       help="liên kết dạng trang.html (use_directory_urls: false), như bản ngoại tuyến")
    pages.add_argument("--site-url", default=os.environ.get("KHO_SITE_URL", ""),
                       help="địa chỉ trang khi đăng, như site_url của mkdocs.yml (mặc định KHO_SITE_URL)")
    pages.add_argument("--repo-url", default=os.environ.get("KHO_REPO_URL", ""),
                       help="kho mã nguồn, để liên kết lịch sử cập nhật tới từng commit (mặc định KHO_REPO_URL)")
    pages.set_defaults(run=_pages)
    offline = commands.add_parser("offline", help="tạo bản sao ngoại tuyến .zip (offline copy)")
    offline.add_argument("-o", "--output", help="tệp .zip; mặc định kho-van-ban-<ngày>.zip")
    offline.set_defaults(run=_offline)
    args = parser.parse_args(argv)
    return args.run(args)


if __name__ == "__main__":
    sys.exit(main())
