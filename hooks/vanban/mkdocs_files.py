"""MkDocs adaptation for incremental rebuilds: generated pages that did not change are skipped.

MkDocs treats every in-memory (generated) file as modified, so ``mkdocs serve --dirty`` would
still rebuild every record, index and data file after one record is edited. A generated file
here remembers the hash of its content from the previous build of the same process and says
it is unmodified when the content is the same and its output file is still on disk.
"""

from __future__ import annotations

import hashlib
import os

from mkdocs.structure.files import File


class GeneratedFile(File):
    """A virtual file whose ``is_modified`` compares its content with the previous build."""

    unchanged: bool = False

    def is_modified(self) -> bool:
        return not (self.unchanged and os.path.isfile(self.abs_dest_path))


class ContentMemory:
    """Content hashes of the previous build's generated files, by source path."""

    def __init__(self) -> None:
        self._hashes: dict[str, str] = {}

    def file(self, config, src_uri: str, content: str) -> GeneratedFile:
        digest = hashlib.blake2b(content.encode("utf-8"), digest_size=16).hexdigest()
        file = GeneratedFile.generated(config, src_uri, content=content)
        file.unchanged = self._hashes.get(src_uri) == digest
        self._hashes[src_uri] = digest
        return file
