"""The items of a body that may each give a task: paragraphs and list items with the bullets
under them, split further into sentences and ";" clauses that name their own unit.

Why a module of its own: cutting a body into items is layout (leaders, bullets, headings that
own the lines below them, a report's KIẾN NGHỊ section), not the grammar of a task in
``mentions``.
"""

from __future__ import annotations

import re

from vanban.importer.unit_clauses import UNIT_START_HEADED, is_unit_title, unit_clause

_ITEM_LEADER = re.compile(r"^\s*(?:Điều\s+\d+[.:]\s+|[-–+•*]\s+|\d+(?:\.\d+)*[.)]\s+|[a-zđ][.)]\s+|[IVX]+[.)]\s+)*")
_RECOMMENDATIONS = re.compile(r"^\W*(?:[IVX]+[.)]\s*)?(?:KIẾN\s+NGHỊ|ĐỀ\s+XUẤT)")
_SECTION = re.compile(r"^\W*(?:[IVX]+[.)]\s|PHỤ\s+LỤC)")


def _without_recommendations(lines: list[str]) -> list[str]:
    """A report's "KIẾN NGHỊ, ĐỀ XUẤT" section asks the superior body for things ("Đề nghị UBND
    tỉnh … giao Sở Tài chính …"): its units are not given tasks by this document."""
    kept, skipping = [], False
    for line in lines:
        if _RECOMMENDATIONS.match(line):
            skipping = True
        elif skipping and _SECTION.match(line):
            skipping = False
        if not skipping:
            kept.append(line)
    return kept


_BULLET = re.compile(r"^[-–—+•]\s*(?=\S)")
_SUB_ITEM = re.compile(r"^(?:\d+(?:\.\d+)*[.)]|[a-zđ][.)])\s*")
_HEADING_ENDS = re.compile(r"^(?:\d+(?:\.\d+)*[.)]|[IVX]+[.)]|PHỤ\s+LỤC|Nơi\s+nhận)")
_ARTICLE_HEAD = re.compile(r"^\s*Điều\s+\d+")
_ARTICLE_ENDS = re.compile(r"^(?:Điều\s+\d+|Chương|CHƯƠNG|[IVX]+[.)]|PHỤ\s+LỤC|Nơi\s+nhận)")
_LISTED = re.compile(r"^\s*(?:\d+(?:\.\d+)*[.)]|[a-zđ][.)]|[IVX]+[.)])\s")


def _items(body: str) -> list[tuple[str, list[str]]]:
    """Paragraphs and list items (leaders stripped), each with the bullet lines that follow it."""
    lines = _without_recommendations([line.rstrip() for line in body.replace("**", "").split("\n")])
    items: list[tuple[str, list[str]]] = []
    for index, line in enumerate(lines):
        text = _ITEM_LEADER.sub("", line).strip()
        if not text or line.lstrip().startswith("|"):
            continue
        bullets = []
        heading = text.endswith(":") or (_LISTED.match(line) is not None and is_unit_title(text))
        # "Điều 2. Giao Bộ trưởng Bộ Tài chính:" then "1. …", "2. …": the article's items are its tasks
        ends = _ARTICLE_ENDS if _ARTICLE_HEAD.match(line) else _HEADING_ENDS
        for following in lines[index + 1:]:
            stripped = following.strip()
            if not stripped:
                continue
            if _BULLET.match(stripped):
                bullets.append(_BULLET.sub("", stripped).rstrip(" .;"))
                continue
            # "1. Sở Tài chính:" then its tasks as a)/b) items or plain paragraphs
            if heading and not ends.match(stripped):
                bullets.append(_SUB_ITEM.sub("", stripped).rstrip(" .;"))
                continue
            break
        items.append((text, bullets))
    return items



_PARENTHESIS = re.compile(r"\s*\([^()]{0,200}\)")
_NEXT_UNIT_CLAUSE = re.compile(rf";\s+(?=(?:{UNIT_START_HEADED}))")


def _has_own_task(clause: str) -> bool:
    match = unit_clause(clause)
    return bool(match and clause[match.end:].strip())


_NEXT_SENTENCE = re.compile(r"(?<=[.!?])\s+(?=[A-ZĐÀ-Ỹ])")


def _sentences(items: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
    """A paragraph's later sentence that names its own unit and task ("… đúng quy định. Ủy ban
    nhân dân tỉnh Lào Cai chịu trách nhiệm …") is an item of its own; other sentences stay with
    the one before them."""
    out: list[tuple[str, list[str]]] = []
    for text, bullets in items:
        kept = ""
        for sentence in _NEXT_SENTENCE.split(text):
            if kept and _has_own_task(sentence):
                out.append((kept, []))
                kept = sentence
            else:
                kept = f"{kept} {sentence}".strip()
        out.append((kept, bullets))
    return out


def _clauses(items: list[tuple[str, list[str]]]) -> list[tuple[str, list[str]]]:
    """Split "Giao Sở A chủ trì …; Sở Tài chính bố trí …; UBND các huyện …" into one item per
    clause when every later clause names its own unit and verb (units listed with ";" before
    one shared task stay together); drop "(cơ quan thường trực …)" after a unit's name."""
    out = []
    for whole, bullets in _sentences(items):
        text = _PARENTHESIS.sub("", whole)
        parts = _NEXT_UNIT_CLAUSE.split(text)
        if len(parts) > 1 and all(_has_own_task(part) for part in parts):
            out += [(part, bullets if index == len(parts) - 1 else []) for index, part in enumerate(parts)]
        else:
            out.append((text, bullets))
    return out


def task_items(body: str) -> list[tuple[str, list[str]]]:
    """The body's items (text, bullet lines under it), one per clause that names its own unit."""
    return _clauses(_items(body))
