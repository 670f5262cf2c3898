"""Navigation and order: the all-documents page, the grouped unit list, breadcrumbs and the
active tab on detail pages, no empty sections. In-memory collections where the expectation is
written by hand; the bundled site, built once, for what only the built HTML shows."""

from __future__ import annotations

import copy
import json
import re

import pytest
from conftest import TINY_REGISTRY, Collection, cong_van
from sitebuild import REPO, build
from vanban.site import urls
from vanban.site.renderer import SiteRenderer


def _data(renderer: SiteRenderer) -> dict:
    text = renderer.kind("all_records").data()[urls.ALL_RECORDS_DATA]
    assert text.startswith("window.vbAllRecords = ") and text.endswith(";\n")
    return json.loads(text[len("window.vbAllRecords = "):-2])


def _three_records(collection: Collection) -> None:
    collection.add("a.md", cong_van())  # 16/02/2023
    collection.add("b.md", cong_van(number="12/UBND-VX", date="2024-05-01", subject="V/v tỷ lệ <5% & “nợ” </b"))
    collection.add("c.md", cong_van(number="77/KH-UBND", type="Kế hoạch", date="2022-11-30", subject="Kế hoạch thử"))


def test_all_documents_newest_first_and_paginated(collection, monkeypatch):
    import vanban.site.kinds.all_records as all_records

    _three_records(collection)
    monkeypatch.setattr(all_records, "RECORDS_PER_PAGE", 2)
    pages = SiteRenderer(collection.catalogue(), urls.Linker()).kind("all_records").landing()
    assert [p.src_uri for p in pages] == ["van-ban/index.md", "van-ban/trang-2.md"]
    first, second = pages[0].markdown, pages[1].markdown
    assert first.index("Công văn 12/UBND-VX") < first.index("Công văn 930/UBND-TH")
    assert "77/KH-UBND" not in first and "Kế hoạch 77/KH-UBND" in second
    assert "Mọi văn bản trong kho (3 văn bản), mới nhất trước." in first
    # shown only by the script, which loads the data at the first choice
    assert ('class="vb-filters" data-vb-all-records data-root="../" data-src="../du-lieu/tat-ca-van-ban.js" hidden'
            in first)
    assert "tỷ lệ &lt;5% &amp; “nợ” &lt;/b" in first  # escaped once
    assert "vb-filters" not in second  # the controls sit on the first page; they cover every page
    for label in ("Công văn (2)", "Kế hoạch (1)", "2024 (1)", "2022 (1)", "Còn hiệu lực (3)",
                  "Ủy ban nhân dân tỉnh Nghệ An (3)"):
        assert f">{label}</option>" in first, label


def test_all_documents_data_holds_what_the_filters_need(collection):
    _three_records(collection)
    renderer = SiteRenderer(collection.catalogue(), urls.Linker(use_directory_urls=False))
    text = renderer.kind("all_records").data()[urls.ALL_RECORDS_DATA]
    assert "<" not in text  # record text cannot end a script, whatever loads the file
    data = _data(renderer)
    assert data["types"] == ["Công văn", "Kế hoạch"]
    assert data["issuers"] == [["Ủy ban nhân dân tỉnh Nghệ An", "co-quan/ubnd-tinh.html"]]
    assert [(r["l"], r["d"], r["k"], r["y"], r["t"], r["i"], r["st"]) for r in data["records"]] == [
        ("Công văn 12/UBND-VX", "01/05/2024", "20240501", 2024, 0, 0, "in_force"),
        ("Công văn 930/UBND-TH", "16/02/2023", "20230216", 2023, 0, 0, "in_force"),
        ("Kế hoạch 77/KH-UBND", "30/11/2022", "20221130", 2022, 1, 0, "in_force"),
    ]
    assert data["records"][1]["u"] == "van-ban/ubnd-tinh-2023-930-ubnd-th.html"
    assert data["statuses"]["replaced"] == "Bị thay thế"


def test_the_unit_list_is_grouped_by_tier_in_vietnamese_order(collection):
    registry = copy.deepcopy(TINY_REGISTRY)
    registry["organisations"] += [
        {"id": "phong-noi-vu-do-luong", "name": "Phòng Nội vụ huyện Đô Lương", "kind": "state",
         "parent": "ubnd-huyen-do-luong"},
        {"id": "bo-noi-vu", "name": "Bộ Nội vụ", "kind": "state"},
        {"id": "huyen-uy-do-luong", "name": "Huyện ủy Đô Lương", "kind": "party", "parent": "tinh-uy"},
    ]
    collection.set_registry(registry)
    units = ["Sở Tài chính", "Sở Nội vụ", "UBND huyện Đô Lương", "Phòng Nội vụ huyện Đô Lương", "Tỉnh ủy Nghệ An",
             "Huyện ủy Đô Lương", "Các Sở, ban, ngành cấp tỉnh", "Bộ Nội vụ", "Hội Nông dân xã Mới"]
    tasks = [{"unit": u, "role": "thuc_hien", "task": "Triển khai"} for u in units]
    collection.add("a.md", cong_van(assignments=tasks))
    landing = SiteRenderer(collection.catalogue(), urls.Linker()).kind("unit").landing()[0].markdown
    found = re.findall(r"^## (.+)$|>([^<>]+)</a></td>", landing, flags=re.MULTILINE)
    assert [heading or name for heading, name in found] == [
        "Cơ quan, đơn vị cấp tỉnh", "Sở Nội vụ tỉnh Nghệ An", "Sở Tài chính tỉnh Nghệ An",
        "Cơ quan, đơn vị cấp huyện", "Phòng Nội vụ huyện Đô Lương", "Ủy ban nhân dân huyện Đô Lương",
        "Khối Đảng", "Huyện ủy Đô Lương", "Tỉnh ủy Nghệ An",
        "Nhóm đơn vị", "Các Sở, ban, ngành cấp tỉnh",
        "Cơ quan Trung ương", "Bộ Nội vụ",
        "Đơn vị chưa có trong sổ đăng ký", "Hội Nông dân xã Mới (Ủy ban nhân dân tỉnh Nghệ An)",
    ]
    assert '<div class="vb-filter-box" data-vb-filter-box data-label="Lọc theo tên đơn vị" hidden></div>' in landing


def test_group_members_are_in_vietnamese_order(collection):
    registry = copy.deepcopy(TINY_REGISTRY)
    registry["groups"][1]["members"] = ["ubnd-huyen-moi", "ubnd-huyen-do-luong"]  # registry order: Mới, Đô Lương
    collection.set_registry(registry)
    collection.add("a.md", cong_van(assignments=[{"unit": "UBND các huyện, thành phố, thị xã", "role": "thuc_hien"}]))
    renderer = SiteRenderer(collection.catalogue(), urls.Linker())
    page = renderer.kind("unit").pages("ubnd-cap-huyen")[0].markdown
    assert page.index("Ủy ban nhân dân huyện Đô Lương") < page.index("Ủy ban nhân dân huyện Mới")


# -- the bundled site, built once -------------------------------------------------------------
@pytest.fixture(scope="module")
def site(tmp_path_factory):
    result = build(REPO, tmp_path_factory.mktemp("site"))
    assert result.returncode == 0, result.output
    return result


def _crumbs(page) -> list[str]:
    return [li.text_content().strip() for li in page.findall(".//nav[@class='vb-crumbs']/ol/li")]


def _active_tabs(page) -> list[str]:
    return [li.text_content().strip() for li in page.xpath("//li[contains(@class, 'md-tabs__item--active')]")]


@pytest.mark.parametrize("url,tab,crumbs", [
    ("co-quan/ubnd-nghe-an/", "Cơ quan ban hành", ["Trang chủ", "Cơ quan ban hành", "Ủy ban nhân dân tỉnh Nghệ An"]),
    ("don-vi/so-noi-vu-nghe-an/", "Đơn vị được giao", ["Trang chủ", "Đơn vị được giao", "Sở Nội vụ tỉnh Nghệ An"]),
    ("don-vi/cac-so-ban-nganh-nghe-an/", "Đơn vị được giao",
     ["Trang chủ", "Đơn vị được giao", "Các Sở, ban, ngành cấp tỉnh"]),
    ("dan-chieu/bch-tw-2021-37-qd-tw/", "Văn bản được dẫn chiếu",
     ["Trang chủ", "Văn bản được dẫn chiếu", "Quy định 37-QĐ/TW"]),
    ("loai/cong-van/", "Loại văn bản", ["Trang chủ", "Loại văn bản", "Công văn"]),
    ("nam/2023/", "Theo năm", ["Trang chủ", "Văn bản theo năm", "Văn bản năm 2023"]),
    ("van-ban/ubnd-nghe-an-2023-930-ubnd-th/", "Tất cả văn bản", ["Trang chủ", "Văn bản năm 2023"]),
    ("van-ban/", "Tất cả văn bản", ["Trang chủ", "Tất cả văn bản"]),
    ("don-vi/", "Đơn vị được giao", ["Trang chủ", "Đơn vị được giao nhiệm vụ"]),
    ("", "Trang chủ", None),
    ("huong-dan/dinh-dang-ban-ghi/", "Hướng dẫn", None),
])
def test_detail_pages_have_breadcrumbs_and_one_active_tab(site, url, tab, crumbs):
    page = site.page(url)
    assert _active_tabs(page) == [tab]
    if crumbs is not None:
        assert _crumbs(page)[:len(crumbs)] == crumbs


def test_the_tab_names_what_it_opens(site):
    tabs = [a.text_content().strip() for a in site.page("").findall(".//nav[@class='md-tabs']//a")]
    assert "Văn bản được dẫn chiếu" in tabs and "Văn bản dẫn chiếu" not in tabs
    record = site.page("van-ban/ubnd-nghe-an-2023-930-ubnd-th/")
    headings = [h.text_content().rstrip("¶").strip() for h in record.iter("h2", "h3")]
    assert "Văn bản này dẫn chiếu" in headings and "Văn bản dẫn chiếu" not in headings


def test_no_page_has_an_empty_section(site):
    """A heading is followed by something other than a heading of its level or above."""
    empty = []
    for file in sorted(site.site.rglob("*.html")):
        article = site.page(file.relative_to(site.site).as_posix()).find(".//article")
        if article is None:
            continue
        children = [c for c in article if isinstance(c.tag, str)]
        for index, child in enumerate(children):
            if child.tag in ("h2", "h3", "h4"):
                after = children[index + 1] if index + 1 < len(children) else None
                if after is None or (after.tag in ("h1", "h2", "h3", "h4") and after.tag <= child.tag):
                    empty.append((file.relative_to(site.site).as_posix(), child.text_content()))
    assert empty == []
    outside = site.page("dan-chieu/bch-tw-2021-37-qd-tw/")
    assert "Các văn bản dẫn chiếu" not in outside.text_content()


def test_all_documents_page_lists_every_record_newest_first(site):
    records = site.catalog()["records"]
    page = site.page("van-ban/")
    rows = page.findall(".//div[@class='md-typeset__scrollwrap vb-table vb-all-records']//tbody/tr")
    assert len(rows) == len(records)
    labels = [row[0].text_content() for row in rows]
    assert labels[:2] == ["Báo cáo 215/BC-PNV", "Quyết định 410/QĐ-UBND"]  # 18/11/2026, 02/03/2026
    dates = [tuple(reversed(row[1].text_content().split("/"))) for row in rows]
    padded = [tuple(int(p) for p in d) + (0,) * (3 - len(d)) for d in dates]
    assert padded == sorted(padded, reverse=True)
    assert (site.site / "du-lieu" / "tat-ca-van-ban.js").is_file()


def test_party_units_in_vietnamese_order(site):
    page = site.page("don-vi/")
    headings = [h.text_content().rstrip("¶") for h in page.iter("h2")]
    assert headings == ["Cơ quan, đơn vị cấp tỉnh", "Cơ quan, đơn vị cấp huyện", "Khối Đảng", "Nhóm đơn vị"]
    party = page.xpath("//h2[starts-with(., 'Khối Đảng')]/following-sibling::div[1]//tbody/tr/td[1]")
    assert [td.text_content() for td in party] == [
        "Ban cán sự đảng UBND tỉnh Nghệ An", "Ban Tổ chức Tỉnh ủy Nghệ An", "Đảng ủy Bộ đội Biên phòng tỉnh",
        "Đảng ủy Công an tỉnh", "Đảng ủy Khối các cơ quan tỉnh", "Đảng ủy Khối Doanh nghiệp tỉnh",
        "Đảng ủy Quân sự tỉnh", "Huyện ủy Anh Sơn", "Huyện ủy Con Cuông", "Huyện ủy Diễn Châu", "Huyện ủy Đô Lương",
        "Huyện ủy Hưng Nguyên", "Huyện ủy Kỳ Sơn", "Huyện ủy Nam Đàn", "Huyện ủy Nghi Lộc", "Huyện ủy Nghĩa Đàn",
        "Huyện ủy Quế Phong", "Huyện ủy Quỳ Châu", "Huyện ủy Quỳ Hợp", "Huyện ủy Quỳnh Lưu", "Huyện ủy Tân Kỳ",
        "Huyện ủy Thanh Chương", "Huyện ủy Tương Dương", "Huyện ủy Yên Thành", "Thành ủy Vinh", "Thị ủy Cửa Lò",
        "Thị ủy Hoàng Mai", "Thị ủy Thái Hòa", "Ủy ban Kiểm tra Tỉnh ủy Nghệ An",
    ]
