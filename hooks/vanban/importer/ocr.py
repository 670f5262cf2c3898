"""OCR of scans and photos with Tesseract's Vietnamese model, as positioned words.

Why Tesseract through its command line: it is the OCR engine Debian packages with a Vietnamese
model (``tesseract-ocr-vie``), needs no network or GPU, and its TSV output gives each word's
box and confidence, which the layout stage needs to rebuild columns and to leave unsure
handwritten digits blank. Calling the binary keeps us free of a wrapper library's versions.
"""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import warnings
from pathlib import Path

from vanban.importer.docx import BadDocument
from vanban.importer.words import Page, Word

IMAGE_SUFFIXES = (".png", ".jpg", ".jpeg", ".tif", ".tiff", ".bmp", ".webp")
DPI = 300
"""Tesseract reads body text best at about 300 dpi; scans are rendered at that resolution."""
TIMEOUT = 120
# Tesseract's OpenMP threads spin against each other on a small machine: one page took 12 s with
# the default and 2.4 s with one thread (measured here, 2 cores). Parallelism comes from
# reading several files at once instead.
MAX_PIXELS = 60_000_000
"""A page larger than this (e.g. a 20,000 × 20,000 image) is refused rather than read."""


def tesseract_available() -> bool:
    return shutil.which("tesseract") is not None


def _need_tesseract() -> None:
    if not tesseract_available():
        raise BadDocument("cần Tesseract để đọc bản quét: cài gói tesseract-ocr và tesseract-ocr-vie",
                          "OCR needs Tesseract: install tesseract-ocr and tesseract-ocr-vie")


def ocr_png(png: bytes) -> Page:
    """Words of one page image (PNG bytes) with their boxes (pixels) and confidence."""
    _need_tesseract()
    try:
        done = subprocess.run(
            ["tesseract", "stdin", "stdout", "-l", "vie", "--psm", "3", "--dpi", str(DPI), "tsv"],
            input=png, capture_output=True, timeout=TIMEOUT, check=False,
            env={**os.environ, "OMP_THREAD_LIMIT": os.environ.get("OMP_THREAD_LIMIT", "1")})
    except subprocess.TimeoutExpired:
        raise BadDocument(f"nhận dạng chữ quá {TIMEOUT} giây cho một trang", "OCR timed out") from None
    if done.returncode != 0:
        message = done.stderr.decode("utf-8", "replace").strip().splitlines()[-1:] or [""]
        raise BadDocument("Tesseract không đọc được ảnh", f"tesseract failed: {message[0]}")
    return parse_tsv(done.stdout.decode("utf-8", "replace"))


def parse_tsv(tsv: str) -> Page:
    """Tesseract's TSV (level 1 = page, level 5 = word) → a Page of words."""
    width = height = 0.0
    words: list[Word] = []
    for row in csv.DictReader(io.StringIO(tsv), delimiter="\t", quoting=csv.QUOTE_NONE):
        try:
            level, left, top = int(row["level"]), float(row["left"]), float(row["top"])
            w, h, conf = float(row["width"]), float(row["height"]), float(row["conf"])
        except (KeyError, TypeError, ValueError):
            continue
        if level == 1:
            width, height = w, h
        elif level == 5 and (row.get("text") or "").strip():
            line = (int(row["block_num"]), int(row["par_num"]), int(row["line_num"]))
            words.append(Word(row["text"].strip(), left, left + w, top, top + h, conf, line))
    return Page(width, height, words)


def image_pages(path: Path) -> list[Page]:
    """OCR an image file (a photo or a one-page scan; every frame of a multi-page TIFF)."""
    from PIL import Image, ImageOps, UnidentifiedImageError

    Image.MAX_IMAGE_PIXELS = MAX_PIXELS
    pages: list[Page] = []
    try:
        with warnings.catch_warnings():  # PIL warns of large images; we refuse them ourselves
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            image = Image.open(path)
        with image:
            if image.width * image.height > MAX_PIXELS:
                raise BadDocument(f"ảnh quá lớn ({image.width} × {image.height} điểm ảnh)",
                                  f"image too large ({image.width} x {image.height} pixels)")
            if getattr(image, "n_frames", 1) > 200:
                raise BadDocument("tệp ảnh có quá nhiều trang", "image file has too many frames")
            for frame in range(getattr(image, "n_frames", 1)):
                image.seek(frame)
                pages.append(ocr_png(_png(ImageOps.exif_transpose(image))))
    except (UnidentifiedImageError, Image.DecompressionBombError, OSError) as exc:
        raise BadDocument("không mở được tệp ảnh", f"cannot open image: {exc}") from None
    return pages


def _png(image) -> bytes:  # noqa: ANN001 - a PIL image
    """PNG bytes of the image's red channel: the red seal over a signature and the red
    received-stamp turn almost white in it, while black and blue ink stay dark."""
    buffer = io.BytesIO()
    channel = image.convert("RGB").getchannel("R") if image.mode not in ("L", "1") else image.convert("L")
    channel.save(buffer, format="PNG")
    return buffer.getvalue()


def rendered_page(pdf_page, dpi: int = DPI) -> Page:  # noqa: ANN001 - a pypdfium2 page
    """OCR one PDF page rendered at ``dpi``."""
    width, height = pdf_page.get_size()
    # a page of 50 m² is not rendered at 300 dpi: the pixel budget caps the scale
    scale = min(dpi / 72, (0.98 * MAX_PIXELS / max(width * height, 1.0)) ** 0.5)
    bitmap = pdf_page.render(scale=scale)
    return ocr_png(_png(bitmap.to_pil()))
