"""Stage 4: rendering — URLs, escaping of metadata, page content from a small catalogue."""

import datetime as dt

from conftest import cong_van
from vanban.site import urls
from vanban.site.render.data import catalog_data
from vanban.site.render.markup import md_text
from vanban.site.renderer import SiteRenderer


def test_linker_for_served_and_offline_sites():
    served = urls.Linker(True)
    assert served.dest_path("van-ban/a.md") == "van-ban/a/index.html"
    assert served.url("van-ban/a.md") == "van-ban/a/"
    assert served.href("van-ban/a.md", "co-quan/b.md") == "../../co-quan/b/"
    assert served.href("co-quan/index.md", "co-quan/b.md") == "../co-quan/b/"
    assert served.href("van-ban/a.md", "index.md") == "../../"
    assert served.href("index.md", "co-quan/index.md") == "co-quan/"
    offline = urls.Linker(False)
    assert offline.url("van-ban/a.md") == "van-ban/a.html"
    assert offline.href("van-ban/a.md", "co-quan/b.md") == "../co-quan/b.html"
    assert offline.href("index.md", "co-quan/index.md") == "co-quan/index.html"
    assert offline.href("van-ban/a.md", "index.md") == "../index.html"


def test_markdown_text_is_escaped():
    assert md_text("<b>*x*</b> [a](b)") == "&lt;b&gt;\\*x\\*&lt;/b&gt; \\[a\\]\\(b\\)"


def test_metadata_is_always_shown_as_text(collection):
    collection.add("a.md", cong_van(subject="Về <b>in đậm</b> & *sao*", signer={"name": "<i>Người ký</i>"}))
    cat = collection.catalogue()
    page = SiteRenderer(cat, urls.Linker()).kind("record").pages(next(iter(cat.records)))[0]
    assert "Về &lt;b&gt;in đậm&lt;/b&gt; &amp; *sao*" in page.markdown
    assert "<b>" not in page.markdown and "<i>" not in page.markdown
    assert page.source_path == "records/a.md"


def test_record_page_sections_and_group_tasks(collection):
    collection.add("a.md", cong_van(assignments=[{"unit": "Các Sở, ban, ngành cấp tỉnh", "role": "thuc_hien",
                                                  "task": "Triển khai", "deadline": "2024-06-30"}],
                                    references=[{"number": "21-KL/TW", "relation": "implements", "type": "Kết luận"}]))
    cat = collection.catalogue()
    renderer = SiteRenderer(cat, urls.Linker(), today=dt.date(2024, 6, 1))
    pages = {p.src_uri: p for p in renderer.pages()}
    record = pages["van-ban/ubnd-tinh-2023-930-ubnd-th.md"].markdown
    assert "## Lược đồ quan hệ" in record and "<strong>Thực hiện</strong> (1)" in record
    assert record.index("Văn bản này dẫn chiếu</h3>") < record.index('class="vb-diagram-self"')
    assert "chưa có trong kho" in record
    assert "30/06/2024" in record
    member = pages["don-vi/so-noi-vu.md"].markdown
    assert "## Việc cần làm" in member and "Các Sở, ban, ngành cấp tỉnh" in member  # through the group
    assert "Sắp đến hạn" in member and "Tính đến ngày 01/06/2024" in member  # 29 days before the deadline
    group = pages["don-vi/so-ban-nganh.md"].markdown
    assert "Thành viên của nhóm" in group and "Sở Tài chính tỉnh Nghệ An" in group
    directive = next(p for uri, p in pages.items() if uri.startswith("dan-chieu/21-kl-tw"))
    assert "Được thực hiện bởi" in directive.markdown
    for page in pages.values():
        assert page.markdown.startswith("---\ntitle: ")


def test_catalog_data_matches_contract(collection):
    collection.add("a.md", cong_van(assignments=[{"unit": "Sở Nội vụ", "role": "chu_tri", "deadline": "hằng năm"}],
                                    references=[{"number": "21-KL/TW", "relation": "cites"}]))
    data = catalog_data(collection.catalogue(), urls.Linker())
    record = data["records"][0]
    assert set(record) >= {"id", "url", "path", "number", "type", "issuer", "date", "subject",
                           "references", "assignments"}
    assert record["references"][0]["target"] == data["directives"][0]["id"]
    assert record["assignments"][0] == {"unit": {"id": "so-noi-vu", "name": "Sở Nội vụ tỉnh Nghệ An"},
                                        "role": "chu_tri", "task": None, "deadline": "hằng năm"}
    assert data["units"][0]["tasks"] == [{"record": record["id"], "role": "chu_tri", "via": None}]
    assert data["issuers"][0]["records"] == [record["id"]]
    assert data["directives"][0]["cited_by"] == [record["id"]]


def test_long_lists_are_split_into_pages_and_lose_nothing(collection):
    import re

    from vanban.site.kinds.issuer import RECORDS_PER_PAGE
    from vanban.site.kinds.record import CITATIONS_ON_RECORD_PAGE

    count = RECORDS_PER_PAGE * 2 + 50
    collection.add("kl.md", cong_van(number="21-KL/TW", type="Kết luận", issuer="Tỉnh uỷ", date="2021-10-25"))
    for n in range(1, count + 1):
        collection.add(f"cv{n}.md", cong_van(
            number=f"{n}/UBND-TH", date=f"2023-{n % 12 + 1:02d}-01",
            references=[{"number": "21-KL/TW", "relation": "implements", "date": "2021-10-25", "issuer": "Tỉnh uỷ"}],
            assignments=[{"unit": "Các Sở, ban, ngành cấp tỉnh", "role": "thuc_hien"}]))
    cat = collection.catalogue()
    pages = {p.src_uri: p.markdown for p in SiteRenderer(cat, urls.Linker()).pages()}
    issuer = [uri for uri in pages if uri == "co-quan/ubnd-tinh.md" or uri.startswith("co-quan/ubnd-tinh/trang-")]
    assert sorted(issuer) == ["co-quan/ubnd-tinh.md", "co-quan/ubnd-tinh/trang-2.md", "co-quan/ubnd-tinh/trang-3.md"]
    linked = []
    for uri in issuer:
        ids = re.findall(r'href="[^"]*van-ban/([^/"]+)/"', pages[uri])
        assert len(ids) <= RECORDS_PER_PAGE
        assert 'class="vb-pager"' in pages[uri]
        linked += ids
    assert sorted(linked) == sorted(r for r in cat.records if r.startswith("ubnd-tinh"))
    # the member of the group gets every task, over pages of at most 100 rows
    member = [uri for uri in pages if uri.startswith("don-vi/so-noi-vu")]
    assert len(member) == -(-count // 100)
    # the much-cited record page shows the first citations and links to all of them
    kl = pages["van-ban/tinh-uy-2021-21-kl-tw.md"]
    cited_by = kl.split('<ul class="vb-cited-by">', 1)[1].split("</ul>", 1)[0]
    assert f"<strong>Được thực hiện bởi</strong> ({count})" in kl  # the block counts them all
    assert cited_by.count("<li>") == CITATIONS_ON_RECORD_PAGE  # and lists the first
    assert f"Xem tất cả {count} văn bản dẫn chiếu đến văn bản này" in kl
    # a sibling lists the first 20 others implementing 21-KL/TW, counts them all and links to all
    sibling = pages["van-ban/ubnd-tinh-2023-1-ubnd-th.md"].split("Văn bản cùng thực hiện</h3>", 1)[1]
    assert f"({count - 1})" in sibling and sibling.split("</section>", 1)[0].count("<li>") == 20
    assert "dan-chieu/tinh-uy-2021-21-kl-tw/tat-ca/" in sibling.split("</section>", 1)[0]
    assert "dan-chieu/tinh-uy-2021-21-kl-tw/tat-ca/" in kl
    all_pages = [uri for uri in pages if uri.startswith("dan-chieu/tinh-uy-2021-21-kl-tw/")]
    assert sum(pages[u].count('class="vb-date"') for u in all_pages) == count
    assert max(len(text) for text in pages.values()) < 300_000


def test_relation_blocks_put_implementers_first_and_list_siblings(collection):
    kl = {"number": "21-KL/TW", "type": "Kết luận", "issuer": "Tỉnh uỷ", "date": "2021-10-25"}
    collection.add("kl.md", cong_van(**kl))
    collection.add("a.md", cong_van(number="1/UBND-TH", date="2023-01-05", references=[{**kl, "relation": "cites"}]))
    collection.add("b.md", cong_van(number="2/UBND-TH", date="2023-02-05",
                                    references=[{**kl, "relation": "implements"}, {**kl, "relation": "implements"}]))
    collection.add("c.md", cong_van(number="3/UBND-TH", date="2023-03-05",
                                    references=[{**kl, "relation": "implements"}]))
    pages = {p.src_uri: p.markdown for p in SiteRenderer(collection.catalogue(), urls.Linker()).pages()}
    text = pages["van-ban/tinh-uy-2021-21-kl-tw.md"]
    implements = text.index("<strong>Được thực hiện bởi</strong> (2)")
    cites = text.index("<strong>Được dẫn chiếu bởi</strong> (1)")
    assert implements < cites  # who implements it comes first, each document once
    assert text.index("3/UBND-TH") < text.index("2/UBND-TH") < cites  # newest first
    sibling = pages["van-ban/ubnd-tinh-2023-2-ubnd-th.md"]
    together = "Văn bản cùng thực hiện</h3>"
    assert together in sibling and "3/UBND-TH" in sibling.split(together)[1]
    assert together not in pages["van-ban/ubnd-tinh-2023-1-ubnd-th.md"]  # it only cites
