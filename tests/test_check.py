"""vanban check: every bad record fails with the expected message; all problems in one run."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import REPO, Collection, cong_van
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from vanban.build.loader import load_record_text
from vanban.build.validate import validate_record
from vanban.core.problems import ProblemLog

BAD = Path(__file__).parent / "bad_records"

# file → (field, words of the English message); the Vietnamese message is checked to be present
EXPECTED = {
    "01_khong_utf8.md": ("", "not UTF-8"),
    "02_khong_front_matter.md": ("", "no front-matter"),
    "03_loi_cu_phap_yaml.md": ("", "YAML syntax error"),
    "04_khoa_la.md": ("subjet", "did you mean 'subject'"),
    "05_sai_kieu.md": ("type", "must be a string"),
    "06_thieu_truong.md": ("issuer", "required field 'issuer'"),
    "07_ngay_khong_co_that.md": ("date", "impossible"),
    "08_ngay_sai_dang.md": ("date", "YYYY-MM-DD"),
    "09_ngay_dan_chieu_sai.md": ("references[0].date", "impossible"),
    "10_thoi_han_sai.md": ("assignments[0].deadline", "dd/mm/yyyy"),
    "11_so_sai_dang.md": ("number", "neither the state"),
    "12_so_khong_khop_loai.md": ("number", "disagrees with type"),
    "13_vai_tro_sai.md": ("assignments[0].role", "not allowed"),
    "14_quan_he_sai.md": ("references[0].relation", "not allowed"),
    "15_do_mat.md": ("secrecy", "never be published"),
    "16_script.md": ("body", "<script>"),
    "17_iframe.md": ("body", "<iframe>"),
    "18_object.md": ("body", "<object>"),
    "19_embed.md": ("body", "<embed>"),
    "20_thuoc_tinh_on.md": ("body", "onmouseover="),
    "21_lien_ket_javascript.md": ("body", "'javascript:' links"),
    "22_lien_ket_data.md": ("body", "'data:' links"),
    "23_anh_ngoai.md": ("body", "remote image"),
    "24_html_trong_front_matter.md": ("subject", "<script>"),
    "25_id_thoat_thu_muc.md": ("id", "no '/' or '..'"),
    "26_bom_bi_danh.md": ("", "aliases are not allowed"),
    "27_khoa_trung.md": ("type", "duplicate key"),
    "28_chua_so_thieu_ky_hieu.md": ("symbol", "needs 'symbol'"),
    "29_front_matter_khong_dong.md": ("", "not closed"),
    "30_nguoi_ky_thieu_ten.md": ("signer.name", "required field 'name'"),
    "31_anh_ngoai_html.md": ("body", "remote image"),
    "32_loai_van_ban_rong.md": ("type", "must not be empty"),
}


def test_every_bad_record_has_an_expectation():
    assert sorted(p.name for p in BAD.glob("*.md")) == sorted(EXPECTED)
    assert len(EXPECTED) >= 25


@pytest.fixture
def bad_collection(tmp_path) -> Collection:
    collection = Collection(tmp_path)
    shutil.copytree(BAD, tmp_path / "records" / "bad")
    return collection


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_record_fails_with_the_expected_message(bad_collection, name):
    from vanban.build.pipeline import Sources, build_catalogue

    path = bad_collection.root / "records" / "bad" / name
    catalogue = build_catalogue(Sources.at(bad_collection.root), only=[path])
    field, needle = EXPECTED[name]
    errors = catalogue.problems.errors
    assert not catalogue.records, "a broken record must not be published"
    matching = [p for p in errors if p.field == field and needle in p.message_en]
    assert matching, [p.format() for p in errors]
    problem = matching[0]
    assert problem.path == f"records/bad/{name}" and problem.message_vi
    assert problem.format().startswith(f"records/bad/{name}")


def test_duplicates_name_both_files(tmp_path):
    collection = Collection(tmp_path)
    shutil.copytree(BAD / "dup", tmp_path / "records" / "dup")
    errors = collection.catalogue().problems.errors
    assert len(errors) == 2
    for problem in errors:
        assert "records/dup/a.md" in problem.message_en and "records/dup/b.md" in problem.message_en


def _run_check(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "vanban.cli", "--root", str(root), "check", *args],
                          capture_output=True, text=True,
                          env={"PYTHONPATH": str(REPO / "hooks"), "PATH": "/usr/bin:/bin"})


def test_cli_reports_all_problems_in_one_run(bad_collection):
    bad_collection.add("good.md", cong_van())
    result = _run_check(bad_collection.root)
    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines() if ": error: " in line]
    assert {line.split(":")[0] for line in lines} == {f"records/bad/{name}" for name in EXPECTED} | {
        "records/bad/dup/a.md", "records/bad/dup/b.md"}
    assert "1 văn bản" in result.stderr or "published 1" in result.stderr


def test_cli_github_annotations(bad_collection):
    bad = bad_collection.root / "records/bad/07_ngay_khong_co_that.md"
    result = _run_check(bad_collection.root, "--format", "github", str(bad))
    assert result.returncode == 1
    assert result.stdout.startswith("::error file=records/bad/07_ngay_khong_co_that.md,line=5,")


def test_cli_clean_collection_exits_zero(tmp_path):
    collection = Collection(tmp_path)
    collection.add("a.md", cong_van())
    result = _run_check(tmp_path)
    assert result.returncode == 0, result.stdout
    assert "0 lỗi" in result.stderr


def test_warnings_nfc_unknown_name_and_missing_citation(tmp_path):
    import unicodedata

    collection = Collection(tmp_path)
    collection.add("a.md", text=unicodedata.normalize("NFD", "---\nnumber: 930/UBND-TH\ntype: Công văn\n"
                                                             "issuer: Sở Nội vu\ndate: 2023-02-16\nsubject: V/v\n---\n"
                                                             "Thực hiện Kết luận số 21-KL/TW ngày 25/10/2021.\n"))
    warnings = collection.catalogue().problems.warnings
    texts = [p.message_en for p in warnings]
    assert any("not in Unicode NFC" in t for t in texts)
    assert any("did you mean 'Sở Nội vụ" in t for t in texts)
    assert any("body cites 21-KL/TW" in t for t in texts)
    result = _run_check(tmp_path, "--fix")
    fixed = (tmp_path / "records" / "a.md").read_text(encoding="utf-8")
    assert unicodedata.is_normalized("NFC", fixed) and "21-KL/TW" in fixed.split("---")[1]
    assert "NFC" not in result.stdout and "body cites" not in result.stdout


def test_reference_to_an_unnumbered_copy_is_a_warning(tmp_path):
    collection = Collection(tmp_path)
    collection.add("draft.md", cong_van(number=None, symbol="UBND-TH", date="2023-05-20"))
    collection.add("b.md", cong_van(number="5/UBND-VX", references=[
        {"number": "…/UBND-TH", "type": "Công văn", "date": "2023-05-20", "issuer": "UBND tỉnh", "relation": "cites"}]))
    warnings = collection.catalogue().problems.warnings
    assert any("unnumbered copy" in p.message_en and p.path == "records/b.md" for p in warnings)


yaml_scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False),
                         st.text(max_size=30), st.dates().map(str))
yaml_values = st.recursive(yaml_scalars, lambda children: st.one_of(
    st.lists(children, max_size=4), st.dictionaries(st.text(max_size=12), children, max_size=4)), max_leaves=20)
keys = st.sampled_from(["number", "type", "issuer", "date", "subject", "signer", "references", "assignments",
                        "secrecy", "id", "urgency", "x"])


@settings(max_examples=300, suppress_health_check=[HealthCheck.too_slow], deadline=None)
@given(st.dictionaries(keys, yaml_values, max_size=8), st.text(max_size=200))
def test_validation_never_crashes_on_random_front_matter(front_matter, body):
    import yaml

    text = "---\n" + yaml.safe_dump(front_matter, allow_unicode=True) + "---\n" + body
    log = ProblemLog()
    raw = load_record_text(text, "records/fuzz.md", log)
    if raw is not None:
        validate_record(raw, log)
    for problem in log:
        assert problem.path == "records/fuzz.md" and problem.message_vi and problem.message_en


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=400))
def test_loader_never_crashes_on_random_text(text):
    log = ProblemLog()
    raw = load_record_text("---\n" + text, "records/fuzz.md", log)
    if raw is not None:
        validate_record(raw, log)
    assert raw is not None or log.errors
