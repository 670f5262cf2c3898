"""Where in a body tasks are given, so that the assignment reader looks only there.

Why a module of its own: deciding which part of a text gives tasks is a question of the text's
kind and its articles, not of the header or the signature that ``extract`` reads, and not of the
sentence grammar in ``mentions``. A normative text (a Nghị định, a Quy định …) states rules for
everyone in most of its articles; reading them as tasks floods the unit pages, so only its
articles and chapters on carrying it out count.
"""

from __future__ import annotations

import re

NORMATIVE_TYPES = frozenset({"Nghị định", "Thông tư", "Quy định", "Luật", "Nghị quyết", "Quy chế", "Pháp lệnh",
                             "Thông tư liên tịch"})
"""Types whose articles are rules for everyone ("Cấp ủy có thẩm quyền …", "Bộ trưởng quyết
định …"): their tasks are only in the articles on carrying the text out."""
_ARTICLE = re.compile(r"^\s*(?:\*\*)?Điều\s+\d+[a-z]?\s*[.:]", re.IGNORECASE)
_CHAPTER = re.compile(r"^\s*(?:\*\*)?(?:Chương|CHƯƠNG|Mục|MỤC|Phần|PHẦN)\s+[IVXLC\d]+\b")
# "Tổ chức thực hiện", "Trách nhiệm thi hành", "Điều khoản thi hành", "Hiệu lực thi hành": the
# articles on carrying the text out. "Trách nhiệm của chủ đầu tư" alone states a rule.
# "Điều 5. Hội đồng nhân dân tỉnh giao" (a HĐND resolution's last article) gives the tasks too.
_EXECUTION = re.compile(r"tổ\s+chức\s+thực\s+hiện|thi\s+hành|điều\s+khoản\s+chuyển\s+tiếp|\bgiao[\s:*]*$",
                        re.IGNORECASE)


# Forms and annexes after the articles ("PHỤ LỤC", "Mẫu số 01") model other documents: their
# "Điều 2. Tổ chức thực hiện" belongs to the model, not to this text.
_APPENDIX = re.compile(r"^\s*(?:\*\*)?(?:PHỤ\s+LỤC|Phụ\s+lục|Mẫu\s+số|MẪU\s+SỐ)\b")


GUIDANCE_TYPES = frozenset({"Hướng dẫn"})
"""Types that mostly describe a procedure ("Chi bộ xét …, Đảng ủy cơ sở báo cáo …"): when they
have a section on carrying them out, their tasks are there."""
_EXECUTION_SECTION = re.compile(
    r"^\W*(?:[IVX]+|\d+)[.)]\s*(?:\*\*)?\s*(?:TỔ\s+CHỨC\s+THỰC\s+HIỆN|Tổ\s+chức\s+thực\s+hiện)\b")


def _guidance_scope(body: str) -> str:
    """From a guidance's section "V. TỔ CHỨC THỰC HIỆN" to its end, and task tables wherever they
    are ("III. TIẾN ĐỘ THỰC HIỆN"); all of it without such a section."""
    lines = body.split("\n")
    start = next((i for i, line in enumerate(lines) if _EXECUTION_SECTION.match(line)), None)
    if start is None:
        return body
    tables = [line for line in lines[:start] if line.lstrip().startswith("|")]
    return "\n".join(tables + [""] + lines[start:])


def task_scope(body: str, doc_type: str | None) -> str:
    """The part of the body where tasks are given: all of it, except in a guidance with a section
    on carrying it out (``GUIDANCE_TYPES``: that section) and in a normative text
    (``NORMATIVE_TYPES``) with articles, where only the articles (and chapters) on carrying it
    out count — the others state rules, and reading them as tasks floods the unit pages."""
    if doc_type in GUIDANCE_TYPES:
        return _guidance_scope(body)
    if doc_type not in NORMATIVE_TYPES:
        return body
    lines = body.split("\n")
    if not any(_ARTICLE.match(line) for line in lines):
        return body
    kept: list[str] = []
    keep = chapter = False
    for index, line in enumerate(lines):
        if _APPENDIX.match(line):
            break
        if _CHAPTER.match(line):
            title = line + " " + (lines[index + 1] if index + 1 < len(lines) else "")
            keep = chapter = bool(_EXECUTION.search(title))
        elif _ARTICLE.match(line):
            keep = chapter or bool(_EXECUTION.search(line))
        if keep:
            kept.append(line)
    return "\n".join(kept)
