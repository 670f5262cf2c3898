"""mkdocs serve --dirty: an edited record shows on its page and on the pages around it, and
every other page keeps being served (incremental rebuild)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request

from conftest import TINY_REGISTRY, Collection, cong_van
from sitebuild import REPO, copy_project_skeleton


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str) -> str | None:
    try:
        return urllib.request.urlopen(url, timeout=5).read().decode("utf-8")
    except OSError:
        return None


def _wait_for(url: str, text: str, seconds: float) -> bool:
    deadline = time.time() + seconds
    while time.time() < deadline:
        page = _get(url)
        if page and text in page:
            return True
        time.sleep(0.2)
    return False


def test_edit_while_serving_updates_the_record_and_its_issuer(tmp_path):
    copy_project_skeleton(tmp_path)
    collection = Collection(tmp_path)
    collection.set_registry(TINY_REGISTRY)
    edited = collection.add("2023/a.md", cong_van(subject="V/v bản đầu"))
    collection.add("2023/b.md", cong_van(number="931/UBND-TH", subject="V/v văn bản khác",
                                         references=[{"number": "930/UBND-TH", "relation": "implements",
                                                      "date": "2023-02-16", "issuer": "UBND tỉnh"}]))
    port = _free_port()
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(REPO / "hooks")}
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--dirty", "-a", f"127.0.0.1:{port}"],
                              cwd=tmp_path, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    base = f"http://127.0.0.1:{port}/"
    try:
        assert _wait_for(base + "van-ban/ubnd-tinh-2023-930-ubnd-th/", "V/v bản đầu", 60)
        time.sleep(1.5)
        edited.write_text(edited.read_text(encoding="utf-8").replace("V/v bản đầu", "V/v bản đã sửa"), encoding="utf-8")
        assert _wait_for(base + "van-ban/ubnd-tinh-2023-930-ubnd-th/", "V/v bản đã sửa", 30)
        rebuilt = _get(base + "van-ban/ubnd-tinh-2023-930-ubnd-th/") or ""
        for landing in ("co-quan/", "dan-chieu/", "don-vi/", "loai/", "nam/", "thong-tin-ban-dung/"):
            assert f'href="../../{landing}"' in rebuilt, landing  # the navigation stays whole
        assert _wait_for(base + "co-quan/ubnd-tinh/", "V/v bản đã sửa", 10)  # the issuer's list
        other = _get(base + "van-ban/ubnd-tinh-2023-931-ubnd-th/")  # still served, still linked
        assert other and "ubnd-tinh-2023-930-ubnd-th" in other
    finally:
        server.terminate()
        output = server.communicate(timeout=30)[0]
    assert "dựng lại" in output, output[-2000:]  # the second build was incremental
    assert "is not found in the documentation files" not in output, output[-2000:]
