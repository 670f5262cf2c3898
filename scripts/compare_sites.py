"""Compare two built sites page by page: the set of pages, and for every page the text a reader
sees and the links it carries (whitespace-normalised, so markup reflowed by a refactor is not a
difference, but a changed word, a lost row or a moved link is).

Usage: python scripts/compare_sites.py BEFORE_DIR AFTER_DIR [--ignore PATH_PREFIX ...]
Prints the pages only in one site and, for each page that differs, the first differing lines.
Exit status 1 when anything differs.
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from pathlib import Path

from lxml import html as lxml_html


def page_view(path: Path) -> list[str]:
    """The article's text, line by line at block boundaries, then every link and image target."""
    tree = lxml_html.fromstring(path.read_bytes())
    article = tree.xpath("//article") or [tree]
    root = article[0]
    for element in root.iter():
        if element.tag in {"p", "li", "dt", "dd", "tr", "h1", "h2", "h3", "h4", "div", "ul", "table", "nav", "br"}:
            element.tail = "\n" + (element.tail or "")
    lines = [re.sub(r"\s+", " ", line).strip() for line in root.text_content().split("\n")]
    text = [line for line in lines if line]
    links = [f"link {e.get('href')}" for e in tree.xpath("//a[@href]")]
    links += [f"src {e.get('src')}" for e in tree.xpath("//*[@src]")]
    return text + sorted(links)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--ignore", action="append", default=["thong-tin-ban-dung/"])
    args = parser.parse_args(argv)

    def pages(root: Path) -> set[str]:
        return {p.relative_to(root).as_posix() for p in root.rglob("*.html")
                if not any(p.relative_to(root).as_posix().startswith(i) for i in args.ignore)}

    before, after = pages(args.before), pages(args.after)
    differs = 0
    for name in sorted(before - after):
        print(f"chỉ có ở bản trước (only before): {name}")
    for name in sorted(after - before):
        print(f"chỉ có ở bản sau (only after): {name}")
    for name in sorted(before & after):
        a, b = page_view(args.before / name), page_view(args.after / name)
        if a != b:
            differs += 1
            diff = list(difflib.unified_diff(a, b, lineterm="", n=0))[2:12]
            print(f"--- {name}\n" + "\n".join(diff))
    same = len(before & after) - differs
    print(f"{len(before)} trang trước, {len(after)} trang sau; {same} giống nhau, {differs} khác "
          f"({len(before)} pages before, {len(after)} after; {same} same, {differs} differ)")
    return 1 if differs or before != after else 0


if __name__ == "__main__":
    sys.exit(main())
