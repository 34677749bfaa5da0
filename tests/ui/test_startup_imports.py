"""What the window needs at start, and only that.

The document writers (reportlab, openpyxl, pythainlp) are imported only when the clerk prints,
exports or imports. SQLAlchemy and the ORM (about half a second) are not imported before the
window is shown on a database that needs nothing done (the quick start of ita_desktop.app): the
window reads with stdlib sqlite3, then a thread imports them, opens the engine and makes the
other tabs, and the first change waits for it.
"""

import json
import os
import subprocess
import sys

HEAVY_AT_START = ("openpyxl", "reportlab", "pythainlp", "sqlalchemy", "alembic", "ita_desktop.models")


def _run(code: str, *args: str) -> str:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    env.pop("ITA_DESKTOP_DB_URL", None)
    done = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, timeout=180)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip().splitlines()[-1]


def test_main_window_module_does_not_import_the_document_writers_nor_sqlalchemy():
    code = ("import sys; import ita_desktop.app, ita_desktop.ui.main_window; "
            f"print(sorted(m for m in {HEAVY_AT_START!r} if m in sys.modules))")
    assert _run(code) == "[]"


QUICK_START = """
import json, sys, time
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from ita_desktop.services import queries
from ita_desktop.services.context import open_app
from ita_desktop.ui.main_window import PRELOAD, TABS, MainWindow, PendingTab
from ita_desktop.ui.widgets.score_undo import INDICATOR

app = QApplication([])
ctx = open_app(sys.argv[1], defer=True, preload=PRELOAD, backup_on_start=False)
window = MainWindow(ctx)
window.show()
QTest.qWaitForWindowExposed(window)
app.processEvents()
scores = window.tabs.currentWidget()
out = {
    "loaded at show": sorted(m for m in %r if m in sys.modules),
    "offices": window.office_combo.count(),
    "office": window.office_combo.currentText(),
    "year": window.current_year(),
    "indicator rows": scores.indicators.model.rowCount(),
    "total shown": scores.summary.total.text(),
    "pending at show": [type(p).__name__ for p in window.tab_pages],
}
window.finish_start()
deadline = time.monotonic() + 60
while any(isinstance(p, PendingTab) for p in window.tab_pages) and time.monotonic() < deadline:
    app.processEvents()
    time.sleep(0.01)
out["tabs"] = [type(p).__name__ for p in window.tab_pages]
out["titles"] = [p.title for p in window.tab_pages] == [s.title for s in TABS]
window.tabs.setCurrentIndex(1)
app.processEvents()
out["analysis refreshed"] = window.tab_pages[1].refresh_count
number = next(iter(scores.current.stored.indicators), 1)
out["edit"] = scores.store_score(INDICATOR, number, None, 12.5)
out["stored"] = queries.load_scores(ctx, window.current_office_id(), window.current_year()).indicators[number]
window.close()
ctx.close()
print(json.dumps(out, ensure_ascii=False))
""" % (HEAVY_AT_START,)


def test_quick_start_shows_a_filled_window_before_sqlalchemy_then_loads_the_rest(data_dir):
    from ita_desktop.services.context import open_app
    from ita_desktop.services.demo import load_sample_data

    from ita_desktop.services import offices, queries

    ctx = open_app(data_dir, backup_on_start=False)
    load_sample_data(ctx)
    for office in queries.office_names(ctx):  # the office selected at start has scores
        if not queries.years_with_scores(ctx, office.id):
            offices.delete_office(ctx, office.id)
    ctx.close()
    out = json.loads(_run(QUICK_START, str(data_dir)))
    assert out["loaded at show"] == []
    assert out["offices"] > 0 and out["office"] and out["year"]
    assert out["indicator rows"] == 10 and out["total shown"]  # the คะแนน tab shows its data
    assert out["pending at show"] == ["ScoresTab", "PendingTab", "PendingTab", "PendingTab"]
    assert out["tabs"] == ["ScoresTab", "AnalysisTab", "MeasuresTab", "PlanTab"] and out["titles"]
    assert out["analysis refreshed"] >= 1
    assert out["edit"] is True and out["stored"] == 12.5


def test_quick_start_where_the_year_shown_needs_its_catalog_made_first(data_dir):
    """An office without scores starts on the next fiscal year; its catalog is copied before the
    window is shown (SQLAlchemy is needed then), and the other tabs still come after the show."""
    from ita_desktop.services import offices, queries
    from ita_desktop.services.context import open_app

    ctx = open_app(data_dir, backup_on_start=False)
    offices.save_office(ctx, offices.OfficeProfile(name="องค์การบริหารส่วนตำบลตะโกทอง", kind="องค์การบริหารส่วนตำบล"))
    next_year = queries.current_fiscal_year() + 1
    assert next_year not in queries.list_years(ctx)
    ctx.close()
    out = json.loads(_run(QUICK_START, str(data_dir)))
    assert out["year"] == next_year and "sqlalchemy" in out["loaded at show"]
    assert out["indicator rows"] == 10  # the copied catalog's indicators, without scores yet
    assert out["tabs"] == ["ScoresTab", "AnalysisTab", "MeasuresTab", "PlanTab"] and out["titles"]
    assert out["edit"] is True and out["stored"] == 12.5
