"""The field table (``vanban.core.fields``) is the one declaration of a record field: the
published JSON Schema, ``Record``, the record page's metadata panel and ``catalog.json`` all
agree with it. Sets are compared, so a field added to one place only fails here."""

from __future__ import annotations

import dataclasses
import json

import pytest
from conftest import REPO, cong_van
from lxml import html
from sitebuild import build
from vanban.build.loader import load_record_text
from vanban.build.validate import parse_fields, validate_record
from vanban.core.fields import CATALOG_FIELDS, FIELDS, KEY_ORDER, META_PANEL, label
from vanban.core.model import Record
from vanban.core.problems import ProblemLog
from vanban.core.schema import FIELD_LABELS, RECORD_SCHEMA
from vanban.importer.writer import record_text
from vanban.site import urls
from vanban.site.render.data import SCHEMA_FILE, catalog_data
from vanban.site.renderer import SiteRenderer

NOT_FRONT_MATTER = {"path", "body", "system", "extra"}
"""Record attributes that no front-matter key fills: where the file is, its text, what the
number grammar says, and room for later stages."""
NOT_FIELDS_IN_CATALOG = {"url", "path", "has_text", "status"}  # status: derived (lifecycle), not the field

FULL = cong_van(
    id="cv-day-du", symbol="UBND-TH", place="Nghệ An", urgency="Khẩn", status="Còn hiệu lực",
    signer={"name": "Nguyễn Văn A", "title": "Phó Chánh Văn phòng", "authority": ["TL. Chủ tịch"]},
    addressees=["Các Sở, ban, ngành cấp tỉnh"], distribution=["Như trên", "Lưu: VT"],
    references=[{"number": "21-KL/TW", "relation": "implements", "type": "Kết luận", "date": "2021-10-25",
                 "issuer": "Ban Chấp hành Trung ương", "subject": "Về công tác xây dựng Đảng"}],
    assignments=[{"unit": "Sở Nội vụ", "role": "chu_tri", "task": "Tham mưu", "deadline": "2023-06-30"}],
    effective_from="2023-03-01", effective_to="2025-12-31",
    replaces=["100/UBND-TH"], source="cv.pdf", original="cv.pdf", sha256="0" * 64, sample=True,
    note="Ghi chú", import_notes=["chưa tìm được người ký"])
"""A record that fills every field a published record can have (``secrecy`` is refused)."""


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    result = build(REPO, tmp_path_factory.mktemp("site"))
    assert result.returncode == 0, result.output
    return result


def test_published_schema_is_the_table(site):
    published = json.loads((site.site / SCHEMA_FILE).read_text(encoding="utf-8"))
    assert published == RECORD_SCHEMA
    assert set(published["properties"]) == {f.key for f in FIELDS}
    assert set(published["required"]) == {f.key for f in FIELDS if f.required}
    assert published["properties"]["date"] == next(f.schema for f in FIELDS if f.name == "date")


def test_every_field_has_a_label():
    assert set(FIELD_LABELS) == {f.name for f in FIELDS}
    assert all(f.label for f in FIELDS)
    assert label("date") == "Ngày ban hành" and label("source") == "Tệp gốc"
    with pytest.raises(KeyError):
        label("ngay")


def test_record_has_an_attribute_for_each_field_and_no_other():
    attributes = {a.name: a for a in dataclasses.fields(Record)}
    assert set(attributes) - NOT_FRONT_MATTER == {f.name for f in FIELDS if f.on_record}
    for field in FIELDS:
        attribute = attributes.get(field.name)
        if attribute is not None and attribute.default is not dataclasses.MISSING:
            assert attribute.default == field.empty, field.name


def test_a_full_record_fills_every_attribute(collection):
    raw = load_record_text(record_text(FULL, "Toàn văn.\n"), "full.md", ProblemLog())
    assert raw is not None
    log = ProblemLog()
    record = validate_record(raw, log)
    assert record is not None, [p.format() for p in log]
    assert set(FULL) == {f.key for f in FIELDS if f.on_record}, "FULL must fill every field"
    for field in FIELDS:
        if field.on_record:
            assert getattr(record, field.name) not in (None, (), ""), field.name
    assert parse_fields(raw, ProblemLog())["date"] == record.date


def test_meta_panel_rows_are_the_table(collection):
    assert META_PANEL == (
        ("number", "Số, ký hiệu"), ("type", "Loại văn bản"), ("issuer", "Cơ quan ban hành"),
        ("date", "Ngày ban hành"), ("place", "Địa danh"), ("subject", "Trích yếu"), ("signer", "Người ký"),
        ("urgency", "Độ khẩn"),
        ("status", "Tình trạng hiệu lực"), ("addressees", "Kính gửi"), ("distribution", "Nơi nhận"),
        ("source", "Tệp gốc"))
    assert all(label(name) == text for name, text in META_PANEL)
    collection.add("2023/full.md", FULL, body="Toàn văn.\n")
    cat = collection.catalogue()
    page = SiteRenderer(cat, urls.Linker()).kind("record").pages(next(iter(cat.records)))[0]
    panel = html.fromstring(page.markdown.split('<dl class="vb-meta">', 1)[1].split("</dl>", 1)[0].join(
        ("<dl>", "</dl>")))
    assert [dt.text_content() for dt in panel.iter("dt")] == [text for _, text in META_PANEL]


def test_catalog_records_carry_the_table_keys(collection, site):
    collection.add("2023/full.md", FULL, body="Toàn văn.\n")
    published = {f.catalog for f in FIELDS if f.catalog}
    assert published == {f.catalog for f in CATALOG_FIELDS}
    rows = catalog_data(collection.catalogue(), urls.Linker())["records"]
    assert rows and all(set(row) - NOT_FIELDS_IN_CATALOG == published for row in rows)
    assert all(set(row) - NOT_FIELDS_IN_CATALOG == published for row in site.catalog()["records"])


def test_records_are_written_in_table_order():
    assert KEY_ORDER == tuple(RECORD_SCHEMA["properties"])
    text = record_text({"import_notes": ["x"], "urgency": "Khẩn", **cong_van()}, "")
    keys = [line.split(":", 1)[0] for line in text.splitlines()[1:-1] if line[:1].isalpha()]
    assert keys == ["number", "type", "issuer", "date", "subject", "urgency", "import_notes"]


def test_the_guide_lists_every_field_and_only_those():
    guide = (REPO / "docs" / "huong-dan" / "dinh-dang-ban-ghi.md").read_text(encoding="utf-8")
    section = guide.split("## Các trường", 1)[1].split("\n### ", 1)[0]
    listed = {line.split("`")[1] for line in section.splitlines() if line.startswith("| `")}
    assert listed == {f.key for f in FIELDS}
