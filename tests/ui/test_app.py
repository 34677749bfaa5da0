"""The real GUI entry point: ita-desktop --smoke-test opens the main window and exits 0."""

import os
import subprocess
import sys


def test_smoke_test_prints_startup_milliseconds(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "ITA_DESKTOP_DATA_DIR": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-m", "ita_desktop", "--smoke-test"], capture_output=True, text=True,
                          env=env, timeout=180)
    assert proc.returncode == 0, proc.stderr
    millis = float(proc.stdout.strip().splitlines()[-1])
    assert 0 < millis < 180_000
    assert (tmp_path / "ita.sqlite3").exists()
    assert "Traceback" not in proc.stderr


def test_smoke_test_with_an_unusable_database_says_so_in_thai(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run([sys.executable, "-m", "ita_desktop", "--smoke-test", "--data-dir", str(tmp_path),
                           "--db-url", "postgresql+psycopg2://nobody@127.0.0.1:1/none"],
                          capture_output=True, text=True, env=env, timeout=180)
    assert proc.returncode == 2
    assert "เปิดฐานข้อมูลไม่ได้" in proc.stderr and "Traceback" not in proc.stderr
