"""``vanban offline``: the site as a zip that works unzipped from a folder or USB stick.

Opened from ``file://`` there is no server to turn ``van-ban/x/`` into ``van-ban/x/index.html``,
so the copy is built with ``use_directory_urls: false``; every link is relative, search loads
its index through script tags, and nothing is fetched from outside (no fonts, no CDN, no
worker shim — we do not use Material's offline plugin, whose shim comes from unpkg.com).
"""

from __future__ import annotations

import datetime as _dt
import os
import tempfile
import zipfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config


def default_name(built_on: _dt.date) -> str:
    """``kho-van-ban-2026-11-25.zip``: the archive name carries the build date — the one its
    "Thông tin bản dựng" page shows (``vanban.site.buildinfo``), passed in rather than read
    from the clock here so that a reproducible build (``SOURCE_DATE_EPOCH``) names it the same."""
    return f"kho-van-ban-{built_on.isoformat()}.zip"


def build_site(config_file: Path, site_dir: Path) -> None:
    """Build the file-system flavour of the site into ``site_dir`` (raises on record errors)."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(config_file), use_directory_urls=False, site_dir=str(site_dir))
    config.plugins.on_startup(command="build", dirty=False)
    try:
        build(config)
    finally:
        config.plugins.on_shutdown()


def write_zip(site_dir: Path, output: Path) -> int:
    """Zip ``site_dir`` with ``index.html`` at the archive's root; return the number of files."""
    files = sorted(p for p in site_dir.rglob("*") if p.is_file())
    output.parent.mkdir(parents=True, exist_ok=True)
    partial = output.with_suffix(output.suffix + ".tmp")
    with zipfile.ZipFile(partial, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=6) as archive:
        for path in files:
            archive.write(path, path.relative_to(site_dir).as_posix())
    partial.replace(output)
    return len(files)


def make_offline_copy(config_file: Path, output: Path) -> int:
    with tempfile.TemporaryDirectory(prefix="kho-offline-") as tmp:
        site_dir = Path(tmp) / "site"
        build_site(config_file, site_dir)
        return write_zip(site_dir, output)
