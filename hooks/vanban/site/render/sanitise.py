"""The trust boundary for record text: an allowlist sanitiser over the HTML a body renders to.

Record bodies arrive through pull requests from many offices and are opened inside government
offices, also from ``file://``. Input checks (``validate``) only lint; the defence is here, at
the output: whatever the Markdown renderer made of a body, only the tags, attributes and URL
schemes an official document needs survive. The work is done by nh3 (the Rust sanitiser
Ammonia), which parses HTML as a browser does — entities, control characters inside schemes,
quotes inside attributes — instead of guessing with patterns.

What is refused, and why:

* scripts, frames, forms, embedded objects, SVG/MathML, ``<style>``, ``<base>``, ``<meta>``
  (code, remote loads, overlays, redirects);
* every event attribute, ``style``, ``class``, ``id`` and ``name`` (handlers, page-wide
  overlays, look-alikes of the site's own controls, DOM clobbering of globals);
* URLs with any scheme but http, https and mailto; images may only come from inside the site
  (a relative path that does not start with ``/`` or ``\\``): a remote image would tell an
  outside server who reads what, and stops working offline.
"""

from __future__ import annotations

import html
import re

import nh3

TAGS = frozenset({
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "strong", "b", "em", "i", "u", "s", "del",
    "ins", "sup", "sub", "small", "mark", "abbr", "blockquote", "ul", "ol", "li", "dl", "dt", "dd",
    "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td", "code",
    "pre", "kbd", "a", "img", "span", "div", "figure", "figcaption",
})
"""What an official document needs: paragraphs, headings, lists, tables (phụ lục), emphasis."""

DROP_WITH_CONTENT = frozenset({"script", "style", "template", "noscript", "textarea", "title",
                               "iframe", "object", "svg", "math", "select", "option"})
"""Tags whose text is code or markup, not document text: removed together with their content."""

ATTRIBUTES: dict[str, set[str]] = {
    "a": {"href", "title"},
    "img": {"src", "alt", "title", "width", "height"},
    "abbr": {"title"},
    "ol": {"start", "type", "reversed"},
    "li": {"value"},
    "th": {"colspan", "rowspan", "align", "scope"},
    "td": {"colspan", "rowspan", "align"},
    "col": {"span"},
    "colgroup": {"span"},
}

URL_SCHEMES = frozenset({"http", "https", "mailto"})

_SAFE_LOCAL_SRC = re.compile(r"^(?![a-zA-Z][a-zA-Z0-9+.-]*:)(?![/\\])[^\\\s\x00-\x1f]+$")
"""A relative image path inside the site: no scheme, not root- or protocol-relative, no
backslash (browsers read ``\\\\host\\x`` as ``//host/x``), no control characters."""

_DIGITS = re.compile(r"^\d{1,4}$")


_SPACE_AND_CONTROL = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")


def _scheme_allowed(value: str) -> bool:
    """Judge a URL's scheme with every space and control character removed, stricter than any
    browser: "java  script:" (tab-expanded by Markdown) is refused, not taken as relative."""
    squeezed = _SPACE_AND_CONTROL.sub("", html.unescape(value)).lower()
    match = _SCHEME.match(squeezed)
    return match is None or match.group(1) in URL_SCHEMES


def _attribute_filter(tag: str, attribute: str, value: str) -> str | None:
    """Per-attribute rules nh3's allowlist cannot express: local images, sane numbers, and a
    second, stricter look at every URL's scheme."""
    if attribute in ("href", "src") and not _scheme_allowed(value):
        return None
    if tag == "img" and attribute == "src":
        return value if _SAFE_LOCAL_SRC.match(value) else None
    if attribute in ("colspan", "rowspan", "span", "start", "value", "width", "height"):
        return value if _DIGITS.match(value) else None
    if attribute == "align":
        return value if value in ("left", "right", "center", "justify") else None
    if tag == "a" and attribute == "href" and "\\" in value:
        return None  # "\\host\x" is read as "//host/x"; no document needs a backslash in a link
    return value


_CLEANER = nh3.Cleaner(
    tags=set(TAGS),
    clean_content_tags=set(DROP_WITH_CONTENT),
    attributes=ATTRIBUTES,
    attribute_filter=_attribute_filter,
    url_schemes=set(URL_SCHEMES),
    strip_comments=True,
    link_rel="noopener noreferrer nofollow",
    generic_attribute_prefixes=set(),
)


_CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
"""C0 controls other than tab and newlines: never document text, and a way to split a word a
filter looks for."""


def clean_html(html: str) -> str:
    """Return ``html`` with everything outside the allowlist removed (text is kept, escaped)."""
    return _CLEANER.clean(_CONTROL_CHARACTERS.sub("", html))
