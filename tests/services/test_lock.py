"""One window per data folder: the second start is refused in Thai, a dead window's lock is taken over."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from ita_desktop.services import lock


def test_second_acquire_is_refused_with_pid_and_host(tmp_path):
    held = subprocess.Popen([sys.executable, "-c",
                             "import sys,time; from ita_desktop.services import lock;"
                             f"l=lock.acquire({str(tmp_path)!r}); print('ok', flush=True); time.sleep(60)"],
                            stdout=subprocess.PIPE, text=True)
    try:
        assert held.stdout.readline().strip() == "ok"
        with pytest.raises(lock.AlreadyOpenError) as err:
            lock.acquire(tmp_path)
        assert "เปิดโฟลเดอร์ข้อมูล" in str(err.value) and str(held.pid) in str(err.value)
        assert err.value.holder["pid"] == held.pid
    finally:
        held.kill()
        held.wait()
    taken = lock.acquire(tmp_path)  # the holder died: its lock is taken over
    assert json.loads((tmp_path / lock.LOCK_NAME).read_text())["pid"] == os.getpid()
    taken.release()


def test_stale_lock_file_of_a_dead_process_is_taken_over(tmp_path):
    (tmp_path / lock.LOCK_NAME).write_text(json.dumps({"pid": 999999, "host": "old-pc", "started": "x"}))
    taken = lock.acquire(tmp_path)
    assert lock.read_holder(tmp_path)["pid"] == os.getpid()
    taken.release()
    again = lock.acquire(tmp_path)
    again.release()


def _smoke(data_dir):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ITA_DESKTOP_DATA_DIR": str(data_dir)}
    return subprocess.run([sys.executable, "-m", "ita_desktop", "--smoke-test"], capture_output=True, text=True,
                          env=env, timeout=180)


def test_second_window_refused_in_smoke_test_but_cli_still_runs(tmp_path):
    data = tmp_path / "data"
    held = subprocess.Popen([sys.executable, "-c",
                             "import time; from ita_desktop.services import lock;"
                             f"l=lock.acquire({str(data)!r}); print('ok', flush=True); time.sleep(60)"],
                            stdout=subprocess.PIPE, text=True)
    try:
        assert held.stdout.readline().strip() == "ok"
        proc = _smoke(data)
        assert proc.returncode == 2
        assert "ITA Desktop เปิดโฟลเดอร์ข้อมูล" in proc.stderr and "Traceback" not in proc.stderr
        cli = subprocess.run([sys.executable, "-m", "ita_desktop.cli.main", "--data-dir", str(data), "demo"],
                             capture_output=True, text=True, timeout=180)
        assert cli.returncode == 0, cli.stderr
    finally:
        held.send_signal(signal.SIGKILL)
        held.wait()
    time.sleep(0.1)
    proc = _smoke(data)  # the holder was killed: the next window starts
    assert proc.returncode == 0, proc.stderr
