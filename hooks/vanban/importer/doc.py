"""Word 97–2003 .doc files, converted to .docx by LibreOffice and then read like any .docx.

Why LibreOffice: the .doc format is a binary compound file that only a full office suite reads
faithfully (tables, fields, TCVN3/VNI fonts by name, which the .docx reader then converts).
antiword loses the tables and the fonts. The conversion runs headless with a throw-away
profile, no network, and a time limit.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from pathlib import Path

from vanban.importer.docx import BadDocument, docx_to_text

TIMEOUT = 120


def soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def convert(path: Path, target_format: str, outdir: Path) -> Path:
    """Convert ``path`` with LibreOffice into ``outdir``; the converted file's path."""
    program = soffice()
    if program is None:
        raise BadDocument("cần LibreOffice để đọc tệp .doc: cài gói libreoffice-writer-nogui",
                          "reading .doc needs LibreOffice: install libreoffice-writer-nogui")
    profile = outdir.resolve() / "profile"
    try:
        done = subprocess.run(
            [program, "--headless", "--norestore", "--nolockcheck", f"-env:UserInstallation={profile.as_uri()}",
             "--convert-to", target_format, "--outdir", str(outdir), str(path.resolve())],
            capture_output=True, timeout=TIMEOUT, check=False, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        raise BadDocument(f"LibreOffice chuyển đổi quá {TIMEOUT} giây", "LibreOffice conversion timed out") from None
    result = outdir / (path.stem + "." + target_format.split(":")[0])
    if done.returncode != 0 or not result.is_file():
        raise BadDocument("LibreOffice không mở được tệp (hỏng hoặc không phải .doc?)",
                          "LibreOffice could not convert the file")
    return result


def doc_to_text(path: Path) -> str:
    """The text of a .doc file, through LibreOffice's .docx export and the .docx reader."""
    with tempfile.TemporaryDirectory(prefix="vanban-doc-") as tmp:
        return docx_to_text(convert(path, "docx", Path(tmp)))
