"""Search results in the real browser (issue 14): Tab and Esc, filters, "Xem thêm", ranking of
a number's own digits and of guide pages, highlighted snippets, signers, phones. The
expectations are written by hand from the bundled collection."""

from __future__ import annotations

import re
from urllib.parse import quote

import pytest
from browser_support import run_query, serve
from sitebuild import REPO, build

RESULT = ".vb-search .md-search-result__link"


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    result = build(REPO, tmp_path_factory.mktemp("served"))
    assert result.returncode == 0, result.output
    with serve(result.site) as base:
        yield base


@pytest.fixture
def page(browser):
    context = browser.new_context()
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    yield tab
    context.close()
    assert not errors


def _open(page, base: str, query: str) -> None:
    page.goto(f"{base}?q={quote(query)}")
    page.wait_for_function("() => /kết quả|Không tìm thấy/.test("
                           "document.querySelector('.vb-search .md-search-result__meta').textContent)")


def _hits(page) -> list[dict]:
    return page.eval_on_selector_all(RESULT, """links => links.map(a => ({href: new URL(a.href).pathname.slice(1),
        title: a.querySelector('h1').textContent, facts: a.querySelector('.vb-search-facts').textContent,
        text: a.innerText}))""")


def _total(page) -> int:
    meta = page.locator(".vb-search .md-search-result__meta").inner_text()
    return int(re.match(r"[\d.]+", meta).group().replace(".", ""))


def _filter(page, field: str, label: str) -> None:
    """Choose the option of filter ``field`` whose label (before its count) is ``label``."""
    select = page.locator(f".vb-search select[name='vb-{field}']")
    value = select.evaluate("(s, label) => Array.from(s.options).find(o => o.text.replace(/ \\(\\d+\\)$/, '')"
                            " === label).value", label)
    before = page.locator(".vb-search .md-search-result__meta").inner_text()
    select.select_option(value)
    page.wait_for_function("before => document.querySelector('.vb-search .md-search-result__meta').textContent"
                           " !== before", arg=before)


def test_tab_reaches_every_result_and_escape_closes(page, served):
    page.goto(served)
    page.keyboard.press("/")
    page.keyboard.type("ke hoach")
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__link').length >= 3")
    hrefs = page.eval_on_selector_all(RESULT, "links => links.map(a => a.href)")
    reached = []
    for _ in range(len(hrefs) + 12):  # the box, the results region and the filters come first
        page.keyboard.press("Tab")
        href = page.evaluate("document.activeElement.classList.contains('md-search-result__link')"
                             " && document.activeElement.href")
        if href:
            reached.append(href)
        if len(reached) == len(hrefs):
            break
    assert reached == hrefs
    page.keyboard.press("Escape")
    assert page.evaluate("document.getElementById('__search').checked") is False


def test_arrow_keys_pass_over_the_filters_and_reach_xem_them(page, served):
    _open(page, served, "nghe an")
    links = page.locator(RESULT).count()
    assert links == 20
    page.focus(RESULT + " >> nth=19")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.classList.contains('vb-search-more')")
    page.keyboard.press("Enter")  # a button: Enter shows the next results, focus on the 21st
    page.wait_for_function("() => document.querySelectorAll('.md-search-result__link').length > 20")
    assert page.evaluate("document.activeElement.href") == page.locator(RESULT + " >> nth=20").evaluate("a => a.href")


def test_xem_them_shows_every_result_once(page, served):
    _open(page, served, "nghe an")
    total = _total(page)
    assert total > 40  # "nghe an" is in most of the bundled collection
    more = page.locator(".vb-search .vb-search-more")
    assert page.locator(RESULT).count() == 20
    assert more.inner_text() == f"Xem thêm 20 kết quả (còn {total - 20})"
    shown = 20
    while more.is_visible():
        more.click()
        shown = min(shown + 20, total)
        page.wait_for_function(f"() => document.querySelectorAll('.md-search-result__link').length === {shown}")
    hrefs = [hit["href"] for hit in _hits(page)]
    assert len(hrefs) == total == len(set(hrefs))


def test_filter_by_kind_year_type_issuer_and_status(page, served):
    _open(page, served, "nghe an")
    total = _total(page)
    _filter(page, "kind", "Đơn vị")
    assert all(hit["href"].startswith("don-vi/") for hit in _hits(page))
    assert "đã lọc từ" in page.locator(".vb-search .md-search-result__meta").inner_text()
    _filter(page, "kind", "Văn bản")
    _filter(page, "year", "2024")
    hits = _hits(page)
    assert hits and all(hit["href"].startswith("van-ban/") and "/2024" in hit["facts"] for hit in hits)
    assert _total(page) < total

    _open(page, served, "kế hoạch")
    _filter(page, "type", "Kế hoạch")
    hits = _hits(page)
    assert hits and all(hit["title"].startswith("Kế hoạch ") for hit in hits)  # records and cited plans
    _filter(page, "issuer", "Ủy ban nhân dân tỉnh Nghệ An")
    assert [hit["title"] for hit in _hits(page)] == ["Kế hoạch số 412/KH-UBND ngày 12 tháng 6 năm 2023"]

    _open(page, served, "quyết định")
    _filter(page, "status", "Hết hiệu lực một phần")
    assert [hit["title"] for hit in _hits(page)] == ["Quyết định số 1234/QĐ-UBND ngày 10 tháng 5 năm 2022"]


def test_a_numbers_own_digits_come_before_a_type_word_match(page, served):
    titles = [hit["title"] for hit in run_query(page, served, "", "kết luận 21")]
    assert titles[0] == "Kết luận số 21-KL/TW ngày 25 tháng 10 năm 2021"
    assert titles.index("Kết luận số 52-KL/TU ngày 20 tháng 02 năm 2024") > 0


@pytest.mark.parametrize("query", ["904", "16/5/2023", "21-KL/TW"])
def test_guide_pages_come_after_records_for_numbers_and_dates(page, served, query):
    hrefs = [hit["href"].removeprefix(served) for hit in run_query(page, served, "", query)]
    records = [i for i, href in enumerate(hrefs) if href.startswith("van-ban/")]
    guides = [i for i, href in enumerate(hrefs) if href.startswith("huong-dan/")]
    assert records and guides, hrefs
    assert max(records) < min(guides), hrefs


def test_signer_is_found_and_the_snippet_marks_the_query(page, served):
    _open(page, served, "Trần Văn Bình")
    first = page.locator(RESULT).first
    assert first.locator("h1").inner_text() == "Báo cáo số 215/BC-PNV ngày 18 tháng 11 năm 2026"
    snippet = first.locator(".vb-search-snippet")
    assert snippet.inner_text().startswith("Người ký: Trần Văn Bình (Trưởng phòng).")
    assert snippet.locator("mark").all_inner_texts()[:3] == ["Trần", "Văn", "Bình"]


def test_snippet_comes_from_the_matching_passage(page, served):
    # "rà soát và báo cáo đủ các quý" is in the body of 215/BC-PNV only, not in its title or trích yếu
    _open(page, served, "rà soát và báo cáo đủ các quý")
    hit = page.locator(RESULT).first
    assert hit.locator("h1").inner_text().startswith("Báo cáo số 215/BC-PNV")
    snippet = hit.locator(".vb-search-snippet").inner_text()
    assert "rà soát và báo cáo đủ các quý" in snippet and snippet.startswith("…")
    marks = hit.locator(".vb-search-snippet mark").all_inner_texts()
    assert {"rà", "soát", "quý"} <= set(marks)
    assert {mark.lower() for mark in marks} <= {"rà", "soát", "và", "báo", "cáo", "đủ", "các", "quý"}


def test_issuer_and_unit_of_one_name_say_their_kind_once_and_differ(page, served):
    hits = [hit for hit in run_query(page, served, "", "Sở Y tế") if hit["title"] == "Sở Y tế tỉnh Nghệ An"]
    assert sorted(hit["href"].removeprefix(served) for hit in hits) == ["co-quan/so-y-te-nghe-an/",
                                                                      "don-vi/so-y-te-nghe-an/"]
    texts = {hit["href"].removeprefix(served): page.locator(f"{RESULT}[href='{hit['href']}']").inner_text()
             for hit in hits}
    assert texts["co-quan/so-y-te-nghe-an/"].count("Cơ quan ban hành") == 1
    assert texts["don-vi/so-y-te-nghe-an/"].count("Đơn vị") == 1
    assert len(set(texts.values())) == 2


@pytest.mark.parametrize("query", ["nghe an", "Trần Văn Bình", "kết luận 21"])
def test_results_fit_a_phone_and_the_placeholder_shows_whole(browser, served, query):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    _open(tab, served, query)
    tab.wait_for_timeout(600)  # the theme's opening transition
    assert tab.evaluate("document.documentElement.scrollWidth") <= 390
    assert tab.evaluate("document.querySelector('.vb-search .md-search-result').getBoundingClientRect().right") <= 390
    room, needed = tab.locator(".vb-search .md-search__input").evaluate("""input => {
        const style = getComputedStyle(input), shown = getComputedStyle(input, '::placeholder');
        const context = document.createElement('canvas').getContext('2d');
        context.font = `${shown.fontSize} ${shown.fontFamily}`;
        return [input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight),
                context.measureText(input.placeholder).width]; }""")
    assert needed <= room, (needed, room)
    context.close()


def test_filters_fold_away_on_a_phone_and_open_by_keyboard(browser, served):
    context = browser.new_context(viewport={"width": 390, "height": 844})
    tab = context.new_page()
    _open(tab, served, "nghe an")
    year = tab.locator(".vb-search select[name='vb-year']")
    assert not year.is_visible()
    tab.focus(".vb-search .vb-search-filters__summary")
    tab.keyboard.press("Enter")
    assert year.is_visible()
    _filter(tab, "year", "2024")
    assert "Lọc kết quả (đang lọc theo 1 mục)" == tab.locator(".vb-search-filters__summary").inner_text()
    assert all("/2024" in hit["facts"] for hit in _hits(tab))
    context.close()
