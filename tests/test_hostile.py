"""The hostile corpus built into one site, checked as a reader's browser would suffer it.

The markup lint of ``vanban check`` is switched off for these builds: it is a courtesy to
contributors, not the defence, so the proof must hold without it. Every hostile record is then
published, and the built pages are read with lxml (no event attribute, no script URL, nothing
loaded from outside, a Content-Security-Policy everywhere) and opened in Debian's chromium, served
and from the offline copy, with every element's events fired: no dialog, no ``window.__pwned``, no
request outside the site.
"""

from __future__ import annotations

import html as html_lib
import os
import re
import shutil
import zipfile
from pathlib import Path
from urllib.parse import quote, unquote

import pytest
from browser_support import RequestLog, serve, unzip
from hostile_corpus import FIELD_PAYLOADS, corpus, write_corpus
from lxml import html
from sitebuild import REPO, copy_project_skeleton
from vanban.site.render.csp import inline_scripts, script_hash

URL_ATTRIBUTES = ("href", "src", "action", "formaction", "poster", "data", "background", "srcset",
                  "{http://www.w3.org/1999/xlink}href", "xlink:href")
LOADED = ("src", "srcset", "poster", "data", "background")
FORBIDDEN_IN_ARTICLE = ("iframe", "object", "embed", "base", "form", "meta", "svg", "math", "style",
                        "input", "button", "video", "audio", "textarea", "template", "script", "link")
GLOBAL_NAMES = {"currentscript", "location", "document", "window", "top", "parent", "self", "__vbsearch",
                "__md_scope", "__md_get", "__md_set", "__md_hash", "cookie", "domain", "forms", "images"}
_CONTROL = re.compile(r"[\x00-\x20\x7f]+")
_REMOTE = re.compile(r"^(?:[a-z][a-z0-9+.-]*:|[/\\]{2})", re.IGNORECASE)
_EVENT_HANDLER_JS = """() => {
  const fired = [];
  document.addEventListener('click', e => e.preventDefault(), true);
  document.addEventListener('submit', e => e.preventDefault(), true);
  const bad = [...document.querySelectorAll('a[href], area[href]')]
    .filter(a => /^(javascript|data|vbscript):/i.test(a.protocol)).map(a => a.outerHTML.slice(0, 80));
  for (const el of document.querySelectorAll('body *')) {
    for (const type of ['mouseover', 'mouseenter', 'focus', 'click', 'animationstart', 'error',
                        'load', 'toggle', 'pointerdown', 'keydown']) {
      try { el.dispatchEvent(new Event(type, {bubbles: true})); } catch (e) { fired.push(String(e)); }
    }
    if (typeof el.focus === 'function') el.focus();
  }
  return {bad, pwned: !!(window.__pwned || top.__pwned)};
}"""


def _lint_off(monkeypatch_like) -> None:
    import vanban.build.validate

    monkeypatch_like.setattr(vanban.build.validate, "find_dangerous", lambda text: [])


def _build(project: Path, site: Path, directory_urls: bool) -> None:
    """An in-process ``mkdocs build`` (so the lint can be switched off); raises on failure."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(site), use_directory_urls=directory_urls)
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


@pytest.fixture(scope="module")
def hostile_project(tmp_path_factory):
    project = tmp_path_factory.mktemp("hostile")
    copy_project_skeleton(project)
    shutil.copytree(REPO / "records", project / "records")
    items = write_corpus(project / "records")
    return project, items


@pytest.fixture(scope="module")
def sites(hostile_project, tmp_path_factory):
    """(served site folder, offline copy folder), both built with the markup lint off."""
    project, _ = hostile_project
    mp = pytest.MonkeyPatch()
    _lint_off(mp)
    try:
        served = tmp_path_factory.mktemp("hostile-served") / "site"
        _build(project, served, True)
        offline = tmp_path_factory.mktemp("hostile-offline") / "site"
        _build(project, offline, False)
    finally:
        mp.undo()
    return served, offline


def _pages(site: Path):
    for path in sorted(site.rglob("*.html")):
        yield path, html.parse(str(path)).getroot()


def _decoded(value: str) -> str:
    return _CONTROL.sub("", html_lib.unescape(unquote(value))).lower()


def test_corpus_is_large_and_every_input_is_published(hostile_project, sites):
    _, items = hostile_project
    served, _ = sites
    assert len(items) >= 150
    catalog = (served / "catalog.json").read_text(encoding="utf-8")
    import json

    paths = {r["path"] for r in json.loads(catalog)["records"]}
    hostile_paths = {p for p in paths if p.startswith("records/hostile/")}
    published = len([i for i in items if i.kind != "filename"])
    assert len(hostile_paths) >= published, "some hostile records were not published"


@pytest.mark.parametrize("flavour", [0, 1], ids=["served", "offline"])
def test_no_event_attribute_script_url_or_remote_load_in_any_page(sites, flavour):
    site = sites[flavour]
    problems = []
    count = 0
    for path, root in _pages(site):
        count += 1
        where = path.relative_to(site)
        for element in root.iter():
            if not isinstance(element.tag, str):
                continue
            for name, value in element.attrib.items():
                lname = name.lower()
                if lname.startswith("on"):
                    problems.append(f"{where}: <{element.tag} {name}=…>")
                if lname in URL_ATTRIBUTES or name in URL_ATTRIBUTES:
                    for part in (value.split(",") if lname == "srcset" else [value]):
                        url = _decoded(part.strip().split(" ")[0] if lname == "srcset" else part)
                        if url.startswith(("javascript:", "vbscript:", "data:text", "data:application")):
                            problems.append(f"{where}: <{element.tag} {name}={value[:60]!r}>")
                if lname in LOADED and _REMOTE.match(value.strip()) and not value.startswith("data:image"):
                    problems.append(f"{where}: remote load <{element.tag} {name}={value[:60]!r}>")
            if element.tag == "link" and _REMOTE.match(element.get("href", "")) and \
                    (element.get("rel") or "") not in ("canonical", "alternate"):
                problems.append(f"{where}: remote <link href={element.get('href')!r}>")
    assert count > 300
    assert not problems, problems[:20]


@pytest.mark.parametrize("flavour", [0, 1], ids=["served", "offline"])
def test_article_content_holds_document_markup_only(sites, flavour):
    site = sites[flavour]
    problems = []
    for path, root in _pages(site):
        for article in root.find_class("md-content"):
            for button in article.find_class("md-content__button"):
                button.drop_tree()  # the theme's own edit/view buttons carry an SVG icon
            for element in article.iter():
                if not isinstance(element.tag, str):
                    continue
                tag = element.tag.split("}")[-1].lower()
                if tag in FORBIDDEN_IN_ARTICLE:
                    problems.append(f"{path.relative_to(site)}: <{tag}>")
                if element.get("style") is not None:
                    problems.append(f"{path.relative_to(site)}: style= on <{tag}>")
                for key in ("id", "name"):
                    if (element.get(key) or "").lower() in GLOBAL_NAMES:
                        problems.append(f"{path.relative_to(site)}: {key}={element.get(key)!r}")
    assert not problems, problems[:20]


@pytest.mark.parametrize("flavour", [0, 1], ids=["served", "offline"])
def test_every_page_has_a_strict_policy_that_allows_only_its_own_inline_scripts(sites, flavour):
    site = sites[flavour]
    for path in sorted(site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        root = html.fromstring(text)
        metas = root.xpath('//meta[@http-equiv="Content-Security-Policy"]')
        assert metas, f"{path}: no Content-Security-Policy"
        policy = metas[0].get("content")
        directives = dict((part.strip().split(" ", 1) + [""])[:2] for part in policy.split(";") if part.strip())
        assert "'unsafe-inline'" not in directives.get("script-src", "") and "'unsafe-eval'" not in policy
        assert directives.get("object-src", directives.get("default-src")) == "'none'"
        assert directives.get("base-uri") == "'none'"
        for source in (directives.get("script-src") or directives.get("default-src", "")).split():
            assert source in ("'self'", "'none'") or source.startswith("'sha256-"), (path, source)
        allowed = set(directives.get("script-src", "").split())
        for body in inline_scripts(text):
            assert script_hash(body) in allowed, f"{path}: inline script not in the policy: {body[:60]!r}"


def test_payloads_appear_only_as_text(sites):
    served, _ = sites
    raw_markers = ("<script>alert", "<script>window.__pwned", "<svg onload", "<img src=x onerror",
                   "<svg/onload")
    for path in served.rglob("*.html"):
        text = path.read_text(encoding="utf-8")
        for marker in raw_markers:
            assert marker not in text, f"{path}: {marker}"
        root = html.fromstring(text)
        assert len(root.xpath("//title")) == 1
    # a title payload is shown as the characters the clerk typed
    page = next(p for p in served.rglob("*.html") if "title-breakout" in p.read_text(encoding="utf-8")
                and "van-ban" in str(p))
    assert page


def test_titles_show_the_payload_characters(sites):
    served, _ = sites
    payload = FIELD_PAYLOADS["title-breakout"]
    titles = [html.parse(str(p)).getroot().findtext(".//title") or "" for p in (served / "loai").rglob("*.html")]
    assert any(payload in t for t in titles), "the type payload should be shown as text in <title>"


def test_edit_links_are_well_formed_urls(sites):
    served, _ = sites
    checked = 0
    for path, root in _pages(served):
        for link in root.xpath('//a[@rel="edit"]'):
            href = link.get("href")
            assert not re.search(r"[\s\"'<>\\]", href), (path, href)
            checked += 1
    assert checked > 100


def test_data_files_keep_payloads_as_strings(sites):
    import json

    served, _ = sites
    catalog = json.loads((served / "catalog.json").read_text(encoding="utf-8"))
    assert any(FIELD_PAYLOADS["title-breakout"] in (r.get("subject") or "") for r in catalog["records"])
    for path in (served / "search").rglob("*.js"):
        text = path.read_text(encoding="utf-8")
        start, end = text.index("("), text.rindex(")")
        # window.__vbSearch.x(<json>, <json>) — everything between the parentheses is JSON
        json.loads("[" + text[start + 1:end] + "]")


# -- in the browser -----------------------------------------------------------------------------
def _payload_pages(site: Path, suffix_html: bool) -> list[str]:
    markers = ("alert(", "__pwned", "evil.invalid", "VBBLOCK", "{{")
    pages = []
    for path in sorted(site.rglob("*.html")):
        text = path.read_text(encoding="utf-8")
        if any(m in text for m in markers) and not path.name.startswith("404"):
            pages.append(path.relative_to(site).as_posix())
    return pages


def _visit_all(browser, base: str, pages: list[str]) -> list[str]:
    context = browser.new_context()
    tab = context.new_page()
    dialogs: list[str] = []
    tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    log = RequestLog(tab, base)
    failures = []
    for url in pages:
        tab.goto(base + url, wait_until="load")
        result = tab.evaluate(_EVENT_HANDLER_JS)
        tab.wait_for_timeout(5)
        if result["bad"] or result["pwned"]:
            failures.append(f"{url}: {result}")
    context.close()
    assert log.count > len(pages)
    return failures + [f"dialog: {d}" for d in dialogs] + [f"request outside: {u}" for u in log.outside]


def test_no_payload_runs_or_loads_in_the_served_site(browser, sites):
    served, _ = sites
    pages = [p.removesuffix("index.html") for p in _payload_pages(served, False)]
    assert len(pages) >= 150
    with serve(served) as base:
        assert not _visit_all(browser, base, pages)


def test_no_payload_runs_or_loads_in_the_offline_copy(browser, sites, tmp_path):
    from vanban.engines.offline import write_zip

    _, offline = sites
    archive = tmp_path / "kho.zip"
    write_zip(offline, archive)
    with zipfile.ZipFile(archive) as z:
        assert "index.html" in z.namelist()
    base = unzip(archive, tmp_path / "copy")
    pages = _payload_pages(offline, True)
    assert len(pages) >= 150
    assert not _visit_all(browser, base, pages)


def test_corpus_covers_every_class():
    kinds = {item.kind.split(":")[0] for item in corpus()}
    assert kinds == {"body", "field", "registry", "filename"}


@pytest.mark.parametrize("query", ["img src onerror alert", "script alert", "pwned", "iframe srcdoc"])
def test_search_results_and_snippets_show_payloads_as_text(browser, sites, query):
    """Titles, trích yếu and body snippets (with <mark>) of hostile records are built from text
    nodes: no payload element appears in the results, none runs, the filters hold text only."""
    served, _ = sites
    allowed = {"LI", "A", "ARTICLE", "H1", "P", "SPAN", "MARK"}
    with serve(served) as base:
        context = browser.new_context()
        tab = context.new_page()
        dialogs: list[str] = []
        tab.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        tab.goto(f"{base}?q={quote(query)}")
        tab.wait_for_function("() => document.querySelectorAll('.md-search-result__link').length > 0")
        tab.wait_for_timeout(200)
        tags = tab.eval_on_selector_all(".md-search-result__list *", "nodes => nodes.map(n => n.tagName)")
        marks = tab.eval_on_selector_all(".md-search-result__list mark", "nodes => nodes.map(n => n.textContent)")
        options = tab.eval_on_selector_all(".vb-search-filters *", "nodes => nodes.map(n => n.tagName)")
        pwned = tab.evaluate("window.__pwned")
        context.close()
    assert set(tags) <= allowed, set(tags) - allowed
    assert marks
    assert set(options) <= {"SUMMARY", "DIV", "LABEL", "SPAN", "SELECT", "OPTION"}  # the folded filter panel
    assert not dialogs and pwned is None
