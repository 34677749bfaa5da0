"""Fixtures shared by the GUI tests: Qt's own texts in Thai, as in the application."""

from __future__ import annotations

import pytest


@pytest.fixture(scope="session", autouse=True)
def qt_thai(qapp):
    """The Thai translation of Qt's buttons and dialogs, loaded once as ita_desktop.app does."""
    from ita_desktop.ui.i18n import install_qt_thai

    translator = install_qt_thai(qapp)
    assert translator is not None, "resources/i18n/qtbase_th.qm is missing"
    yield translator
    qapp.removeTranslator(translator)
