"""MkDocs adaptation for incremental rebuilds: generated pages that did not change are skipped.

MkDocs treats every in-memory (generated) file as modified, so ``mkdocs serve --dirty`` would
still rebuild every record, index and data file after one record is edited. A generated file
here remembers the hash of its content from the previous build of the same process and says
it is unmodified when the content is the same and its output file is still on disk.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Sequence
from typing import cast

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

    def file(self, config, src_uri: str, content: str, blocks: Sequence[str] = ()) -> GeneratedFile:
        """``content`` and the HTML ``blocks`` its placeholders stand for make the page."""
        hasher = hashlib.blake2b(content.encode("utf-8"), digest_size=16)
        for block in blocks:
            hasher.update(b"\0" + block.encode("utf-8"))
        digest = hasher.hexdigest()
        file = cast(GeneratedFile, GeneratedFile.generated(config, src_uri, content=content))
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
