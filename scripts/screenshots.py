"""Screenshots of every page kind at desktop (1366 px) and phone (390 px) width, and a print PDF
of a record page, into a folder a reviewer can look through.

    python scripts/screenshots.py [--site DIR] [--out DIR]

Without ``--site`` it builds the bundled records with ``mkdocs build`` first. The site is
served on loopback and opened in Debian's chromium through Playwright, as the browser tests do.
Each page is shot full length; the file names say the kind and the width. Prints one line per
file with its pixel size, so a change that makes a page wider than the screen shows.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from browser_support import CHROMIUM, FLAGS, serve  # noqa: E402 — the tests' own helpers

PAGES = {
    "trang-chu": "",
    "tat-ca-van-ban": "van-ban/",
    "van-ban": "van-ban/ubnd-nghe-an-2023-930-ubnd-th/",
    "van-ban-duoc-thuc-hien": "van-ban/btv-tinh-uy-nghe-an-2023-904-tb-tu/",
    "co-quan": "co-quan/",
    "mot-co-quan": "co-quan/ubnd-nghe-an/",
    "dan-chieu": "dan-chieu/",
    "dan-chieu-ngoai-kho": "dan-chieu/quoc-hoi-77-2015-qh13/",
    "don-vi": "don-vi/",
    "mot-nhom": "don-vi/cac-so-ban-nganh-nghe-an/",
    "mot-don-vi": "don-vi/so-noi-vu-nghe-an/",
    "viec-can-lam": "viec-can-lam/",
    "loai": "loai/cong-van/",
    "nam": "nam/2023/",
    "huong-dan": "huong-dan/dinh-dang-ban-ghi/",
    "thong-tin-ban-dung": "thong-tin-ban-dung/",
    "404": "404.html",
}
WIDTHS = {"may-tinh": 1366, "dien-thoai": 390}


def build(folder: Path) -> None:
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(folder)], cwd=REPO, check=True)


def shoot(site: Path, out: Path) -> None:
    from playwright.sync_api import sync_playwright

    out.mkdir(parents=True, exist_ok=True)
    with serve(site) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        for size, width in WIDTHS.items():
            context = browser.new_context(viewport={"width": width, "height": 900}, reduced_motion="reduce")
            tab = context.new_page()
            for name, path in PAGES.items():
                tab.goto(base + path)
                tab.wait_for_load_state("load")
                target = out / f"{name}-{size}.png"
                tab.screenshot(path=str(target), full_page=True)
                scroll = tab.evaluate("[document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
                print(f"{target.name}: {scroll[0]}×{scroll[1]} px")
            context.close()
        tab = browser.new_page()
        tab.goto(base + PAGES["van-ban-duoc-thuc-hien"])
        tab.emulate_media(media="print")
        target = out / "van-ban-in.pdf"
        target.write_bytes(tab.pdf(format="A4"))
        print(f"{target.name}: {target.stat().st_size} bytes")
        browser.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build the bundled records)")
    parser.add_argument("--out", type=Path, default=REPO / "build" / "screenshots")
    args = parser.parse_args()
    if args.site:
        shoot(args.site, args.out)
        return
    with tempfile.TemporaryDirectory() as tmp:
        build(Path(tmp) / "site")
        shoot(Path(tmp) / "site", args.out)


if __name__ == "__main__":
    main()
