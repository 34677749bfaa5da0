"""Every dialog of ui/dialogs fits a 1366x768 screen (the usual office laptop), all in Thai."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from .dialog_catalog import CATALOG, dialog_classes

ROOT = Path(__file__).resolve().parents[2]
OFFICE_SCREEN = {"screens": [{"name": "office", "x": 0, "y": 0, "width": 1366, "height": 768,
                              "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    folder = tmp_path_factory.mktemp("screen")
    config = folder / "screen.json"
    config.write_text(json.dumps(OFFICE_SCREEN))
    env = {**os.environ, "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
           "ITA_DESKTOP_DATA_DIR": str(folder / "data")}
    proc = subprocess.run([sys.executable, "-m", "tests.ui.screen_probe", str(folder / "data")], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return json.loads(proc.stdout.strip().splitlines()[-1])


def test_every_dialog_is_in_the_catalog():
    covered = {entry.name.split()[0] for entry in CATALOG}
    assert dialog_classes() - covered == set(), "add the new dialog to tests/ui/dialog_catalog.py"


def test_the_probe_ran_on_a_1366x768_screen(report):
    assert report["screen"] == [0, 0, 1366, 768]
    assert set(report["dialogs"]) == {entry.name for entry in CATALOG}


@pytest.mark.parametrize("name", [entry.name for entry in CATALOG])
def test_every_button_lies_inside_the_screen(report, name):
    found = report["dialogs"][name]
    width, height = found["size"]
    assert width <= 1366 and height + 30 <= 768, found["size"]
    assert found["outside"] == []


@pytest.mark.parametrize("name", [entry.name for entry in CATALOG])
def test_no_button_or_label_is_narrower_than_its_text(report, name):
    assert report["dialogs"][name]["squeezed"] == []


@pytest.mark.parametrize("name", [entry.name for entry in CATALOG])
def test_the_program_dialogs_show_no_english(report, name):
    assert report["dialogs"][name]["english"] == []


@pytest.mark.parametrize("name", [entry.name for entry in CATALOG])
def test_wrapped_labels_break_thai_between_words(report, name):
    assert report["dialogs"][name]["qt_wrapped"] == []  # use ui/widgets/thai_wrap.ThaiWrapLabel


def test_office_fields_show_a_full_thai_name_and_position(report):
    for name in ("OfficeDialog first run", "OfficeDialog edit"):
        assert report["dialogs"][name]["cut"] == []


def test_office_signatory_fields_are_wide_enough_for_long_entries(qtbot, ctx):
    from ita_desktop.ui.dialogs.office_dialog import LONG_NAME, LONG_POSITION, OfficeDialog

    dialog = OfficeDialog(ctx, first_run=True)
    qtbot.addWidget(dialog)
    dialog.show()
    for name, position in dialog.sig_edits.values():
        for edit, text in ((name, LONG_NAME), (position, LONG_POSITION)):
            assert edit.contentsRect().width() - 8 >= edit.fontMetrics().horizontalAdvance(text)
    assert dialog.scroll.widget() is not None  # fields scroll, buttons stay below them
