"""PDF files: the text layer's words with their positions, or OCR where there is no usable layer.

Why pdfplumber: it gives every word with its box (pdfminer's layout analysis underneath), which
the layout stage needs to rebuild the two-column header and the paragraphs; the PDFs offices
publish are exported from Word, so the layer is usually good. Pages with no text (scans) or a
garbage layer (a bad OCR by another tool, fonts without a Unicode map) are rendered with
pypdfium2 (which pdfplumber already depends on) and read with Tesseract.
"""

from __future__ import annotations

import html
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

from vanban.importer.docx import BadDocument
from vanban.importer.words import Page, Word

MAX_PAGES = 200
"""Official documents with annexes run to tens of pages; a 1,000-page file is not one document."""
MIN_PAGE_CHARS = 40
_LETTERS = set("abcdefghijklmnopqrstuvwxyzàáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợ"
               "ùúủũụưừứửữựỳýỷỹỵđ")
_PUNCTUATION = set(".,;:!?()[]\"'“”‘’/-–—%&+*=<>…§#@_")


def _plausible(word: str) -> bool:
    """A word a Vietnamese document could hold: Vietnamese letters, digits and punctuation
    only, and no capital after a small letter (TCVN3 text read without its font: "triÓn")."""
    seen_lower = False
    for char in word:
        if char.isdigit() or char in _PUNCTUATION:
            continue
        if char.lower() not in _LETTERS:
            return False
        if char.isupper() and seen_lower:
            return False
        seen_lower = seen_lower or char.islower()
    return True


def text_quality(text: str) -> float:
    """Share of a text's words that are plausible Vietnamese (0.0 – 1.0); "(cid:…)" glyph codes
    and replacement characters count as bad words."""
    words = re.sub(r"\(cid:\d+\)", " \ufffd ", text).split()
    if not words:
        return 0.0
    return sum(1 for word in words if _plausible(word)) / len(words)


_POPPLER_WORD = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')


def _form_words(path: Path, page_number: int, known: list[Word]) -> list[Word]:
    """Words poppler shows on the page that the text layer lacks: the number and day an office's
    signing software fills into form fields at release ("Số: 2858 /QĐ-UBND", "ngày 10 tháng 6").
    pdfplumber reads the page's content only; poppler also renders the fields' appearance."""
    if shutil.which("pdftotext") is None:
        return []
    try:
        done = subprocess.run(["pdftotext", "-bbox", "-f", str(page_number), "-l", str(page_number), str(path), "-"],
                              capture_output=True, timeout=60, check=False)
    except subprocess.TimeoutExpired:
        return []
    added = []
    for match in _POPPLER_WORD.finditer(done.stdout.decode("utf-8", "replace")):
        x0, top, x1, bottom = (float(v) for v in match.groups()[:4])
        text = html.unescape(match.group(5)).strip()
        # the same word, not one that only touches a neighbour (filled-in digits sit close)
        overlaps = any(min(w.x1, x1) - max(w.x0, x0) > 0.5 * (x1 - x0) and w.top < bottom and top < w.bottom
                       for w in known)
        if text and not overlaps:
            added.append(Word(unicodedata.normalize("NFC", text), x0, x1, top, bottom))
    return added


def _layer_words(plumber_page) -> list[Word]:  # noqa: ANN001 - a pdfplumber page
    words = plumber_page.extract_words(x_tolerance=1.5, y_tolerance=2, keep_blank_chars=False)
    return [Word(unicodedata.normalize("NFC", w["text"]), float(w["x0"]), float(w["x1"]),
                 float(w["top"]), float(w["bottom"])) for w in words]


def pdf_pages(path: Path, ocr: bool = True) -> tuple[list[Page], list[str]]:
    """The pages' words, and notes on what was OCR'd; ``ocr=False`` keeps image pages empty."""
    import pdfplumber
    import pypdfium2

    notes: list[str] = []
    pages: list[Page] = []
    image_shares: list[float] = []
    try:
        with pdfplumber.open(path) as pdf:
            if len(pdf.pages) > MAX_PAGES:
                raise BadDocument(f"tệp PDF có {len(pdf.pages)} trang (quá {MAX_PAGES})",
                                  f"PDF has {len(pdf.pages)} pages (over {MAX_PAGES})")
            for number, page in enumerate(pdf.pages, start=1):
                words = _layer_words(page)
                if number == 1:  # the header: what was filled in at release may be outside the text layer
                    words += _form_words(path, number, words)
                pages.append(Page(float(page.width), float(page.height), words))
                image_shares.append(_image_share(page))
    except BadDocument:
        raise
    except Exception as exc:  # pdfminer raises many types for broken or encrypted files
        name = type(exc).__name__
        if "Password" in name or "Encrypt" in name:
            raise BadDocument("tệp PDF có mật khẩu", "encrypted PDF") from None
        raise BadDocument("tệp PDF hỏng hoặc không đọc được", f"unreadable PDF: {name}") from None
    redo = [i for i, page in enumerate(pages) if _needs_ocr(page, image_shares[i])]
    if redo and ocr:
        from vanban.importer.ocr import rendered_page

        document = pypdfium2.PdfDocument(str(path))
        try:
            for i in redo:
                scanned = rendered_page(document[i])
                scale = pages[i].width / scanned.width if scanned.width else 1.0
                pages[i] = Page(pages[i].width, pages[i].height, [
                    Word(w.text, w.x0 * scale, w.x1 * scale, w.top * scale, w.bottom * scale, w.confidence, w.line)
                    for w in scanned.words])
        finally:
            document.close()
        which = "mọi trang" if len(redo) == len(pages) else "trang " + ", ".join(str(i + 1) for i in redo)
        notes.append(f"đọc bằng nhận dạng chữ (OCR) ở {which}: hãy soát lại số, ngày và tên đơn vị")
    return pages, notes


SCAN_TEXT_CHARS = 400
"""A page mostly covered by an image with less text than this is a scan: the few words of its
text layer are a signing stamp or a page number added on top of the image."""


def _image_share(plumber_page) -> float:  # noqa: ANN001 - a pdfplumber page
    """The share of the page covered by its largest image (0.0 – 1.0)."""
    area = float(plumber_page.width) * float(plumber_page.height) or 1.0
    best = 0.0
    for image in plumber_page.images:
        width = max(0.0, min(float(image["x1"]), float(plumber_page.width)) - max(float(image["x0"]), 0.0))
        height = max(0.0, min(float(image["bottom"]), float(plumber_page.height)) - max(float(image["top"]), 0.0))
        best = max(best, width * height / area)
    return best


def _needs_ocr(page: Page, image_share: float) -> bool:
    text = " ".join(w.text for w in page.words)
    if image_share > 0.5 and len(text) < SCAN_TEXT_CHARS:
        return True
    return len(text) < MIN_PAGE_CHARS or text_quality(text) < 0.85
