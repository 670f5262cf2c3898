"""The build summary: nothing is lost silently, so every build says what it read and published."""

from __future__ import annotations

from vanban.build.catalogue import Catalogue

_SECTION_LABELS = {
    "van-ban": "trang văn bản",
    "co-quan": "trang cơ quan",
    "dan-chieu": "trang văn bản được dẫn chiếu",
    "don-vi": "trang đơn vị",
    "loai": "trang loại văn bản",
    "nam": "trang năm",
}


def summary_lines(catalogue: Catalogue, page_counts: dict[str, int] | None = None) -> list[str]:
    """Human-readable lines: records read and published, pages per index, warnings, errors."""
    problems = catalogue.problems
    broken = sorted({p.path for p in problems.errors})
    lines = [
        f"Kho văn bản: đọc {catalogue.records_read} tệp bản ghi, đăng {len(catalogue.records)} văn bản "
        f"(read {catalogue.records_read} record files, published {len(catalogue.records)})",
    ]
    if page_counts:
        parts = [f"{count} {_SECTION_LABELS.get(section, section)}" for section, count in sorted(page_counts.items())]
        lines.append("Kho văn bản: " + ", ".join(parts))
    lines.append(f"Kho văn bản: {len(problems.warnings)} cảnh báo, {len(problems.errors)} lỗi "
                 f"({len(problems.warnings)} warnings, {len(problems.errors)} errors)")
    if broken:
        lines.append("Kho văn bản: tệp có lỗi, không được đăng (files with errors, not published): "
                     + ", ".join(broken))
    return lines
