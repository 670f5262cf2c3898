"""vanban import of every format an office holds, on one document written here by hand and
saved by LibreOffice as .html, .pdf, .docx and .doc, and scanned (rendered, turned by 0.8°)
as a .png and an image-only .pdf. Each must give what a person reads off the page."""

from __future__ import annotations

from pathlib import Path

import pytest
from officefiles import EXPECTED, EXPECTED_REFERENCE, EXPECTED_UNITS
from vanban.importer import import_document, read_source
from vanban.importer.layout import Page, Word, recover
from vanban.importer.ocr import parse_tsv
from vanban.importer.pdf import text_quality


@pytest.fixture(scope="module")
def files(office_files) -> dict[str, Path]:
    return office_files


@pytest.mark.parametrize("kind", ["html", "pdf", "docx", "doc", "scan"])
def test_every_format_gives_what_a_person_reads(files, kind):
    fm = import_document(files[kind]).front_matter
    for key, value in EXPECTED.items():
        assert fm.get(key) == value, (kind, key)
    assert fm["issuer"] in ("Ủy ban nhân dân tỉnh Hà Tĩnh", "UBND tỉnh Hà Tĩnh")
    assert [(r["type"], r["number"], r["date"]) for r in fm["references"]] == [EXPECTED_REFERENCE]
    assert {(a["unit"], a["role"]) for a in fm["assignments"]} == EXPECTED_UNITS


def test_pdf_drops_the_stamp_and_the_page_number(files):
    text = read_source(files["pdf"]).text
    assert "Ký bởi" not in text and "Thời gian ký" not in text and "13.06.2024" not in text
    assert "\n2\n" not in text
    # the paragraph wrapped over four lines is one line again
    assert "Chủ tịch UBND tỉnh yêu cầu:" in next(line for line in text.splitlines() if line.startswith("Thực hiện"))


def test_scans_say_they_were_read_by_ocr(files):
    for kind in ("png", "scan"):
        source = read_source(files[kind])
        assert source.method == "ocr"
        assert any("OCR" in note for note in source.notes)
    assert read_source(files["pdf"]).method == "pdf"


def test_html_drops_scripts(files):
    assert "quảng cáo" not in read_source(files["html"]).text


def _word(text, x0, top, confidence=95.0, width=None):
    return Word(text, x0, x0 + (width or 6.0 * len(text)), top, top + 12, confidence)


def test_unsure_digits_in_number_and_date_lines_are_left_blank():
    """A handwritten number and day (low OCR confidence) are blanked; typed ones are kept."""
    page = Page(600, 800, [
        _word("Số:", 60, 100), _word("15/UBND-VX", 90, 100, confidence=41.0),
        _word("Nghệ", 330, 100), _word("An,", 362, 100), _word("ngày", 386, 100), _word("07", 416, 100, 30.0),
        _word("tháng", 434, 100), _word("3", 470, 100), _word("năm", 480, 100), _word("2023", 506, 100),
        _word("Có", 60, 300, 20.0), _word("12", 80, 300, 20.0), _word("người.", 98, 300),
    ])
    layout = recover([page])
    assert "Số: /UBND-VX" in layout.text
    assert "ngày tháng 3 năm 2023" in layout.text
    assert "Có 12 người." in layout.text  # body digits are not touched
    assert len(layout.notes) == 2


def test_two_columns_are_written_left_then_right():
    page = Page(600, 800, [
        _word("UBND", 80, 50), _word("TỈNH", 80, 64), _word("Số:", 70, 78), _word("5/UBND", 92, 78),
        _word("CỘNG", 300, 50, width=200), _word("Độc", 320, 64, width=150),
        _word("Nghệ", 330, 78), _word("An,", 362, 78), _word("ngày", 386, 78),
    ])
    assert recover([page]).text.strip().split("\n\n")[:2] == ["UBND\nTỈNH\nSố: 5/UBND", "CỘNG\nĐộc\nNghệ An, ngày"]


def test_tesseract_tsv_is_read_with_lines_and_confidence():
    tsv = ("level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext\n"
           "1\t1\t0\t0\t0\t0\t0\t0\t1654\t2339\t-1\t\n"
           "5\t1\t1\t1\t1\t1\t100\t200\t80\t30\t96.5\tSố:\n"
           "5\t1\t1\t1\t1\t2\t190\t201\t120\t30\t40\t12/QĐ\n"
           "5\t1\t1\t1\t1\t3\t320\t201\t12\t30\t95\t \n")
    page = parse_tsv(tsv)
    assert (page.width, page.height) == (1654, 2339)
    assert [(w.text, w.confidence, w.line) for w in page.words] == [
        ("Số:", 96.5, (1, 1, 1)), ("12/QĐ", 40.0, (1, 1, 1))]


def test_text_quality_tells_a_good_layer_from_garbage():
    assert text_quality("Ủy ban nhân dân tỉnh Nghệ An, ngày 16 tháng 02 năm 2023") == 1.0
    assert text_quality("(cid:12)(cid:44)(cid:7) (cid:9)(cid:2)") == 0.0
    assert text_quality("Ph¸t triÓn kinh tÕ x· héi") < 0.85  # TCVN3 glyphs without a Unicode map


def test_oversized_images_and_pages_are_refused_or_scaled_down(tmp_path, monkeypatch):
    """A decompression bomb and a PDF page of 40 m² must not be rendered at full size."""
    import io

    from PIL import Image
    from vanban.importer import BadDocument, ocr

    huge = tmp_path / "bom.png"
    Image.new("1", (9000, 9000), 1).save(huge)  # 81 megapixels, a few KB on disk
    with pytest.raises(BadDocument) as refused:
        read_source(huge)
    assert "quá lớn" in refused.value.args[0]
    page = tmp_path / "to.pdf"
    Image.new("L", (400, 300), 255).save(page, resolution=1.0)  # a page of 400 × 300 inches
    sizes = []
    real = ocr.ocr_png
    monkeypatch.setattr(ocr, "ocr_png", lambda png: sizes.append(Image.open(io.BytesIO(png)).size) or real(png))
    read_source(page)
    assert len(sizes) == 1 and sizes[0][0] * sizes[0][1] <= ocr.MAX_PIXELS


def test_words_outside_the_text_layer_are_added_once(files):
    """Poppler's words that pdfplumber's text layer lacks (a number filled into a form field at
    release) are added; words both see are not added twice."""
    import pdfplumber
    from vanban.importer.pdf import _form_words, _layer_words

    with pdfplumber.open(files["pdf"]) as pdf:
        layer = _layer_words(pdf.pages[0])
    assert _form_words(files["pdf"], 1, layer) == []
    alone = _form_words(files["pdf"], 1, [w for w in layer if w.text != "3412/UBND-NC1"])
    assert [w.text for w in alone] == ["3412/UBND-NC1"]


def test_the_blank_left_for_a_number_or_day_is_not_a_column():
    page = Page(600, 800, [_word("Số:", 60, 100), _word("/KH-UBND", 160, 100),
                           _word("ngày", 330, 140), _word("tháng", 420, 140), _word("9", 460, 140),
                           _word("năm", 472, 140), _word("2024", 500, 140)])
    assert recover([page]).text.strip().split("\n\n")[:2] == ["Số: /KH-UBND", "ngày tháng 9 năm 2024"]
