"""Shared helpers: small in-memory collections written to a temporary repository."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest
import yaml

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "hooks"))  # the library, also when not pip-installed
# Every build in the tests counts deadlines and statuses from one fixed day (2026-12-01, 12:00 in
# Vietnam), never from the day the tests run; subprocess builds inherit it.
os.environ["SOURCE_DATE_EPOCH"] = "1796101200"

TINY_REGISTRY = {
    "organisations": [
        {"id": "ubnd-tinh", "name": "Ủy ban nhân dân tỉnh Nghệ An", "short": "UBND tỉnh Nghệ An",
         "kind": "state", "aliases": ["UBND tỉnh", "Uỷ ban nhân dân tỉnh"]},
        {"id": "tinh-uy", "name": "Tỉnh ủy Nghệ An", "kind": "party", "aliases": ["Tỉnh uỷ"]},
        {"id": "btv-tinh-uy", "name": "Ban Thường vụ Tỉnh ủy Nghệ An", "kind": "party",
         "parent": "tinh-uy", "aliases": ["Ban Thường vụ Tỉnh ủy", "Ban Thường vụ Tỉnh uỷ"]},
        {"id": "so-noi-vu", "name": "Sở Nội vụ tỉnh Nghệ An", "kind": "state", "parent": "ubnd-tinh",
         "aliases": ["Sở Nội vụ"]},
        {"id": "so-tai-chinh", "name": "Sở Tài chính tỉnh Nghệ An", "kind": "state",
         "parent": "ubnd-tinh", "aliases": ["Sở Tài chính"]},
        {"id": "ubnd-huyen-do-luong", "name": "Ủy ban nhân dân huyện Đô Lương", "kind": "state",
         "parent": "ubnd-tinh", "aliases": ["UBND huyện Đô Lương"], "valid_to": "2025-06-30"},
        {"id": "ubnd-huyen-moi", "name": "Ủy ban nhân dân huyện Mới", "kind": "state",
         "parent": "ubnd-tinh", "valid_from": "2024-01-01"},
    ],
    "groups": [
        {"id": "so-ban-nganh", "name": "Các Sở, ban, ngành cấp tỉnh",
         "aliases": ["Các sở, ban, ngành"], "members": ["so-noi-vu", "so-tai-chinh"]},
        {"id": "ubnd-cap-huyen", "name": "UBND các huyện, thành phố, thị xã",
         "members": ["ubnd-huyen-do-luong", "ubnd-huyen-moi"]},
    ],
}


def record_text(front_matter: dict, body: str = "Nội dung văn bản.\n") -> str:
    """A record file's text from a front-matter mapping and a body."""
    return "---\n" + yaml.safe_dump(front_matter, allow_unicode=True, sort_keys=False) + "---\n\n" + body


class Collection:
    """A throw-away repository with records/ and a registry."""

    def __init__(self, root: Path) -> None:
        self.root = root
        (root / "records").mkdir(parents=True, exist_ok=True)
        self.set_registry(TINY_REGISTRY)

    def set_registry(self, data: dict) -> None:
        (self.root / "records" / "registry.yml").write_text(
            yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")

    def add(self, name: str, front_matter: dict | None = None, body: str = "Nội dung.\n",
            text: str | None = None) -> Path:
        path = self.root / "records" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text if text is not None else record_text(front_matter or {}, body), encoding="utf-8")
        return path

    def catalogue(self):
        from vanban.build.pipeline import Sources, build_catalogue

        return build_catalogue(Sources.at(self.root))


@pytest.fixture
def collection(tmp_path: Path) -> Collection:
    return Collection(tmp_path)


def cong_van(number: str | None = "930/UBND-TH", **extra) -> dict:
    """A minimal valid state công văn front-matter, with overrides."""
    fm = {"number": number, "type": "Công văn", "issuer": "UBND tỉnh", "date": "2023-02-16",
          "subject": "V/v thử nghiệm"}
    fm.update(extra)
    return fm


@pytest.fixture(scope="session")
def browser():
    """One headless Debian chromium for every browser test (Playwright cannot fetch its own)."""
    from browser_support import CHROMIUM, FLAGS
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def office_files(tmp_path_factory) -> dict[str, Path]:
    """One Công văn as .html, .pdf, .docx, .doc (saved by LibreOffice) and scanned (tests/officefiles.py)."""
    from officefiles import make_files, need

    for program in ("soffice", "pdftoppm", "tesseract"):
        need(program)
    return make_files(tmp_path_factory.mktemp("office"))
