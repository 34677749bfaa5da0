"""What a dialog shows in words, and which of those words are English (for the Thai-UI tests)."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (QAbstractButton, QAbstractItemView, QComboBox, QGroupBox, QLabel, QLineEdit,
                               QTabWidget, QWidget)

# Words that stay in Latin letters on a Thai screen: product and file-type names, key names.
ALLOWED = {"ITA", "Desktop", "Excel", "PDF", "Qt", "PostScript", "HTML", "xlsx", "xls", "pdf", "png", "jpg", "itapkg", "itabak",
           "jpeg", "Ctrl", "Alt", "Shift", "Del", "Esc", "Left", "Right", "Up", "Down", "Home", "End", "Ins",
           "Backspace", "Tab", "Return", "Enter", "Space", "PgUp", "PgDown", "KB", "MB", "GB", "TB", "AA",
           "pt", "DD", "CC"}  # unit symbols (points, Didot, Cicero) as printed on rulers

# The operating-system login (the audit log's "who") is data, whatever its letters.
try:
    import getpass

    ALLOWED.add(getpass.getuser())
except Exception:  # no login name (some service accounts)
    pass

PAPER_SIZE_COMBOS = {"pageSizeCombo", "paperSize"}


def english_words(text: str) -> list[str]:
    """Latin-letter words of ``text`` outside ALLOWED (mnemonic '&', tags and *.ext patterns ignored)."""
    text = re.sub(r"<[^>]+>", " ", text).replace("&", "")
    text = re.sub(r"\*\.\w+", " ", text)
    text = re.sub(r"(?:[A-Za-z]:)?[\\/]\S+", " ", text)  # file and folder paths are data, not interface words
    return [w for w in re.findall(r"[A-Za-z]{2,}", text) if w not in ALLOWED]


def _item_view_headers(view: QAbstractItemView) -> list[str]:
    model = view.model()
    if model is None:
        return []
    texts = []
    for orientation, count in ((Qt.Horizontal, model.columnCount()), ):
        for section in range(count):
            value = model.headerData(section, orientation, Qt.DisplayRole)
            if value:
                texts.append(str(value))
    return texts


def shown_texts(root: QWidget) -> list[tuple[str, str]]:
    """(where, text) for every label, button, tooltip, tab, group, combo item, header and action under ``root``."""
    found = [("windowTitle", root.windowTitle())]
    for w in [root, *root.findChildren(QWidget)]:
        kind = type(w).__name__
        if isinstance(w, QLabel):
            found.append((kind, w.text()))
        if isinstance(w, QAbstractButton):
            found += [(kind, w.text()), (kind + ".toolTip", w.toolTip())]
        if isinstance(w, QGroupBox):
            found.append((kind, w.title()))
        if isinstance(w, QTabWidget):
            found += [(kind, w.tabText(i)) for i in range(w.count())]
        if isinstance(w, QComboBox) and not w.isEditable():
            # Paper sizes keep their standard names (Letter, Legal, JIS B5), as on the paper packs.
            kind += ".paper" if w.objectName() in PAPER_SIZE_COMBOS else ""
            found += [(kind, w.itemText(i)) for i in range(w.count())]
        if isinstance(w, QLineEdit):
            found.append((kind + ".placeholder", w.placeholderText()))
        if isinstance(w, QAbstractItemView) and hasattr(w, "header"):
            found += [(kind + ".header", t) for t in _item_view_headers(w)]
    for action in root.findChildren(QAction):
        found += [("QAction", action.text().split("\t")[0]), ("QAction.toolTip", action.toolTip())]
    return [(where, text) for where, text in found if text]


def english_texts(root: QWidget) -> list[tuple[str, str]]:
    """The shown texts of ``root`` that contain English words."""
    return [(where, text) for where, text in shown_texts(root) if english_words(text)]


def handle_next_modal(handle, ignore=()) -> list:
    """Call ``handle(widget)`` on the next modal widget that opens (from within its event loop).

    Returns a list that receives the handled widget's class name, to check it happened.
    """
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    seen: list = []

    def poll():
        widget = QApplication.activeModalWidget()
        if widget is None or widget in ignore:
            QTimer.singleShot(20, poll)
            return
        seen.append(type(widget).__name__)
        handle(widget)

    QTimer.singleShot(0, poll)
    return seen
