"""The import dialog shows the reported percentage (busy until the first report) and can be stopped."""

import threading
from pathlib import Path

from ita_desktop.ui.dialogs import import_dialog
from ita_desktop.ui.dialogs.import_dialog import ImportDialog

CORPUS = Path(__file__).resolve().parents[1] / "importers" / "corpus"


def test_percent_shown_then_stop(qtbot, ctx, monkeypatch):
    release = threading.Event()
    real = import_dialog.imports.read_file

    def slow(*args, **kwargs):
        release.wait(10)
        return real(*args, **kwargs)

    monkeypatch.setattr(import_dialog.imports, "read_file", slow)
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load_file(str(CORPUS / "template_filled.xlsx"))
    qtbot.waitUntil(lambda: dialog.progress.maximum() == 100, timeout=10000)
    assert dialog.progress.value() == 5 and dialog.progress.text() == "5%"
    assert dialog.stop_button.isVisibleTo(dialog)
    dialog.stop_button.click()
    assert not dialog.is_busy() and not dialog.progress.isVisibleTo(dialog)
    assert dialog.progress.maximum() == 0  # the next task starts busy again
    release.set()


def test_percent_reaches_100_when_the_read_ends(qtbot, ctx):
    dialog = ImportDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    seen = []
    dialog.progress.valueChanged.connect(seen.append)
    with qtbot.waitSignal(dialog.preview_ready, timeout=20000):
        dialog.load_file(str(CORPUS / "template_filled.xlsx"))
    assert 5 in seen and 100 in seen and seen == sorted(seen)
