"""Layout recovery: positioned words (from a PDF's text layer or from OCR) → the text a clerk
would paste from Word, which is what the extraction rules read.

Why a stage of its own: the rules in ``extract`` know the shape of an official document (header
in two columns, title, body paragraphs, signature beside "Nơi nhận"), but a PDF or a scan gives
only words with coordinates. Without rebuilding columns and paragraphs first, "Số: 12/UBND"
and "Nghệ An, ngày …" end up on one line, paragraphs are cut at every line end, and the page
numbers and the digital-signature stamp land in the middle of the text. This module knows
nothing of the rules; it only puts words back in reading order:

- words are grouped into lines by their vertical position;
- a line with a wide gap is split into segments; a run of lines split at the same place is a
  two-column zone (header, signature), written left column first, then the right one, each as
  a block of its own, as the .docx reader writes a layout table;
- lines with three or more segments are table rows (a phụ lục's task table), written as a
  Markdown table;
- page numbers, running headers and footers and the signing stamp ("Ký bởi", "Thời gian ký" …,
  whose time is not the document's date) are dropped;
- wrapped lines of one paragraph are joined; an indented or numbered line starts a new one;
- from OCR, digits the engine is unsure of in the number and date lines are left blank: a
  handwritten "Số" or day is common, and a blank is better than a wrong value.

Each step has its module: ``words`` (the positioned words), ``wordlines`` (lines and segments),
``furniture`` (stamps, page numbers, running headers), ``unsure_digits``, ``blocks`` (tables,
paragraphs) and ``columns`` (two-column zones); this one runs them over the pages.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from vanban.importer.blocks import page_blocks
from vanban.importer.furniture import drop_stamp, furniture
from vanban.importer.unsure_digits import UNSURE_CONFIDENCE, blank_unsure_digits
from vanban.importer.wordlines import COLUMN_GAP, Line, group_lines, split_segments
from vanban.importer.words import Page, Word

__all__ = ["COLUMN_GAP", "UNSURE_CONFIDENCE", "Layout", "Page", "Word", "recover"]


@dataclass
class Layout:
    """The recovered text and what the reviewer should know about it."""

    text: str
    notes: list[str] = field(default_factory=list)


def recover(pages: list[Page]) -> Layout:
    """Rebuild the document's text from its pages' words."""
    notes: list[str] = []
    page_lines: list[list[Line]] = []
    for page in pages:
        lines = group_lines([w for w in page.words if w.text.strip()])
        for line in lines:
            split_segments(line, page.width)
        drop_stamp(lines)
        page_lines.append([line for line in lines if line.words])
    drop = furniture(page_lines, [p.height for p in pages])
    blocks: list[str] = []
    for p, (page, lines) in enumerate(zip(pages, page_lines, strict=False)):
        kept = [line for i, line in enumerate(lines) if (p, i) not in drop]
        if any(w.confidence < 100 for line in kept for w in line.words):
            for line in kept:
                blank_unsure_digits(line, notes)
        blocks.extend(block for block in page_blocks(kept, page.width) if block.strip())
    return Layout("\n\n".join(blocks) + "\n" if blocks else "", notes)
