"""Office files for the importer's format tests, made by LibreOffice from an HTML page written
here by hand: a Công văn with its two-column header, a signature beside "Nơi nhận", the
signing stamp an e-signature tool adds, a second page with its page number, and the values a
person would read off it (``EXPECTED``)."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>CV 3412</title><style>
body{font-family:"DejaVu Serif";font-size:12pt} td{vertical-align:top;text-align:center}
p.b{text-indent:1cm;text-align:justify;margin:0 0 6pt 0} p.s{font-size:8pt;margin:0}
</style><script>document.write("quảng cáo")</script></head><body>
<table width="100%" border="0" cellspacing="0"><tr>
<td width="40%"><b>ỦY BAN NHÂN DÂN<br>TỈNH HÀ TĨNH</b><br>Số: 3412/UBND-NC1<br>
V/v tăng cường công tác phòng, chống<br>đuối nước cho trẻ em dịp hè năm 2024</td>
<td width="60%"><b>CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM<br>Độc lập - Tự do - Hạnh phúc</b><br>
<i>Hà Tĩnh, ngày 12 tháng 6 năm 2024</i></td></tr></table>
<p style="text-align:center">Kính gửi: Các Sở: Giáo dục và Đào tạo, Y tế; Công an tỉnh.</p>
<p class="b">Thực hiện Công văn số 2150/LĐTBXH-TE ngày 30/5/2024 của Bộ Lao động - Thương binh và
Xã hội về việc tăng cường các biện pháp phòng, chống tai nạn thương tích, đuối nước cho trẻ em
trong dịp hè, Chủ tịch UBND tỉnh yêu cầu:</p>
<p class="b">1. Sở Giáo dục và Đào tạo chỉ đạo các cơ sở giáo dục tổ chức tuyên truyền, trang bị kỹ
năng an toàn trong môi trường nước cho học sinh trước khi nghỉ hè.</p>
<p class="b">2. Công an tỉnh kiểm tra, xử lý các phương tiện chở khách đường thủy không bảo đảm an
toàn, không trang bị áo phao.</p>
<p style="page-break-before:always;text-align:center">2</p>
<p class="b">3. Sở Y tế hướng dẫn các cơ sở y tế sẵn sàng cấp cứu người bị đuối nước; báo cáo kết
quả về UBND tỉnh trước ngày 31/8/2024.</p>
<table width="100%" border="0"><tr><td width="50%" style="text-align:left"><b><i>Nơi nhận:</i></b><br>
- Như trên;<br>- Lưu: VT, NC1.</td><td width="50%"><b>KT. CHỦ TỊCH<br>PHÓ CHỦ TỊCH</b><br><br><br>
<b>Nguyễn Hồng Lĩnh</b></td></tr></table>
<p class="s">Ký bởi: Ủy ban nhân dân tỉnh Hà Tĩnh</p><p class="s">Email: ubnd@hatinh.gov.vn</p>
<p class="s">Cơ quan: Tỉnh Hà Tĩnh</p><p class="s">Thời gian ký: 13.06.2024 08:15:30 +07:00</p>
</body></html>
"""

EXPECTED = {
    "number": "3412/UBND-NC1",
    "type": "Công văn",
    "date": "2024-06-12",
    "place": "Hà Tĩnh",
    "subject": "V/v tăng cường công tác phòng, chống đuối nước cho trẻ em dịp hè năm 2024",
    "signer": {"name": "Nguyễn Hồng Lĩnh", "title": "Phó Chủ tịch", "authority": ["KT. Chủ tịch"]},
}
"""Read off the page by a person."""
EXPECTED_REFERENCE = ("Công văn", "2150/LĐTBXH-TE", "2024-05-30")
EXPECTED_UNITS = {("Sở Giáo dục và Đào tạo", "thuc_hien"), ("Công an tỉnh", "thuc_hien"), ("Sở Y tế", "thuc_hien")}


def need(program: str) -> str:
    """The program's path; in CI (which installs it) its absence is a failure, elsewhere a skip."""
    found = shutil.which(program)
    if found is None:
        if os.environ.get("CI"):
            pytest.fail(f"{program} is not installed (.ci/run installs it)")
        pytest.skip(f"{program} is not installed")
    return found


def convert(source: Path, target: str, outdir: Path) -> Path:
    """Convert with LibreOffice headless (the HTML read by Writer, not Writer/Web), with a
    private profile."""
    program = need("soffice")
    profile = (outdir.resolve() / "lo").as_uri()
    subprocess.run([program, "--headless", "--norestore", f"-env:UserInstallation={profile}",
                    "--infilter=HTML (StarWriter)", "--convert-to", target, "--outdir", str(outdir), str(source)],
                   check=True, capture_output=True, timeout=180)
    return outdir / (source.stem + "." + target.split(":")[0])


def make_files(outdir: Path) -> dict[str, Path]:
    """The page as .html, .pdf (text layer), .docx and .doc (as LibreOffice saves them), and a
    scan: the PDF's pages rendered to 200 dpi greyscale, turned by 0.8°, as .png and as an
    image-only .pdf."""
    from PIL import Image

    html = outdir / "cv-3412.html"
    html.write_text(PAGE, encoding="utf-8")
    files = {"html": html, "pdf": convert(html, "pdf:writer_pdf_Export", outdir)}
    files["docx"] = convert(html, 'docx:MS Word 2007 XML', outdir)
    files["doc"] = convert(html, 'doc:MS Word 97', outdir)
    subprocess.run([need("pdftoppm"), "-r", "200", "-gray", "-png", str(files["pdf"]), str(outdir / "scan")],
                   check=True, timeout=120)
    images = [Image.open(p).rotate(0.8, expand=True, fillcolor=255) for p in sorted(outdir.glob("scan-*.png"))]
    files["png"] = outdir / "scan-page1.png"
    images[0].save(files["png"])
    files["scan"] = outdir / "scan.pdf"
    images[0].save(files["scan"], resolution=200, save_all=True, append_images=images[1:])
    return files
