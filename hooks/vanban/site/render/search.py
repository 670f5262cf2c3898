"""The Vietnamese search index: sharded, pre-built, loaded by ``<script>`` tags.

Why not Material's lunr search: lunr neither folds diacritics nor reads NFD text, ranks names
of several syllables badly, and at 10,000 records its single index is about 50 MB that the
browser must fetch before the first result. Here:

* every text is folded to ASCII (``đ``→``d``) so "so noi vu" finds "Sở Nội vụ" and tone
  placement cannot matter; the browser re-ranks the best hits by exact spelling when the query
  has diacritics;
* adjacent syllables are indexed as pairs ("noi_vu"), so a name of several syllables ranks the
  documents where they stand together first — Vietnamese words are several syllables;
* number-symbols are indexed whole ("n:930/ubnd-th") and by serial ("930");
* a record's serial is indexed alone too ("s:21"), so "kết luận 21" puts 21-KL/TW before a
  kết luận that merely cites it;
* postings are split into shards by a hash of the term, and document details into buckets,
  each a small JavaScript file: a query loads only the shards of its terms and the buckets of
  its best hits, also from ``file://`` where ``fetch`` is not allowed;
* the facets of every document (kind, type, issuer, year, status) are one small file, so the
  browser filters the whole result set; the start of each body (and its signer) is in passage
  files of a few documents each, loaded only for the results shown, for their snippets.

The browser side is ``docs/assets/javascripts/vb-search.js``; both sides must agree on
``fold``, ``tokens`` and ``shard_of``.
"""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from itertools import pairwise

from vanban.build.catalogue import Catalogue
from vanban.core.numbers import number_key
from vanban.core.text import fold
from vanban.site import urls

INDEX_VERSION = 3
DOCS_PER_BUCKET = 16
DOCS_PER_PASSAGE_FILE = 4
PASSAGE_CHARS = 1200
"""The start of a body that result snippets are taken from."""
TARGET_POSTINGS_PER_SHARD = 3000
MAX_BODY_CHARS = 20_000
"""Body text beyond this is not indexed: the start of a document carries its substance."""

WEIGHTS = {"title": 12, "number": 12, "subject": 6, "issuer": 4, "signer": 4, "body": 1}
_TOKEN = re.compile(r"[a-z0-9]+")
_BREAKS = re.compile(r"[\n.;:,()\"]+")
_NUMBER_IN_TEXT = re.compile(r"\d+\s*[-/]\s*[\w-]+(?:/[\w-]+)*")
_SERIAL = re.compile(r"\d+")
_YEAR = re.compile(r"(\d{4})$")
_SPACES = re.compile(r"\s+")
_MARKUP = re.compile(r"[`*#|]+|-{3,}|^>", re.M)
IN_FORCE_LABEL = "Còn hiệu lực"


def tokens(text: str) -> list[str]:
    """ASCII-folded syllables: "Sở Nội vụ" → ["so", "noi", "vu"]."""
    return _TOKEN.findall(fold(text))


def serial_term(number: str) -> str:
    """The term of a number's serial: "s:21" for 21-KL/TW, "s:5" for 05/CT-UBND, "" for
    "…/UBND-TH". The browser looks it up for each all-digit word of a query (serialTerm)."""
    serial = _SERIAL.match(number)
    return "s:" + (serial.group().lstrip("0") or "0") if serial else ""


def shard_of(term: str, shards: int) -> int:
    """FNV-1a (32 bit) of the term's UTF-8 bytes, modulo the shard count (same in JavaScript)."""
    value = 0x811C9DC5
    for byte in term.encode("utf-8"):
        value ^= byte
        value = (value * 0x01000193) & 0xFFFFFFFF
    return value % shards


@dataclass
class SearchDoc:
    """One searchable page: what is shown in a result and what is indexed."""

    url: str
    title: str
    kind: str  # "record", "issuer", "unit", "directive", "page"
    type: str = ""
    number: str = ""
    date: str = ""
    issuer: str = ""
    subject: str = ""
    body: str = ""
    also_called: tuple[str, ...] = ()  # registry short name and aliases of an issuer or unit
    status: str = ""  # a record's status when it is not plainly in force ("Bị thay thế")
    signer: str = ""  # "Nguyễn Văn A (Chủ tịch)": indexed and shown in snippets, not in the row

    def row(self) -> list[str]:
        row = [self.url, self.title, self.kind, self.type, self.number, self.date, self.issuer, self.subject]
        return [*row, self.status] if self.status else row


def documents(cat: Catalogue, linker: urls.Linker, pages: Sequence[tuple[str, str, str]] = (),
              statuses: Mapping[str, str] | None = None) -> list[SearchDoc]:
    """Records first (most searches look for a document), then issuers, units, directives and
    hand-written pages given as (src_uri, title, text). ``statuses``: the status label of each
    record not plainly in force, shown in its result as on the site's lists."""
    docs: list[SearchDoc] = []
    for entry in cat.records.values():
        r = entry.record
        docs.append(SearchDoc(linker.url(urls.record_page(entry.id)), r.title(), "record", r.type,
                              r.number or (f"…/{r.symbol}" if r.symbol else ""), r.date.short(),
                              cat.issuers[entry.issuer_id].name, r.subject or "", r.body[:MAX_BODY_CHARS],
                              status=(statuses or {}).get(entry.id, ""), signer=_signer(r.signer)))
    def names(entry_id: str) -> tuple[str, ...]:
        return cat.aliases.get(entry_id, ())

    for issuer in cat.issuers.values():
        docs.append(SearchDoc(linker.url(urls.issuer_page(issuer.id)), issuer.name, "issuer",
                              subject=f"Cơ quan ban hành · {len(issuer.record_ids)} văn bản",
                              also_called=names(issuer.id)))
    for unit in cat.units.values():
        label = "Nhóm đơn vị" if unit.is_group else "Đơn vị được giao nhiệm vụ"
        docs.append(SearchDoc(linker.url(urls.unit_page(unit.id)), unit.name, "unit",
                              subject=f"{label} · {len(unit.tasks)} nhiệm vụ", also_called=names(unit.id)))
    for directive in cat.directives.values():
        if directive.record_id is None:
            title = f"{directive.type} {directive.number}" if directive.type else directive.number
            docs.append(SearchDoc(linker.url(urls.directive_page(directive.id)), title, "directive",
                                  directive.type or "", directive.number,
                                  directive.date.short() if directive.date else "", directive.issuer_name or "",
                                  directive.subject or "Văn bản được dẫn chiếu, chưa có trong kho"))
    for src_uri, title, text in pages:
        docs.append(SearchDoc(linker.url(src_uri), title, "page", body=text[:MAX_BODY_CHARS]))
    return docs


def _signer(signer) -> str:
    if signer is None:
        return ""
    return f"{signer.name} ({signer.title})" if signer.title else signer.name


def hand_written_page(src_uri: str, markdown: str) -> tuple[str, str, str]:
    """(src_uri, title, text) of a hand-written page: title from front-matter or first heading."""
    title = ""
    front = re.match(r"^---\n(.*?)\n---\n", markdown, re.S)
    if front:
        found = re.search(r"^title:\s*(.+)$", front.group(1), re.M)
        title = found.group(1).strip().strip("\"'") if found else ""
        markdown = markdown[front.end():]
    heading = re.search(r"^#\s+(.+)$", markdown, re.M)
    title = title or (heading.group(1).strip() if heading else src_uri)
    text = re.sub(r"<!--.*?-->|[`*_>#|]", " ", markdown, flags=re.S)
    return src_uri, title, text


def _doc_terms(doc: SearchDoc) -> Counter[str]:
    """Term → score for one document: syllables, adjacent pairs and number terms.

    The body is counted by ``Counter`` over iterables (C speed); the short fields add their
    weight in a Python loop. Scores are capped when written (``MAX_SCORE``).
    """
    words = _TOKEN.findall(fold(doc.body)) if doc.body else []
    scores: Counter[str] = Counter(words)
    scores.update(map("_".join, pairwise(words)))  # pairs across a full stop are rare noise
    for name, text in (("title", doc.title), ("number", doc.number), ("subject", doc.subject),
                       ("issuer", doc.issuer), ("signer", doc.signer)):
        if text:
            weight = WEIGHTS[name]
            field_words = _TOKEN.findall(fold(text))
            for term in [*field_words, *map("_".join, pairwise(field_words))]:
                scores[term] += weight
    numbers = [doc.number] if doc.number else []
    numbers += _NUMBER_IN_TEXT.findall(doc.subject)
    for number in numbers:
        scores["n:" + number_key(number)] += WEIGHTS["number"] * (4 if number == doc.number else 1)
    serial = serial_term(doc.number)
    if serial:
        scores[serial] += WEIGHTS["number"]
    if doc.kind != "record":  # the page about "Sở Nội vụ" must come first for that query
        for title in {doc.title, *doc.also_called}:
            scores["t:" + "_".join(_TOKEN.findall(fold(title)))] += WEIGHTS["title"]
    return scores


MAX_SCORE = 60
"""One long document repeating a word must not drown a precise one."""


def build_index(docs: list[SearchDoc]) -> dict[str, str]:
    """Site-relative path → JavaScript file content.

    Each term's postings are two arrays: gaps between ascending document numbers, and scores.
    """
    doc_lists: dict[str, list[int]] = defaultdict(list)
    score_lists: dict[str, list[int]] = defaultdict(list)
    total = 0
    for index, doc in enumerate(docs):
        terms = _doc_terms(doc)
        total += len(terms)
        for term, score in terms.items():
            doc_lists[term].append(index)
            score_lists[term].append(score if score < MAX_SCORE else MAX_SCORE)
    shards = 1
    while shards * TARGET_POSTINGS_PER_SHARD < total and shards < 4096:
        shards *= 2
    shard_terms: list[dict[str, list[list[int]]]] = [{} for _ in range(shards)]
    for term, doc_list in doc_lists.items():
        gaps = [b - a for a, b in pairwise([0, *doc_list])]
        shard_terms[shard_of(term, shards)][term] = [gaps, score_lists[term]]
    files: dict[str, str] = {}
    for number, shard in enumerate(shard_terms):
        files[f"search/t/{number}.js"] = f"__vbSearch.shard({number},{_compact(shard)});"
    buckets = (len(docs) + DOCS_PER_BUCKET - 1) // DOCS_PER_BUCKET
    for bucket in range(buckets):
        rows = [d.row() for d in docs[bucket * DOCS_PER_BUCKET:(bucket + 1) * DOCS_PER_BUCKET]]
        files[f"search/d/{bucket}.js"] = f"__vbSearch.docs({bucket},{_compact(rows)});"
    files |= _passage_files(docs)
    files["search/f.js"] = f"__vbSearch.facets({_compact(facets(docs))});"
    meta = {"version": INDEX_VERSION, "docs": len(docs), "shards": shards, "bucket": DOCS_PER_BUCKET,
            "passages": DOCS_PER_PASSAGE_FILE}
    files["search/meta.js"] = f"__vbSearch.meta({_compact(meta)});"
    return files


def passage(doc: SearchDoc) -> str:
    """The text a result's snippet is taken from: the signer, then the start of the body."""
    body = _SPACES.sub(" ", _MARKUP.sub(" ", doc.body[:PASSAGE_CHARS * 2])).strip()[:PASSAGE_CHARS]
    return f"Người ký: {doc.signer}. {body}" if doc.signer else body


def _passage_files(docs: list[SearchDoc]) -> dict[str, str]:
    files = {}
    for number in range((len(docs) + DOCS_PER_PASSAGE_FILE - 1) // DOCS_PER_PASSAGE_FILE):
        texts = [passage(d) for d in docs[number * DOCS_PER_PASSAGE_FILE:(number + 1) * DOCS_PER_PASSAGE_FILE]]
        files[f"search/p/{number}.js"] = f"__vbSearch.passages({number},{_compact(texts)});"
    return files


FACETS = ("kind", "type", "issuer", "year", "status")


def facets(docs: list[SearchDoc]) -> dict[str, list]:
    """Each facet's values (the first is "") and, in ``rows``, five value numbers per document
    in a row: kind, type, issuer, year, status. A record plainly in force has the status
    "Còn hiệu lực"; other kinds have none."""
    values: dict[str, dict[str, int]] = {name: {"": 0} for name in FACETS}
    rows: list[int] = []
    for doc in docs:
        year = _YEAR.search(doc.date)
        status = doc.status or (IN_FORCE_LABEL if doc.kind == "record" else "")
        for name, value in zip(FACETS, (doc.kind, doc.type, doc.issuer, year.group(1) if year else "", status),
                               strict=True):
            rows.append(values[name].setdefault(value, len(values[name])))
    return {**{name: list(found) for name, found in values.items()}, "rows": rows}


def _compact(value) -> str:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))
