"""Positioned words: what a PDF's text layer and the OCR engine give, and the layout stage reads.

Why a module of its own: ``pdf``, ``ocr`` and the layout modules all speak of words with boxes on
pages; a small module of these two types lets each of them depend on the vocabulary alone
rather than on one another.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Word:
    """One word and its box, in the page's units (points or pixels), top-left origin."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    confidence: float = 100.0
    line: tuple[int, ...] | None = None
    """The OCR engine's own line (block, paragraph, line): it follows a skewed scan's lines
    where grouping by height would cut them."""


@dataclass
class Page:
    """One page: its size, in the units of its words' boxes, and its words."""

    width: float
    height: float
    words: list[Word]
