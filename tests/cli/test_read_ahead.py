"""ita-cli import reads a large file's cells in a second process while the program loads."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from ita_desktop.importers.reader import SheetCells, read_cells, read_score_workbook
from ita_desktop.importers.safety import DEFAULT_LIMITS, Limits
from tests.importers.criteria_data import criteria_2566
from tests.importers.make_corpus import provincial_rows, write_provincial

ROOT = Path(__file__).resolve().parents[2]
needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="no fork on this system: the file is read in-process")


def _in_fresh_process(script: str, *args: str) -> dict:
    """Run ``script`` in a new interpreter (no threads, as ita-cli starts) and return its JSON."""
    done = subprocess.run([sys.executable, "-c", script, *args], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


_COMPARE = """
import json, os, sys
from ita_desktop.cli.read_ahead import start
from ita_desktop.importers.reader import read_cells
path = sys.argv[1]
ahead = start(path, min_bytes=0)
cells = ahead.cells() if ahead else None
own = read_cells(path)
print(json.dumps({"started": ahead is not None, "received": cells is not None,
                  "same": cells == own, "sheets": [s[0] for s in own.sheets], "again": ahead.cells() is cells if ahead else None}))
"""


@needs_fork
def test_the_child_reads_what_the_program_would_read(tmp_path):
    path = write_provincial(tmp_path / "province.xlsx", 300)
    found = _in_fresh_process(_COMPARE, str(path))
    assert found == {"started": True, "received": True, "same": True, "sheets": ["คะแนนรายหน่วยงาน"],
                     "again": True}


_BROKEN = """
import json, sys, time
from ita_desktop.cli.read_ahead import start
ahead = start(sys.argv[1], min_bytes=0)
started = time.perf_counter()
cells = ahead.cells()
print(json.dumps({"started": True, "received": cells is not None, "seconds": time.perf_counter() - started}))
"""


@needs_fork
def test_a_file_the_child_cannot_read_gives_nothing_at_once(tmp_path):
    path = tmp_path / "not_excel.xlsx"
    path.write_bytes(b"PK\x03\x04" + os.urandom(4096))
    found = _in_fresh_process(_BROKEN, str(path))
    assert found["received"] is False and found["seconds"] < 30


_CLOSED = """
import json, os, sys
from ita_desktop.cli.read_ahead import start
ahead = start(sys.argv[1], min_bytes=0)
pid = ahead._pid
ahead.close()
try:
    os.waitpid(pid, os.WNOHANG)
    reaped = False
except ChildProcessError:
    reaped = True
print(json.dumps({"reaped": reaped, "cells": ahead.cells()}))
"""


@needs_fork
def test_an_import_that_ends_early_stops_and_reaps_the_child(tmp_path):
    path = write_provincial(tmp_path / "province.xlsx", 300)
    assert _in_fresh_process(_CLOSED, str(path)) == {"reaped": True, "cells": None}


_THREAD = """
import json, sys, threading
from ita_desktop.cli.read_ahead import start
stop = threading.Event()
threading.Thread(target=stop.wait).start()
ahead = start(sys.argv[1], min_bytes=0)
stop.set()
print(json.dumps({"started": ahead is not None}))
"""


def test_not_started_for_a_small_file_a_missing_one_or_beside_another_thread(tmp_path):
    from ita_desktop.cli.read_ahead import start

    small = write_provincial(tmp_path / "small.xlsx", 5)
    assert start(small) is None  # a process costs more than reading a few rows
    assert start(tmp_path / "missing.xlsx", min_bytes=0) is None
    if hasattr(os, "fork"):  # a fork would copy the other thread's locks half-held
        assert _in_fresh_process(_THREAD, str(small)) == {"started": False}


class _Given:
    """Cells handed to the reader as the second process would hand them."""

    def __init__(self, cells):
        self._cells, self.asked = cells, 0

    def cells(self):
        self.asked += 1
        return self._cells


def _doctored(cells: SheetCells) -> SheetCells:
    """The same cells with the first office's first score changed to 11.11."""
    title, width, rows = cells.sheets[0]
    rows = [(number, list(values)) for number, values in rows]
    first = next(values for _, values in rows if isinstance(values[3], float))
    first[3] = 11.11
    return replace(cells, sheets=((title, width, rows), *cells.sheets[1:]))


def test_the_reader_uses_cells_read_ahead_only_from_the_same_bytes(tmp_path):
    path = write_provincial(tmp_path / "province.xlsx", 40)
    criteria = criteria_2566()
    own = read_score_workbook(path, criteria)
    assert own.offices[0].indicator_scores[1] == provincial_rows(40)[0][2][0]

    given = _Given(_doctored(read_cells(path)))
    used = read_score_workbook(path, criteria, ahead=given)
    assert given.asked == 1 and used.offices[0].indicator_scores[1] == 11.11  # the cells given were read

    other = _Given(replace(_doctored(read_cells(path)), sha256="0" * 64))  # read from other bytes
    assert read_score_workbook(path, criteria, ahead=other) == own
    assert read_score_workbook(path, criteria, ahead=_Given(None)) == own  # the child failed
    wider = Limits(max_rows=DEFAULT_LIMITS.max_rows * 2)  # read within other limits: not used
    assert read_score_workbook(path, criteria, ahead=_Given(_doctored(read_cells(path))), limits=wider) == own


def test_two_sheets_of_the_same_name_keep_their_own_cells(tmp_path):
    """openpyxl opens a workbook whose two sheets have one name: each keeps its own rows."""
    import io
    import zipfile

    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.title, wb.active["A1"] = "A", "first"
    wb.create_sheet("B")["A1"] = "second"
    out = io.BytesIO()
    wb.save(out)
    src, renamed = zipfile.ZipFile(io.BytesIO(out.getvalue())), io.BytesIO()
    with zipfile.ZipFile(renamed, "w") as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "xl/workbook.xml":
                body = body.replace(b'name="B"', b'name="A"')
            dst.writestr(info, body)
    path = tmp_path / "same_names.xlsx"
    path.write_bytes(renamed.getvalue())
    cells = read_cells(path)
    assert [(title, rows[0][1][0]) for title, _, rows in cells.sheets] == [("A", "first"), ("A", "second")]


@needs_fork
def test_ita_cli_import_of_a_large_sheet_uses_the_cells_read_ahead(tmp_path):
    path = write_provincial(tmp_path / "province.xlsx", 4000)
    assert path.stat().st_size >= 256 * 1024
    data = tmp_path / "data"
    env = {**os.environ, "ITA_DESKTOP_DATA_DIR": str(data)}
    env.pop("ITA_DESKTOP_DB_URL", None)
    done = subprocess.run([sys.executable, "-m", "ita_desktop.cli.main", "import", str(path)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert "4000 หน่วยงาน" in done.stdout and done.stderr == ""
    log = (data / "ita-desktop.log").read_text(encoding="utf-8")
    assert "cells read ahead by process" in log and ": received after waiting" in log
    listed = subprocess.run([sys.executable, "-m", "ita_desktop.cli.main", "scores", "--org", provincial_rows(4000)[-1][0],
                             "--year", "2566", "--json"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert listed.returncode == 0, listed.stderr
    assert [round(i["score"], 2) for i in json.loads(listed.stdout)["indicators"]] == provincial_rows(4000)[-1][2]
