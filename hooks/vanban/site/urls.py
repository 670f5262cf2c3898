"""The URL scheme of the site: one place that says where every generated page lives.

Source paths (``van-ban/<id>.md``) are what MkDocs and any other Markdown engine see; output
URLs depend on ``use_directory_urls`` (``van-ban/<id>/`` on the served site, ``van-ban/<id>.html``
in the offline copy opened from ``file://``). Links are always written relative, so the same
pages work under any base path and from a folder on a USB stick.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import quote

RECORDS = "van-ban"
ISSUERS = "co-quan"
DIRECTIVES = "dan-chieu"
UNITS = "don-vi"
TYPES = "loai"
YEARS = "nam"
TRACKER = "viec-can-lam"

SECTION_LABELS = {RECORDS: "Tất cả văn bản", ISSUERS: "Cơ quan ban hành", DIRECTIVES: "Văn bản được dẫn chiếu",
                  UNITS: "Đơn vị được giao",
                  TYPES: "Loại văn bản", YEARS: "Văn bản theo năm", TRACKER: "Việc cần làm"}
"""The sections' names as the navigation tabs and breadcrumbs say them."""


def path_for_link(path: str) -> str:
    """A repository path as a URL path: every segment percent-encoded, so a file name holding
    ``"``, ``<``, ``#``, ``?`` or spaces (git allows them) stays one well-formed link."""
    return quote(path, safe="/")


def record_page(record_id: str) -> str:
    return f"{RECORDS}/{record_id}.md"


ORIGINALS = "ban-goc"


def original_file(record_id: str, name: str) -> str:
    """Where a record's original file is published (site-root relative): ``ban-goc/<id>/<name>``."""
    return f"{ORIGINALS}/{record_id}/{name}"


def issuer_page(issuer_id: str) -> str:
    return f"{ISSUERS}/{issuer_id}.md"


def directive_page(directive_id: str) -> str:
    return f"{DIRECTIVES}/{directive_id}.md"


def citations_page(directive_id: str) -> str:
    """All citations of a document that is a record (its own page shows the first ones)."""
    return f"{DIRECTIVES}/{directive_id}/tat-ca.md"


def unit_page(unit_id: str) -> str:
    return f"{UNITS}/{unit_id}.md"


def type_page(type_slug: str) -> str:
    return f"{TYPES}/{type_slug}.md"


def year_page(year: int) -> str:
    return f"{YEARS}/{year}.md"


def all_records_page() -> str:
    """The list of every document, newest first: the landing page of the records' own folder."""
    return landing_page(RECORDS)


ALL_RECORDS_DATA = "du-lieu/tat-ca-van-ban.js"
"""The facts the all-documents page sorts and filters on, as a script (``<script src>`` loads
from ``file://``, where a browser refuses to fetch JSON)."""


def landing_page(section: str) -> str:
    return f"{section}/index.md"


HOME = "index.md"
BUILD_INFO = "thong-tin-ban-dung.md"


@dataclass(frozen=True, slots=True)
class Linker:
    """Turns source paths into output paths, site-root URLs and relative links.

    A link climbs to the site root ("../" per folder level of the page) and goes down to the
    target. Longer than the shortest relative path, but it depends only on the page's depth, so
    a list item rendered once serves every page at that depth (the renderer caches on it).
    """

    use_directory_urls: bool = True

    def dest_path(self, src_uri: str) -> str:
        """Output file of a page: ``van-ban/x.md`` → ``van-ban/x/index.html`` or ``van-ban/x.html``."""
        return _dest_path(src_uri, self.use_directory_urls)

    def url(self, src_uri: str) -> str:
        """URL relative to the site root, as published in catalog.json."""
        return _url(src_uri, self.use_directory_urls)

    def depth(self, src_uri: str) -> int:
        """Folder levels between the page's output file and the site root."""
        return self.dest_path(src_uri).count("/")

    def href(self, from_src_uri: str, to_src_uri: str) -> str:
        """Relative link from one page to another (``../../co-quan/x/``)."""
        return self.href_at(self.depth(from_src_uri), to_src_uri)

    def href_at(self, depth: int, to_src_uri: str) -> str:
        """Relative link to a page from any page ``depth`` folders below the root."""
        target = self.url(to_src_uri)
        if not self.use_directory_urls and target == "":
            target = "index.html"
        return ("../" * depth + target) or "./"

    def href_to_file(self, from_src_uri: str, file_path: str) -> str:
        """Relative link from a page to a static file at ``file_path`` (site-root relative)."""
        return "../" * self.depth(from_src_uri) + file_path


@lru_cache(maxsize=200_000)
def _dest_path(src_uri: str, use_directory_urls: bool) -> str:
    stem, _ = posixpath.splitext(src_uri)
    if posixpath.basename(stem) == "index":
        return f"{stem}.html"
    return f"{stem}/index.html" if use_directory_urls else f"{stem}.html"


@lru_cache(maxsize=200_000)
def _url(src_uri: str, use_directory_urls: bool) -> str:
    dest = _dest_path(src_uri, use_directory_urls)
    if use_directory_urls and dest.endswith("index.html"):
        return dest[: -len("index.html")]
    return dest
