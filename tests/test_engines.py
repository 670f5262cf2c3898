"""Khi Material ngừng hỗ trợ: ``vanban pages -o DIR`` writes the generated pages and data into a
plain docs folder, and an engine without our hooks renders the whole site from it — plain
``mkdocs build`` (hooks removed from the config) and ``zensical build`` (Material's successor,
which reads mkdocs.yml but runs no hooks). Both must give the same pages, every record's page,
links that resolve, and, on the Zensical site, a search that finds a record."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from browser_support import serve
from conftest import REPO
from sitebuild import internal_links


def _config(hooks_free_text: str, zensical: bool) -> str:
    text = re.sub(r"\nhooks:\n  - hooks/mkdocs_hooks.py\n", "\n", hooks_free_text)
    text = re.sub(r"\nwatch:\n  - records\n  - hooks\n", "\n", text)
    text = re.sub(r"\nsite_url: .*\n", "\n", text)  # a local build: links relative to each page
    # Zensical resolves relative links in HTML against the source file, MkDocs leaves them as
    # written: with file URLs (van-ban/x.md → van-ban/x.html) the two agree.
    text = text.replace("docs_dir: docs", "docs_dir: pages").replace("use_directory_urls: true",
                                                                      "use_directory_urls: false")
    if zensical:  # Zensical's own theme and search: our header override is Material's
        text = text.replace("  custom_dir: docs/overrides\n", "").replace("plugins: []", "plugins:\n  - search")
        text = re.sub(r"language: vi-kho.*", "language: vi", text)  # our language file lives in the overrides
        text = text.replace("extra_javascript:\n  - assets/javascripts/vb-search.js\n", "")
    else:
        text = text.replace("custom_dir: docs/overrides", f"custom_dir: {REPO / 'docs' / 'overrides'}")
    assert "\nhooks:" not in text and "\nwatch:" not in text
    return text


@pytest.fixture(scope="module")
def engines(tmp_path_factory):
    """(folder, {engine: site dir}) after one ``vanban pages`` and a build by each engine."""
    env = {**os.environ, "PYTHONPATH": str(REPO / "hooks"), "NO_MKDOCS_2_WARNING": "1"}
    sites = {}
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    base = tmp_path_factory.mktemp("engines")
    written = subprocess.run([sys.executable, "-m", "vanban.cli", "--root", str(REPO), "pages", "--file-urls",
                              "-o", str(base / "pages")], capture_output=True, text=True, env=env, timeout=300)
    assert written.returncode == 0, written.stderr
    for engine in ("mkdocs", "zensical"):
        project = base / engine
        project.mkdir()
        shutil.copytree(base / "pages", project / "pages")  # Zensical wants docs_dir inside the project
        (project / "mkdocs.yml").write_text(_config(config, engine == "zensical"), encoding="utf-8")
        if engine == "mkdocs":
            command = [sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(project / "site")]
        else:
            zensical = Path(sys.executable).with_name("zensical")
            if not zensical.exists():
                pytest.fail("zensical is not installed (it is a test extra of pyproject.toml)")
            command = [str(zensical), "build"]
        built = subprocess.run(command, cwd=project, capture_output=True, text=True, env=env, timeout=600)
        assert built.returncode == 0, (engine, built.stdout[-2000:], built.stderr[-2000:])
        sites[engine] = project / "site"
    return base / "pages", sites


def _pages(site: Path) -> set[str]:
    return {p.relative_to(site).as_posix() for p in site.rglob("*.html")}


def test_both_engines_give_the_same_pages_with_every_record(engines):
    folder, sites = engines
    mkdocs_pages, zensical_pages = _pages(sites["mkdocs"]), _pages(sites["zensical"])
    assert mkdocs_pages == zensical_pages
    catalog = json.loads((folder / "catalog.json").read_text(encoding="utf-8"))
    assert len(catalog["records"]) >= 10
    for record in catalog["records"]:
        assert record["url"] in mkdocs_pages, record["url"]
    for section in ("co-quan", "dan-chieu", "don-vi", "loai", "nam"):
        assert f"{section}/index.html" in mkdocs_pages


def test_links_resolve_on_both_sites(engines):
    _, sites = engines
    for engine, site in sites.items():
        broken = [(page.name, href) for page, href, target in internal_links(site)
                  if not target.exists() and not href.startswith("#")]
        assert not broken, (engine, broken[:10])


def test_search_finds_a_record_on_the_zensical_site(engines, browser):
    folder, sites = engines
    catalog = json.loads((folder / "catalog.json").read_text(encoding="utf-8"))
    record = next(r for r in catalog["records"] if r["number"] == "904-TB/TU")
    with serve(sites["zensical"]) as base_url:
        page = browser.new_page()
        page.goto(base_url + "thong-tin-ban-dung.html")  # a page that names no record
        page.click(".md-search__button")
        page.keyboard.type("904-TB/TU")
        # the results live in the search dialog's shadow DOM: Playwright's locators reach into it
        result = page.locator("a", has_text=re.compile(r"Thông báo số 904.TB.TU ngày 16 tháng 5 năm 2023")).first
        result.wait_for(state="visible", timeout=15_000)
        result.click()
        page.wait_for_url(re.compile(re.escape(record["url"]) + "$"), timeout=15_000)
        page.close()
