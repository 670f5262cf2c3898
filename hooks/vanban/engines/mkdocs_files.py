"""MkDocs virtual files for the generated site: compressed, and skipped when unchanged.

MkDocs treats every in-memory (generated) file as modified, so ``mkdocs serve --dirty`` would
still rebuild every record, index and data file after one record is edited. A generated file
here remembers the hash of its content from the previous build of the same process and says
it is unmodified when the content is the same and its output file is still on disk.

MkDocs holds every virtual file's content from ``on_files`` to the end of the build; the text of
50,000 records' pages and data files is several gigabytes as Python strings. A generated file
keeps its content zlib-compressed (about a fifth, at the fastest level) and opens it when
MkDocs reads or writes it.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import zlib
from collections.abc import Sequence
from typing import cast

from mkdocs.structure.files import File

PACK_LEVEL = 1
"""zlib level: the fastest; Vietnamese HTML and Markdown still shrink to about a fifth."""


def pack(text: str) -> bytes:
    return zlib.compress(text.encode("utf-8"), PACK_LEVEL)


def unpack(packed: bytes) -> str:
    return zlib.decompress(packed).decode("utf-8")


def pack_blocks(blocks: Sequence[str]) -> bytes:
    """A page's HTML blocks in one compressed piece (marshal keeps any text whole)."""
    return zlib.compress(marshal.dumps(tuple(blocks)), PACK_LEVEL)


def unpack_blocks(packed: bytes) -> tuple[str, ...]:
    return cast(tuple[str, ...], marshal.loads(zlib.decompress(packed)))


class GeneratedFile(File):
    """A virtual file with compressed content, whose ``is_modified`` compares its content with
    the previous build."""

    unchanged: bool = False
    packed: bytes = b""

    def is_modified(self) -> bool:
        return not (self.unchanged and os.path.isfile(self.abs_dest_path))

    @property  # type: ignore[override]
    def content_string(self) -> str:
        return unpack(self.packed)

    @content_string.setter
    def content_string(self, value: str) -> None:
        self.packed = pack(value)

    @property  # type: ignore[override]
    def content_bytes(self) -> bytes:
        return zlib.decompress(self.packed)

    @content_bytes.setter
    def content_bytes(self, value: bytes) -> None:
        self.packed = zlib.compress(value, PACK_LEVEL)

    def copy_file(self, dirty: bool = False) -> None:
        if dirty and not self.is_modified():
            return
        os.makedirs(os.path.dirname(self.abs_dest_path), exist_ok=True)
        with open(self.abs_dest_path, "wb") as output:
            output.write(self.content_bytes)


class ContentMemory:
    """Content hashes of the previous build's generated files, by source path."""

    def __init__(self) -> None:
        self._hashes: dict[str, str] = {}

    def file(self, config, src_uri: str, content: str, blocks: Sequence[str] = ()) -> GeneratedFile:
        """``content`` and the HTML ``blocks`` its placeholders stand for make the page."""
        hasher = hashlib.blake2b(content.encode("utf-8"), digest_size=16)
        for block in blocks:
            hasher.update(b"\0" + block.encode("utf-8"))
        digest = hasher.hexdigest()
        file = cast(GeneratedFile, GeneratedFile.generated(config, src_uri, content=""))
        file.packed = pack(content)
        file.unchanged = self._hashes.get(src_uri) == digest
        self._hashes[src_uri] = digest
        return file


THEME_SCRIPT_PARTIALS = ("partials/javascripts/base.html", "partials/javascripts/content.html")
"""Material's partials that write inline scripts into every page."""


def theme_script_hashes(env, config, max_depth: int = 12) -> set[str]:
    """CSP hashes of the theme's inline scripts, for every ``base_url`` a page can have.

    The scripts embed the page's relative root (``..``, ``../..``), so each depth gives its own
    hash; the 404 page uses the site's absolute path. Rendering Material's own partials (rather
    than copying their text) keeps the hashes right when Material is upgraded.
    """
    from urllib.parse import urlsplit

    from vanban.site.render.csp import inline_scripts, script_hash

    bases = [".", *("/".join([".."] * depth) for depth in range(1, max_depth + 1))]
    site_path = urlsplit(config.site_url or "/").path
    bases += ["/", site_path, site_path.rstrip("/")]
    features = config.theme.get("features") or []
    hashes: set[str] = set()
    for name in THEME_SCRIPT_PARTIALS:
        template = env.get_template(name)
        for base in bases:
            html = template.render(config=config, base_url=base, features=features)
            hashes.update(script_hash(body) for body in inline_scripts(html))
    return hashes
