"""Record history from git: one log over the records folder, newest first, pull requests named
by the message; nothing outside a git checkout."""

from __future__ import annotations

import os
import subprocess

from vanban.build.history import HistoryReader, parse_log


def _git(root, *args, date="2026-01-05T09:00:00+07:00"):
    env = {**os.environ, "GIT_AUTHOR_NAME": "Nguyễn Văn Thư", "GIT_AUTHOR_EMAIL": "vt@example.vn",
           "GIT_COMMITTER_NAME": "x", "GIT_COMMITTER_EMAIL": "x@example.vn",
           "GIT_AUTHOR_DATE": date, "GIT_COMMITTER_DATE": date}
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


def test_each_record_gets_its_own_commits_newest_first(tmp_path):
    _git(tmp_path, "init", "-q")
    (tmp_path / "records").mkdir()
    (tmp_path / "records" / "a.md").write_text("a\n", encoding="utf-8")
    (tmp_path / "records" / "b c.md").write_text("b\n", encoding="utf-8")
    (tmp_path / "README.md").write_text("x\n", encoding="utf-8")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-qm", "Thêm hai văn bản")
    (tmp_path / "records" / "a.md").write_text("a sửa\n", encoding="utf-8")
    _git(tmp_path, "commit", "-qam", "Sửa trích yếu (#12)", date="2026-02-01T10:00:00+07:00")
    _git(tmp_path, "commit", "-q", "--allow-empty", "-m", "Không đổi bản ghi")
    history = HistoryReader().read(tmp_path)
    a = history.of("records/a.md")
    assert [r.subject for r in a] == ["Sửa trích yếu (#12)", "Thêm hai văn bản"]
    assert a[0].pull_request == 12 and a[1].pull_request is None
    assert a[0].date.startswith("2026-02-01T10:00:00") and a[0].author == "Nguyễn Văn Thư"
    assert [r.subject for r in history.of("records/b c.md")] == ["Thêm hai văn bản"]
    assert history.of("README.md") == ()  # only the records folder is read
    assert history.last_changed("records/a.md") == a[0]


def test_the_history_is_read_again_only_after_a_new_commit(tmp_path):
    _git(tmp_path, "init", "-q")
    (tmp_path / "records").mkdir()
    (tmp_path / "records" / "a.md").write_text("a\n", encoding="utf-8")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-qm", "một")
    reader = HistoryReader()
    first = reader.read(tmp_path)
    assert reader.read(tmp_path) is first
    (tmp_path / "records" / "a.md").write_text("b\n", encoding="utf-8")
    _git(tmp_path, "commit", "-qam", "Merge pull request #7 from so-noi-vu/sua")
    again = reader.read(tmp_path)
    assert again is not first and again.of("records/a.md")[0].pull_request == 7


def test_outside_git_there_is_no_history(tmp_path):
    assert HistoryReader().read(tmp_path).revisions == {}


def test_log_parsing_skips_what_it_cannot_read():
    text = "\x1eabc\x1f2026-01-01T00:00:00+07:00\x1fA\x1fs\nrecords/x.md\n\x1egarbage line\nrecords/y.md\n"
    assert list(parse_log(text)) == ["records/x.md"]
