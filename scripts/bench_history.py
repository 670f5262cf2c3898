"""Benchmark: reading every record's history from git at collection size.

Makes a throw-away repository with N record files (default 10,000) added over commits of 20
files each and edited again in later commits (about one edit per record), then times one
``HistoryReader.read`` (the build reads it once per HEAD). Target (issue 13): at most 2 s at
10,000 records. Prints the figures; asserts nothing.

    python scripts/bench_history.py [--records 10000]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "hooks"))

from vanban.build.history import HistoryReader  # noqa: E402


def make_repository(root: Path, records: int, per_commit: int = 20) -> int:
    """Write the history with git fast-import (seconds, not minutes); returns the commit count."""
    lines: list[str] = []
    commits = 0
    stamp = 1_700_000_000

    def commit(files: list[int], message: str) -> None:
        nonlocal commits, stamp
        commits += 1
        stamp += 3600
        data = message.encode("utf-8")
        lines.append(f"commit refs/heads/main\nauthor Văn thư <vt@example.vn> {stamp} +0700\n"
                     f"committer Văn thư <vt@example.vn> {stamp} +0700\ndata {len(data)}\n{message}\n")
        for n in files:
            body = f"---\nnumber: {n}/UBND-VX\n---\nNội dung {commits}\n".encode()
            lines.append(f"M 644 inline records/{n // 1000}/van-ban-{n}.md\ndata {len(body)}\n"
                         f"{body.decode('utf-8')}\n")

    for start in range(0, records, per_commit):
        commit(list(range(start, min(start + per_commit, records))), f"Thêm văn bản từ {start} (#{commits + 1})")
    for start in range(0, records, per_commit * 5):
        commit(list(range(start, min(start + per_commit * 5, records))), "Sửa trích yếu")
    subprocess.run(["git", "init", "-q", "-b", "main", str(root)], check=True)
    subprocess.run(["git", "-C", str(root), "fast-import", "--quiet"], input="".join(lines).encode("utf-8"),
                   check=True)
    subprocess.run(["git", "-C", str(root), "reset", "-q", "--hard", "main"], check=True)
    return commits


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=10_000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        commits = make_repository(root, args.records)
        reader = HistoryReader()
        start = time.perf_counter()
        history = reader.read(root)
        first = time.perf_counter() - start
        start = time.perf_counter()
        reader.read(root)
        again = time.perf_counter() - start
        revisions = sum(len(r) for r in history.revisions.values())
        print(f"{args.records} bản ghi, {commits} commit, {revisions} lần sửa: đọc lịch sử {first:.2f} s; "
              f"lần dựng lại (cùng HEAD) {again * 1000:.0f} ms "
              f"({args.records} records, {commits} commits: history read in {first:.2f} s, "
              f"rebuild {again * 1000:.0f} ms)")


if __name__ == "__main__":
    main()
