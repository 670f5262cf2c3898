"""Build real sites with ``mkdocs build`` into temporary folders and read them with lxml."""

from __future__ import annotations

import json
import os
import posixpath
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import html

REPO = Path(__file__).resolve().parents[1]


@dataclass
class BuildResult:
    returncode: int
    output: str
    site: Path

    def catalog(self) -> dict:
        return json.loads((self.site / "catalog.json").read_text(encoding="utf-8"))

    def page(self, url: str):
        """Parse the page at a site-root-relative URL ("van-ban/x/" or "van-ban/x.html")."""
        return html.parse(str(self.file_for(url))).getroot()

    def file_for(self, url: str) -> Path:
        path = self.site / unquote(url)
        return path / "index.html" if url.endswith("/") or url == "" else path


def build(project: Path, out: Path, *extra: str) -> BuildResult:
    """Run ``mkdocs build`` on ``project``'s mkdocs.yml into ``out``."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPO / "hooks")}
    proc = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(project / "mkdocs.yml"),
                           "-d", str(out), *extra], capture_output=True, text=True, env=env, cwd=project)
    return BuildResult(proc.returncode, proc.stdout + proc.stderr, out)


def copy_project_skeleton(dest: Path) -> None:
    """mkdocs.yml, docs/ and hooks/ of this repository, without its records."""
    shutil.copy(REPO / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copytree(REPO / "docs", dest / "docs")
    shutil.copytree(REPO / "hooks", dest / "hooks", ignore=shutil.ignore_patterns("__pycache__"))


def internal_links(site: Path):
    """Yield (page file, href, resolved target path) for every relative link of every page."""
    for page in site.rglob("*.html"):
        if page.name == "404.html" and page.parent == site:
            continue  # served for any missing path, so Material writes it with root-absolute links
        tree = html.parse(str(page)).getroot()
        for element, attribute, href, _ in tree.iterlinks():
            if attribute not in ("href", "src") or element.tag not in ("a", "link", "script", "img"):
                continue
            parts = urlsplit(href)
            if parts.scheme or parts.netloc or not parts.path:
                continue
            target = posixpath.normpath(posixpath.join(posixpath.dirname(str(page)), unquote(parts.path)))
            yield page, href, Path(target)


def linked_ids(element, page_url: str, section: str = "van-ban") -> set[str]:
    """Ids of the ``section`` pages linked from inside ``element`` of the page at ``page_url``."""
    base = page_url if page_url.endswith("/") or not page_url else posixpath.dirname(page_url) + "/"
    ids = set()
    for a in element.iter("a"):
        path = urlsplit(a.get("href", "")).path
        if not path or urlsplit(a.get("href", "")).scheme:
            continue
        target = posixpath.normpath(posixpath.join(base, unquote(path)))
        parts = target.split("/")
        if parts[0] == section and len(parts) >= 2:
            ids.add(parts[1].removesuffix(".html"))
    return ids
