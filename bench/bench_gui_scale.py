"""Benchmark of the GUI at the national scale (prints numbers; not a test).

Run from the repository root: ``python bench/bench_gui_scale.py [--offices 7850] [--years 10] [--keep DIR]``.

Builds (once; ``--keep DIR`` reuses it) a database of 7,850 offices x 10 fiscal years of indicator
scores, with item scores for 100 offices, then measures with the real main window (offscreen):

- window shown: ``ita-desktop --smoke-test`` (milliseconds from process start), best of 3, beside
  the same on an empty database (what the 7,850 offices add, on a machine whose load varies);
- first tab switch after a quick start: the analysis tab chosen as soon as the window is shown,
  while SQLAlchemy and the other tabs are still being loaded on the opening thread (it waits),
  beside the same first switch in a window opened without the quick start (all loaded before);
- office switch: selecting another office in the office selector (context to every tab);
- tab switch: each tab made current;
- overview open: the ภาพรวมหลายหน่วยงาน tab made current until its ranking of 7,850 offices is on
  screen (it is computed on a worker thread; the change since the previous year follows, timed as
  "overview complete"): clicked as soon as another year was chosen (computed while the clerk
  waits), again (kept), and after another year was chosen and the window left alone for 2.5 s
  (computed ahead while the window was quiet);
- resident memory (VmHWM, the peak) of the measuring process.

The program's modules are compiled to bytecode first, as in an installed copy.

Targets: <= 1.5 s to the window, <= 150 ms per switch, <= 500 ms for the overview, <= 500 MB.
"""

from __future__ import annotations

import argparse
import os
import random
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PROVINCES = ("ชัยภูมิ", "ขอนแก่น", "นครราชสีมา", "บุรีรัมย์", "สุรินทร์", "ศรีสะเกษ", "อุบลราชธานี", "ยโสธร")
KINDS = ("องค์การบริหารส่วนตำบล", "เทศบาลตำบล", "เทศบาลเมือง")


def build(data_dir: Path, offices: int, years: int, with_items: int) -> None:
    """A full-size database: schema and catalogs through the application, rows through executemany."""
    from ita_desktop.services import criteria
    from ita_desktop.services.context import open_app

    ctx = open_app(data_dir, backup_on_start=False)
    newest = max(criteria.list_years(ctx))
    wanted = list(range(newest - years + 1, newest + 1))
    for year in wanted:
        if year not in criteria.list_years(ctx):
            criteria.copy_year(ctx, 2566, year)
    path = data_dir / "ita.sqlite3"
    ctx.close()
    db = sqlite3.connect(path)
    rng = random.Random(14)
    now = "2026-11-30 00:00:00.000000"
    db.executemany("INSERT INTO office (name, kind, district, province, website, phone, memo_unit, memo_number_prefix,"
                   " garuda_path, created_at) VALUES (?, ?, ?, ?, '', '', '', '', '', ?)",
                   [(f"{KINDS[k % 3]}บ้านทดสอบ{k + 1}", KINDS[k % 3], f"อำเภอที่{(k // 10) % 40 + 1}",
                     PROVINCES[k % len(PROVINCES)], now) for k in range(offices)])
    office_ids = [row[0] for row in db.execute("SELECT id FROM office ORDER BY id")]
    db.executemany("INSERT INTO assessment (office_id, year, official_level, note) VALUES (?, ?, '', '')",
                   [(o, y) for o in office_ids for y in wanted])
    indicator_ids = {y: dict(db.execute("SELECT number, id FROM criteria_indicator WHERE year = ?", (y,)))
                     for y in wanted}
    item_ids = {y: [row[0] for row in db.execute("SELECT id FROM criteria_item WHERE year = ?", (y,))]
                for y in wanted}
    assessments = db.execute("SELECT id, office_id, year FROM assessment").fetchall()
    db.executemany("INSERT INTO indicator_score (assessment_id, indicator_id, score, note, updated_at)"
                   " VALUES (?, ?, ?, '', ?)",
                   [(a, indicator_ids[y][n], round(rng.uniform(45, 100), 2), now)
                    for a, _, y in assessments for n in range(1, 11)])
    itemised = set(office_ids[:with_items])
    db.executemany("INSERT INTO item_score (assessment_id, item_id, score, guideline, updated_at)"
                   " VALUES (?, ?, ?, '', ?)",
                   [(a, i, rng.choice((0.0, 100.0, round(rng.uniform(40, 100), 2))), now)
                    for a, o, y in assessments if o in itemised for i in item_ids[y]])
    db.commit()
    db.close()


def window_shown_ms(data_dir: Path) -> float:
    """``ita-desktop --smoke-test``: milliseconds from process start to the shown main window."""
    done = subprocess.run([sys.executable, "-m", "ita_desktop.app", "--data-dir", str(data_dir), "--smoke-test"],
                          cwd=ROOT, capture_output=True, text=True, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    if done.returncode != 0:
        raise SystemExit(f"smoke test failed:\n{done.stderr}")
    return float(done.stdout.strip().splitlines()[-1])


FIRST_SWITCH = """
import sys, time
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from ita_desktop.services.context import open_app
from ita_desktop.ui.main_window import PRELOAD, MainWindow
app = QApplication([])
ctx = open_app(sys.argv[1], defer=sys.argv[2] == "quick", preload=PRELOAD, backup_on_start=False)
window = MainWindow(ctx)
window.show()
QTest.qWaitForWindowExposed(window)
app.processEvents()
window.finish_start()
started = time.perf_counter()
window.tabs.setCurrentIndex(1)
app.processEvents()
print(1000 * (time.perf_counter() - started))
ctx.db
ctx.close()
"""


def first_switch_ms(data_dir: Path, mode: str) -> float:
    """The analysis tab chosen right after the window is shown; ``mode`` "quick" (the program's
    start: it waits for the opening thread) or "full" (everything opened before the window)."""
    done = subprocess.run([sys.executable, "-c", FIRST_SWITCH, str(data_dir), mode], cwd=ROOT, capture_output=True,
                          text=True, env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    if done.returncode != 0:
        raise SystemExit(f"first switch failed:\n{done.stderr}")
    return float(done.stdout.strip().splitlines()[-1])


def peak_rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure_window(data_dir: Path, switches: int) -> dict[str, list[float]]:
    """Office switches, tab switches and the overview, in ms, with the real main window."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from ita_desktop.services.context import open_app
    from ita_desktop.ui.fonts import apply_ui_font
    from ita_desktop.ui.main_window import MainWindow

    app = QApplication.instance() or QApplication([])
    apply_ui_font(app)
    ctx = open_app(data_dir, backup_on_start=False)
    window = MainWindow(ctx)
    window.show()
    app.processEvents()
    window.finish_start()  # as the program does once the window is shown
    app.processEvents()
    ids = [window.office_combo.itemData(i) for i in range(window.office_combo.count())]
    ids = [i for i in ids if i is not None]
    rng = random.Random(1)
    times: dict[str, list[float]] = {"office switch": [], "tab switch": [], "overview open, clicked at once": [],
                                     "overview open again": [], "overview open after 2.5 s": [],
                                     "overview complete (change since last year)": []}

    def timed(key: str, action) -> None:
        started = time.perf_counter()
        action()
        app.processEvents()
        times[key].append(1000 * (time.perf_counter() - started))

    for _ in range(switches):
        office = rng.choice(ids)
        timed("office switch", lambda: window.select(office_id=office))
        for k in range(4):
            timed("tab switch", lambda: window.tabs.setCurrentIndex(k))
    window.tabs.setCurrentIndex(0)
    tab = window.overview_tab

    def overview_shown(key: str) -> None:
        """Until the ranking is on screen (it is computed on a worker thread), then (timed apart)
        until the change since the previous year is in it too."""
        started = time.perf_counter()
        window.tabs.setCurrentWidget(tab)
        app.processEvents()
        while tab.overview is None:  # waiting in Qt's event loop, as the program does (no polling)
            app.processEvents(QEventLoop.WaitForMoreEvents)
        app.processEvents()  # drawn
        times[key].append(1000 * (time.perf_counter() - started))
        if not tab.computing:
            return
        while tab.computing:
            app.processEvents(QEventLoop.WaitForMoreEvents)
        times["overview complete (change since last year)"].append(1000 * (time.perf_counter() - started))

    def quiet(seconds: float) -> None:
        """The window left alone (the clerk reads it): timers and worker results run."""
        end = time.perf_counter() + seconds
        while time.perf_counter() < end or tab.computing:
            app.processEvents(QEventLoop.WaitForMoreEvents)

    wake = QTimer(interval=20)  # the waits below look at the clock at least this often
    wake.start()
    years = [window.year_combo.itemData(i) for i in range(window.year_combo.count())]
    years = sorted((y for y in years if y is not None and y < window.current_year()), reverse=True)
    for year in years[:3]:  # a year chosen and the tab clicked at once: computed while the clerk waits
        window.select(year=year)
        app.processEvents()
        overview_shown("overview open, clicked at once")
        window.tabs.setCurrentIndex(0)
        app.processEvents()
        overview_shown("overview open again")  # the same year again: kept
        window.tabs.setCurrentIndex(0)
        app.processEvents()
    for year in years[3:6]:  # a year chosen, the window left alone: computed ahead
        window.select(year=year)
        quiet(2.5)
        overview_shown("overview open after 2.5 s")
        window.tabs.setCurrentIndex(0)
        app.processEvents()
    rows = tab.ranking.rowCount()
    window.close()
    ctx.close()
    times["overview rows"] = [rows]
    return times


def compiled() -> None:
    """The program's modules compiled to bytecode first, as an installed copy has them (pip and the
    bundle compile them; a checkout run with PYTHONDONTWRITEBYTECODE=1 would compile on every run)."""
    import compileall

    compileall.compile_dir(str(ROOT / "ita_desktop"), quiet=1)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--offices", type=int, default=7850)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--items", type=int, default=100, help="offices with item scores")
    parser.add_argument("--switches", type=int, default=10)
    parser.add_argument("--keep", type=Path, help="build the database here once and reuse it")
    args = parser.parse_args()
    data_dir = args.keep or Path(tempfile.mkdtemp()) / "data"
    compiled()
    if not (data_dir / "ita.sqlite3").exists():
        started = time.perf_counter()
        build(data_dir, args.offices, args.years, args.items)
        print(f"built {args.offices} offices x {args.years} years in {time.perf_counter() - started:.1f}s "
              f"({(data_dir / 'ita.sqlite3').stat().st_size / 2**20:.0f} MB) at {data_dir}")
    empty = Path(tempfile.mkdtemp()) / "empty"
    window_shown_ms(empty)  # creates the empty database
    for label, folder in (("window shown, empty database", empty), ("window shown (ita-desktop --smoke-test)", data_dir)):
        shown = [window_shown_ms(folder) for _ in range(3)]
        print(f"{label:42} best {min(shown):7.0f} ms  median {statistics.median(shown):7.0f} ms   "
              f"target <= 1500 ms")
    for mode, label in (("full", "first tab switch, all opened before"), ("quick", "first tab switch after a quick start")):
        first = [first_switch_ms(data_dir, mode) for _ in range(3)]
        print(f"{label:42} best {min(first):7.0f} ms  median {statistics.median(first):7.0f} ms")
    times = measure_window(data_dir, args.switches)
    rows = int(times.pop("overview rows")[0])
    targets = {"office switch": 150, "tab switch": 150, "overview open, clicked at once": 500,
               "overview open again": 500, "overview open after 2.5 s": 500,
               "overview complete (change since last year)": None}
    for key, values in times.items():
        target = f"target <= {targets[key]} ms" if targets[key] else "(the issue sets no target)"
        print(f"{key:44} best {min(values):7.0f} ms  median {statistics.median(values):7.0f} ms  "
              f"worst {max(values):7.0f} ms   {target}")
    print(f"{'overview rows ranked':42} {rows}")
    print(f"{'resident memory, peak (VmHWM)':42} {peak_rss_mb():7.0f} MB   target <= 500 MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
