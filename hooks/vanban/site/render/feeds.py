"""Atom feeds (RFC 4287): the newest documents site-wide, per issuer and per type, and per unit
the documents that give it tasks — a department subscribes to what it is told to do.

Links are relative to the feed file unless the site has a public address, so the feeds work in
the offline copy too; ids are stable URNs derived from the page path (an Atom id must be an
absolute IRI and never change, even when the site moves). The feed's and each entry's
``updated`` come from the documents' dates, not the build clock, so a rebuild with nothing new
changes nothing a reader would be notified of.
"""

from __future__ import annotations

import posixpath
import re
import uuid
from collections.abc import Callable, Iterable

from lxml import etree

from vanban.build.catalogue import Catalogue, CatalogueRecord
from vanban.core.text import slugify
from vanban.site import urls

ATOM = "http://www.w3.org/2005/Atom"
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
"""Characters XML 1.0 cannot carry at all; a record holding one still gets its feed entry."""
ENTRIES_PER_FEED = 50
FEEDS = "feeds"
SITE_FEED = f"{FEEDS}/van-ban-moi.xml"


def issuer_feed(issuer_id: str) -> str:
    return f"{FEEDS}/{urls.ISSUERS}/{issuer_id}.xml"


def type_feed(doc_type: str) -> str:
    return f"{FEEDS}/{urls.TYPES}/{slugify(doc_type)}.xml"


def unit_feed(unit_id: str) -> str:
    return f"{FEEDS}/{urls.UNITS}/{unit_id}.xml"


def _urn(path: str) -> str:
    return f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, 'kho-van-ban:' + path)}"


def _stamp(entry: CatalogueRecord) -> str:
    year, month, day = entry.record.date.sort_key
    return f"{year:04d}-{month or 1:02d}-{day or 1:02d}T00:00:00+07:00"


class FeedWriter:
    """Writes the feeds of one build; ``site_url`` (may be empty) makes links absolute."""

    def __init__(self, cat: Catalogue, linker: urls.Linker, site_url: str = "") -> None:
        self.cat = cat
        self.linker = linker
        self.site_url = site_url.rstrip("/") + "/" if site_url else ""

    def _href(self, feed_path: str, target_src: str) -> str:
        target = self.linker.url(target_src)
        if self.site_url:
            return self.site_url + target
        return ("../" * feed_path.count("/") + target) or "./"

    def feed(self, path: str, title: str, page_src: str, entries: Iterable[CatalogueRecord],
             tasks_for: Callable[[CatalogueRecord], str] | None = None) -> str:
        root = etree.Element(f"{{{ATOM}}}feed", nsmap={None: ATOM})
        root.set("{http://www.w3.org/XML/1998/namespace}lang", "vi")
        chosen = list(entries)[:ENTRIES_PER_FEED]
        _text(root, "id", _urn(path))
        _text(root, "title", title)
        _text(root, "updated", max((_stamp(e) for e in chosen), default="2000-01-01T00:00:00+07:00"))
        author = etree.SubElement(root, f"{{{ATOM}}}author")
        _text(author, "name", "Kho văn bản")
        _link(root, self._href(path, page_src), "alternate", "text/html")
        self_href = self.site_url + path if self.site_url else posixpath.basename(path)
        _link(root, self_href, "self", "application/atom+xml")
        for entry in chosen:
            self._entry(root, path, entry, tasks_for)
        return etree.tostring(root, xml_declaration=True, encoding="utf-8", pretty_print=True).decode("utf-8")

    def _entry(self, root: etree._Element, path: str, entry: CatalogueRecord,
               tasks_for: Callable[[CatalogueRecord], str] | None) -> None:
        record = entry.record
        item = etree.SubElement(root, f"{{{ATOM}}}entry")
        _text(item, "id", _urn(urls.record_page(entry.id)))
        _text(item, "title", record.title())
        _text(item, "updated", _stamp(entry))
        _text(item, "published", _stamp(entry))
        author = etree.SubElement(item, f"{{{ATOM}}}author")
        _text(author, "name", self.cat.issuers[entry.issuer_id].name)
        _link(item, self._href(path, urls.record_page(entry.id)), "alternate", "text/html")
        _text(item, "category", None).set("term", record.type)
        summary = record.subject or ""
        if tasks_for:
            unit_id = tasks_for(entry)
            tasks = [a.assignment.task or "" for a in entry.assignments if a.unit_id == unit_id]
            deadlines = [a.assignment.deadline.display() for a in entry.assignments
                         if a.unit_id == unit_id and a.assignment.deadline]
            summary += "".join(f"\nNhiệm vụ: {t}" for t in tasks if t)
            summary += "".join(f"\nThời hạn: {d}" for d in deadlines)
        _text(item, "summary", summary)

    def all_feeds(self) -> dict[str, str]:
        """Every feed by site path: site-wide, per issuer, per type, per unit."""
        cat = self.cat
        out = {SITE_FEED: self.feed(SITE_FEED, "Văn bản mới trong kho", urls.HOME, cat.records.values())}
        for issuer in cat.issuers.values():
            path = issuer_feed(issuer.id)
            out[path] = self.feed(path, f"Văn bản mới của {issuer.name}", urls.issuer_page(issuer.id),
                                  (cat.records[r] for r in issuer.record_ids))
        by_type: dict[str, list[CatalogueRecord]] = {}
        for entry in cat.records.values():
            by_type.setdefault(entry.record.type, []).append(entry)
        for doc_type, entries in by_type.items():
            path = type_feed(doc_type)
            out[path] = self.feed(path, f"{doc_type} mới trong kho", urls.type_page(slugify(doc_type)), entries)
        for unit in cat.units.values():
            path = unit_feed(unit.id)
            seen = list(dict.fromkeys(t.record_id for t in unit.tasks))
            entries = sorted((cat.records[r] for r in seen), key=lambda e: e.record.date.sort_key, reverse=True)
            out[path] = self._unit_feed(path, unit.id, unit.name, entries)
        return out

    def _unit_feed(self, path: str, unit_id: str, name: str, entries: list[CatalogueRecord]) -> str:
        # a task given through a group is written under the group's id in the record
        via = {t.record_id: t.via or unit_id for t in self.cat.units[unit_id].tasks}
        return self.feed(path, f"Nhiệm vụ mới giao cho {name}", urls.unit_page(unit_id), entries,
                         lambda entry: via.get(entry.id, unit_id))


def _text(parent: etree._Element, name: str, value: str | None) -> etree._Element:
    element = etree.SubElement(parent, f"{{{ATOM}}}{name}")
    if value is not None:
        element.text = _XML_ILLEGAL.sub("", value)
    return element


def _link(parent: etree._Element, href: str, rel: str, media_type: str) -> None:
    element = etree.SubElement(parent, f"{{{ATOM}}}link")
    element.set("href", href)
    element.set("rel", rel)
    element.set("type", media_type)
