"""The JSON Schema of a record's front-matter: one source of truth for editors and for the build.

The same schema is published with the site (``schema/record.schema.json``) so that editors such
as VS Code validate records while people type, and it is what ``validate`` checks first. Checks a
schema cannot express (real calendar dates, number grammar, registry names) live in
``validate``.
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

_DATE = r"^\d{4}(-\d{2}(-\d{2})?)?$"
_TEXT = {"type": "string", "minLength": 1}
ORIGINAL_SUFFIXES = ("pdf", "doc", "docx", "png", "jpg", "jpeg", "tif", "tiff")
"""Originals the site offers for download. No .html or .svg: served from the site's own origin
without our pages' policy, such a file could run script."""
ORIGINAL_PATTERN = r"^[A-Za-z0-9][A-Za-z0-9._-]*\.(" + "|".join(ORIGINAL_SUFFIXES) + ")$"
_TEXT_LIST = {"type": "array", "items": _TEXT}
_NULLABLE_TEXT = {"type": ["string", "null"]}

RECORD_SCHEMA: dict = {
    "$schema": "http://json-schema.org/draft-07/schema#",
    "$id": "record.schema.json",
    "title": "Kho văn bản — front-matter của một văn bản",
    "description": "Front-matter YAML của một tệp trong records/. Xem trang Định dạng bản ghi.",
    "type": "object",
    "additionalProperties": False,
    "required": ["type", "issuer", "date"],
    "properties": {
        "id": {
            "type": "string",
            "pattern": r"^[a-z0-9]+(-[a-z0-9]+)*$",
            "description": "Đường dẫn riêng (ASCII, chữ thường, gạch nối); bỏ trống để tự sinh.",
        },
        "number": {
            "type": ["string", "null"],
            "minLength": 1,
            "description": "Số, ký hiệu như in: 930/UBND-TH, 904-TB/TU; null khi bản chưa có số.",
        },
        "symbol": {"type": "string", "minLength": 1, "description": "Ký hiệu khi chưa có số."},
        "type": {**_TEXT, "description": "Tên loại văn bản: Công văn, Thông báo, Kế hoạch…"},
        "issuer": {**_TEXT, "description": "Cơ quan ban hành (mã hoặc tên trong sổ đăng ký)."},
        "date": {
            "type": "string",
            "pattern": _DATE,
            "description": "Ngày ban hành YYYY-MM-DD, hoặc YYYY-MM / YYYY khi bản để trống.",
        },
        "place": {**_TEXT, "description": "Địa danh."},
        "subject": {**_TEXT, "description": "Trích yếu; với công văn là phần “V/v …”."},
        "signer": {
            "type": "object",
            "additionalProperties": False,
            "required": ["name"],
            "properties": {
                "name": {**_TEXT, "description": "Họ tên người ký."},
                "title": {**_TEXT, "description": "Chức vụ người ký."},
                "authority": {**_TEXT_LIST, "description": "Thẩm quyền: TM., KT., TL., Q., TUQ."},
            },
        },
        "addressees": {**_TEXT_LIST, "description": "Kính gửi."},
        "distribution": {**_TEXT_LIST, "description": "Nơi nhận."},
        "references": {
            "type": "array",
            "description": "Văn bản được dẫn chiếu.",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["number", "relation"],
                "properties": {
                    "type": _TEXT,
                    "number": {**_TEXT, "description": "Số, ký hiệu của văn bản được dẫn."},
                    "date": {"type": "string", "pattern": _DATE},
                    "issuer": _TEXT,
                    "subject": _TEXT,
                    "relation": {"enum": list(RELATIONS), "description": "Quan hệ."},
                },
            },
        },
        "assignments": {
            "type": "array",
            "description": "Nhiệm vụ giao cho đơn vị.",
            "items": {
                "type": "object",
                "additionalProperties": False,
                "required": ["unit", "role"],
                "properties": {
                    "unit": {**_TEXT, "description": "Đơn vị hoặc nhóm đơn vị được giao."},
                    "role": {"enum": list(ROLES), "description": "Vai trò."},
                    "task": _TEXT,
                    "deadline": {
                        **_TEXT,
                        "description": "Thời hạn: YYYY-MM-DD hoặc chữ như “hằng năm”.",
                    },
                },
            },
        },
        "urgency": {"enum": list(URGENCIES), "description": "Độ khẩn."},
        "secrecy": {
            **_NULLABLE_TEXT,
            "description": "Độ mật. Văn bản có độ mật không bao giờ được đăng.",
        },
        "status": {**_TEXT, "description": "Tình trạng hiệu lực."},
        "replaces": {
            "anyOf": [_TEXT, _TEXT_LIST],
            "description": "Số, ký hiệu văn bản bị thay thế.",
        },
        "source": {**_TEXT, "description": "Tên tệp gốc."},
        "original": {
            "type": "string",
            "pattern": ORIGINAL_PATTERN,
            "description": "Tệp bản gốc lưu cạnh bản ghi (.pdf, .doc, .docx, ảnh), để tải về.",
        },
        "sha256": {"type": "string", "pattern": r"^[0-9a-f]{64}$", "description": "Mã băm SHA-256 của tệp gốc."},
        "sample": {"type": "boolean", "description": "true: văn bản minh hoạ, không phải bản thật."},
        "note": {**_TEXT, "description": "Ghi chú của người nhập."},
        "import_notes": {**_TEXT_LIST, "description": "Những trường công cụ nhập chưa tìm được."},
    },
}

FIELD_LABELS: dict[str, str] = {
    "id": "Mã",
    "number": "Số, ký hiệu",
    "symbol": "Ký hiệu",
    "type": "Loại văn bản",
    "issuer": "Cơ quan ban hành",
    "date": "Ngày ban hành",
    "place": "Địa danh",
    "subject": "Trích yếu",
    "signer": "Người ký",
    "addressees": "Kính gửi",
    "distribution": "Nơi nhận",
    "references": "Văn bản dẫn chiếu",
    "assignments": "Nhiệm vụ",
    "urgency": "Độ khẩn",
    "secrecy": "Độ mật",
    "status": "Tình trạng",
    "replaces": "Thay thế",
    "source": "Tệp gốc",
    "original": "Bản gốc",
    "sha256": "Mã băm SHA-256",
    "sample": "Văn bản minh hoạ",
    "note": "Ghi chú",
    "import_notes": "Ghi chú nhập",
}
