"""What the library writes into pages it does not own: the collection's counts and newest
documents on the hand-written home page, and the build-information page."""

from __future__ import annotations

from markupsafe import Markup

from vanban.site import urls
from vanban.site.labels import vietnamese_count
from vanban.site.page import Page, PageText
from vanban.site.render.markup import front_matter


def home_summary(site, here: str = urls.HOME, latest: int = 10) -> PageText:
    """Counts and latest documents, inserted into the hand-written home page."""
    cat = site.cat
    counts = [
        ("Văn bản", len(cat.records), urls.landing_page(urls.YEARS)),
        ("Cơ quan ban hành", len(cat.issuers), urls.landing_page(urls.ISSUERS)),
        ("Văn bản được dẫn chiếu", len(cat.directives), urls.landing_page(urls.DIRECTIVES)),
        ("Đơn vị được giao nhiệm vụ", len(cat.units), urls.landing_page(urls.UNITS)),
    ]
    stats = [{"label": label, "count": vietnamese_count(n), "href": site.href(here, target)}
             for label, n, target in counts]
    newest = list(cat.records.values())[:latest]
    return (PageText().heading(2, "Kho hiện có").html(site.render("home-stats", stats=stats))
            .heading(2, "Văn bản mới nhất").html(site.record_list(here, newest)))


def build_info_page(site, info) -> Page:
    """"Thông tin bản dựng": when the site (or the offline copy) was made and from what."""
    title = "Thông tin bản dựng"
    commit = info.commit or "không rõ (không dựng từ kho git)"
    if info.commit and info.dirty:
        commit += " (có thay đổi chưa ghi vào git)"
    rows: list[tuple[str, object]] = [
        ("Ngày dựng", f"{info.vietnamese_date()}, lúc {info.built_at:%H:%M} (giờ Việt Nam)"),
        ("Phiên bản mã nguồn (commit)", site.render("commit", commit=commit)),
        ("Số văn bản", vietnamese_count(len(site.cat.records))),
        ("Cảnh báo khi dựng", vietnamese_count(len(site.cat.problems.warnings))),
    ]
    intro = ("Trang này cho biết bản trang web (hoặc bản sao ngoại tuyến) được dựng khi nào, từ phiên bản "
             "nào của kho. Văn bản ban hành sau ngày dựng không có trong bản này.")
    text = PageText().markdown(front_matter(title) + f"# {title}\n\n{intro}\n")
    return text.html(site.render("definition-list", rows=rows, css="vb-meta")).page(urls.BUILD_INFO, title)


__all__ = ["Markup", "build_info_page", "home_summary"]
