"""The document engine stays free of Qt and the database (architecture rule)."""

import subprocess
import sys

MODULES = ["ita_desktop.core.thaitext", "ita_desktop.documents.memo", "ita_desktop.documents.memo_templates",
           "ita_desktop.documents.report", "ita_desktop.documents.xlsx", "ita_desktop.documents.thai_pdf"]


def test_no_qt_or_sqlalchemy_imported():
    code = ("import sys\n" + "".join(f"import {m}\n" for m in MODULES) +
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'sqlalchemy')))")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert out.strip() == "[]"
