"""`vanban import` of broken files: one clear line naming the file, never a traceback, and the
good files of the same call still imported."""

from __future__ import annotations

import os
import random
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest
from conftest import REPO
from docxmaker import paragraph, run, write_docx

GOOD_TEXT = (REPO / "tests" / "import_corpus" / "01_seed.txt").read_text(encoding="utf-8")


def _import(tmp: Path, *files: Path) -> subprocess.CompletedProcess:
    out = tmp / "out"
    out.mkdir(exist_ok=True)
    return subprocess.run([sys.executable, "-m", "vanban.cli", "--root", str(REPO), "import", *map(str, files),
                           "-o", "-"] if len(files) == 1 else
                          [sys.executable, "-m", "vanban.cli", "--root", str(tmp), "import", *map(str, files)],
                          capture_output=True, text=True, timeout=120, cwd=tmp,
                          env={**os.environ, "PYTHONPATH": str(REPO / "hooks")})


def _zip(path: Path, members: dict[str, bytes], method=zipfile.ZIP_DEFLATED) -> Path:
    with zipfile.ZipFile(path, "w", compression=method) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return path


def _broken(kind: str, tmp: Path) -> Path:
    good = tmp / "good.docx"
    if not good.exists():
        write_docx(good, [paragraph(run(t)) for t in ("ỦY BAN NHÂN DÂN TỈNH NGHỆ AN", "Số: 930/UBND-TH", "V/v thử")])
    path = tmp / f"{kind}.docx"
    if kind == "random":
        path.write_bytes(random.Random(1).randbytes(5000))
    elif kind == "empty":
        path.write_bytes(b"")
    elif kind == "truncated":
        path.write_bytes(good.read_bytes()[: len(good.read_bytes()) // 2])
    elif kind == "bad-crc":
        data = bytearray(_zip(tmp / "plain.docx", {"word/document.xml": b"<w:document xmlns:w='x'/>" * 50},
                              zipfile.ZIP_STORED).read_bytes())
        data[60] ^= 0xFF
        path.write_bytes(bytes(data))
    elif kind == "encrypted":
        data = bytearray(good.read_bytes())
        at = 0
        while (at := data.find(b"PK\x03\x04", at)) >= 0:
            data[at + 6] |= 0x1
            at += 4
        at = 0
        while (at := data.find(b"PK\x01\x02", at)) >= 0:
            data[at + 8] |= 0x1
            at += 4
        path.write_bytes(bytes(data))
    elif kind == "unsupported-compression":
        data = bytearray(_zip(tmp / "s.docx", {"word/document.xml": b"<x/>"}, zipfile.ZIP_STORED).read_bytes())
        data[8] = 99  # compression method 99 in the local header
        at = data.find(b"PK\x01\x02")
        data[at + 10] = 99
        path.write_bytes(bytes(data))
    elif kind == "malformed-xml":
        _zip(path, {"word/document.xml": b"<w:document><w:body><w:p>"})
    elif kind == "billion-laughs":
        xml = (b'<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">' +
               b"".join(b'<!ENTITY %s "%s">' % (f"e{i}".encode(), (b"&" + (f"e{i-1}" if i else "a").encode() + b";") * 10)
                        for i in range(9)) +
               b']><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
               b"<w:body><w:p><w:r><w:t>&e8;</w:t></w:r></w:p></w:body></w:document>")
        _zip(path, {"word/document.xml": xml})
    elif kind == "zip-bomb":
        with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as z:
            with z.open("word/document.xml", "w", force_zip64=True) as member:
                block = b"\0" * (1 << 20)
                for _ in range(2048):  # 2 GB of zeros, about 2 MB compressed
                    member.write(block)
    elif kind == "no-document":
        _zip(path, {"hello.txt": b"x"})
    return path


KINDS = ["random", "empty", "truncated", "bad-crc", "encrypted", "unsupported-compression", "malformed-xml",
         "billion-laughs", "zip-bomb", "no-document"]


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("broken")
    return tmp, {kind: _broken(kind, tmp) for kind in KINDS}


@pytest.mark.parametrize("kind", KINDS)
def test_broken_docx_gives_one_clear_line(broken, kind):
    tmp, files = broken
    start = time.perf_counter()
    result = _import(tmp, files[kind])
    assert time.perf_counter() - start < 30
    if kind == "billion-laughs" and result.returncode == 0:
        assert len(result.stdout) < 100_000  # parsed without expanding the entities
        return
    assert result.returncode != 0, result.stdout[:300]
    assert "Traceback" not in result.stderr, result.stderr
    lines = [line for line in result.stderr.splitlines() if files[kind].name in line]
    assert len(lines) == 1, result.stderr
    assert "(" in lines[0] and lines[0].startswith("vanban import:")


def test_good_files_of_the_same_call_are_still_imported(broken):
    tmp, files = broken
    good = tmp / "seed.txt"
    good.write_text(GOOD_TEXT, encoding="utf-8")
    (tmp / "records").mkdir(exist_ok=True)
    (tmp / "records" / "registry.yml").write_bytes((REPO / "records" / "registry.yml").read_bytes())
    result = _import(tmp, files["random"], good, files["zip-bomb"])
    assert result.returncode == 1
    assert "random.docx" in result.stderr and "zip-bomb.docx" in result.stderr
    assert "seed.txt →" in result.stdout and list((tmp / "records").rglob("*.md"))


@pytest.mark.parametrize("data, words", [
    ("Văn bản UTF-16".encode("utf-16"), None),
    (b"\x00\x01\x02binary\x00", "NUL"),
])
def test_text_inputs(tmp_path, data, words):
    path = tmp_path / "x.txt"
    path.write_bytes(data)
    result = _import(tmp_path, path)
    assert "Traceback" not in result.stderr
    if words:
        assert result.returncode != 0 and words in result.stderr and "x.txt" in result.stderr
