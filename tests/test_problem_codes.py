"""Every problem carries a code, and the record-format guide explains every code the library
can emit (and names none it does not), so a clerk can look up any message."""

from __future__ import annotations

import re

from conftest import REPO, Collection, cong_van

GUIDE = REPO / "docs" / "huong-dan" / "dinh-dang-ban-ghi.md"


def _emitted() -> set[str]:
    codes = set()
    for path in (REPO / "hooks" / "vanban").rglob("*.py"):
        codes |= set(re.findall(r'code(?:: str)? ?= ?"([a-z]+\.[a-z-]+)"', path.read_text(encoding="utf-8")))
    return codes


def _documented() -> set[str]:
    section = GUIDE.read_text(encoding="utf-8").split("## Mã lỗi và cách sửa", 1)[1]
    return set(re.findall(r"`([a-z]+\.[a-z*-]+)`", section))


def test_the_guide_explains_every_code_and_only_those():
    emitted, documented = _emitted(), _documented()
    assert len(emitted) > 40
    assert emitted - documented == set()
    assert {c for c in documented - emitted if not c.startswith("schema.")} == set()


def test_problems_carry_their_code_in_the_message(collection: Collection):
    collection.add("2023/a.md", cong_van(date="2023-02-30"))
    collection.add("2023/b.md", cong_van(number="930-UBND/TH-X/Y/Z"))
    collection.add("2023/c.md", text="không có front-matter\n")
    problems = {p.path.rsplit("/", 1)[-1]: p for p in collection.catalogue().problems}
    assert problems["a.md"].code == "date.impossible" and problems["a.md"].format().endswith("[date.impossible]")
    assert problems["c.md"].code == "file.no-front-matter"
    codes = {p.code for p in collection.catalogue().problems}
    assert "" not in codes
