"""The allowed values of some record fields (relations, roles, urgency and secrecy grades, the
originals' file types), with their Vietnamese labels.

They are the domain's vocabulary (design/DOMAIN.md), kept apart from the field table that uses
them so that both stay short; ``vanban.core.fields`` re-exports them.
"""

from __future__ import annotations

RELATIONS: dict[str, str] = {
    "implements": "Thực hiện",
    "based_on": "Căn cứ",
    "cites": "Dẫn chiếu",
    "responds_to": "Phúc đáp / theo đề nghị",
    "amends": "Sửa đổi, bổ sung",
    "replaces": "Thay thế",
    "repeals": "Bãi bỏ",
    "guides": "Hướng dẫn",
    "reports_on": "Báo cáo kết quả thực hiện",
    "suspends": "Đình chỉ",
    "corrects": "Đính chính",
}
"""Relation of a record to a document it references, with its Vietnamese label."""

RELATIONS_INVERSE: dict[str, str] = {
    "implements": "Được thực hiện bởi",
    "based_on": "Là căn cứ của",
    "cites": "Được dẫn chiếu bởi",
    "responds_to": "Được phúc đáp bởi",
    "amends": "Được sửa đổi, bổ sung bởi",
    "replaces": "Bị thay thế bởi",
    "repeals": "Bị bãi bỏ bởi",
    "guides": "Được hướng dẫn bởi",
    "reports_on": "Được báo cáo bởi",
    "suspends": "Bị đình chỉ bởi",
    "corrects": "Được đính chính bởi",
}
"""How the relation reads from the referenced document's side."""

ROLES: dict[str, str] = {
    "chu_tri": "Chủ trì",
    "phoi_hop": "Phối hợp",
    "thuc_hien": "Thực hiện",
    "bao_cao": "Báo cáo",
    "theo_doi": "Theo dõi",
}
"""Role of a unit in an assignment, with its Vietnamese label."""

URGENCIES = ("Khẩn", "Thượng khẩn", "Hỏa tốc", "Hoả tốc")
SECRECY_GRADES = ("Mật", "Tối mật", "Tuyệt mật")

ORIGINAL_SUFFIXES = ("pdf", "doc", "docx", "png", "jpg", "jpeg", "tif", "tiff")
"""Originals the site offers for download. No .html or .svg: served from the site's own origin
without our pages' policy, such a file could run script."""
ORIGINAL_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*\.(" + "|".join(ORIGINAL_SUFFIXES) + ")$"
