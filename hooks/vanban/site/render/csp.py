"""Content-Security-Policy for every page: the browser's own second line behind the sanitiser.

The policy goes into a ``<meta http-equiv>`` tag because the site is also opened from a folder
or a USB stick (``file://``), where no server sends headers. It allows scripts, styles, fonts
and images only from the site itself; the theme's few inline scripts are allowed by their
SHA-256 hashes, so an inline script that slipped into a page by any route would not run.
Images may also be ``data:`` URLs, which the theme's stylesheet uses for its icons.
"""

from __future__ import annotations

import base64
import hashlib
import re

_INLINE_SCRIPT = re.compile(r"<script(?P<attrs>(?:\s[^>]*)?)>(?P<body>.*?)</script>", re.DOTALL | re.IGNORECASE)
_DATA_TYPE = re.compile(r"\btype\s*=\s*[\"']?application/(?:ld\+)?json", re.IGNORECASE)


def script_hash(body: str) -> str:
    """The CSP source expression that allows exactly this inline script."""
    digest = hashlib.sha256(body.encode("utf-8")).digest()
    return "'sha256-" + base64.b64encode(digest).decode("ascii") + "'"


def inline_scripts(html: str) -> list[str]:
    """Bodies of the inline scripts in ``html`` that a browser would run (not JSON data blocks,
    not scripts loaded by ``src``)."""
    found = []
    for match in _INLINE_SCRIPT.finditer(html):
        attrs = match.group("attrs") or ""
        if re.search(r"\ssrc\s*=", attrs, re.IGNORECASE) or _DATA_TYPE.search(attrs):
            continue
        found.append(match.group("body"))
    return found


def policy(script_hashes: set[str] | frozenset[str] = frozenset()) -> str:
    """The policy text: everything from the site only, nothing embedded, no base or form tricks."""
    scripts = " ".join(["'self'", *sorted(script_hashes)])
    return "; ".join([
        "default-src 'self'",
        f"script-src {scripts}",
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "frame-src 'none'",
        "worker-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
    ])


STATIC_PAGE_POLICY = "default-src 'none'; img-src 'self'; style-src 'self'; base-uri 'none'; form-action 'none'"
"""For the small pages we write whole (redirect stubs): they load nothing and run nothing."""


def meta_tag(text: str) -> str:
    return f'<meta http-equiv="Content-Security-Policy" content="{text}">'
