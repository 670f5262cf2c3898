"""The MkDocs adapter in process: its settings (``extra.vanban``) are checked, and with
``mkdocs serve --dirty`` an edited record rebuilds exactly the pages that show it.

The expected scopes are worked out by hand from the small collection below:

* A ``930/UBND-TH`` (UBND tỉnh, Công văn, 2023) gives a task to the group "Các Sở, ban, ngành
  cấp tỉnh" (members Sở Nội vụ, Sở Tài chính);
* B ``931/UBND-TH`` (UBND tỉnh, Công văn, 2023) implements A;
* C ``12-KH/TU`` (Tỉnh ủy, Kế hoạch, 2024) implements B — two citation steps from A;
* D ``904-TB/TU`` (Ban Thường vụ, Thông báo, 2022) cites nothing and is cited by nobody.
"""

from __future__ import annotations

import os
import re
import subprocess
from pathlib import Path

import pytest
import yaml
from conftest import TINY_REGISTRY, Collection, cong_van
from mkdocs.config import load_config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort
from sitebuild import build, copy_project_skeleton
from vanban.build.pipeline import RecordCache, Sources, build_catalogue
from vanban.engines.mkdocs import MkDocsAdapter, incremental_scope
from vanban.engines.mkdocs_options import VanbanOptions
from vanban.site.kinds import related

A, B, C, D = ("ubnd-tinh-2023-930-ubnd-th", "ubnd-tinh-2023-931-ubnd-th", "tinh-uy-2024-12-kh-tu",
              "btv-tinh-uy-2022-904-tb-tu")

A_SHOWN_ON = {
    ("record", A), ("record", B), ("record", C),  # A's page, and the chains of B and C show A
    ("directive", A),  # "930/UBND-TH" as cited by B
    ("issuer", "ubnd-tinh"), ("type", "Công văn"), ("year", 2023),
    ("unit", "so-ban-nganh"), ("unit", "so-noi-vu"), ("unit", "so-tai-chinh"),  # the group and its members
}
D_SHOWN_ON = {("record", D), ("issuer", "btv-tinh-uy"), ("type", "Thông báo"), ("year", 2022)}


def _task(unit: str) -> list[dict]:
    return [{"unit": unit, "role": "chu_tri", "task": "Báo cáo kết quả", "deadline": "hằng năm"}]


def _collection(root: Path) -> Collection:
    collection = Collection(root)
    collection.add("2023/a.md", cong_van(subject="V/v bản đầu", assignments=_task("Các Sở, ban, ngành cấp tỉnh")))
    collection.add("2023/b.md", cong_van(number="931/UBND-TH", date="2023-03-01", subject="V/v triển khai",
                                         references=[{"number": "930/UBND-TH", "relation": "implements",
                                                      "date": "2023-02-16", "issuer": "UBND tỉnh"}]))
    collection.add("2024/c.md", {"number": "12-KH/TU", "type": "Kế hoạch", "issuer": "Tỉnh uỷ", "date": "2024-03-01",
                                 "subject": "Thực hiện", "references": [
                                     {"number": "931/UBND-TH", "relation": "implements", "date": "2023-03-01",
                                      "issuer": "UBND tỉnh"}]})
    collection.add("2022/d.md", {"number": "904-TB/TU", "type": "Thông báo", "issuer": "Ban Thường vụ Tỉnh uỷ",
                                 "date": "2022-05-16", "subject": "Kết luận"})
    return collection


def _edit(path: Path, old: str, new: str) -> None:
    """Change a record and move its mtime on, so the cache reads it again whatever the clock's grain."""
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 10_000_000_000))


def test_the_collection_is_as_described(tmp_path):
    cat = _collection(tmp_path).catalogue()
    assert not cat.problems.errors, [p.format() for p in cat.problems]
    assert set(cat.records) == {A, B, C, D}
    assert related(cat, A) == A_SHOWN_ON
    assert related(cat, D) == D_SHOWN_ON


def test_scope_of_an_edit_holds_the_pages_before_and_after_it(tmp_path):
    _collection(tmp_path)
    cache = RecordCache()
    sources = Sources.at(tmp_path)
    before = build_catalogue(sources, cache=cache)
    _edit(tmp_path / "records/2023/a.md", "Các Sở, ban, ngành cấp tỉnh", "UBND huyện Đô Lương")
    after = build_catalogue(sources, cache=cache)
    assert cache.changed == {"records/2023/a.md"} and not cache.registry_reloaded
    # the group's pages lose the task, Đô Lương's page gains it: both are rebuilt
    assert incremental_scope(before, after, cache.changed) == A_SHOWN_ON | {("unit", "ubnd-huyen-do-luong")}


def test_no_previous_build_or_too_many_files_is_a_full_build(tmp_path):
    cat = _collection(tmp_path).catalogue()
    assert incremental_scope(None, cat, {"records/2023/a.md"}) is None
    assert incremental_scope(cat, cat, {f"records/x{i}.md" for i in range(51)}) is None
    assert incremental_scope(cat, cat, set()) == set()


def _project(root: Path, vanban: object = None) -> Path:
    """A minimal MkDocs project over the collection (default theme, no hooks)."""
    (root / "docs").mkdir(exist_ok=True)
    (root / "docs" / "index.md").write_text("# Trang chủ\n", encoding="utf-8")
    extra = {} if vanban is None else {"vanban": vanban}
    config = {"site_name": "Kho thử", "docs_dir": "docs", "extra": extra}
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return root / "mkdocs.yml"


def _serving_adapter(tmp_path: Path) -> tuple[MkDocsAdapter, MkDocsConfig]:
    _collection(tmp_path)
    config = load_config(str(_project(tmp_path)))
    adapter = MkDocsAdapter()
    adapter.on_startup(command="serve", dirty=True)
    adapter.on_config(config)
    assert adapter.incremental is None  # the first build is always whole
    return adapter, config


def test_serve_dirty_rebuilds_exactly_the_pages_showing_the_edited_record(tmp_path):
    adapter, config = _serving_adapter(tmp_path)
    _edit(tmp_path / "records/2023/a.md", "V/v bản đầu", "V/v bản đã sửa")
    adapter.on_config(config)
    assert adapter.incremental == A_SHOWN_ON
    _edit(tmp_path / "records/2022/d.md", "Kết luận", "Kết luận đã sửa")
    adapter.on_config(config)
    assert adapter.incremental == D_SHOWN_ON  # nothing of A, B or C


def test_an_edited_registry_means_a_full_build(tmp_path):
    adapter, config = _serving_adapter(tmp_path)
    registry = {**TINY_REGISTRY, "organisations": [*TINY_REGISTRY["organisations"],
                                                   {"id": "so-y-te", "name": "Sở Y tế tỉnh Nghệ An", "kind": "state"}]}
    Collection(tmp_path).set_registry(registry)
    _edit(tmp_path / "records/2023/a.md", "V/v bản đầu", "V/v bản đã sửa")
    adapter.on_config(config)
    assert adapter.incremental is None
    adapter.on_config(config)  # nothing changed since: an empty rebuild, incremental again
    assert adapter.incremental == set()


@pytest.mark.parametrize(("command", "dirty"), [("build", False), ("serve", False), ("build", True)])
def test_only_serve_dirty_is_incremental(tmp_path, command, dirty):
    _collection(tmp_path)
    config = load_config(str(_project(tmp_path)))
    adapter = MkDocsAdapter()
    adapter.on_startup(command=command, dirty=dirty)
    adapter.on_config(config)
    _edit(tmp_path / "records/2023/a.md", "V/v bản đầu", "V/v bản đã sửa")
    adapter.on_config(config)
    assert adapter.incremental is None


def test_settings_default_and_given():
    assert VanbanOptions.from_extra({}) == VanbanOptions("records", "records/registry.yml")
    assert VanbanOptions.from_extra({"generator": False, "vanban": {"records_dir": "kho"}}).records_dir == "kho"
    given = VanbanOptions.from_extra({"vanban": {"records_dir": "a", "registry_file": "b.yml"}})
    assert (given.records_dir, given.registry_file) == ("a", "b.yml")


@pytest.mark.parametrize(("extra", "expected"), [
    ({"vanban": {"record_dir": "records"}}, ["extra.vanban", "'record_dir'", "records_dir?",
                                             "khoá không biết", "unknown setting"]),
    ({"vanban": {"records_dir": 12}}, ["extra.vanban.records_dir", "12 (int)", "phải là một đường dẫn",
                                       "must be a path string"]),
    ({"vanban": {"registry_file": ["a.yml"]}}, ["extra.vanban.registry_file", "(list)", "must be a path"]),
    ({"vanban": {"records_dir": " "}}, ["extra.vanban.records_dir", "must be a path"]),
    ({"vanban": ["records"]}, ["extra.vanban", "phải là một bảng", "must be a mapping"]),
    ({"records_dir": "records"}, ["extra.records_dir", "extra.vanban", "now lives under"]),
])
def test_a_mistake_in_the_settings_names_the_key(extra, expected):
    with pytest.raises(Abort) as raised:
        VanbanOptions.from_extra(extra)
    for text in expected:
        assert text in str(raised.value), (text, str(raised.value))


def test_a_records_folder_that_does_not_exist_is_refused(tmp_path):
    with pytest.raises(Abort, match=r"records_dir.*không có thư mục.*no such folder: 'recrods'"):
        VanbanOptions(records_dir="recrods").sources(tmp_path)
    (tmp_path / "records").mkdir()
    assert VanbanOptions().sources(tmp_path).records_dir == tmp_path.resolve() / "records"


def test_mkdocs_build_stops_on_a_misspelt_key_without_a_traceback(tmp_path):
    copy_project_skeleton(tmp_path)
    _collection(tmp_path)
    config = tmp_path / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    assert "    records_dir: records" in text
    config.write_text(text.replace("    records_dir: records", "    record_dir: records"), encoding="utf-8")
    result = build(tmp_path, tmp_path / "site")
    assert result.returncode == 1, result.output
    assert "extra.vanban: khoá không biết 'record_dir'; có phải ý là records_dir?" in result.output
    assert "Traceback" not in result.output, result.output
    assert not (tmp_path / "site" / "index.html").exists()


def _git(root: Path, *args: str, when: str = "2026-11-20T09:00:00+07:00") -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "Văn thư Sở", "GIT_AUTHOR_EMAIL": "vt@example.org",
           "GIT_COMMITTER_NAME": "Văn thư Sở", "GIT_COMMITTER_EMAIL": "vt@example.org",
           "GIT_AUTHOR_DATE": when, "GIT_COMMITTER_DATE": when}
    subprocess.run(["git", "-C", str(root), *args], check=True, env=env, capture_output=True)


def test_a_build_in_a_git_checkout_shows_each_records_history(tmp_path, monkeypatch):
    """The adapter hands the renderer the git history and the repository's address, so a record
    page lists the commits that changed its file, linked to the repository (written by hand here)."""
    copy_project_skeleton(tmp_path)
    _collection(tmp_path)
    _git(tmp_path, "init", "-q")
    _git(tmp_path, "add", "-A")
    _git(tmp_path, "commit", "-q", "-m", "Thêm bốn văn bản")
    _edit(tmp_path / "records" / "2022" / "d.md", "Kết luận", "Kết luận giám sát")
    _git(tmp_path, "commit", "-q", "-am", "Sửa trích yếu Thông báo 904 (#7)", when="2026-11-25T15:30:00+07:00")
    head = subprocess_out(tmp_path, "rev-parse", "HEAD")
    monkeypatch.setenv("KHO_SITE_URL", "https://example.org/kho/")
    result = build(tmp_path, tmp_path / "site")
    assert result.returncode == 0, result.output
    page = (tmp_path / "site" / "van-ban" / D / "index.html").read_text(encoding="utf-8")
    assert "Cập nhật lần cuối: <span class=\"vb-date\">25/11/2026</span>" in page
    repo = "https://github.com/kho-van-ban/kho-van-ban"
    assert f'<a href="{repo}/commit/{head}">Sửa trích yếu Thông báo 904 (#7)</a>' in page
    assert f'<a href="{repo}/pull/7">yêu cầu hợp nhất #7</a>' in page
    assert page.index("Sửa trích yếu") < page.index("Thêm bốn văn bản")  # newest first
    assert "20/11/2026" in page and "Văn thư Sở" in page
    # the sitemap dates a record page by its file's last commit, other pages by the build date (1 Dec)
    sitemap = (tmp_path / "site" / "sitemap.xml").read_text(encoding="utf-8")
    lastmod = dict(re.findall(r"<loc>https://example.org/kho/([^<]*)</loc>\s*<lastmod>([^<]+)</lastmod>", sitemap))
    assert lastmod[f"van-ban/{D}/"] == "2026-11-25"
    assert lastmod[f"van-ban/{A}/"] == "2026-11-20"
    assert lastmod["co-quan/"] == "2026-12-01"
    untouched = (tmp_path / "site" / "van-ban" / A / "index.html").read_text(encoding="utf-8")
    assert "Thêm bốn văn bản" in untouched and "Sửa trích yếu" not in untouched


def subprocess_out(root: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True,
                          text=True).stdout.strip()


def test_a_generated_file_keeps_its_content_in_the_spill_and_writes_it_whole(tmp_path):
    from vanban.engines.mkdocs_files import ContentMemory

    config = load_config(config_file=None, site_dir=str(tmp_path / "site"))
    config.plugins._current_plugin = None  # set by MkDocs while an event runs
    memory = ContentMemory()
    text = "# Kế hoạch 412/KH-UBND\n\n" + "Triển khai thực hiện Thông báo số 904-TB/TU.\n" * 2000
    first = memory.file(config, "van-ban/a.md", text, ["<p>khối</p>"])
    other = memory.file(config, "van-ban/b.md", "# Khác\n")
    assert first.content_string == text and other.content_string == "# Khác\n"
    assert os.fstat(memory.spill._file.fileno()).st_size < len(text.encode()) / 5  # compressed on disk
    first.copy_file()
    assert Path(first.abs_dest_path).read_text(encoding="utf-8") == text
    # the next build: the same content is unchanged (its output is on disk), unless a build failed
    memory.new_build()
    assert not memory.file(config, "van-ban/a.md", text, ["<p>khối</p>"]).is_modified()
    memory.forget()
    assert memory.file(config, "van-ban/a.md", text, ["<p>khối</p>"]).is_modified()
