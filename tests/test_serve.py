"""mkdocs serve --dirty: an edited record shows on its page and on the pages around it, and
every other page keeps being served (incremental rebuild)."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import threading
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
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        page = _get(url)
        if page and text in page:
            return True
        time.sleep(0.2)
    return False


class ServerOutput:
    """The server's output, read line by line on a thread so that the test can wait for a
    line (the watcher started) instead of guessing how long it takes."""

    def __init__(self, server: subprocess.Popen) -> None:
        self.lines: list[str] = []
        self._changed = threading.Condition()
        self._thread = threading.Thread(target=self._read, args=(server,), daemon=True)
        self._thread.start()

    def _read(self, server: subprocess.Popen) -> None:
        assert server.stdout is not None
        for line in server.stdout:
            with self._changed:
                self.lines.append(line)
                self._changed.notify_all()

    def wait_for(self, text: str, seconds: float) -> bool:
        with self._changed:
            return self._changed.wait_for(lambda: any(text in line for line in self.lines), timeout=seconds)

    def text(self, seconds: float = 30) -> str:
        """All of it, once the server has exited and closed its output."""
        self._thread.join(timeout=seconds)
        return "".join(self.lines)


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
    output = ServerOutput(server)
    base = f"http://127.0.0.1:{port}/"
    try:
        # the watcher takes its snapshot of the files before saying so: an edit after this line is seen
        assert output.wait_for("Watching paths for changes", 60), "".join(output.lines)[-2000:]
        assert _wait_for(base + "van-ban/ubnd-tinh-2023-930-ubnd-th/", "V/v bản đầu", 30)
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
        server.wait(timeout=30)
    log = output.text()
    assert "dựng lại" in log, log[-2000:]  # the second build was incremental
    assert "is not found in the documentation files" not in log, log[-2000:]
