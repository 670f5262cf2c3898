"""Lint for pull requests: markup that has no place in a record (code, frames, remote loads).

This is a friendly early message, not the defence: whatever passes here is still escaped, and
record bodies are sanitised by an allowlist when rendered (``render.sanitise``). Every pattern
is linear in the text (a tag's attributes are searched only up to the next ``<``), so no input
can make a check slow.
"""

from __future__ import annotations

import re

_DANGEROUS = (
    (re.compile(r"<\s*(script|iframe|object|embed|frame|frameset|applet|base|meta|link|style|form)\b",
                re.IGNORECASE),
     "thẻ HTML <{0}> không được phép", "HTML tag <{0}> is not allowed"),
    (re.compile(r"<[^<]{0,4000}?[\s/\"'](on[a-z]+)\s*=", re.IGNORECASE),
     "thuộc tính “{0}=” chạy mã, không được phép", "event attribute '{0}=' runs code"),
    (re.compile(r"(javascript|vbscript|data)\s*:", re.IGNORECASE),
     "liên kết “{0}:” không được phép", "'{0}:' links are not allowed"),
    (re.compile(r"!\[[^\]]*\]\(\s*<?((?:https?:)?//)", re.IGNORECASE),
     "ảnh tải từ bên ngoài ({0}…) không được phép; hãy đưa ảnh vào kho",
     "remote image ({0}…) is not allowed; store the image in the repository"),
    (re.compile(r"<\s*img\b[^>]*\bsrc\s*=\s*[\"']?((?:https?:)?//)", re.IGNORECASE),
     "ảnh tải từ bên ngoài ({0}…) không được phép; hãy đưa ảnh vào kho",
     "remote image ({0}…) is not allowed; store the image in the repository"),
)

# A scheme word followed by ":" is harmless in running text ("dữ liệu data: …"); it only acts as
# a URL scheme right after a Markdown link's "(", an attribute's "=" or an autolink's "<".
_URL_CONTEXT = re.compile(r"(\]\(\s*|=\s*[\"']?\s*|<)$")


_ANY = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _, _ in _DANGEROUS), re.IGNORECASE)


def find_dangerous(text: str) -> list[tuple[str, str, int]]:
    """Return (Vietnamese message, English message, line) for every dangerous construct."""
    found: list[tuple[str, str, int]] = []
    if "<" not in text and "](" not in text and ":" not in text:
        return found  # nothing that could be a tag, a link or a scheme
    if not _ANY.search(text):  # one pass for the common, clean case
        return found
    for pattern, vi, en in _DANGEROUS:
        for match in pattern.finditer(text):
            if pattern.pattern.startswith("(javascript") and not _URL_CONTEXT.search(
                    text[max(0, match.start() - 40): match.start()]):
                continue
            what = match.group(1).lower()
            line = text.count("\n", 0, match.start()) + 1
            found.append((vi.format(what), en.format(what), line))
    return found
