"""Atom feeds: valid Atom a reader accepts, the newest documents first, a unit's feed carrying its
tasks, links that lead to the pages from the feed's own place (offline too)."""

from __future__ import annotations

import posixpath

import feedparser
from conftest import cong_van
from lxml import etree
from vanban.site import urls
from vanban.site.render.feeds import ATOM, SITE_FEED, FeedWriter, issuer_feed, unit_feed

A = f"{{{ATOM}}}"


def _collection(collection):
    collection.add("a.md", cong_van(number="930/UBND-TH", date="2023-02-16", subject="V/v cũ"))
    collection.add("b.md", cong_van(number="1200/UBND-TH", date="2024-05-02", subject="V/v mới\x0b",
                                    assignments=[{"unit": "Các Sở, ban, ngành cấp tỉnh", "role": "chu_tri",
                                                  "task": "Báo cáo kết quả", "deadline": "2024-06-30"}]))
    return collection.catalogue()


def test_feeds_are_valid_atom_newest_first(collection):
    cat = _collection(collection)
    feeds = FeedWriter(cat, urls.Linker()).all_feeds()
    parsed = feedparser.parse(feeds[SITE_FEED])
    assert not parsed.bozo, parsed.get("bozo_exception")
    assert [e.title for e in parsed.entries] == ["Công văn số 1200/UBND-TH ngày 02 tháng 5 năm 2024",
                                                 "Công văn số 930/UBND-TH ngày 16 tháng 02 năm 2023"]
    assert parsed.entries[0].summary == "V/v mới"  # the control character is dropped, not the entry
    for path, text in feeds.items():
        root = etree.fromstring(text.encode("utf-8"))
        for tag in ("id", "title", "updated", "author"):  # RFC 4287 §4.1.1
            assert root.find(A + tag) is not None, (path, tag)
        for entry in root.findall(A + "entry"):
            for tag in ("id", "title", "updated"):
                assert entry.find(A + tag) is not None, (path, tag)
            assert entry.find(A + "id").text.startswith("urn:uuid:")


def test_links_lead_to_the_pages_from_the_feed_file(collection):
    cat = _collection(collection)
    linker = urls.Linker()
    feeds = FeedWriter(cat, linker).all_feeds()
    issuer = next(iter(cat.issuers))
    root = etree.fromstring(feeds[issuer_feed(issuer)].encode("utf-8"))
    href = root.find(A + "entry").find(A + "link").get("href")
    landed = posixpath.normpath(posixpath.join(posixpath.dirname(issuer_feed(issuer)), href))
    record_id = next(r for r in cat.records if r.endswith("1200-ubnd-th"))
    assert landed + "/" == linker.url(urls.record_page(record_id))
    absolute = FeedWriter(cat, linker, "https://vanban.example.vn/kho").all_feeds()
    root = etree.fromstring(absolute[SITE_FEED].encode("utf-8"))
    assert root.find(A + "entry").find(A + "link").get("href") == \
        f"https://vanban.example.vn/kho/van-ban/{record_id}/"


def test_a_member_unit_feed_carries_the_task_given_through_its_group(collection):
    cat = _collection(collection)
    feeds = FeedWriter(cat, urls.Linker()).all_feeds()
    parsed = feedparser.parse(feeds[unit_feed("so-noi-vu")])
    assert not parsed.bozo
    assert len(parsed.entries) == 1
    assert "Nhiệm vụ: Báo cáo kết quả" in parsed.entries[0].summary
    assert "Thời hạn: 30/06/2024" in parsed.entries[0].summary
