"""Stage 2: validation — schema translated to clear messages, and checks no schema can make."""

import pytest
from conftest import cong_van, record_text
from vanban.build.loader import load_record_text
from vanban.build.validate import validate_record
from vanban.core.problems import ProblemLog


def check(front_matter: dict, body: str = "Nội dung.\n"):
    log = ProblemLog()
    raw = load_record_text(record_text(front_matter, body), "records/x.md", log)
    return validate_record(raw, log), log


def messages(log):
    return [(p.field, p.message_en) for p in log]


def test_valid_record_is_normalised():
    record, log = check(cong_van(number="930 /UBND–TH", issuer="UBND  tỉnh"))
    assert not log.errors
    assert record.number == "930/UBND-TH"
    assert record.issuer == "UBND tỉnh"
    assert record.date.vietnamese() == "ngày 16 tháng 02 năm 2023"
    assert record.system == "state"


def test_unnumbered_copy_needs_symbol():
    record, log = check(cong_van(number=None, symbol="UBND-TH", date="2023-05"))
    assert not log.errors and record.number is None and record.symbol == "UBND-TH"
    record, log = check(cong_van(number=None))
    assert record is None and any(p.field == "symbol" for p in log.errors)


@pytest.mark.parametrize("overrides,field,needle", [
    ({"date": "2023-02-30"}, "date", "impossible"),
    ({"date": "16/02/2023"}, "date", "YYYY-MM-DD"),
    ({"numbr": "1/UBND-TH"}, "numbr", "did you mean 'number'"),
    ({"type": 5}, "type", "must be a string"),
    ({"number": "930"}, "number", "neither the state"),
    ({"number": "123/QĐ-UBND"}, "number", "disagrees with type"),
    ({"secrecy": "Mật"}, "secrecy", "never be published"),
    ({"id": "../../etc"}, "id", "no '/' or '..'"),
    ({"subject": "<script>alert(1)</script>"}, "subject", "<script>"),
    ({"references": [{"number": "1-TB/TU", "relation": "follows"}]}, "references[0].relation", "not allowed"),
    ({"references": [{"number": "1-TB/TU", "relation": "cites", "date": "2023-02-31"}]},
     "references[0].date", "impossible"),
    ({"assignments": [{"unit": "Sở Nội vụ", "role": "lead"}]}, "assignments[0].role", "not allowed"),
    ({"assignments": [{"unit": "Sở Nội vụ", "role": "chu_tri", "deadline": "trước 30/6/2024"}]},
     "assignments[0].deadline", "dd/mm/yyyy"),
])
def test_errors_name_field_and_expectation(overrides, field, needle):
    record, log = check(cong_van(**overrides))
    assert record is None
    assert any(p.field == field and needle in p.message_en for p in log.errors), messages(log)
    assert all(p.path == "records/x.md" and p.message_vi for p in log.errors)


def test_missing_required_fields_are_all_reported():
    record, log = check({"subject": "Thiếu nhiều trường"})
    assert record is None
    assert {p.field for p in log.errors} >= {"type", "issuer", "date"}


@pytest.mark.parametrize("body", [
    "<iframe src='x'></iframe>", '<a href="javascript:alert(1)">x</a>', "[x](javascript:alert(1))",
    '<img src="https://example.org/a.png">', "![ảnh](https://example.org/a.png)",
    '<p onclick="x()">a</p>', "[tải](data:text/html;base64,PHNjcmlwdD4=)",
])
def test_dangerous_body_is_an_error(body):
    record, log = check(cong_van(), body)
    assert record is None and any(p.field == "body" for p in log.errors)


def test_harmless_words_are_not_flagged():
    record, log = check(cong_van(), "Cơ sở dữ liệu data: đã cập nhật. Xem [mục 2](#muc-2).\n")
    assert record is not None, messages(log)


def test_deadline_text_and_date_forms():
    record, log = check(cong_van(assignments=[
        {"unit": "Sở Nội vụ", "role": "chu_tri", "deadline": "hằng năm"},
        {"unit": "Sở Nội vụ", "role": "bao_cao", "deadline": "2024-06-30"}]))
    assert record.assignments[0].deadline.text == "hằng năm"
    assert record.assignments[1].deadline.date.iso() == "2024-06-30"


def test_error_line_points_at_the_field():
    log = ProblemLog()
    raw = load_record_text("---\ntype: Công văn\nissuer: UBND tỉnh\nnumber: 1/UBND-TH\ndate: 2023-02-30\n---\n",
                           "records/x.md", log)
    validate_record(raw, log)
    assert log.errors[0].line == 5
    assert log.errors[0].format().startswith("records/x.md:5: error: date:")
