"""The values of one registry entry, checked before use: the registry arrives by pull request
like the records, so a list where a name belongs or an impossible date is a message naming the
entry and its line, not a crash.
"""

from __future__ import annotations

import datetime as _dt

from vanban.core.problems import ProblemLog
from vanban.core.text import clean_space


class Item:
    """One registry item while it is checked: its values, and where each stands in the file."""

    def __init__(self, item: dict, where: str, path: str, log: ProblemLog, lines: dict[str, int]) -> None:
        self.item, self.where, self.path, self.log, self.lines = item, where, path, log, lines
        self.ok = True

    def line(self, key: str = "") -> int | None:
        return self.lines.get(f"{self.where}.{key}") if key else self.lines.get(self.where)

    def error(self, key: str, vi: str, en: str, code: str = "registry.value") -> None:
        self.ok = False
        self.log.error(self.path, f"{self.where}.{key}" if key else self.where, vi, en,
                       self.line(key) or self.line(), code=code)

    def text(self, key: str, required: bool = False) -> str | None:
        value = self.item.get(key)
        if value is None or value == "":
            if required:
                self.error(key, f"thiếu “{key}”", f"'{key}' is missing")
            return None
        if not isinstance(value, str | int) or isinstance(value, bool):
            self.error(key, f"“{key}” phải là một chuỗi chữ", f"'{key}' must be a string")
            return None
        return clean_space(str(value))

    def texts(self, key: str) -> tuple[str, ...]:
        value = self.item.get(key)
        if value in (None, "", []):
            return ()
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            self.error(key, f"“{key}” phải là danh sách chuỗi chữ", f"'{key}' must be a list of strings")
            return ()
        return tuple(clean_space(v) for v in value if v)

    def date(self, key: str) -> _dt.date | None:
        value = self.item.get(key)
        if value in (None, ""):
            return None
        try:
            day = _dt.date.fromisoformat(str(value))
            if day.year < 1800:
                raise ValueError
            return day
        except ValueError:
            self.error(key, f"ngày “{value}” không có thật hoặc không viết dạng YYYY-MM-DD",
                       f"date '{value}' is impossible or not written YYYY-MM-DD")
            return None

    def unknown_keys(self, allowed: set[str]) -> None:
        for key in sorted(set(map(str, self.item)) - allowed):
            self.error(key, f"khoá “{key}” không có trong định dạng sổ đăng ký; các khoá hợp lệ: "
                       f"{', '.join(sorted(allowed))}", f"unknown key '{key}'; allowed: {', '.join(sorted(allowed))}")
