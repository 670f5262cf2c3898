"""End to end: build the bundled site with ``mkdocs build --strict`` and check it with lxml."""

from __future__ import annotations

import posixpath
from collections import defaultdict

import pytest
from sitebuild import REPO, build, internal_links, linked_ids
from vanban.build.loader import find_record_files


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    result = build(REPO, tmp_path_factory.mktemp("site"), "--strict")
    assert result.returncode == 0, result.output
    return result


def test_strict_build_has_no_warnings(site):
    assert "WARNING" not in site.output, site.output


def test_every_record_file_is_published_with_its_page(site):
    catalog = site.catalog()
    files = {p.relative_to(REPO).as_posix() for p in find_record_files(REPO / "records")}
    assert {r["path"] for r in catalog["records"]} == files
    assert len(files) >= 15
    for record in catalog["records"]:
        page = site.page(record["url"])
        h1 = page.findtext(".//h1") or ""
        assert record["type"] in h1
        if record["number"]:
            assert record["number"] in h1
        panel = page.find(".//dl[@class='vb-meta']")
        assert panel is not None and record["issuer"]["name"] in panel.text_content()


def test_issuer_pages_list_exactly_their_records(site):
    catalog = site.catalog()
    expected = defaultdict(set)
    for record in catalog["records"]:
        expected[record["issuer"]["id"]].add(record["id"])
    assert {i["id"] for i in catalog["issuers"]} == set(expected)
    for issuer in catalog["issuers"]:
        page = site.page(issuer["url"])
        assert linked_ids(page.find(".//article"), issuer["url"]) == expected[issuer["id"]] == set(issuer["records"])


def test_every_cited_document_has_a_directive_page(site):
    catalog = site.catalog()
    cited = {(ref["target"]) for r in catalog["records"] for ref in r["references"]}
    assert cited == {d["id"] for d in catalog["directives"]}
    # the stub branch below must run, or its assertions prove nothing
    assert sum(1 for d in catalog["directives"] if d["record"]) >= 5
    for directive in catalog["directives"]:
        expected = set(directive["cited_by"])
        if directive["record"] is None:
            page = site.page(directive["url"])
            assert directive["number"] in page.findtext(".//h1")
            assert linked_ids(page.find(".//article"), directive["url"]) == expected
        else:
            # the directive URL leads to the record page, which carries "Được dẫn chiếu bởi"
            stub_url = f"dan-chieu/{directive['id']}/"
            stub = site.page(stub_url)
            record = next(r for r in catalog["records"] if r["id"] == directive["record"])
            # the refresh and the canonical link both lead, relative to the stub, to the record page
            refresh = stub.find(".//meta[@http-equiv='refresh']").get("content")
            target = refresh.split("url=", 1)[1]
            resolved = posixpath.normpath(posixpath.join(stub_url, target)) + "/"
            assert resolved == record["url"], (refresh, record["url"])
            assert stub.find(".//link[@rel='canonical']").get("href") == target
            assert directive["url"] == record["url"]
            page = site.page(record["url"])
            sections = page.findall(".//ul[@class='vb-cited-by']")  # a block per relation
            assert sections
            assert set().union(*(linked_ids(s, record["url"]) for s in sections)) == expected


def test_unit_pages_list_direct_and_group_tasks(site):
    catalog = site.catalog()
    for unit in catalog["units"]:
        page = site.page(unit["url"])
        article = page.find(".//article")
        assert linked_ids(article, unit["url"]) >= {t["record"] for t in unit["tasks"]}
        tables = article.findall(".//table")
        rows = sum(len(t.findall(".//tbody/tr")) for t in tables)
        assert rows == len(unit["tasks"])
        if unit["is_group"] and unit["members"]:
            members = article.find(".//ul[@class='vb-members']")
            assert members is not None and len(members.findall("li")) == len(unit["members"])
        elif unit["is_group"]:
            assert "chưa có thành viên" in article.text_content()
    noi_vu = next(u for u in catalog["units"] if u["id"] == "so-noi-vu-nghe-an")
    assert any(t["via"] is None for t in noi_vu["tasks"])
    assert any(t["via"] == "cac-so-ban-nganh-nghe-an" for t in noi_vu["tasks"])


def test_type_and_year_pages_list_exactly_the_right_records(site):
    catalog = site.catalog()
    by_year = defaultdict(set)
    for record in catalog["records"]:
        by_year[record["date"][:4]].add(record["id"])
    for year, ids in by_year.items():
        url = f"nam/{year}/"
        assert linked_ids(site.page(url).find(".//article"), url) == ids
    from vanban.core.text import slugify

    by_type = defaultdict(set)
    for record in catalog["records"]:
        by_type[slugify(record["type"])].add(record["id"])
    for type_slug, ids in by_type.items():
        url = f"loai/{type_slug}/"
        assert linked_ids(site.page(url).find(".//article"), url) == ids


def test_every_internal_link_resolves(site):
    broken = []
    checked = 0
    for page, href, target in internal_links(site.site):
        checked += 1
        if not (target.is_file() or (target / "index.html").is_file()):
            broken.append(f"{page.relative_to(site.site)} → {href}")
    assert checked > 500
    assert not broken, broken[:20]


def test_seed_record_page(site):
    catalog = site.catalog()
    seed = next(r for r in catalog["records"] if r["path"].endswith("trien-khai-thuc-hien-thong-bao-904-tb-tu.md"))
    assert seed["number"] is None and seed["date"] == "2023-05"
    assert [r["number"] for r in seed["references"]] == ["904-TB/TU", "21-KL/TW", "77-KH/TU", "930/UBND-TH"]
    # as the person wrote them: two groups carry it out, Sở Nội vụ leads, the groups coordinate with it
    assert [a["role"] for a in seed["assignments"]] == ["thuc_hien", "thuc_hien", "chu_tri", "phoi_hop", "phoi_hop"]
    page = site.page(seed["url"])
    panel = page.find(".//dl[@class='vb-meta']").text_content()
    assert "tháng 5 năm 2023" in panel and "Chưa có số" in panel and "Nguyễn Thị Mai Thương" in panel
    # the Lược đồ as the record says: it implements 904-TB/TU and cites three documents; Kế
    # hoạch 412/KH-UBND implements 904-TB/TU too
    up = page.find(".//section[@class='vb-diagram-part vb-diagram-up']")
    titles = [p.text_content() for p in up.findall(".//p[@class='vb-rel-title']")]
    assert titles == ["Thực hiện (1)", "Dẫn chiếu (3)"]
    assert "904-TB/TU" in up.find(".//section").text_content()
    together = page.find(".//section[@class='vb-diagram-part vb-diagram-siblings']").text_content()
    assert "Cùng thực hiện Thông báo 904-TB/TU (1)" in together and "412/KH-UBND" in together


def test_metadata_only_and_sample_records_say_so(site):
    catalog = site.catalog()
    for record in catalog["records"]:
        article = site.page(record["url"]).find(".//article")
        assert (article.find(".//p[@class='vb-notice vb-no-text']") is not None) == (not record["has_text"])
        assert ("Văn bản minh hoạ" in article.text_content()) == record["sample"]


def test_home_page_counts_and_latest(site):
    catalog = site.catalog()
    home = site.page("")
    stats = home.find(".//ul[@class='vb-stats']").text_content()
    assert str(len(catalog["records"])) in stats
    latest = linked_ids(home.find(".//ul[@class='vb-records']"), "")
    newest = sorted(catalog["records"], key=lambda r: r["date"], reverse=True)[:5]
    assert {r["id"] for r in newest} <= latest


def test_nothing_is_loaded_from_outside(site):
    for page in site.site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "fonts.googleapis" not in text and "fonts.gstatic" not in text, page


def test_schema_is_published(site):
    import json

    schema = json.loads((site.site / "schema" / "record.schema.json").read_text(encoding="utf-8"))
    assert "assignments" in schema["properties"]


def test_broken_record_fails_the_build_and_others_are_published(tmp_path):
    from conftest import TINY_REGISTRY, Collection, cong_van
    from sitebuild import copy_project_skeleton

    copy_project_skeleton(tmp_path)
    collection = Collection(tmp_path)
    collection.set_registry(TINY_REGISTRY)
    collection.add("2023/good.md", cong_van())
    collection.add("2023/bad.md", cong_van(number="931/UBND-TH", date="2023-02-30"))
    result = build(tmp_path, tmp_path / "out")
    assert result.returncode != 0
    assert "records/2023/bad.md" in result.output and "date" in result.output
    assert (tmp_path / "out" / "van-ban" / "ubnd-tinh-2023-930-ubnd-th" / "index.html").is_file()
    assert not (tmp_path / "out" / "van-ban" / "ubnd-tinh-2023-931-ubnd-th").exists()


def test_record_pages_link_to_their_source_for_editing(site):
    catalog = site.catalog()
    for record in catalog["records"]:
        edit = site.page(record["url"]).find(".//a[@class='md-content__button md-icon']")
        assert edit is not None, record["url"]
        assert edit.get("href").endswith("/edit/main/" + record["path"]), edit.get("href")
    home_edit = site.page("").find(".//a[@class='md-content__button md-icon']")
    assert home_edit is not None and home_edit.get("href").endswith("/edit/main/docs/index.md")


def test_offline_command_names_the_archive_by_date(tmp_path):
    import subprocess
    import sys
    import zipfile

    # the build date is passed in (as CI does for a reproducible build), never read from today
    env = {"PYTHONPATH": str(REPO / "hooks"), "PATH": "/usr/bin:/bin", "NO_MKDOCS_2_WARNING": "1",
           "SOURCE_DATE_EPOCH": "1795575600"}  # 2026-11-25 10:00 in Việt Nam
    result = subprocess.run([sys.executable, "-m", "vanban.cli", "--root", str(REPO), "offline"], cwd=tmp_path,
                            capture_output=True, text=True, env=env)
    assert result.returncode == 0, result.stderr[-2000:]
    assert [p.name for p in tmp_path.glob("kho-van-ban-*.zip")] == ["kho-van-ban-2026-11-25.zip"]
    with zipfile.ZipFile(tmp_path / "kho-van-ban-2026-11-25.zip") as z:
        names = set(z.namelist())
        build_info = z.read("thong-tin-ban-dung.html").decode("utf-8")
    assert {"index.html", "thong-tin-ban-dung.html", "catalog.json", "search/meta.js"} <= names
    assert "van-ban/ubnd-nghe-an-2023-930-ubnd-th.html" in names  # file-system URLs, no folders
    assert "ngày 25 tháng 11 năm 2026, lúc 10:00" in build_info  # the name and the page agree


def test_the_interface_speaks_vietnamese(site):
    """No English left by the theme's defaults on any page: footer credit, heading-link tooltip."""
    for page in site.site.rglob("*.html"):
        text = page.read_text(encoding="utf-8")
        assert "Made with" not in text and "Permanent link" not in text, page
    home = (site.site / "index.html").read_text(encoding="utf-8")
    assert "Về đầu trang" in home and "Trở lại mục lục" not in home  # "back to the table of contents"
    guide = site.page("huong-dan/dinh-dang-ban-ghi/")
    assert {a.get("title") for a in guide.iter("a") if a.get("class") == "headerlink"} == {"Liên kết đến mục này"}


def test_the_404_page_is_in_vietnamese_and_leads_back(site):
    page = site.page("404.html")
    assert page.findtext(".//article//h1") == "Không tìm thấy trang"
    hrefs = {a.get("href") for a in page.iter("a")}
    assert {"/co-quan/", "/dan-chieu/", "/don-vi/", "/loai/", "/nam/"} <= hrefs
    assert "Not found" not in (site.site / "404.html").read_text(encoding="utf-8")
