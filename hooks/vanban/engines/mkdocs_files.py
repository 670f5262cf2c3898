"""MkDocs virtual files for the generated site: compressed, and skipped when unchanged.

MkDocs treats every in-memory (generated) file as modified, so ``mkdocs serve --dirty`` would
still rebuild every record, index and data file after one record is edited. A generated file
here remembers the hash of its content from the previous build of the same process and says
it is unmodified when the content is the same and its output file is still on disk.

MkDocs holds every virtual file's content from ``on_files`` to the end of the build; the text of
50,000 records' pages and data files is several gigabytes as Python strings, and still about
1.5 GB compressed. So a generated file's content goes, zlib-compressed, into a spill file on
disk (``Spill``), and is read back when MkDocs reads or writes the file: memory holds only
where each piece lies.
"""

from __future__ import annotations

import hashlib
import marshal
import os
import tempfile
import threading
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


class Spill:
    """An append-only temporary file of compressed pieces, each read back by (offset, length).
    One per build; the file is deleted when it is closed or the process ends."""

    def __init__(self) -> None:
        self._file = tempfile.TemporaryFile(prefix="vanban-spill-")
        self._end = 0
        self._lock = threading.Lock()  # serve's server threads may read while a build writes

    def put(self, piece: bytes) -> tuple[int, int]:
        with self._lock:
            self._file.seek(self._end)
            self._file.write(piece)
            where = (self._end, len(piece))
            self._end += len(piece)
        return where

    def get(self, where: tuple[int, int]) -> bytes:
        offset, length = where
        with self._lock:
            self._file.seek(offset)
            return self._file.read(length)

    def close(self) -> None:
        self._file.close()


class GeneratedFile(File):
    """A virtual file whose content lies compressed in a ``Spill``, and whose ``is_modified``
    compares its content with the previous build."""

    unchanged: bool = False
    spill: Spill
    where: tuple[int, int] = (0, 0)

    def is_modified(self) -> bool:
        return not (self.unchanged and os.path.isfile(self.abs_dest_path))

    @property  # type: ignore[override]
    def content_bytes(self) -> bytes:
        return zlib.decompress(self.spill.get(self.where))

    @content_bytes.setter
    def content_bytes(self, value: bytes) -> None:
        self.where = self.spill.put(zlib.compress(value, PACK_LEVEL))

    @property  # type: ignore[override]
    def content_string(self) -> str:
        return self.content_bytes.decode("utf-8")

    @content_string.setter
    def content_string(self, value: str) -> None:
        self.content_bytes = value.encode("utf-8")

    def copy_file(self, dirty: bool = False) -> None:
        if dirty and not self.is_modified():
            return
        os.makedirs(os.path.dirname(self.abs_dest_path), exist_ok=True)
        with open(self.abs_dest_path, "wb") as output:
            output.write(self.content_bytes)


class ContentMemory:
    """Content hashes of the previous build's generated files, by source path, and the spill
    file of this build's contents."""

    def __init__(self) -> None:
        self._hashes: dict[str, str] = {}
        self.spill = Spill()

    def new_build(self) -> None:
        """A fresh spill file: the previous build's pieces are no longer read."""
        self.spill.close()
        self.spill = Spill()

    def forget(self) -> None:
        """After a failed build: no file counts as unchanged, since its output may be stale."""
        self._hashes.clear()

    def file(self, config, src_uri: str, content: str, blocks: Sequence[str] = ()) -> GeneratedFile:
        """``content`` and the HTML ``blocks`` its placeholders stand for make the page."""
        encoded = content.encode("utf-8")  # once: a data file can be a hundred megabytes
        hasher = hashlib.blake2b(encoded, digest_size=16)
        for block in blocks:
            hasher.update(b"\0" + block.encode("utf-8"))
        digest = hasher.hexdigest()
        file = cast(GeneratedFile, GeneratedFile.generated(config, src_uri, content=""))
        file.spill = self.spill
        file.content_bytes = encoded
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
