"""The bundled site answers "is it in force?" and "what is my unit due to do?" (issue 13): the
replaced Chỉ thị 12/CT-UBND says so everywhere and its tasks are superseded, a report closes its
period, a partial repeal shows, JSON-LD and the data files parse. The build counts from the fixed
day conftest sets (2026-12-01)."""

from __future__ import annotations

import csv
import io
import json

import feedparser
import pytest
from icalendar import Calendar
from lxml import html
from sitebuild import REPO, build

CT12 = "van-ban/ubnd-nghe-an-2022-12-ct-ubnd/index.html"
CT05 = "ubnd-nghe-an-2024-05-ct-ubnd"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    result = build(REPO, tmp_path_factory.mktemp("site"), "--strict")
    assert result.returncode == 0, result.output
    return result.site


def _page(site, path):
    return html.fromstring((site / path).read_bytes())


def test_the_replaced_directive_says_so_on_its_page_with_the_reason(site):
    page = _page(site, CT12)
    [banner] = page.find_class("vb-status")
    assert banner.text_content() == "Bị thay thế bởi Chỉ thị 05/CT-UBND ngày 18/03/2024"
    assert banner.xpath(".//a/@href") == [f"../../van-ban/{CT05}/"]
    timeline = page.find_class("vb-timeline")[0].text_content()
    assert "Ban hành" in timeline and "Bị thay thế bởi Chỉ thị 05/CT-UBND" in timeline
    panel = page.find_class("vb-meta")[0].text_content()
    assert "Tình trạng hiệu lựcBị thay thế" in panel


def test_the_badge_is_in_every_list_and_in_search(site):
    for path in ("co-quan/ubnd-nghe-an/index.html", "loai/chi-thi/index.html", "nam/2022/index.html",
                 f"van-ban/{CT05}/index.html"):
        items = [li for li in _page(site, path).xpath("//li") if "12/CT-UBND" in li.text_content()]
        assert items, path
        assert any(li.find_class("vb-status-badge") and "Bị thay thế" in li.text_content() for li in items), path
    rows = []
    for shard in (site / "search").rglob("*.js*"):
        text = shard.read_text(encoding="utf-8")
        if "12/CT-UBND" in text and "Bị thay thế" in text:
            rows.append(shard)
    assert rows  # the search result of the replaced directive carries its status


def test_its_tasks_are_superseded_on_unit_pages_and_never_due(site):
    unit = _page(site, "don-vi/so-noi-vu-nghe-an/index.html")
    headings = [h.text_content().rstrip("¶") for h in unit.xpath("//h2")]
    assert "Nhiệm vụ của văn bản không còn hiệu lực" in headings
    superseded = [tr for tr in unit.xpath("//tr[contains(@class, 'vb-superseded')]")]
    assert superseded and all("Không còn hiệu lực" in tr.text_content() for tr in superseded)
    assert any("12/CT-UBND" in tr.text_content() for tr in superseded)
    assert "Tính đến ngày 01/12/2026" in _page(site, "viec-can-lam/index.html").text_content()
    # the tracker runs over pages of 100 rows: read them all
    pages = ["viec-can-lam/index.html", *sorted(p.relative_to(site).as_posix()
                                                 for p in (site / "viec-can-lam").glob("trang-*/index.html"))]
    tracker = " ".join(_page(site, path).text_content() for path in pages)
    assert "tổ chức kiểm tra công vụ đột xuất việc chấp hành" not in tracker  # 12/CT's quarterly task
    assert "kiểm tra công vụ đột xuất; công khai kết quả" in tracker  # the task of 05/CT that replaced it


def test_a_report_of_the_unit_closes_its_yearly_task(site):
    unit = _page(site, "don-vi/phong-noi-vu-vinh/index.html")
    reported = [tr for tr in unit.xpath("//tr") if "Đã báo cáo" in tr.text_content()]
    # its own yearly task, and the quarterly one it has through its group: the report of November
    # falls in both periods
    assert sorted(tr.text_content()[:12] for tr in reported) == ["Rà soát, khắ", "Theo dõi, đô"]
    assert all(tr.xpath(".//a[contains(@href, '215-bc-pnv')]") for tr in reported)


def test_a_partial_repeal_leaves_the_decision_partly_in_force(site):
    page = _page(site, "van-ban/ubnd-nghe-an-2022-1234-qd-ubnd/index.html")
    assert page.find_class("vb-status")[0].text_content().startswith(
        "Hết hiệu lực một phần — bị bãi bỏ một phần bởi Quyết định 410/QĐ-UBND ngày 02/03/2026")
    assert "(Điều 5 của Quy chế ban hành kèm theo)" in page.find_class("vb-timeline")[0].text_content()


def test_json_ld_describes_the_record_as_legislation(site):
    page = _page(site, CT12)
    [script] = page.xpath("//head/script[@type='application/ld+json']")
    data = json.loads(script.text)
    assert data["@type"] == "Legislation" and data["legislationIdentifier"] == "12/CT-UBND"
    assert data["legislationLegalForce"] == "NotInForce" and data["inLanguage"] == "vi"
    assert data["legislationPassedBy"]["name"] == "Ủy ban nhân dân tỉnh Nghệ An"
    assert data["legislationDate"] == "2022-08-15"
    partly = json.loads(_page(site, "van-ban/ubnd-nghe-an-2022-1234-qd-ubnd/index.html")
                        .xpath("//head/script[@type='application/ld+json']")[0].text)
    assert partly["legislationLegalForce"] == "PartiallyInForce"
    repealing = json.loads(_page(site, "van-ban/ubnd-nghe-an-2026-410-qd-ubnd/index.html")
                           .xpath("//head/script[@type='application/ld+json']")[0].text)
    assert repealing["legislationRepeals"][0]["legislationIdentifier"] == "1234/QĐ-UBND"
    assert repealing["legislationDateOfApplicability"] == "2026-03-15"


def test_data_files_are_published_and_parse(site):
    feed = feedparser.parse((site / "feeds/co-quan/ubnd-nghe-an.xml").read_bytes())
    assert not feed.bozo and feed.entries
    unit = _page(site, "don-vi/so-noi-vu-nghe-an/index.html")
    links = {a.text_content(): a.get("href") for a in unit.find_class("vb-follow")[0].xpath(".//a")}
    assert links["Lịch thời hạn (.ics)"] == "../../lich/so-noi-vu-nghe-an.ics"
    calendar = Calendar.from_ical((site / "lich/so-noi-vu-nghe-an.ics").read_bytes())
    assert list(calendar.walk("VEVENT"))
    text = (site / "du-lieu/nhiem-vu/so-noi-vu-nghe-an.csv").read_text(encoding="utf-8")
    assert text.startswith("\ufeff")
    rows = list(csv.reader(io.StringIO(text[1:])))
    assert rows[0][0] == "Đơn vị" and len(rows) > 1
    head = unit.xpath("//head/link[@rel='alternate']/@href")
    assert head == ["../../feeds/don-vi/so-noi-vu-nghe-an.xml"]


def test_catalog_json_carries_status_and_next_due(site):
    data = json.loads((site / "catalog.json").read_text(encoding="utf-8"))
    ct12 = next(r for r in data["records"] if r["number"] == "12/CT-UBND")
    assert ct12["status"]["code"] == "replaced" and ct12["status"]["decided_by"] == CT05
    unit = next(u for u in data["units"] if u["id"] == "phong-noi-vu-vinh")
    reported = [t for t in unit["tasks"] if t["state"] == "reported"]
    assert {t["next_due"] for t in reported} == {"2026-12-31"}
    assert all(t["reported_by"].endswith("215-bc-pnv") for t in reported)
