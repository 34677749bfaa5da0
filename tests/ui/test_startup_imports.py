"""The window starts without loading the document writers: reportlab and openpyxl are imported only
when the clerk prints, exports or imports (each costs about a quarter of a second at start)."""

import os
import subprocess
import sys


def test_main_window_module_does_not_import_the_document_writers():
    code = ("import sys; import ita_desktop.ui.main_window; "
            "print(sorted(m for m in ('openpyxl', 'reportlab', 'pythainlp') if m in sys.modules))")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "[]"
