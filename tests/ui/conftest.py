"""Fixtures shared by the GUI tests: Qt's own texts in Thai as in the application, message boxes
answered without a person, the main window at the usual office screen size (1366x768)."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QMessageBox

SCREEN = (1366, 768)


@pytest.fixture(scope="session", autouse=True)
def qt_thai(qapp):
    """The Thai translation of Qt's buttons and dialogs, loaded once as ita_desktop.app does."""
    from ita_desktop.ui.i18n import install_qt_thai

    translator = install_qt_thai(qapp)
    assert translator is not None, "resources/i18n/qtbase_th.qm is missing"
    yield translator
    qapp.removeTranslator(translator)


@pytest.fixture
def told(monkeypatch):
    """The texts of the information and warning boxes shown (none is shown on the screen)."""
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "information", lambda *a, **k: shown.append(a[2]))
    monkeypatch.setattr(QMessageBox, "warning", lambda *a, **k: shown.append(a[2]))
    return shown


@pytest.fixture
def answers(monkeypatch):
    """Questions are answered Yes; every shown text is kept as (title, text)."""
    shown: list[tuple[str, str]] = []

    def question(parent, title, text, *args):
        shown.append((title, text))
        return QMessageBox.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    for name in ("warning", "information", "critical"):
        monkeypatch.setattr(QMessageBox, name, lambda parent, title, text, *a: shown.append((title, text)))
    return shown


@pytest.fixture
def open_window(qtbot):
    """``open_window(ctx, office_id=None, year=2566)``: a shown main window on ``ctx``."""
    from ita_desktop.ui.main_window import MainWindow

    def make(ctx, office_id=None, year=2566):
        window = MainWindow(ctx)
        qtbot.addWidget(window)
        window.resize(*SCREEN)
        window.show()
        qtbot.waitExposed(window)
        if office_id is not None:
            window.select(office_id=office_id, year=year)
        return window

    return make
