"""Where a unit's name ends, read from the words of the name rather than from the verb after it.

Why a module of its own: the assignment rules (``mentions``) used to end a unit's name at the
first word of a closed list of task verbs, so every verb missing from the list ("trực tiếp chỉ
đạo", "phê duyệt") glued the sentence onto the unit, and names holding a verb word ("tổ chức
chính trị - xã hội") were cut. Vietnamese unit names have a small, stable vocabulary instead:
a head ("Sở", "UBND", "Ban" …, matched by the caller), capitalised name words ("Tài chính",
"Hà Nội"), qualifiers in small letters ("tỉnh", "các huyện, thành phố", "trực thuộc trung
ương") and joiners ("và", ",", "-") that continue only before another name word. The name
ends at the first word that is none of these.

The lexicons are data (``SECTOR_NAMES``, ``QUALIFIERS``), compiled once.
"""

from __future__ import annotations

import re

SECTOR_NAMES: tuple[str, ...] = (
    "Tài chính", "Y tế", "Nội vụ", "Tư pháp", "Xây dựng", "Công an", "Ngoại vụ", "Ngoại giao", "Quốc phòng",
    "Công Thương", "Kế hoạch và Đầu tư", "Giáo dục và Đào tạo", "Nông nghiệp và Phát triển nông thôn",
    "Nông nghiệp và Môi trường", "Tài nguyên và Môi trường", "Khoa học và Công nghệ", "Thông tin và Truyền thông",
    "Văn hóa, Thể thao và Du lịch", "Văn hoá, Thể thao và Du lịch", "Văn hóa và Thể thao", "Văn hoá và Thể thao",
    "Lao động - Thương binh và Xã hội", "Giao thông vận tải", "Dân tộc và Tôn giáo", "Thanh tra", "Quản lý đô thị",
    "Quản lý chất lượng", "Công tác sinh viên", "Đào tạo", "Kinh tế", "Văn hóa - Xã hội", "Văn hoá - Xã hội",
    "Tổ chức cán bộ", "Tổ chức", "Tuyên giáo", "Dân vận", "Kiểm tra", "Nội chính", "Tuyên giáo và Dân vận",
    "Xây dựng Đảng", "Phát triển nông thôn", "Đầu tư xây dựng", "Tổ chức đảng", "Phát triển quỹ đất", "Nhà nước",
    "Chỉ đạo", "Chỉ huy quân sự", "Quân sự", "Biên phòng", "Hải quan", "Thuế",
)
"""Names of sectors whose later words are in small letters ("Sở Tài chính"): read whole, so that
their last word is never taken for the start of the task."""

QUALIFIERS: tuple[str, ...] = (
    "tỉnh", "huyện", "xã", "phường", "quận", "thị trấn", "thành phố", "thị xã", "thôn", "bản", "tổ dân phố",
    "khu phố", "cấp tỉnh", "cấp huyện", "cấp xã", "cấp trung ương", "trung ương", "ở trung ương", "trực thuộc",
    "thuộc", "nhân dân", "ban", "ngành", "sở", "bộ", "cơ quan ngang bộ", "ngang bộ", "cơ quan", "đơn vị",
    "đoàn thể", "liên quan", "có liên quan", "thành viên", "tổ chức thành viên", "tổ chức chính trị - xã hội",
    "chính trị - xã hội", "tổ chức đảng", "tổ chức cơ sở đảng", "đại biểu", "tổ đại biểu", "thường trực",
    "tiểu ban", "địa phương", "đảng bộ", "chi bộ", "đảng ủy", "đảng uỷ", "huyện ủy", "huyện uỷ", "thị ủy",
    "thị uỷ", "thành ủy", "thành uỷ", "tỉnh ủy", "tỉnh uỷ", "cấp ủy", "cấp uỷ", "khác", "công tác", "chuyên môn",
    "chức năng", "quản lý dự án", "khoa", "phòng", "trường", "trung tâm", "hội", "đoàn", "tổ", "cơ sở",
    "trực thuộc trung ương", "nhà nước", "hành chính công", "mặt trận", "khu vực", "ven biển", "dự toán",
    "đơn vị dự toán", "cán sự đảng", "quỹ đất", "thanh thiếu nhi", "công chức", "viên chức", "đảng viên",
    "biên chế", "phi chính phủ", "tương đương", "di tích", "cơ sở đảng", "đầu tư xây dựng", "công trình", "giao thông",
    "nông nghiệp",
)
"""Words in small letters that continue a unit's name ("UBND các huyện, thành phố, thị xã",
"Thủ trưởng cơ quan ngang bộ", "các tổ chức chính trị - xã hội tỉnh")."""

HEAD_WORDS: frozenset[str] = frozenset(
    "Hội Sở Bộ Ban Phòng Cục Vụ Khoa Trường Đài Báo Viện Đoàn Tổ Chi Ủy Uỷ UBND HĐND Đảng Bệnh Ngân Kho "
    "Bảo Hiệp".split())
"""Words that name a kind of body: the capitalised word after one starts the name proper
("Hội Liên hiệp Phụ nữ"), whereas after a name word ("Hà Nội phê duyệt …") small letters end it."""

NOT_NAME: frozenset[str] = frozenset(
    "theo của về với cho tại trong để là đã đang được có sẽ cần phải những ngày năm tháng khi nếu thì trên "
    "dưới từ đến trước sau và các nhằm bằng do vì".split())
"""Small words that never end a capitalised name word's tail in small letters ("Bộ Công an theo
chức năng …": the name is "Bộ Công an")."""

TASK_VERBS = (r"chủ\s+trì|phối\s+hợp|thực\s+hiện|triển\s+khai|tổ\s+chức|có\s+trách\s+nhiệm|tham\s+mưu|"
          r"theo\s+dõi|đôn\s+đốc|hướng\s+dẫn|kiểm\s+tra|rà\s+soát|tiếp\s+tục|khẩn\s+trương|căn\s+cứ|"
          r"xây\s+dựng|tổng\s+hợp|báo\s+cáo|quán\s+triệt|nghiên\s+cứu|chỉ\s+đạo|phổ\s+biến|bố\s+trí|"
          r"cân\s+đối|đảm\s+bảo|bảo\s+đảm|lập|cập\s+nhật|ban\s+hành|giám\s+sát|tăng\s+cường|kiện\s+toàn|"
          r"chuẩn\s+bị|rà|thẩm\s+định|đẩy\s+mạnh|quản\s+lý|chịu\s+trách\s+nhiệm|phân\s+công|hoàn\s+thành|"
          r"tuyên\s+truyền|bổ\s+sung|trình|gửi|cử|tập\s+trung|chủ\s+động|thường\s+xuyên|xử\s+lý|điều\s+tra|"
          r"sắp\s+xếp|huy\s+động|đề\s+xuất|thông\s+báo|phân\s+bổ|tiếp\s+nhận|sửa\s+đổi|tổng\s+kết|sơ\s+kết|"
          r"lãnh\s+đạo|lồng\s+ghép|đề\s+nghị|yêu\s+cầu|nắm|rà\s+soát|chấn\s+chỉnh|vận\s+động|làm\s+tốt|phát\s+huy|"
          r"tập\s+huấn|thống\s+kê|kịp\s+thời|phát\s+hành|đăng|dành|mở|đánh\s+giá|là|có\s+nhiệm\s+vụ|"
          r"giúp|đảm\s+nhiệm|phụ\s+trách|tham\s+gia|xác\s+định|cụ\s+thể\s+ho[áà]|cung\s+cấp|hỗ\s+trợ|duy\s+trì|nâng\s+cao|ưu\s+tiên|khảo\s+sát")
"""Words a task begins with: they bound the small-letter tail of a capitalised name word, and a
unit that leads its own sentence must be followed by one."""

_TOKEN = re.compile(r"\w+|[^\w\s]")
_JOINERS = frozenset({"và", "các", "của", ",", ";", "-", "–"})
_HEAD_TAIL = 2


def _phrases(lexicon: tuple[str, ...]) -> dict[str, list[tuple[str, ...]]]:
    """Phrases by their first word (lower case), longest first."""
    table: dict[str, list[tuple[str, ...]]] = {}
    for phrase in lexicon:
        words = tuple(_TOKEN.findall(phrase.lower()))
        table.setdefault(words[0], []).append(words)
    for entries in table.values():
        entries.sort(key=len, reverse=True)
    return table


_SECTORS = _phrases(SECTOR_NAMES)
_QUALIFIERS = _phrases(QUALIFIERS)


def _match(table: dict[str, list[tuple[str, ...]]], words: list[str], index: int) -> int:
    """How many tokens from ``index`` a phrase of ``table`` covers (0: none)."""
    for phrase in table.get(words[index], ()):
        if tuple(words[index:index + len(phrase)]) == phrase:
            return len(phrase)
    return 0


_VERB_START = re.compile(rf"(?:{TASK_VERBS})\b")


def _capitalised(token: str) -> bool:
    return token[:1].isupper() or (token[:1].isdigit() and token.isalnum())


def name_end(text: str, start: int) -> int:
    """The index in ``text`` just after the name of the unit whose head ends at ``start``
    ("Sở| Tài chính tỉnh chủ trì" → after "tỉnh"). ``start`` itself when nothing continues it."""
    tokens = [(m.start() + start, m.group(0)) for m in _TOKEN.finditer(text[start:start + 600])]
    words = [t.lower() for _, t in tokens]
    # the head's own words in small letters ("Hội| đồng nhân dân", "Ban| chỉ đạo")
    index = _tail(text, tokens, words, 0, _HEAD_TAIL) if tokens and tokens[0][1].isalpha() else 0
    end = tokens[index - 1][0] + len(tokens[index - 1][1]) if index else start
    while index < len(tokens):
        token = tokens[index][1]
        size = _match(_SECTORS, words, index) if _capitalised(token) else 0
        if size:
            index += size
        elif _capitalised(token) and (size := _match(_QUALIFIERS, words, index)) > 1:  # "Thành phố Hồ Chí Minh"
            index += size
        elif _capitalised(token):
            index += 1
            before = tokens[index - 2][1] if index >= 2 else ""
            alone = not _capitalised(before) or before in HEAD_WORDS
            if alone and (index >= len(tokens) or not _capitalised(tokens[index][1])):
                index += _tail(text, tokens, words, index)
        elif (size := _match(_QUALIFIERS, words, index)) and token not in _JOINERS and not _verb_over(
                text, tokens, index, size):
            index += size
        elif token in _JOINERS and index + 1 < len(tokens) and _continues(tokens, words, index + 1):
            index += 1
            continue
        else:
            break
        end = tokens[index - 1][0] + len(tokens[index - 1][1])
    return end


def _verb_over(text: str, tokens: list[tuple[int, str]], index: int, size: int) -> bool:
    """Whether a task verb starting at ``index`` reaches as far as the qualifier there ("tổ|
    chức triển khai" is a verb, "tổ chức chính trị - xã hội" a name)."""
    verb = _VERB_START.match(text, tokens[index][0])
    last = tokens[index + size - 1]
    return verb is not None and verb.end() >= last[0] + len(last[1])


def _continues(tokens: list[tuple[int, str]], words: list[str], index: int) -> bool:
    """Whether the token after a joiner carries the name on (a name word or a qualifier)."""
    token = tokens[index][1]
    if _capitalised(token):
        return True
    if token in ("các", "và") and index + 1 < len(tokens):
        return _continues(tokens, words, index + 1)
    if token in _JOINERS:
        return False
    return bool(_match(_QUALIFIERS, words, index))


def _tail(text: str, tokens: list[tuple[int, str]], words: list[str], index: int, limit: int = 3) -> int:
    """Words in small letters that end a capitalised name word ("Giao thông| vận tải"), at most
    ``limit``, stopping at a small word, a qualifier or a verb."""
    count = 0
    while count < limit and index + count < len(tokens):
        position, token = tokens[index + count]
        if (not token.isalpha() or _capitalised(token) or token in NOT_NAME or _match(_QUALIFIERS, words, index + count)
                or _VERB_START.match(text, position)):
            break
        count += 1
    return count
