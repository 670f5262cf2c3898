"""Stage 1: loading record files — encodings, front-matter, YAML errors, line numbers."""

import unicodedata

from conftest import record_text
from vanban.build.loader import MAX_RECORD_BYTES, load_record_file, load_record_text
from vanban.core.problems import ProblemLog


def load(text: str):
    log = ProblemLog()
    return load_record_text(text, "records/x.md", log), log


def test_front_matter_and_body_with_line_numbers():
    raw, log = load("---\nnumber: 930/UBND-TH\ndate: 2023-02-16\nreferences:\n  - number: 1-TB/TU\n"
                    "    date: 2023-01-01\n---\n\nThân văn bản.\n")
    assert not list(log)
    assert raw.front_matter["date"] == "2023-02-16"  # dates stay strings
    assert raw.front_matter["references"][0]["date"] == "2023-01-01"
    assert raw.line_of("number") == 2
    assert raw.line_of("references[0].date") == 6
    assert raw.line_of("references[0].nothing") == 5
    assert raw.body.strip() == "Thân văn bản."
    assert raw.body_line == 8


def test_missing_front_matter():
    raw, log = load("Chỉ có thân văn bản\n")
    assert raw is None
    assert "front-matter" in log.errors[0].message_en


def test_yaml_syntax_error_reports_line():
    raw, log = load("---\nnumber: 930/UBND-TH\ntype: [Công văn\ndate: 2023\n---\n")
    assert raw is None
    problem = log.errors[0]
    assert "YAML" in problem.message_en and problem.line is not None and problem.line >= 3


def test_yaml_aliases_are_refused():
    bomb = "---\na: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n---\n"
    raw, log = load(bomb)
    assert raw is None
    assert "alias" in log.errors[0].message_en


def test_duplicate_key_is_an_error():
    raw, log = load("---\nnumber: 1/UBND-TH\nnumber: 2/UBND-TH\n---\n")
    assert any(p.field == "number" and "duplicate" in p.message_en for p in log.errors)


def test_non_mapping_front_matter():
    raw, log = load("---\n- a\n- b\n---\n")
    assert raw is None and "mapping" in log.errors[0].message_en


def test_nfd_text_is_normalised_and_flagged():
    text = unicodedata.normalize("NFD", record_text({"issuer": "Sở Nội vụ"}, "Tỉnh uỷ\n"))
    raw, log = load(text)
    assert raw.front_matter["issuer"] == "Sở Nội vụ"
    assert raw.body.strip() == "Tỉnh uỷ"
    assert raw.was_nfc is False


def test_not_utf8_names_the_likely_encoding(tmp_path):
    path = tmp_path / "records" / "old.md"
    path.parent.mkdir()
    # Windows-1258 stores Vietnamese decomposed: base letter + combining tone mark.
    path.write_bytes(unicodedata.normalize("NFD", "---\nsubject: Tỉnh ủy\n---\n").encode("cp1258"))
    log = ProblemLog()
    assert load_record_file(path, tmp_path, log) is None
    problem = log.errors[0]
    assert problem.path == "records/old.md"
    assert "UTF-8" in problem.message_en and "1258" in problem.message_en


def test_oversized_file_is_refused(tmp_path):
    path = tmp_path / "big.md"
    path.write_bytes(b"---\na: 1\n---\n" + b"x" * (MAX_RECORD_BYTES + 1))
    log = ProblemLog()
    assert load_record_file(path, tmp_path, log) is None
    assert "too large" in log.errors[0].message_en


def test_bom_and_crlf_are_accepted():
    raw, log = load("\ufeff---\r\nnumber: 1/UBND-TH\r\n---\r\nThân\r\n")
    assert raw is not None and raw.front_matter["number"] == "1/UBND-TH"
