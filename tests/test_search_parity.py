"""The search index is built in Python and queried in JavaScript: fold(), tokens() and
shardOf() must agree, or a word indexed one way is looked up another and never found. The
browser's functions are run under node on the same inputs as Python's."""

from __future__ import annotations

import json
import re
import shutil
import subprocess

import pytest
from conftest import REPO
from vanban.core.text import fold
from vanban.site.render.search import serial_term, shard_of, tokens

SCRIPT = REPO / "docs" / "assets" / "javascripts" / "vb-search.js"
SAMPLES = [
    "Ủy ban nhân dân tỉnh Nghệ An", "Uỷ ban nhân dân", "ĐẢNG ỦY KHỐI", "đ Đ",
    "Sở Lao động–Thương binh và Xã hội", "“Tự diễn biến”, “tự chuyển hoá”", "A×B", "10×20 m²",
    "930/UBND-TH", "21-KL/TW", "05/2001/QĐ.UB", "Số: 12b/NQ-CP", "Kế\u2011hoạch", "giảm\u2212tăng",
    "Nghe\u0323\u0302 An",  # decomposed input (NFD, marks in another order)
    "Điều 3…", "«Quyết định»", "05/CT-UBND", "0/TB", "007",
    "ﬁ ligature", "Ⅻ", "Ｎｏ．１２", "Hà Nội\u00a0ngày", "tab\tand\nline",
]


def _node_results() -> list[dict]:
    node = shutil.which("node")
    if node is None:
        pytest.fail("node is not installed (.ci/run installs it)")
    source = SCRIPT.read_text(encoding="utf-8")
    text_section = source[source.index("  var TONES"):source.index("/* -- loading")]
    program = ("(function(){\n" + text_section + "\nconst samples = " + json.dumps(SAMPLES) + ";\n"
               "process.stdout.write(JSON.stringify(samples.map(s => ({fold: fold(s), tokens: tokens(s),"
               " shards: tokens(s).map(t => shardOf(t, 64)), serial: serialTerm(tokens(s)[0] || '')}))));\n})();")
    done = subprocess.run([node, "-e", program], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


def test_python_and_javascript_fold_tokenise_and_shard_alike():
    for sample, js in zip(SAMPLES, _node_results(), strict=True):
        assert js["tokens"] == tokens(sample), sample
        assert js["shards"] == [shard_of(t, 64) for t in tokens(sample)], sample
        # the folded texts may differ in spacing only where neither side makes a token of it
        assert re.findall(r"[a-z0-9]+", js["fold"]) == re.findall(r"[a-z0-9]+", fold(sample)), sample


def test_the_serial_typed_is_the_serial_indexed():
    """A query word "21" or "05" looks up the term Python indexed for 21-KL/TW or 05/CT-UBND."""
    for sample, js in zip(SAMPLES, _node_results(), strict=True):
        first = tokens(sample)[:1]
        if first and first[0].isdigit() and sample.startswith(first[0]):
            assert js["serial"] == serial_term(sample), sample
        elif not (first and first[0].isdigit()):
            assert js["serial"] == "", sample
    assert serial_term("21-KL/TW") == "s:21" and serial_term("05/CT-UBND") == "s:5"
    assert serial_term("…/UBND-TH") == "" and serial_term("007") == "s:7"
