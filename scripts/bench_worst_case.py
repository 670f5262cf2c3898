"""Worst-case inputs through the checks and the renderer: each should take well under 2 s.

Prints one line per case: seconds to check the record (load + validate + resolve, as
``vanban check`` does), seconds to render its page, and the outcome. A benchmark, not a test:
figures depend on the machine. Run: ``.venv/bin/python scripts/bench_worst_case.py``.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "hooks"))

from vanban.site import urls  # noqa
from vanban.build.pipeline import Sources, build_catalogue  # noqa
from vanban.site.renderer import SiteRenderer  # noqa

HEAD = ("type: Công văn\nnumber: 930/UBND-TH\nissuer: UBND tỉnh Nghệ An\ndate: 2023-05-16\n"
        "subject: V/v thử\n")
ALIAS_BOMB = "\n".join(["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
                       + [f"a{i}: &a{i} {{k: [*a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}]}}" for i in range(1, 25)])
CASES = {
    "100,000 '<'": (HEAD, "<" * 100_000),
    "120 KB of '<a '": (HEAD, "<a " * 40_000),
    "100,000 '['": (HEAD, "[" * 100_000),
    "50,000 '!['": (HEAD, "![" * 50_000),
    "30,000 '<!--'": (HEAD, "<!--" * 30_000),
    "500-deep nested list": (HEAD, "".join("    " * i + "- mục\n" for i in range(500))),
    "1 MB body of paragraphs": (HEAD, ("Đoạn văn bản thường của một kế hoạch dài. " * 20 + "\n\n") * 800),
    "one 900 KB line": (HEAD, "chữ " * 150_000),
    "alias bomb (25 levels)": (HEAD + ALIAS_BOMB + "\n", "x"),
    "flow list nested 900 deep": (HEAD + "note: " + "[" * 900 + "]" * 900 + "\n", "x"),
    "5,000 references": (HEAD + "references:\n" + "".join(
        f"  - {{type: Thông báo, number: {i}-TB/TU, relation: cites}}\n" for i in range(1, 5001)), "x"),
    "5,000 assignments": (HEAD + "assignments:\n" + "".join(
        f"  - {{unit: Đơn vị chưa đăng ký {i}, role: thuc_hien, task: Việc {i}}}\n" for i in range(5000)), "x"),
    "10,000 '<a ' in the subject": (HEAD.replace("V/v thử", "'" + "<a " * 10_000 + "'"), "x"),
}


def main() -> None:
    print(f"{'case':32} {'check s':>8} {'render s':>9}  outcome")
    for name, (front, body) in CASES.items():
        with tempfile.TemporaryDirectory() as tmp:
            root = Path(tmp)
            (root / "records").mkdir()
            (root / "records" / "registry.yml").write_bytes((REPO / "records" / "registry.yml").read_bytes())
            (root / "records" / "x.md").write_text(f"---\n{front}---\n{body}\n", encoding="utf-8")
            start = time.perf_counter()
            catalogue = build_catalogue(Sources.at(root))
            checked = time.perf_counter() - start
            start = time.perf_counter()
            renderer = SiteRenderer(catalogue, urls.Linker())
            pages = renderer.unique_pages()
            rendered = time.perf_counter() - start
            errors = catalogue.problems.errors
            outcome = (f"refused: {errors[0].message_en[:60]}" if errors and not catalogue.records
                       else f"published, {len(pages)} pages, {len(catalogue.problems)} problems")
            print(f"{name:32} {checked:8.2f} {rendered:9.2f}  {outcome}", flush=True)


if __name__ == "__main__":
    main()
