"""vanban import: the seed, a generated .docx with a table header and a TCVN3 run, the CLI."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import REPO
from docxmaker import paragraph, run, table, write_docx
from vanban.build.loader import load_record_text
from vanban.build.pipeline import Sources
from vanban.build.registry import load_registry
from vanban.core.problems import ProblemLog
from vanban.importer import import_document
from vanban.importer.extract import extract
from vanban.importer.legacy import tcvn3_to_unicode, vni_to_unicode

# The seed document of ../shared/seed/000_0be70c5641c0bc86.txt, byte for byte, kept in the
# labelled set so that the test runs in any clone; imported under its original file name.
SEED = REPO / "tests" / "import_corpus" / "01_seed.txt"
SEED_NAME = "000_0be70c5641c0bc86.txt"
SEED_RECORD = REPO / "records" / "2023" / "ubnd-nghe-an-2023-05-ubnd-th-trien-khai-thuc-hien-thong-bao-904-tb-tu.md"


@pytest.fixture(scope="module")
def registry():
    sources = Sources.at(REPO)
    return load_registry(sources.registry_file, sources.root, ProblemLog())


def test_seed_imports_to_the_hand_written_seed_record(registry, tmp_path):
    seed = tmp_path / SEED_NAME
    seed.write_bytes(SEED.read_bytes())
    imported = import_document(seed, registry)
    log = ProblemLog()
    expected = load_record_text(SEED_RECORD.read_text(encoding="utf-8"), "seed.md", log).front_matter
    assert imported.notes == []
    assert set(imported.front_matter) == set(expected)
    for key, value in expected.items():
        if key != "assignments":
            assert imported.front_matter[key] == value, key
    # Units, roles and deadlines as the person wrote them; the task texts were written as short
    # paraphrases, so each of their words must appear in the importer's longer text.
    got = imported.front_matter["assignments"]
    assert [(a["unit"], a["role"], a.get("deadline")) for a in got] == \
        [(a["unit"], a["role"], a.get("deadline")) for a in expected["assignments"]]
    for mine, theirs in zip(got, expected["assignments"], strict=True):
        words = set(re.findall(r"\w+", theirs["task"].lower()))
        found = set(re.findall(r"\w+", mine["task"].lower()))
        assert len(words & found) >= 0.8 * len(words), (theirs["task"], mine["task"])


def test_tcvn3_and_vni_conversion():
    assert tcvn3_to_unicode("Uû ban nh©n d©n tØnh NghÖ An") == "Uỷ ban nhân dân tỉnh Nghệ An"
    assert tcvn3_to_unicode("ñy ban", capitals=True) == "ỦY BAN"
    assert vni_to_unicode("Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam") == "Cộng hòa xã hội chủ nghĩa Việt Nam"
    assert vni_to_unicode("Ñoäc laäp - Töï do - Haïnh phuùc") == "Độc lập - Tự do - Hạnh phúc"
    # Capitals: the mark's case follows the letter; a lower-case mark after a capital also reads
    assert vni_to_unicode("UÛY BAN NHAÂN DAÂN TÆNH NGHEÄ AN") == "ỦY BAN NHÂN DÂN TỈNH NGHỆ AN"
    assert vni_to_unicode("Uûy ban nhaân daân") == vni_to_unicode("UÛy ban nhaân daân") == "Ủy ban nhân dân"
    # Every tone of ă, ơ, ư and the one-character letters (checked against xvnkb's VNI table)
    assert vni_to_unicode("aêaéaèaúaüaë ôôùôøôûôõôï ööùöøöûöõöï íìæóò yùyøyûyõî ñ") == \
        "ăắằẳẵặ ơớờởỡợ ưứừửữự íìỉĩị ýỳỷỹỵ đ"


def test_docx_with_table_header_and_tcvn3_run(tmp_path, registry):
    header = table([[
        [paragraph(run("ỦY BAN NHÂN DÂN", bold=True)), paragraph(run("TỈNH NGHỆ AN", bold=True)),
         paragraph("Số: 1234/QĐ–UBND")],
        [paragraph(run("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", bold=True)),
         paragraph("Độc lập - Tự do - Hạnh phúc"), paragraph("Nghệ An, ngày 10 tháng 5 năm 2022")],
    ]])
    signature = table([[
        [paragraph(run("Nơi nhận:", bold=True)), paragraph("- Như Điều 3;"), paragraph("- Lưu: VT, TH.")],
        [paragraph(run("TM. ỦY BAN NHÂN DÂN", bold=True)), paragraph(run("KT. CHỦ TỊCH", bold=True)),
         paragraph(run("PHÓ CHỦ TỊCH", bold=True)), paragraph(run("Lê Hồng Vinh", bold=True))],
    ]])
    path = write_docx(tmp_path / "qd.docx", [
        header,
        paragraph(run("QUYẾT ĐỊNH", bold=True)),
        # the subject typed in TCVN3 with the .VnTime font
        paragraph(run("VÒ viÖc ban hµnh Quy chÕ c«ng t¸c v¨n th\xad", font=".VnTime")),
        paragraph(run("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH NGHỆ AN", bold=True)),
        paragraph("Căn cứ Nghị định số 30/2020/NĐ-CP ngày 05/3/2020 của Chính phủ về công tác văn thư;"),
        paragraph("Theo đề nghị của Giám đốc Sở Nội vụ tại Tờ trình số 95/TTr-SNV ngày 20/4/2022."),
        paragraph("Điều 1. Ban hành kèm theo Quyết định này Quy chế công tác văn thư."),
        paragraph("Điều 2. Giao Sở Nội vụ chủ trì, phối hợp với Văn phòng UBND tỉnh hướng dẫn, kiểm tra "
                  "việc thực hiện; báo cáo UBND tỉnh trước ngày 15/12/2022."),
        signature,
    ])
    result = import_document(path, registry)
    fm = result.front_matter
    assert fm["number"] == "1234/QĐ-UBND"
    assert fm["type"] == "Quyết định"
    assert fm["date"] == "2022-05-10" and fm["place"] == "Nghệ An"
    assert fm["subject"] == "Về việc ban hành Quy chế công tác văn thư"
    assert fm["signer"] == {"name": "Lê Hồng Vinh", "title": "Phó Chủ tịch",
                            "authority": ["TM. Ủy ban nhân dân", "KT. Chủ tịch"]}
    assert [(r["number"], r["relation"]) for r in fm["references"]] == [
        ("30/2020/NĐ-CP", "based_on"), ("95/TTr-SNV", "responds_to")]
    assert fm["references"][0]["issuer"] == "Chính phủ" and fm["references"][0]["date"] == "2020-03-05"
    # the lead's partners ("chủ trì, phối hợp với …") are assignments with role phoi_hop
    assert [(a["unit"], a["role"]) for a in fm["assignments"]] == [
        ("Sở Nội vụ", "chu_tri"), ("Văn phòng UBND tỉnh", "phoi_hop")]
    assert fm["assignments"][0]["deadline"] == "2022-12-15"
    assert fm["distribution"] == ["Như Điều 3", "Lưu: VT, TH"]
    assert "Điều 1." in result.body and "Nơi nhận" not in result.body


def test_noisy_text_party_document():
    text = "\n".join([
        "ĐẢNG BỘ TỈNH NGHỆ AN             ĐẢNG CỘNG SẢN VIỆT NAM",
        "HUYỆN ỦY ĐÔ LƯƠNG",
        "*",
        "Số 118 – KH/HU                   Đô Lương, ngày 05 tháng 3 năm 2024",
        "",
        "KẾ HOẠCH",
        "thực hiện Kết luận số 21-KL/TW của Ban Chấp hành Trung ương",
        "",
        "Thực hiện Kết luận số 21-KL/TW, ngày 25/10/2021 của Ban Chấp hành Trung ương Đảng khoá XIII, "
        "Ban Thường vụ Huyện uỷ xây dựng kế hoạch như sau:",
        "",
        "1. Ban Tuyên giáo Huyện ủy: chủ trì tuyên truyền, định kỳ hằng quý báo cáo.",
        "",
        "T/M BAN THƯỜNG VỤ",
        "PHÓ BÍ THƯ",
        "",
        "Nguyễn Văn An",
    ])
    fm = extract(text).front_matter
    assert fm["number"] == "118-KH/HU" and fm["type"] == "Kế hoạch" and fm["date"] == "2024-03-05"
    assert fm["place"] == "Đô Lương"
    assert fm["references"] == [{"type": "Kết luận", "number": "21-KL/TW", "date": "2021-10-25",
                                 "issuer": "Ban Chấp hành Trung ương Đảng", "relation": "implements"}]
    assert fm["assignments"][0]["unit"] == "Ban Tuyên giáo Huyện ủy"
    assert fm["assignments"][0]["role"] == "chu_tri" and fm["assignments"][0]["deadline"] == "hằng quý"
    assert fm["signer"]["authority"] == ["T/M Ban Thường vụ"] and fm["signer"]["name"] == "Nguyễn Văn An"
    assert fm["issuer"] == "Ban Thường vụ Huyện ủy Đô Lương"


def test_missing_fields_are_listed_not_invented():
    result = extract("Một đoạn văn không có tiêu đề văn bản.\n")
    assert "number" not in result.front_matter and "date" not in result.front_matter
    assert any("ngày ban hành" in note for note in result.notes)


def _vanban(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "vanban.cli", *args], capture_output=True, text=True, cwd=cwd,
                          env={"PYTHONPATH": str(REPO / "hooks"), "PATH": "/usr/bin:/bin"})


def test_cli_writes_stdout_file_and_refuses_to_overwrite(tmp_path):
    doc = tmp_path / "cv.txt"
    doc.write_text("UBND TỈNH NGHỆ AN\nSỞ NỘI VỤ\n\nSố: 12/SNV-VP\n\nNghệ An, ngày 02 tháng 01 năm 2024\n\n"
                   "V/v báo cáo\n\nKính gửi: UBND tỉnh.\n\nNội dung.\n", encoding="utf-8")
    shown = _vanban("--root", str(REPO), "import", str(doc), "-o", "-", cwd=tmp_path)
    assert shown.returncode == 0, shown.stderr
    front = yaml.safe_load(shown.stdout.split("---")[1])
    assert front["number"] == "12/SNV-VP" and front["subject"] == "V/v báo cáo"
    out = tmp_path / "r.md"
    assert _vanban("--root", str(REPO), "import", str(doc), "-o", str(out), cwd=tmp_path).returncode == 0
    again = _vanban("--root", str(REPO), "import", str(doc), "-o", str(out), cwd=tmp_path)
    assert again.returncode == 1 and "--force" in again.stderr
    assert _vanban("--root", str(REPO), "import", str(doc), "-o", str(out), "--force", cwd=tmp_path).returncode == 0
    missing = _vanban("--root", str(REPO), "import", str(tmp_path / "none.docx"), "-o", "-", cwd=tmp_path)
    assert missing.returncode == 1 and "none.docx" in missing.stderr


def test_cli_default_name_follows_the_convention(tmp_path):
    root = tmp_path / "repo"
    (root / "records").mkdir(parents=True)
    (root / "records" / "registry.yml").write_text((REPO / "records" / "registry.yml").read_text(encoding="utf-8"),
                                                   encoding="utf-8")
    doc = tmp_path / "cv.txt"
    doc.write_text("ỦY BAN NHÂN DÂN\nTỈNH NGHỆ AN\n\nSố: 930/UBND-TH\n\nNghệ An, ngày 16 tháng 02 năm 2023\n\n"
                   "V/v thử\n\nNội dung.\n", encoding="utf-8")
    result = _vanban("--root", str(root), "import", str(doc), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    written = list((root / "records" / "2023").glob("*.md"))
    assert [p.name for p in written] == ["ubnd-nghe-an-2023-930-ubnd-th.md"]


def test_accuracy_on_the_labelled_set_meets_the_targets():
    """The labelled set (tests/import_corpus, written by hand from the documents) must keep the
    targets of the import issue; the figures are printed by scripts/import_accuracy.py."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("import_accuracy", REPO / "scripts" / "import_accuracy.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    result = module.measure(REPO / "tests" / "import_corpus")
    assert result["documents"] >= 25
    for field in ("number", "type", "issuer", "date"):
        assert result["fields"][field][2] >= 0.95, (field, result["fields"][field])
    precision, recall, *_ = result["references"]
    assert precision >= 0.9 and recall >= 0.9
    precision, recall, *_ = result["assignments"]
    assert precision >= 0.92 and recall >= 0.88  # just below 0.925 / 0.883 (the target was 0.8)


# Forms of task-giving found in documents written by labellers who had not read the extractor
# (tests/import_corpus/README.md): each body must give exactly these (unit, role) pairs.
ASSIGNMENT_FORMS = [
    pytest.param(
        "1. Giám đốc Sở Xây dựng chủ trì, phối hợp với Công an thành phố rà soát các công trình; "
        "báo cáo trước ngày 30/11/2024.\n\n"
        "2. Chủ tịch UBND các quận, huyện:\n"
        "- Chịu trách nhiệm về trật tự xây dựng trên địa bàn;\n"
        "- Chỉ đạo UBND các xã kiểm tra, ngăn chặn công trình không phép.\n\n"
        "3. Thủ trưởng các cơ quan, đơn vị liên quan nghiêm túc thực hiện Chỉ thị này./.\n\n"
        "Điều 3. Chánh Văn phòng UBND tỉnh; Giám đốc các Sở: Tài chính, Xây dựng; Chủ tịch UBND "
        "các huyện chịu trách nhiệm thi hành Quyết định này.\n\n"
        "- Giám đốc các Sở: Nông nghiệp và Phát triển nông thôn, Giao thông vận tải, Y tế;\n",
        {("Giám đốc Sở Xây dựng", "chu_tri"), ("Công an thành phố", "phoi_hop"),
         ("Chủ tịch UBND các quận, huyện", "thuc_hien")},
        id="tasks_given_to_a_bodys_head_and_directive_closings"),
    pytest.param(
        "2. Triển khai Kế hoạch số 112-KH/HU, giao UBND xã chủ trì, phối hợp với Công an xã rà soát nguồn.\n\n"
        "3. Đối với Phòng GDĐT: chỉ đạo các trường tổ chức kiểm tra.\n\n"
        "4. Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh, Hiệp hội Doanh nghiệp tỉnh tham gia giám sát.\n\n"
        "**III. KIẾN NGHỊ, ĐỀ XUẤT**\n\n"
        "1. Đề nghị UBND tỉnh xem xét, giao Sở Tài chính bố trí kinh phí.\n\n"
        "Đảng ủy xã thông báo để các chi bộ biết, thực hiện.\n",
        {("UBND xã", "chu_tri"), ("Công an xã", "phoi_hop"), ("Phòng GDĐT", "thuc_hien"),
         ("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "thuc_hien"), ("Hiệp hội Doanh nghiệp tỉnh", "thuc_hien")},
        id="recommendations_to_the_superior_and_closing_formulas_give_no_tasks"),
    pytest.param(
        "1. Giám đốc Sở Nông nghiệp và Phát triển nông thôn:\n\n"
        "Chủ trì, phối hợp với các địa phương theo dõi diễn biến xâm nhập mặn.\n\n"
        "2. Văn phòng HĐND và UBND huyện theo dõi, đôn đốc việc thực hiện.\n\n"
        "3. Sở Nội vụ đã phối hợp với các sở rà soát vị trí việc làm.\n\n"
        "4. Các chi bộ, đảng bộ trực thuộc tổ chức quán triệt; báo cáo kết quả.\n\n"
        "Yêu cầu Thủ trưởng các sở, ban, ngành tỉnh và các tổ chức, cá nhân có liên quan nghiêm túc "
        "thực hiện Chỉ thị này./.\n",
        {("Giám đốc Sở Nông nghiệp và Phát triển nông thôn", "chu_tri"),
         ("Văn phòng HĐND và UBND huyện", "theo_doi"),
         ("Các chi bộ, đảng bộ trực thuộc", "thuc_hien")},
        id="unit_headings_with_paragraphs_compound_names_and_past_tense"),
    pytest.param(
        "1. Trưởng phòng Quản lý đô thị thành phố: chủ trì kiểm tra trật tự đô thị.\n\n"
        "2. Đề nghị Hội Liên hiệp Phụ nữ thành phố, Thành đoàn Hạ Long tuyên truyền.\n\n"
        "3. Trường hợp tách thửa đất ở mà phải chuyển mục đích thì thực hiện theo quy định.\n\n"
        "Điều 2. Tổ công tác có nhiệm vụ rà soát, cấp căn cước cho công dân.\n",
        {("Trưởng phòng Quản lý đô thị thành phố", "chu_tri"),
         ("Hội Liên hiệp Phụ nữ thành phố", "thuc_hien"), ("Thành đoàn Hạ Long", "thuc_hien"),
         ("Tổ công tác", "thuc_hien")},
        id="youth_union_numbers_heads_of_phong_and_working_groups"),
    pytest.param(
        "Điều 2. Giao Sở Văn hóa chủ trì, phối hợp với các địa phương hướng dẫn thực hiện; "
        "Sở Tài chính bố trí kinh phí; UBND các huyện (cơ quan thường trực) tổ chức triển khai.\n\n"
        "3. Phòng GDĐT các huyện; các trường THPT trực thuộc báo cáo kết quả trước ngày 20/01/2025.\n\n"
        "| TT | Nội dung | Cơ quan thực hiện | Thời hạn |\n|---|---|---|---|\n"
        "| 1 | Rà soát danh sách | Sở Y tế | Quý I |\n"
        "| 2 | Gửi báo cáo kết quả về Sở Nội vụ | Sở Y tế | Trước ngày 31/12/2024 |\n",
        {("Sở Văn hóa", "chu_tri"), ("Sở Tài chính", "thuc_hien"), ("UBND các huyện", "thuc_hien"),
         ("Phòng GDĐT các huyện", "bao_cao"), ("Các trường THPT trực thuộc", "bao_cao"),
         ("Sở Y tế", "thuc_hien"), ("Sở Y tế", "bao_cao")},
        id="one_sentence_of_clauses_each_with_its_unit_and_a_task_table_by_executing_body"),
]


# The convention of the import issue: units named after "X chủ trì, phối hợp với" are
# assignments with role phoi_hop; partners that name no body are not.
ASSIGNMENT_FORMS.append(pytest.param(
    "1. Giao Sở Tài chính chủ trì, phối hợp với các Sở: Kế hoạch và Đầu tư, Xây dựng và UBND các huyện "
    "thẩm định dự toán, báo cáo UBND tỉnh trước ngày 30/6/2025.\n\n"
    "2. Sở Y tế chủ trì và phối hợp với các cơ quan, đơn vị liên quan kiểm tra an toàn thực phẩm.\n",
    {("Sở Tài chính", "chu_tri"), ("Sở Kế hoạch và Đầu tư", "phoi_hop"), ("Sở Xây dựng", "phoi_hop"),
     ("UBND các huyện", "phoi_hop"), ("Sở Y tế", "chu_tri")},
    id="partners_after_chu_tri_phoi_hop_voi"))


# Forms the import issue names: the order word after its subject, nested delegation, an
# adverbial between unit and verb, unit names holding verb words, closings and narratives.
ASSIGNMENT_FORMS.append(pytest.param(
    "1. UBND tỉnh đề nghị các sở, ban, ngành, UBND các huyện, thành phố, thị xã tăng cường kiểm tra.\n\n"
    "2. Thủ tướng Chính phủ giao Bộ Tài chính nghiên cứu, đề xuất sửa đổi Nghị định số 12/2020/NĐ-CP.\n\n"
    "3. Đề nghị UBND các huyện chỉ đạo Phòng Giáo dục và Đào tạo chủ trì rà soát đội ngũ giáo viên.\n\n"
    "4. Giao Bộ Công an theo chức năng, nhiệm vụ được giao, chỉ đạo lực lượng chức năng xử lý vi phạm.\n\n"
    "5. Các tổ chức chính trị - xã hội tỉnh tuyên truyền sâu rộng đến đoàn viên, hội viên.\n\n"
    "Báo Nghệ An ngày 12/3/2024 đưa tin về tình trạng khai thác cát trái phép.\n\n"
    "Văn phòng UBND tỉnh thông báo để Sở Y tế biết, thực hiện./.\n",
    {("Các sở, ban, ngành", "thuc_hien"), ("UBND các huyện, thành phố, thị xã", "thuc_hien"),
     ("Bộ Tài chính", "thuc_hien"), ("UBND các huyện", "thuc_hien"), ("Phòng Giáo dục và Đào tạo", "chu_tri"),
     ("Bộ Công an", "thuc_hien"), ("Các tổ chức chính trị - xã hội tỉnh", "thuc_hien")},
    id="order_word_after_its_subject_nested_delegation_adverbials_closings"))


@pytest.mark.parametrize(("body", "expected"), ASSIGNMENT_FORMS)
def test_assignment_forms(body, expected):
    from vanban.importer.mentions import find_assignments

    assert {(a["unit"], a["role"]) for a in find_assignments(body)} == expected


def test_references_with_a_descriptor_before_the_number_or_a_suffix_after_it():
    from vanban.core.citations import find_references

    found = find_references("Căn cứ Báo cáo thẩm định số 215/BC-STP ngày 02/10/2024 của Sở Tư pháp.", None)
    assert [(r["type"], r["number"]) for r in found] == [("Báo cáo", "215/BC-STP")]
    refs = find_references("Thực hiện Hướng dẫn số 38-HD/TWĐTN-PT ngày 05-3-2024 của Ban Bí thư Trung ương Đoàn.", None)
    assert [r["number"] for r in refs] == ["38-HD/TWĐTN-PT"]


def _rule_examples():
    from vanban.importer.assignment_rules import RULES

    for rule in RULES:
        for index, example in enumerate(rule.examples, 1):
            yield pytest.param(example, id=f"{rule.name}-{index}")


@pytest.mark.parametrize("example", list(_rule_examples()))
def test_each_assignment_rule_gives_what_its_examples_say(example):
    """Every rule of vanban.importer.assignment_rules documents itself with examples; each
    example is a test, so the catalogue cannot drift from the behaviour."""
    from vanban.importer.mentions import find_assignments
    from vanban.importer.task_scope import task_scope

    found = find_assignments(task_scope(example.body, example.doc_type))
    assert {(a["unit"], a["role"]) for a in found} == set(example.expected)
