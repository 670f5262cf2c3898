"""The trust boundary, stage by stage: bounded loading, sticky secrecy, a --fix that keeps the
clerk's bytes, check of given files against the whole collection, and the crashes that used to
take every page down. Each test names the file and the message it expects."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import REPO, Collection, cong_van, record_text
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from lxml import html as lxml_html
from vanban.build.fix import fix_file
from vanban.cli import _github_annotation
from vanban.core.problems import Level, Problem
from vanban.site import urls
from vanban.site.render.body import render_body
from vanban.site.renderer import SiteRenderer

ALIAS_BOMB = "\n".join(["a0: &a0 [x, x, x, x, x, x, x, x, x]"]
                       + [f"a{i}: &a{i} {{k: [*a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}]}}" for i in range(1, 20)])


def _problems(collection: Collection, name: str) -> list[Problem]:
    return [p for p in collection.catalogue().problems if p.path == f"records/{name}"]


def _run_check(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "vanban.cli", "--root", str(root), "check", *args],
                          capture_output=True, text=True, cwd=root, timeout=120,
                          env={**os.environ, "PYTHONPATH": str(REPO / "hooks")})


# -- loading -------------------------------------------------------------------------------
def test_alias_bomb_across_nested_mappings_is_refused_fast(collection):
    collection.add("bomb.md", text=f"---\n{ALIAS_BOMB}\ntype: Công văn\n---\nx\n")
    collection.add("good.md", cong_van())
    start = time.perf_counter()
    catalogue = collection.catalogue()
    assert time.perf_counter() - start < 5
    bomb = [p for p in catalogue.problems if p.path == "records/bomb.md"]
    assert bomb and "aliases are not allowed" in bomb[0].message_en and bomb[0].line == 2
    assert len(catalogue.records) == 1


def test_registry_alias_bomb_is_refused(collection):
    (collection.root / "records" / "registry.yml").write_text(ALIAS_BOMB + "\norganisations: []\n",
                                                              encoding="utf-8")
    problems = [p for p in collection.catalogue().problems if p.path == "records/registry.yml"]
    assert any("aliases are not allowed" in p.message_en for p in problems)


def test_deep_flow_nesting_is_refused(collection):
    collection.add("deep.md", text="---\n" + "x: " + "[" * 50 + "]" * 50 + "\n---\n")
    problems = _problems(collection, "deep.md")
    assert problems and "nested too deep" in problems[0].message_en


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_symlink_to_dev_zero_is_refused_and_others_are_built(collection):
    collection.add("good.md", cong_van())
    os.symlink("/dev/zero", collection.root / "records" / "zero.md")
    catalogue = collection.catalogue()
    zero = [p for p in catalogue.problems if p.path == "records/zero.md"]
    assert zero and "symbolic link" in zero[0].message_en
    assert len(catalogue.records) == 1


def test_upper_case_extension_is_read(collection):
    collection.add("HOA.MD", cong_van())
    assert len(collection.catalogue().records) == 1


def test_duplicate_key_stops_the_record(collection):
    collection.add("dup.md", text="---\n" + record_text(cong_van()).split("---\n")[1]
                   + "subject: V/v khác\n---\nx\n")
    problems = _problems(collection, "dup.md")
    assert any("duplicate key 'subject'" in p.message_en for p in problems)
    assert not collection.catalogue().records


def test_year_zero_with_a_group_task_is_an_error_not_a_crash(collection):
    collection.add("zero.md", cong_van(date="0000-05", assignments=[
        {"unit": "Các Sở, ban, ngành cấp tỉnh", "role": "thuc_hien"}]))
    collection.add("good.md", cong_van(number="931/UBND-TH"))
    catalogue = collection.catalogue()
    assert any(p.path == "records/zero.md" and p.field == "date" and p.is_error for p in catalogue.problems)
    assert len(catalogue.records) == 1


@pytest.mark.parametrize("registry_text, field, words", [
    ("organisations:\n  - id: a\n    name: A\n    valid_from: 2023-02-30\n", "organisations[0].valid_from", "impossible"),
    ("organisations: []\ngroups: 3\n", "groups", "must be a list"),
    ("organisations:\n  - id: a\n    name: [A, B]\n", "organisations[0].name", "must be a string"),
    ("organisations:\n  - id: a\n    name: A\n    parent: a\n", "organisations[0].parent", "its own parent"),
    ("organisations:\n  - id: a\n    name: A\n    kind: other\n", "organisations[0].kind", "state or party"),
    ("organisations:\n  - id: a\n    name: A\n    name: B\n", "organisations[0].name", "duplicate key"),
    ("organisations:\n  - id: a\n    name: A\n    parent: b\n  - id: b\n    name: B\n    parent: a\n",
     "a.parent", "parent cycle"),
    ("organisations:\n  - id: index\n    name: A\n", "organisations[0].id", "may not be 'index'"),
])
def test_registry_problems_have_field_and_line(collection, registry_text, field, words):
    (collection.root / "records" / "registry.yml").write_text(registry_text, encoding="utf-8")
    collection.add("good.md", cong_van())
    problems = [p for p in collection.catalogue().problems if p.path == "records/registry.yml"]
    match = [p for p in problems if p.field == field and words in p.message_en]
    assert match, [p.format() for p in problems]
    assert match[0].line is not None and match[0].message_vi


def test_registry_path_that_is_a_folder(collection):
    (collection.root / "records" / "registry.yml").unlink()
    (collection.root / "records" / "registry.yml").mkdir()
    problems = [p for p in collection.catalogue().problems if p.path == "records/registry.yml"]
    assert problems and "not a regular file" in problems[0].message_en


# -- secrecy -------------------------------------------------------------------------------
@pytest.mark.parametrize("text", [
    "---\n" + record_text(cong_van()).split("---\n")[1] + "secrecy: Mật\nsecrecy: null\n---\nx\n",
    record_text(cong_van(), "**TUYỆT MẬT**\n\nNội dung.\n"),
    record_text(cong_van(), "Độ mật: Mật\n\nNội dung.\n"),
    record_text(cong_van(), "| | TỐI MẬT |\n\nNội dung.\n"),
])
def test_secrecy_is_sticky(collection, text):
    collection.add("mat.md", text=text)
    assert not collection.catalogue().records
    assert any(p.is_error for p in _problems(collection, "mat.md"))


def test_the_word_mat_in_running_text_is_not_a_stamp(collection):
    collection.add("ok.md", cong_van(), "Bảo vệ bí mật nhà nước theo quy định.\n\nMật ong Nghệ An.\n")
    assert len(collection.catalogue().records) == 1


def test_fix_never_touches_a_secret_record(collection):
    text = record_text(cong_van(secrecy="Mật"), "Thực hiện Kết luận số 21-KL/TW ngày 25/10/2021.\n")
    path = collection.add("mat.md", text=text)
    fix_file(path)
    assert path.read_text(encoding="utf-8") == text


# -- --fix keeps the clerk's bytes -------------------------------------------------------------
HAND_WRITTEN = """---
# chú thích của văn thư
type: Công văn
number: 930/UBND-TH   # số đã cấp
issuer: UBND tỉnh
date: 2023-02-16
note: 012
sample: yes
subject: 'V/v thử nghiệm'
references:
  - type: Thông báo
    number: 904-TB/TU
    relation: implements
---
Thực hiện Thông báo số 904-TB/TU và Kết luận số 21-KL/TW ngày 25/10/2021 của Ban Chấp hành Trung ương.
<!-- Chỉ thị số 88-CT/TW chỉ là ghi chú -->
`Quyết định số 77/QĐ-UBND`
"""


def test_fix_inserts_references_and_keeps_every_original_line(tmp_path):
    path = tmp_path / "a.md"
    path.write_text(HAND_WRITTEN, encoding="utf-8")
    done = fix_file(path)
    after = path.read_text(encoding="utf-8")
    assert any("21-KL/TW" in d for d in done)
    assert "88-CT/TW" not in after.split("---")[1] and "77/QĐ-UBND" not in after.split("---")[1]
    original, new = HAND_WRITTEN.splitlines(), after.splitlines()
    it = iter(new)
    assert all(line in it for line in original), "an original line was changed or reordered"
    assert "note: 012" in after and "sample: yes" in after and "# chú thích của văn thư" in after


def test_fix_refuses_a_symlink(tmp_path):
    target = tmp_path / "real.md"
    target.write_text(HAND_WRITTEN, encoding="utf-8")
    link = tmp_path / "link.md"
    link.symlink_to(target)
    done = fix_file(link)
    assert any("symbolic link" in d for d in done)
    assert target.read_text(encoding="utf-8") == HAND_WRITTEN


_scalar = st.one_of(st.sampled_from(["012", "yes", "no", "on", "0x1F", "1e3", "~", "null", "'q'",
                                     '"d"', "2023-02-30", "Ủy ban", "uỷ ban", "a: b", "# c"]),
                    st.text(alphabet="abcăâđêôơư 0123456789-:#'\"", max_size=12))


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(note=_scalar, comment=st.text(alphabet="abc đ#:'\"", max_size=10))
def test_fix_leaves_a_record_it_need_not_change_byte_for_byte(tmp_path, note, comment):
    text = (f"---\n# {comment}\ntype: Công văn\nnumber: 930/UBND-TH\nissuer: UBND tỉnh\n"
            f"date: 2023-02-16\nnote: {note}\nsubject: V/v thử\n---\nNội dung không dẫn chiếu.\n")
    path = tmp_path / "r.md"
    path.write_text(text, encoding="utf-8")
    fix_file(path)
    assert path.read_text(encoding="utf-8") == text


# -- check of given files ----------------------------------------------------------------------
def test_check_given_file_is_compared_with_the_whole_collection(collection):
    collection.add("2023/a.md", cong_van())
    collection.add("2023/b.md", cong_van())
    result = _run_check(collection.root, "records/2023/b.md")
    assert result.returncode == 1
    assert "records/2023/b.md" in result.stdout and "records/2023/a.md" in result.stdout
    assert "Traceback" not in result.stderr


def test_check_accepts_a_folder(collection):
    collection.add("2023/a.md", cong_van())
    result = _run_check(collection.root, "records/")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Is a directory" not in result.stderr


def test_github_annotation_escapes_file_names():
    problem = Problem("records/x\n::error file=evil::pwned,y:z.md", Level.ERROR, "type", "sai", "wrong", 3)
    line = _github_annotation(problem)
    assert "\n" not in line and line.count("::") == 2
    assert "file=records/x%0A%3A%3Aerror file=evil%3A%3Apwned%2Cy%3Az.md,line=3" in line


# -- rendering ---------------------------------------------------------------------------------
def test_deeply_nested_list_body_renders_quickly_with_all_its_text(collection):
    body = "".join("    " * i + f"- mục {i}\n" for i in range(500))
    collection.add("deep.md", cong_van(), body)
    collection.add("good.md", cong_van(number="931/UBND-TH"))
    catalogue = collection.catalogue()
    renderer = SiteRenderer(catalogue, urls.Linker())
    start = time.perf_counter()
    pages = renderer.unique_pages()
    assert time.perf_counter() - start < 2
    records = [p for p in pages if p.src_uri.startswith("van-ban/") and p.src_uri != urls.all_records_page()]
    assert len(records) == 2
    deep = next(p for p in records if "mục 499" in p.markdown)
    assert all(f"mục {i}" in deep.markdown for i in range(0, 500, 50))


def test_a_body_the_renderer_cannot_handle_is_shown_as_text_with_a_warning(collection, monkeypatch):
    import vanban.site.render.body as body_module

    def broken(text):
        raise RecursionError("too deep")

    monkeypatch.setattr(body_module._md, "convert", broken)
    collection.add("a.md", cong_van(), "Đoạn <b>một</b>\n\nĐoạn hai\n")
    renderer = SiteRenderer(collection.catalogue(), urls.Linker())
    page = next(p for p in renderer.unique_pages() if p.src_uri.startswith("van-ban/"))
    assert "Đoạn &lt;b&gt;một&lt;/b&gt;" in page.markdown
    assert any(p.path == "records/a.md" and "RecursionError" in p.message_en for p in renderer.problems)


def test_stash_placeholder_in_a_body_is_just_text(collection):
    # a placeholder-like word without the build's random word stays text, in both forms of the page
    collection.add("a.md", cong_van(), "VBBLOCK0Z\n\n<p>VBBLOCKdeadbeef0000x1Z</p>\n\nđoạn\n")
    renderer = SiteRenderer(collection.catalogue(), urls.Linker())
    page = next(p for p in renderer.unique_pages() if p.src_uri.startswith("van-ban/"))
    assert "VBBLOCK0Z" in page.markdown and "VBBLOCKdeadbeef0000x1Z" in page.markdown
    assert page.restore("<p>VBBLOCK0Z</p><p>VBBLOCKdeadbeef0000x1Z</p>") == \
        "<p>VBBLOCK0Z</p><p>VBBLOCKdeadbeef0000x1Z</p>"


def test_type_that_slugs_to_a_landing_page_is_an_error_and_the_landing_stays(collection):
    collection.add("a.md", cong_van(type="Index", number="930/UBND-TH"))
    renderer = SiteRenderer(collection.catalogue(), urls.Linker())
    pages = {p.src_uri: p for p in renderer.unique_pages()}
    assert pages["loai/index.md"].title == "Loại văn bản"
    assert any("loai/index.md" in p.message_en and p.is_error for p in renderer.problems)


@pytest.mark.parametrize("body", [
    "<" * 100_000, "<a " * 40_000, "[" * 100_000, "![" * 50_000, "[a](" * 30_000, "<!--" * 30_000,
    "\\" * 100_000, "1. x\n" * 50_000,
])
def test_pathological_bodies_render_quickly(body):
    start = time.perf_counter()
    html, _ = render_body(body)
    assert time.perf_counter() - start < 5
    assert "<script" not in html


def test_rendered_body_drops_attr_list_and_reference_links():
    html, _ = render_body("Đoạn\n{: onclick=alert(1) }\n\n[x][r] ![y][i]\n\n[r]: javascript:alert(1)\n"
                          "[i]: https://evil.example/a.png\n")
    tree = lxml_html.fragment_fromstring(html, create_parent="div")
    assert not [a for el in tree.iter() for a in el.attrib if a.startswith("on")]
    assert all(not (a.get("href") or "").startswith("javascript") for a in tree.iter("a"))
    assert not list(tree.iter("img"))  # the remote image became a link
    assert "{: onclick=alert(1) }" in tree.text_content()
