"""In the real browser: Vietnamese search, ?q=, the offline copy from file://, no outside
requests, accessibility (axe-core) and printing. Debian's chromium through Playwright."""

from __future__ import annotations

import datetime as dt
import unicodedata
import zipfile

import pytest
from browser_support import (
    AXE,
    RequestLog,
    axe_violations,
    run_query,
    serve,
    unzip,
)
from sitebuild import REPO, build
from vanban.build.pipeline import Sources, build_catalogue
from vanban.engines.offline import make_offline_copy


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    result = build(REPO, tmp_path_factory.mktemp("served"))
    assert result.returncode == 0, result.output
    with serve(result.site) as base:
        yield base


@pytest.fixture(scope="module")
def offline(tmp_path_factory):
    folder = tmp_path_factory.mktemp("offline")
    archive = folder / "kho.zip"
    make_offline_copy(REPO / "mkdocs.yml", archive)
    with zipfile.ZipFile(archive) as z:
        assert "index.html" in z.namelist()
    return unzip(archive, folder / "copy")


@pytest.fixture(params=["served", "offline"])
def site(request, served, offline):
    """(base URL, page suffix): the served site and the unzipped offline copy."""
    return (served, "") if request.param == "served" else (offline, "index.html")


@pytest.fixture
def page(browser, site):
    context = browser.new_context()
    tab = context.new_page()
    log = RequestLog(tab, site[0])
    yield tab
    context.close()
    assert not log.outside, f"requests outside the site: {log.outside}"


@pytest.fixture(scope="module")
def catalogue():
    return build_catalogue(Sources.at(REPO))


def _records_containing(catalogue, text: str) -> set[str]:
    return {rid for rid, e in catalogue.records.items()
            if text in (e.record.subject or "") + e.record.body + e.record.title()}


def _record_of(catalogue, number: str) -> str:
    return next(rid for rid, e in catalogue.records.items() if e.record.number == number)


@pytest.mark.parametrize("query", ["so noi vu", "Sở Nội vụ", unicodedata.normalize("NFD", "Sở Nội vụ")])
def test_unit_name_without_and_with_diacritics_finds_its_page_first(page, site, query):
    results = run_query(page, *site, query)
    assert results, query
    assert results[0]["title"] == "Sở Nội vụ" or results[0]["title"].startswith("Sở Nội vụ")
    assert "so-noi-vu" in results[0]["href"]


@pytest.mark.parametrize("query,spellings", [
    ("tinh uy", ("Tỉnh uỷ", "Tỉnh ủy")), ("Tỉnh ủy", ("Tỉnh uỷ", "Tỉnh ủy")), ("Tỉnh uỷ", ("Tỉnh uỷ", "Tỉnh ủy")),
    ("hóa", ("hoá", "hóa")), ("hoá", ("hoá", "hóa")),
])
def test_tone_placement_does_not_matter(page, site, catalogue, query, spellings):
    results = run_query(page, *site, query)
    found = {r["href"].split("/")[-2] if r["href"].endswith("/") else r["href"].split("/")[-1].removesuffix(".html")
             for r in results}
    for spelling in spellings:
        expected = _records_containing(catalogue, spelling)
        assert expected, spelling
        assert found & expected, (query, spelling)


@pytest.mark.parametrize("number", ["930/UBND-TH", "21-KL/TW", "904-TB/TU", "412/KH-UBND"])
def test_number_symbol_finds_the_document_first(page, site, catalogue, number):
    results = run_query(page, *site, number)
    record_id = _record_of(catalogue, number)
    assert record_id in results[0]["href"], results[:3]
    assert number in results[0]["facts"]


def test_serial_alone_is_among_the_results(page, site, catalogue):
    results = run_query(page, *site, "930")
    assert any(_record_of(catalogue, "930/UBND-TH") in r["href"] for r in results)


def test_results_show_type_number_date_and_issuer(page, site, catalogue):
    record = catalogue.records[_record_of(catalogue, "412/KH-UBND")]
    facts = run_query(page, *site, "412/KH-UBND")[0]["facts"]
    for part in ("Kế hoạch", "412/KH-UBND", record.record.date.short(), catalogue.issuers[record.issuer_id].name):
        assert part in facts, (part, facts)


def test_exact_spelling_is_preferred_when_typed(page, site):
    results = run_query(page, *site, "Sở Y tế")
    assert results[0]["title"].startswith("Sở Y tế")


def test_typing_in_the_box_runs_the_query(page, site):
    base, home = site
    page.goto(base + home)
    page.click(".vb-search .md-search__input")
    page.keyboard.type("ke hoach 412")
    page.keyboard.press("End")
    # the results of a shorter prefix ("ke hoach") may show while typing, under a loaded CPU:
    # the whole query's results must replace them with 412/KH-UBND first (a timeout fails)
    page.wait_for_function("() => { const a = document.querySelector('.vb-search .md-search-result__link');"
                           " return a !== null && a.innerText.includes('412/KH-UBND'); }", timeout=10_000)
    first = page.locator(".vb-search .md-search-result__link").first
    assert "412/KH-UBND" in first.inner_text()
    assert page.locator(".vb-search .md-search-result__link").first.get_attribute("class") == "md-search-result__link"


def test_navigation_and_index_pages_work(page, site):
    base, home = site
    page.goto(base + home)
    page.click("nav.md-tabs a:has-text('Cơ quan ban hành')")
    page.wait_for_selector(".vb-table table")
    page.click(".vb-table table a >> nth=0")
    page.wait_for_selector("ul.vb-records")
    page.click("ul.vb-records a >> nth=0")
    page.wait_for_selector("dl.vb-meta")
    assert page.locator("h2:has-text('Lược đồ quan hệ')").count() == 1
    assert page.locator(".vb-diagram h3:has-text('Được dẫn chiếu bởi')").count() == 1


@pytest.mark.skipif(not AXE.exists(), reason="axe-core is installed by .ci/run (npm ci in tests/browser)")
@pytest.mark.parametrize("width", [1366, 390])
def test_no_accessibility_violations(browser, served, catalogue, width):
    """axe-core, all impacts, on every page kind, at desktop and phone width, with the search
    closed and open."""
    outside = next(d for d in catalogue.directives.values() if d.record_id is None)
    seed = next(rid for rid, e in catalogue.records.items() if e.record.number is None)
    # 904-TB/TU is a directive in the collection: its directive address leads to its record page
    paths = ["", "van-ban/", "van-ban/ubnd-nghe-an-2023-930-ubnd-th/", f"van-ban/{seed}/",
             "van-ban/btv-tinh-uy-nghe-an-2023-904-tb-tu/", "viec-can-lam/", "co-quan/",
             "co-quan/ubnd-nghe-an/",
             "dan-chieu/", f"dan-chieu/{outside.id}/", "don-vi/", "don-vi/cac-so-ban-nganh-nghe-an/",
             "don-vi/so-noi-vu-nghe-an/", "loai/", "loai/cong-van/", "nam/", "nam/2023/",
             "huong-dan/dinh-dang-ban-ghi/", "thong-tin-ban-dung/", "404.html"]
    # axe is injected as an inline script, which the site's Content-Security-Policy rightly blocks
    # reduced motion: axe must not measure colours halfway through the dialog's fade-in
    context = browser.new_context(bypass_csp=True, viewport={"width": width, "height": 900},
                                  reduced_motion="reduce")
    tab = context.new_page()
    found = {}
    for path in paths:
        for search_open in (False, True):
            tab.goto(served + path)
            tab.wait_for_load_state("load")
            if search_open:
                tab.evaluate("document.getElementById('__search').checked = true")
                tab.fill(".md-search__input", "nghe an")
                tab.wait_for_function("() => document.querySelectorAll('.md-search-result__link').length > 0")
            for violation in axe_violations(tab):
                found.setdefault(violation["id"], []).append((path, search_open, violation["nodes"][:1]))
    context.close()
    assert found == {}


def test_site_works_under_its_policy_with_no_violation(browser, site):
    """The policy blocks nothing the site itself needs: search, navigation, theme scripts."""
    base, home = site
    context = browser.new_context()
    tab = context.new_page()
    tab.add_init_script("window.__violations = []; document.addEventListener('securitypolicyviolation',"
                        " e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));")
    tab.goto(f"{base}{home}?q=so+noi+vu")
    tab.wait_for_selector(".vb-search .md-search-result__link", timeout=10_000)
    tab.click(".vb-search .md-search-result__link >> nth=0")
    tab.wait_for_load_state("load")
    assert tab.evaluate("window.__violations") == []
    context.close()


def test_record_page_prints_on_a4_without_navigation(browser, served, catalogue):
    seed = next(rid for rid, e in catalogue.records.items() if e.record.number is None)  # it gives tasks
    tab = browser.new_page()
    tab.goto(served + f"van-ban/{seed}/")
    assert tab.locator("button.vb-print").is_visible()  # shown by the script, on screen only
    assert tab.locator(".vb-print-source").is_hidden()
    tab.emulate_media(media="print")
    for hidden in (".md-header", ".md-sidebar--primary", ".md-footer", "button.vb-print", ".vb-sections"):
        assert tab.locator(hidden).first.is_hidden(), hidden
    assert tab.locator("dl.vb-meta").is_visible()
    style = tab.evaluate("""() => {
        const css = (sel, prop) => getComputedStyle(document.querySelector(sel)).getPropertyValue(prop);
        return {h1: css('article h1', 'color'), link: css('dl.vb-meta a', 'text-decoration-line'),
                row: css('.vb-tasks tr', 'break-inside'), head: css('.vb-tasks thead', 'display')};
    }""")
    assert style == {"h1": "rgb(0, 0, 0)", "link": "none", "row": "avoid", "head": "table-header-group"}
    tab.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    source = tab.locator(".vb-print-source")
    assert source.is_visible()
    text = source.inner_text()
    days = {(dt.date.today() + dt.timedelta(days=d)).strftime("%d/%m/%Y") for d in (-1, 0, 1)}
    assert served + f"van-ban/{seed}/" in text and any(f"in ngày {d}" in text for d in days)
    pdf = tab.pdf(format="A4")
    assert pdf.startswith(b"%PDF")
    tab.close()


def test_unit_table_rows_are_not_split_across_printed_pages(browser, served):
    tab = browser.new_page()
    tab.goto(served + "don-vi/so-noi-vu-nghe-an/")
    tab.emulate_media(media="print")
    rows = tab.evaluate("() => [...document.querySelectorAll('article tbody tr')]"
                        ".map(tr => getComputedStyle(tr).breakInside)")
    assert rows and set(rows) == {"avoid"}
    tab.close()


def test_a_directive_page_lists_who_implements_it_first(browser, served):
    """904-TB/TU is implemented by Kế hoạch 412/KH-UBND and by the seed công văn (as their
    records say); reports and mere citations come after."""
    tab = browser.new_page()
    tab.goto(served + "dan-chieu/btv-tinh-uy-nghe-an-2023-904-tb-tu/")  # leads to its record page
    tab.wait_for_url("**/van-ban/btv-tinh-uy-nghe-an-2023-904-tb-tu/")
    blocks = tab.locator(".vb-diagram-down .vb-rel")
    first = blocks.first
    assert first.locator(".vb-rel-title").inner_text() == "Được thực hiện bởi (2)"
    entries = first.locator("li").all_inner_texts()
    assert entries[0].startswith("Kế hoạch 412/KH-UBND") and entries[1].startswith("Công văn …/UBND-TH")
    assert blocks.count() >= 2 and "Được thực hiện bởi" not in blocks.nth(1).inner_text()
    tab.close()


def test_offline_copy_says_when_it_was_made(browser, offline):
    tab = browser.new_page()
    tab.goto(offline + "thong-tin-ban-dung.html")
    text = tab.locator("dl.vb-meta").inner_text()
    assert "Ngày dựng" in text and "năm 20" in text
    assert tab.locator("code.vb-commit").inner_text().strip()
    tab.close()


def test_nfd_record_is_found(browser, tmp_path):
    from conftest import TINY_REGISTRY, Collection, cong_van
    from sitebuild import copy_project_skeleton

    copy_project_skeleton(tmp_path)
    collection = Collection(tmp_path)
    collection.set_registry(TINY_REGISTRY)
    body = unicodedata.normalize("NFD", "Tăng cường kỷ luật hành chính trên địa bàn huyện miền núi.\n")
    collection.add("2023/a.md", cong_van(subject="V/v kỷ luật"), body=body)
    result = build(tmp_path, tmp_path / "out")  # NFC warning only: the build goes on
    assert result.returncode == 0, result.output
    with serve(tmp_path / "out") as base:
        tab = browser.new_page()
        results = run_query(tab, base, "", "kỷ luật hành chính")
        tab.close()
    assert results and "ubnd-tinh-2023-930-ubnd-th" in results[0]["href"]


PAGE_KINDS = ["", "van-ban/", "co-quan/", "dan-chieu/", "don-vi/", "loai/", "nam/", "huong-dan/dinh-dang-ban-ghi/",
              "thong-tin-ban-dung/", "viec-can-lam/", "van-ban/btv-tinh-uy-nghe-an-2023-904-tb-tu/",
              "dan-chieu/quoc-hoi-77-2015-qh13/", "don-vi/cac-so-ban-nganh-nghe-an/", "loai/cong-van/", "nam/2023/",
              "404.html"]


def test_no_page_is_wider_than_a_phone(browser, served, catalogue):
    """At 390 px no page of any kind scrolls sideways: task tables become stacked cards, long
    names and numbers wrap (WCAG 1.4.10 reflow)."""
    record = _record_of(catalogue, "930/UBND-TH")
    seed = next(rid for rid, e in catalogue.records.items() if e.record.number is None and "904-TB/TU" in
                (e.record.subject or ""))
    unit = next(iter(catalogue.units))
    issuer = catalogue.records[record].issuer_id
    urls_to_check = PAGE_KINDS + [f"van-ban/{record}/", f"van-ban/{seed}/", f"co-quan/{issuer}/",
                                  f"don-vi/{unit}/"]
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    wide = []
    for url in urls_to_check:
        tab.goto(served + url)
        width = tab.evaluate("document.documentElement.scrollWidth")
        if width > 390:
            wide.append((url, width))
    tasks = tab.goto(served + f"van-ban/{seed}/") and tab.locator(".vb-tasks td[data-label]").first
    assert tasks.evaluate("e => getComputedStyle(e).display") == "block"  # a card, not a table cell
    context.close()
    assert not wide, wide


def test_search_by_keyboard_alone(page, site):
    """Type, move with the arrow keys, open the third result with Enter (WCAG 2.1.1); Tab
    reaches every result; arrows up past the first return to the box."""
    base, home = site
    page.goto(f"{base}{home}")
    page.keyboard.press("/")
    page.keyboard.type("nghe an")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__link').length >= 3", timeout=10_000)
    hrefs = page.eval_on_selector_all(".md-search-result__link", "links => links.map(a => a.href)")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowUp")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.classList.contains('md-search__input')")
    for _ in range(3):
        page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.href") == hrefs[2]
    assert page.evaluate("document.activeElement.tabIndex") == 0  # reachable with Tab as well
    page.keyboard.press("Enter")
    page.wait_for_url(hrefs[2], timeout=10_000)


def test_all_documents_filters_and_sorts_from_file(browser, offline, catalogue):
    """From the unzipped offline copy (file://, no fetch): filter by type and year, sort oldest
    first, open a match; "Bỏ lọc" brings the static list back. Then axe on the filtered state."""
    context = browser.new_context(bypass_csp=True, viewport={"width": 390, "height": 844})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.goto(offline + "van-ban/index.html")
    assert tab.locator(".vb-filters").is_visible()
    static_rows = tab.locator(".vb-all-records:not(.vb-filtered *) tbody tr").count()
    assert static_rows == len(catalogue.records)
    assert tab.evaluate("window.vbAllRecords === undefined")  # the data waits for the first choice
    tab.select_option("#vb-loc-loai", label="Công văn (5)")
    tab.wait_for_selector(".vb-filtered tbody tr")
    tab.select_option("#vb-loc-nam", "2023")
    tab.select_option("#vb-sap-xep", "oldest")
    expected = sorted((e.record.date.sort_key, e.id) for e in catalogue.records.values()
                      if e.record.type == "Công văn" and e.record.date.year == 2023)
    links = tab.eval_on_selector_all(".vb-filtered tbody tr td:first-child a", "as => as.map(a => a.href)")
    assert [link.rsplit("/", 1)[1].removesuffix(".html") for link in links] == [rid for _, rid in expected]
    assert tab.locator(".vb-filtered tbody tr td:first-child").first.inner_text() == "Công văn 930/UBND-TH"
    assert tab.locator(".vb-filters__count").inner_text() == f"Có {len(expected)} văn bản phù hợp."
    assert tab.locator(".vb-all-records:not(.vb-filtered *)").first.is_hidden()
    assert tab.evaluate("document.documentElement.scrollWidth") <= 390
    assert axe_violations(tab) == []
    tab.select_option("#vb-loc-tinh-trang", label=next(o for o in tab.eval_on_selector_all(
        "#vb-loc-tinh-trang option", "os => os.map(o => o.textContent)") if o.startswith("Bị thay thế")))
    assert tab.locator(".vb-filtered .vb-empty").inner_text() == "Không có văn bản nào phù hợp."
    tab.click("[data-reset]")
    assert tab.locator(".vb-filtered").is_hidden()
    assert tab.locator(".vb-all-records:not(.vb-filtered *) tbody tr").first.is_visible()
    tab.select_option("#vb-loc-nam", "2023")
    tab.click(".vb-filtered tbody tr td:first-child a >> nth=0")
    tab.wait_for_load_state("load")
    assert tab.url.startswith(offline + "van-ban/") and tab.url.endswith(".html")
    assert tab.locator("dl.vb-meta").is_visible()
    context.close()
    assert errors == []


def test_unit_list_filter_box_from_file(browser, offline):
    tab = browser.new_page()
    tab.goto(offline + "don-vi/index.html")
    box = tab.get_by_label("Lọc theo tên đơn vị")
    assert box.is_visible()
    box.fill("so noi vu")  # no tones: still finds "Sở Nội vụ"
    shown = ".vb-table tbody tr:not([hidden]) td:first-child"
    assert tab.eval_on_selector_all(shown, "tds => tds.map(t => t.innerText)") == ["Sở Nội vụ tỉnh Nghệ An"]
    headings = tab.eval_on_selector_all("article h2", "hs => hs.filter(h => !h.hidden).map(h => h.id)")
    assert len(headings) == 1
    box.fill("Huyện uỷ Đô Lương")  # the other tone placement
    assert tab.eval_on_selector_all(shown, "tds => tds.map(t => t.innerText)") == ["Huyện ủy Đô Lương"]
    box.fill("")
    assert tab.locator(".vb-table tbody tr[hidden]").count() == 0
    tab.close()


def test_the_properties_panel_stacks_on_a_phone(browser, served):
    """Two columns on a desktop, one on a 390 px phone: the field's name above its value."""
    columns = {}
    for width in (1366, 390):
        context = browser.new_context(viewport={"width": width, "height": 900})
        tab = context.new_page()
        tab.goto(served + "van-ban/ubnd-nghe-an-2023-930-ubnd-th/")
        columns[width] = tab.evaluate("getComputedStyle(document.querySelector('dl.vb-meta'))"
                                      ".gridTemplateColumns.split(' ').length")
        context.close()
    assert columns == {1366: 2, 390: 1}
