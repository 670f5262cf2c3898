"""vanban import of a whole folder: every file gets a result, nothing is overwritten, the same
document is not imported twice, originals are kept beside their records with their sha256,
the review report lists each file, and the built site offers the original for download."""

from __future__ import annotations

import csv
import hashlib
import os
import shutil
import subprocess
import sys
from pathlib import Path

import frontmatter
import pytest
from conftest import REPO
from sitebuild import build, copy_project_skeleton


def _vanban(root: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "vanban.cli", "--root", str(root), "import", *args],
                          capture_output=True, text=True, timeout=600, cwd=root,
                          env={**os.environ, "PYTHONPATH": str(REPO / "hooks")})


@pytest.fixture(scope="module")
def imported(office_files, tmp_path_factory):
    """A project without records, and an archive folder imported into it."""
    root = tmp_path_factory.mktemp("project")
    copy_project_skeleton(root)
    (root / "records").mkdir()
    shutil.copy(REPO / "records" / "registry.yml", root / "records" / "registry.yml")
    archive = root.parent / (root.name + "-archive")
    (archive / "scans" / ".hidden").mkdir(parents=True)
    shutil.copy(office_files["pdf"], archive / "cong-van.pdf")
    shutil.copy(office_files["pdf"], archive / "scans" / "cong-van (copy).pdf")  # same file twice
    shutil.copy(office_files["docx"], archive / "cong-van.docx")  # same document, another file
    shutil.copy(office_files["pdf"], archive / "scans" / ".hidden" / "skip.pdf")
    (archive / "hong.pdf").write_bytes(b"%PDF-1.4 not really")
    (archive / "ghi-chu.txt").write_text("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\n\nSố: 931/UBND-TH\n\n"
                                         "Nghệ An, ngày 17 tháng 02 năm 2023\n\nV/v thử nhập\n\nNội dung.\n",
                                         encoding="utf-8")
    report = root / "bao-cao.csv"
    result = _vanban(root, str(archive), "--report", str(report), "--jobs", "2")
    return root, archive, report, result


def test_every_file_has_one_result_and_a_failure_is_named(imported):
    root, archive, report, result = imported
    assert result.returncode == 1  # one file could not be read
    assert "Traceback" not in result.stderr
    assert [line for line in result.stderr.splitlines() if "hong.pdf" in line][0].startswith("vanban import:")
    rows = list(csv.reader(report.open(encoding="utf-8-sig")))
    assert rows[0] == ["tệp", "kết quả", "bản ghi", "cần xem lại / lý do"]
    by_name = {Path(r[0]).name: r for r in rows[1:]}
    assert set(by_name) == {"cong-van.pdf", "cong-van (copy).pdf", "cong-van.docx", "hong.pdf", "ghi-chu.txt"}
    assert by_name["hong.pdf"][1] == "lỗi"
    assert by_name["cong-van (copy).pdf"][1] == "đã có" and "cùng tệp gốc" in by_name["cong-van (copy).pdf"][3]
    # the same document as .docx and .pdf: the first in file order is imported, the other is not
    assert by_name["cong-van.docx"][1] in ("đã nhập", "cần xem lại")
    assert by_name["cong-van.pdf"][1] == "đã có" and "cùng cơ quan, năm và số" in by_name["cong-van.pdf"][3]
    assert "vanban import: 5 tệp" in result.stdout


def test_originals_are_kept_beside_their_records_with_their_hash(imported, office_files):
    root, archive, report, result = imported
    records = sorted((root / "records").rglob("*.md"))
    assert len(records) == 2
    record = next(p for p in records if "3412" in p.name)
    post = frontmatter.load(record)
    assert post["number"] == "3412/UBND-NC1" and post["source"] == "cong-van.docx"
    assert post["sha256"] == hashlib.sha256(office_files["docx"].read_bytes()).hexdigest()
    original = record.with_name(post["original"])
    assert original.suffix == ".docx" and original.read_bytes() == office_files["docx"].read_bytes()
    txt_record = next(p for p in records if "931" in p.name)
    assert "original" not in frontmatter.load(txt_record).metadata  # a .txt is its own record


def test_nothing_is_overwritten_and_a_second_run_imports_nothing(imported):
    root, archive, report, result = imported
    before = {p: p.read_bytes() for p in (root / "records").rglob("*") if p.is_file()}
    again = _vanban(root, str(archive / "cong-van.pdf"), str(archive / "cong-van.docx"), str(archive / "ghi-chu.txt"))
    assert again.returncode == 0, again.stderr
    assert again.stdout.count("đã có, bỏ qua") == 3
    assert {p: p.read_bytes() for p in (root / "records").rglob("*") if p.is_file()} == before


def test_a_different_document_on_a_taken_path_gets_its_own_file(tmp_path):
    root = tmp_path
    (root / "records" / "2023").mkdir(parents=True)
    shutil.copy(REPO / "records" / "registry.yml", root / "records" / "registry.yml")
    taken = root / "records" / "2023" / "ubnd-nghe-an-2023-931-ubnd-th.md"
    taken.write_text("không phải bản ghi", encoding="utf-8")  # unreadable: not in the index
    doc = tmp_path / "a.txt"
    doc.write_text("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\n\nSố: 931/UBND-TH\n\nNghệ An, ngày 17 tháng 02 năm 2023\n\n"
                   "V/v thử\n\nNội dung.\n", encoding="utf-8")
    result = _vanban(root, str(doc), "--into", str(root / "records"))
    assert result.returncode == 0, result.stderr
    assert taken.read_text(encoding="utf-8") == "không phải bản ghi"
    assert (root / "records" / "2023" / "ubnd-nghe-an-2023-931-ubnd-th-2.md").exists()


def test_the_site_offers_the_original_for_download(imported, tmp_path):
    root, archive, report, result = imported
    site = build(root, tmp_path / "site")
    assert site.returncode == 0, site.output[-2000:]
    record_id = next(p for p in (root / "records").rglob("*.md") if "3412" in p.name).stem
    page = site.page(f"van-ban/{record_id}/")
    links = [a for a in page.iter("a") if a.get("download")]
    # the button under the title and the "Tải về" part, both to the one original
    assert len(links) == 2 and len({a.get("href") for a in links}) == 1
    assert [a.text for a in links] == ["Tải bản gốc (DOCX)", "cong-van.docx"]
    assert page.find(".//dl[@class='vb-meta']//a[@href='#tai-ve']").text == "cong-van.docx"
    target = (site.file_for(f"van-ban/{record_id}/").parent / links[0].get("href")).resolve()
    assert target.read_bytes()[:2] == b"PK"


def test_a_record_naming_a_missing_original_fails_check(collection):
    from conftest import cong_van

    collection.add("2023/a.md", cong_van(original="a.pdf", sha256="0" * 64))
    collection.add("2023/b.md", cong_van(number="931/UBND-TH", original="../../etc.pdf"))
    problems = [p for p in collection.catalogue().problems if p.field == "original"]
    assert {p.path.rsplit("/", 1)[-1] for p in problems} == {"a.md", "b.md"}
    assert all(p.is_error for p in problems)
