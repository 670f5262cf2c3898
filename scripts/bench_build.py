#!/usr/bin/env python3
"""Build benchmark: generated collections of N records, built with our hooks and, as the
baseline, as plain MkDocs pages (same record texts, Material theme, stock search, no hooks).

Prints per N: wall time, peak memory, time in our hooks vs the rest of MkDocs, HTML pages
written, time per page against the baseline (target ≤ 1.25×), site size, the largest HTML page
(target < 300 KB), search payload on disk, and — with --serve — the time until an edited record
shows on the page while ``mkdocs serve --dirty`` runs (target ≤ 3 s at 10,000).

Usage: python scripts/bench_build.py [N ...] [--serve] [--keep DIR]
       (default N: 1000 10000; 50000 takes several minutes)
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate_collection import generate  # noqa: E402

MKDOCS = [sys.executable, "-m", "mkdocs"]
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(ROOT / "hooks")}


def run_measured(cmd: list[str], cwd: Path) -> tuple[float, float, str]:
    """(wall seconds, peak RSS in MB, output) of one child process."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    output = proc.stdout.read() if proc.stdout else ""
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{output[-3000:]}")
    return wall, usage.ru_maxrss / 1024, output


def site_figures(site: Path) -> dict:
    html = [p for p in site.rglob("*.html")]
    total = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    largest = max(html, key=lambda p: p.stat().st_size)
    search = site / "search"
    search_bytes = sum(p.stat().st_size for p in search.rglob("*") if p.is_file()) if search.exists() else 0
    lunr = site / "search" / "search_index.json"
    return {"pages": len(html), "size_mb": total / 1e6, "largest_kb": largest.stat().st_size / 1e3,
            "largest": largest.relative_to(site).as_posix(),
            "search_mb": (lunr.stat().st_size if lunr.exists() else search_bytes) / 1e6}


def baseline_project(collection: Path, target: Path) -> None:
    """The same record texts as plain pages: Material, stock search, no hooks, no nav entries."""
    docs = target / "docs"
    docs.mkdir(parents=True)
    for record in (collection / "records").rglob("*.md"):
        text = record.read_text(encoding="utf-8")
        _, _, body = text.partition("\n---\n")
        subject = re.search(r"^subject: (.+)$", text, re.M)
        (docs / record.name).write_text(f"# {subject.group(1) if subject else record.stem}\n\n{body}", encoding="utf-8")
    (docs / "index.md").write_text("# Trang chủ\n", encoding="utf-8")
    (target / "mkdocs.yml").write_text(
        "site_name: Baseline\ntheme:\n  name: material\n  language: vi\n  font: false\nnav:\n  - index.md\n"
        "validation:\n  nav:\n    omitted_files: ignore\n", encoding="utf-8")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve_edit_latency(project: Path) -> float:
    """Seconds from saving an edited record to the served page showing the edit."""
    port = free_port()
    proc = subprocess.Popen([*MKDOCS, "serve", "--dirty", "-a", f"127.0.0.1:{port}"], cwd=project, env=ENV,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        record = sorted((project / "records").rglob("*.md"))[len(list((project / "records").rglob("*.md"))) // 2]
        url = _record_url(project, record, port)
        deadline = time.time() + 900
        while time.time() < deadline:
            try:
                urllib.request.urlopen(url, timeout=5).read()
                break
            except OSError:
                time.sleep(1)
        time.sleep(3)  # let the watcher settle after the first build
        marker = f"Đã sửa {int(time.time())}"
        text = record.read_text(encoding="utf-8")
        start = time.perf_counter()
        record.write_text(re.sub(r"^subject: (.+)$", rf"subject: \1 — {marker}", text, count=1, flags=re.M),
                          encoding="utf-8")
        while time.perf_counter() - start < 300:
            try:
                if marker in urllib.request.urlopen(url, timeout=5).read().decode("utf-8"):
                    return time.perf_counter() - start
            except OSError:
                pass
            time.sleep(0.1)
        return float("inf")
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def _record_url(project: Path, record: Path, port: int) -> str:
    sys.path.insert(0, str(ROOT / "hooks"))
    from vanban.build.pipeline import Sources, build_catalogue

    catalogue = build_catalogue(Sources.at(project), only=[record])
    record_id = next(iter(catalogue.records))
    return f"http://127.0.0.1:{port}/van-ban/{record_id}/"


def bench(count: int, work: Path, with_serve: bool) -> dict:
    project = generate(work / f"n{count}", count)
    ours_wall, ours_mem, output = run_measured([*MKDOCS, "build", "-d", str(work / f"site{count}")], project)
    hooks = float(re.search(r"([\d.]+) s trong hooks", output).group(1))
    ours = site_figures(work / f"site{count}")
    base_dir = work / f"base{count}"
    baseline_project(project, base_dir)
    base_wall, base_mem, _ = run_measured([*MKDOCS, "build", "-d", str(base_dir / "site")], base_dir)
    base = site_figures(base_dir / "site")
    result = {"n": count, "wall": ours_wall, "mem": ours_mem, "hooks": hooks, **ours,
              "base_wall": base_wall, "base_mem": base_mem, "base_pages": base["pages"],
              "base_search_mb": base["search_mb"],
              "ratio": (ours_wall / ours["pages"]) / (base_wall / base["pages"])}
    if with_serve:
        result["serve_edit"] = serve_edit_latency(project)
    shutil.rmtree(base_dir, ignore_errors=True)
    return result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("sizes", nargs="*", type=int, default=[1000, 10000])
    parser.add_argument("--serve", action="store_true", help="also measure edit → page with mkdocs serve --dirty")
    parser.add_argument("--keep", type=Path, help="work folder to keep (default: a temporary one)")
    args = parser.parse_args()
    work = args.keep or Path(tempfile.mkdtemp(prefix="kho-bench-"))
    results = [bench(n, work, args.serve) for n in args.sizes]
    print(f"{'N':>7} {'wall s':>8} {'peak MB':>8} {'hooks s':>8} {'MkDocs s':>9} {'pages':>7} {'ms/page':>8} "
          f"{'base s':>7} {'base pages':>10} {'base ms/page':>12} {'ratio':>6} {'site MB':>8} {'largest KB':>10} "
          f"{'search MB':>9} {'lunr MB':>8}" + (f" {'edit→page s':>11}" if args.serve else ""))
    for r in results:
        print(f"{r['n']:>7} {r['wall']:>8.1f} {r['mem']:>8.0f} {r['hooks']:>8.1f} {r['wall'] - r['hooks']:>9.1f} "
              f"{r['pages']:>7} {1000 * r['wall'] / r['pages']:>8.2f} {r['base_wall']:>7.1f} {r['base_pages']:>10} "
              f"{1000 * r['base_wall'] / r['base_pages']:>12.2f} {r['ratio']:>6.2f} {r['size_mb']:>8.0f} "
              f"{r['largest_kb']:>10.0f} {r['search_mb']:>9.1f} {r['base_search_mb']:>8.1f}"
              + (f" {r['serve_edit']:>11.2f}" if args.serve else ""))
    for r in results:
        print(f"N={r['n']}: largest page {r['largest']}")
    if len(results) >= 2:
        first, last = results[0], results[-1]
        print(f"scaling: {last['n']}/{first['n']} records took {last['wall'] / first['wall']:.1f}× the time "
              f"(target ≤ {1.1 * last['n'] / first['n']:.0f}×)")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
