#!/usr/bin/env python3
"""Search benchmark in the real browser: a generated collection of N records (default 10,000)
is built and served on 127.0.0.1; Debian's chromium (through Playwright) types each query into
the search box of an already open page and the script prints, per query, the time from the last
key to the first result and the bytes the query made the browser download (search files only),
plus the bytes of a cold visit to ``/?q=QUERY`` (page, theme and search together).

Targets (issue "Vietnamese search"): first result within 1 s of typing; at most 2 MB per query.

Usage: python scripts/bench_search.py [N] [--site DIR]  (DIR: an already built site to reuse)
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(ROOT / "tests"))

from browser_support import CHROMIUM, FLAGS, serve  # noqa: E402
from generate_collection import generate  # noqa: E402

QUERIES = ["so noi vu", "Sở Nội vụ", "tinh uy", "Tỉnh ủy", "chuyen doi so", "cải cách hành chính",
           "1/UBND-TH", "21-KL/TW", "kế hoạch phòng chống thiên tai"]


def build_site(count: int, work: Path) -> Path:
    project = generate(work / "project", count)
    site = work / "site"
    env = {"NO_MKDOCS_2_WARNING": "1", "PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT / "hooks")}
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=project, env=env,
                   check=True)
    return site


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("count", nargs="?", type=int, default=10_000)
    parser.add_argument("--site", type=Path)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    work = Path(tempfile.mkdtemp(prefix="kho-search-"))
    site = args.site or build_site(args.count, work)
    index_bytes = sum(p.stat().st_size for p in (site / "search").rglob("*") if p.is_file())
    print(f"site: {site}  search index on disk: {index_bytes / 1e6:.1f} MB in "
          f"{len(list((site / 'search').rglob('*.js')))} files")
    rows = []
    with serve(site) as base, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for query in QUERIES:
            page = browser.new_page()
            page.goto(base)
            page.wait_for_load_state("networkidle")
            sizes: list[int] = []
            page.on("response", lambda r, sizes=sizes: sizes.append(len(r.body())) if "/search/" in r.url else None)
            page.click(".vb-search .md-search__input")
            page.keyboard.type(query)
            start = time.perf_counter()
            page.keyboard.press("End")
            page.wait_for_selector(".vb-search .md-search-result__link", timeout=30_000)
            elapsed = time.perf_counter() - start
            first = page.locator(".vb-search .md-search-result__link h1").first.inner_text()
            page.wait_for_load_state("networkidle")
            page.close()
            cold = browser.new_page()
            total: list[int] = []
            cold.on("response", lambda r, total=total: total.append(len(r.body())))
            cold.goto(f"{base}?q={quote(query)}")
            cold.wait_for_selector(".vb-search .md-search-result__link", timeout=30_000)
            cold.wait_for_load_state("networkidle")
            cold.close()
            rows.append((query, elapsed, sum(sizes), sum(total), first))
        browser.close()
    print(f"{'query':<34}{'first result s':>15}{'search KB':>11}{'cold visit KB':>15}  first result")
    for query, elapsed, search_bytes, total_bytes, first in rows:
        print(f"{query:<34}{elapsed:>15.3f}{search_bytes / 1e3:>11.0f}{total_bytes / 1e3:>15.0f}  {first[:50]}")
    print(f"worst: {max(r[1] for r in rows):.3f} s to the first result, {max(r[2] for r in rows) / 1e6:.2f} MB "
          f"of search files per query, {max(r[3] for r in rows) / 1e6:.2f} MB for a cold visit with ?q=")
    return 0


if __name__ == "__main__":
    sys.exit(main())
