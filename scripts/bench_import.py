#!/usr/bin/env python3
"""Speed of ``vanban import``: a 10-page text PDF, one scanned page through OCR, and a folder of
1,000 files imported with progress, with the peak memory of any one process.

The documents are made here (an HTML page converted by LibreOffice, as in the format tests),
so the figures can be reproduced on any machine with the Debian packages of ``.ci/run``.
Targets of the import issue: 10-page PDF ≤ 3 s, OCR'd page ≤ 10 s on 2 cores, 1,000 files
with no more memory than one document needs.

Usage: python scripts/bench_import.py [--files 1000] [--jobs N]
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "hooks"))
sys.path.insert(0, str(ROOT / "tests"))

from officefiles import PAGE, convert  # noqa: E402
from vanban.importer import import_document  # noqa

PARAGRAPH = ('<p class="b">{n}. Sở Tài chính chủ trì, phối hợp với Sở Kế hoạch và Đầu tư rà soát, tổng hợp '
             "nhu cầu kinh phí thực hiện các nhiệm vụ năm 2025 của các cơ quan, đơn vị; thẩm định dự toán, "
             "báo cáo UBND tỉnh xem xét, quyết định trước ngày 30/6/2025 theo quy định của pháp luật về ngân "
             "sách nhà nước và các văn bản hướng dẫn hiện hành.</p>")


def _page(number: int, paragraphs: int) -> str:
    body = "\n".join(PARAGRAPH.format(n=i + 4) for i in range(paragraphs))
    return PAGE.replace("3412/UBND-NC1", f"{number}/UBND-NC1").replace(
        '<p style="page-break-before:always', body + '\n<p style="page-break-before:always')


def _timed(label: str, action) -> float:  # noqa: ANN001
    start = time.perf_counter()
    action()
    seconds = time.perf_counter() - start
    print(f"{label}: {seconds:.2f} s")
    return seconds


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--files", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="vanban-bench-") as tmp_name:
        tmp = Path(tmp_name)
        long_html = tmp / "dai.html"
        long_html.write_text(_page(1, 110), encoding="utf-8")
        pdf = convert(long_html, "pdf:writer_pdf_Export", tmp)
        pages = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        count = next((line.split()[-1] for line in pages.splitlines() if line.startswith("Pages")), "?")
        _timed(f"text PDF of {count} pages", lambda: import_document(pdf))
        subprocess.run(["pdftoppm", "-r", "300", "-gray", "-png", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                        str(tmp / "trang")], check=True)
        _timed("one scanned page (300 dpi PNG) through OCR", lambda: import_document(tmp / "trang.png"))

        archive = tmp / "kho"
        archive.mkdir()
        distinct = 20
        sources = []
        for i in range(distinct):
            html = tmp / f"cv-{i}.html"
            html.write_text(_page(5000 + i, 4), encoding="utf-8")
            sources.append(convert(html, "pdf:writer_pdf_Export", tmp))
        for i in range(args.files):
            if i < distinct:
                shutil.copy(sources[i], archive / f"cv-{i:04d}.pdf")
            else:
                text = (f"ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\n\nSố: {i}/UBND-TH\n\nNghệ An, ngày 16 tháng 02 năm 2023\n\n"
                        f"V/v thử nhập số {i}\n\n" + "Sở Nội vụ chủ trì, phối hợp với Sở Tài chính tổng hợp.\n\n" * 20)
                (archive / f"cv-{i:04d}.txt").write_text(text, encoding="utf-8")
        project = tmp / "project"
        (project / "records").mkdir(parents=True)
        shutil.copy(ROOT / "records" / "registry.yml", project / "records" / "registry.yml")
        command = [sys.executable, "-m", "vanban.cli", "--root", str(project), "import", str(archive),
                   "--jobs", str(args.jobs), "--report", str(tmp / "report.csv")]
        # a wrapper process, so that the peak is that of the import and its workers alone
        wrapper = [sys.executable, "-c", "import resource, subprocess, sys; subprocess.run(sys.argv[1:]); "
                   "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)", *command]
        done: list[subprocess.CompletedProcess] = []
        seconds = _timed(f"folder of {args.files} files ({distinct} PDFs, the rest text), {args.jobs} jobs",
                         lambda: done.append(subprocess.run(wrapper, check=False, capture_output=True, text=True,
                                                            env={"PYTHONPATH": str(ROOT / "hooks"),
                                                                 "PATH": "/usr/bin:/bin"})))
        peak_kb = int(done[0].stdout.strip().splitlines()[-1])
        written = len(list((project / "records").rglob("*.md")))
        print(f"  {written} records written, {args.files / seconds:.0f} files/s, "
              f"peak memory of one process {peak_kb / 1024:.0f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
