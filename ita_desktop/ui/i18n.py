"""Thai for the words Qt itself draws: standard buttons, file, print and message dialogs, menus.

Qt ships no Thai translation, so ``resources/i18n/qtbase_th.ts`` holds one (compiled to
``qtbase_th.qm`` with pyside6-lrelease; tests/ui/test_qt_thai.py checks the two agree).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from ita_desktop import paths

log = logging.getLogger(__name__)

QT_TRANSLATION = "qtbase_th.qm"


def qt_translation_file():
    """The compiled Thai translation of Qt's own texts."""
    return paths.resource_path("i18n", QT_TRANSLATION)


def install_qt_thai(app: QCoreApplication) -> QTranslator | None:
    """Load the Thai translation into ``app``; None (and a log line) when the file is missing.

    Qt's default locale becomes Thai too, whatever the machine's language: Qt then names file
    types in the file dialog through the translation (ไฟล์ PDF, not "PDF document") and writes
    month names in Thai. Numbers keep Arabic digits, "." and "," (Thai conventions).
    """
    QLocale.setDefault(QLocale(QLocale.Thai, QLocale.Thailand))
    translator = QTranslator(app)
    if not translator.load(str(qt_translation_file())):
        log.warning("Qt Thai translation not found: %s", qt_translation_file())
        return None
    app.installTranslator(translator)
    return translator
