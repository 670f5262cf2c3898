"""Real-browser helpers: Debian's chromium driven by Playwright, sites served on loopback."""

from __future__ import annotations

import functools
import http.server
import shutil
import threading
import zipfile
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
AXE = Path(__file__).parent / "browser" / "node_modules" / "axe-core" / "axe.min.js"


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the stdlib's name
        pass


@contextmanager
def serve(folder: Path):
    """Serve ``folder`` on 127.0.0.1 at a free port; yield the base URL (ending in /)."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def unzip(archive: Path, folder: Path) -> str:
    with zipfile.ZipFile(archive) as z:
        z.extractall(folder)
    return folder.resolve().as_uri() + "/"


class RequestLog:
    """Every request a page makes; anything outside ``base`` is a failure."""

    def __init__(self, page, base: str) -> None:
        self.base = base
        self.outside: list[str] = []
        self.count = 0
        page.on("request", self._seen)

    def _seen(self, request) -> None:
        self.count += 1
        if not request.url.startswith(self.base) and not request.url.startswith("data:"):
            self.outside.append(request.url)


def run_query(page, base: str, home: str, query: str) -> list[dict]:
    """Open ``home`` with ``?q=`` and return the results shown (title, facts, href)."""
    page.goto(f"{base}{home}?q={quote(query)}")
    page.wait_for_function(
        "() => { const m = document.querySelector('.vb-search .md-search-result__meta');"
        " return m && /kết quả|Không tìm thấy/.test(m.textContent); }", timeout=10_000)
    return page.eval_on_selector_all(
        ".md-search-result__link",
        "links => links.map(a => ({href: a.getAttribute('href'), title: a.querySelector('h1').textContent,"
        " facts: (a.querySelector('.vb-search-facts') || {}).textContent || ''}))")


def axe_violations(page) -> list[dict]:
    """Every axe-core violation on the page, whatever its impact."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => await axe.run(document, {resultTypes: ['violations']})")
    return [{"id": v["id"], "impact": v["impact"], "nodes": [n["target"] for n in v["nodes"]][:3]}
            for v in result["violations"]]
