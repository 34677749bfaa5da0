"""Opens every dialog of the catalog on the screen Qt was started with and reports, as JSON,
what a clerk could not reach or read there. Run by tests/ui/test_screen_fit.py in a child process
started with QT_QPA_PLATFORM=offscreen:configfile=<a 1366x768 screen>, since the screen of a
running QApplication cannot be changed.

    python -m tests.ui.screen_probe DATA_DIR
"""

from __future__ import annotations

import json
import sys
import time

from PySide6.QtCore import QPoint, QRect
from PySide6.QtWidgets import QAbstractButton, QAbstractScrollArea, QApplication, QLineEdit

TITLE_BAR = 30  # the window manager's title bar above the dialog


def place_like_a_window_manager(dialog, screen: QRect) -> None:
    """Centre the dialog with its title bar; a too-tall dialog starts at the top of the screen."""
    x = screen.x() + max(0, (screen.width() - dialog.width()) // 2)
    y = screen.y() + TITLE_BAR + max(0, (screen.height() - TITLE_BAR - dialog.height()) // 2)
    dialog.move(x, y)


def in_scroll_area(widget, dialog) -> bool:
    parent = widget.parentWidget()
    while parent is not None and parent is not dialog:
        if isinstance(parent, QAbstractScrollArea):
            return True
        parent = parent.parentWidget()
    return False


def buttons_outside(dialog, screen: QRect) -> list[str]:
    """Buttons (outside scroll areas, which scroll them into view) not wholly on the screen."""
    outside = []
    for button in dialog.findChildren(QAbstractButton):
        if not button.isVisibleTo(dialog) or in_scroll_area(button, dialog):
            continue
        rect = QRect(button.mapToGlobal(QPoint(0, 0)), button.size())
        if not screen.contains(rect):
            outside.append(f"{button.text() or button.toolTip() or type(button).__name__} at {rect.getRect()}")
    return outside


def cut_fields(dialog) -> list[str]:
    """Line edits whose text is wider than the room they give it."""
    cut = []
    for edit in dialog.findChildren(QLineEdit):
        if edit.text() and edit.isVisibleTo(dialog):
            room = edit.contentsRect().width() - 8  # frame and text margins
            if edit.fontMetrics().horizontalAdvance(edit.text()) > room:
                cut.append(edit.text())
    return cut


def squeezed(dialog) -> list[str]:
    """Buttons, check boxes and one-line labels narrower than their text: the text shows cut."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QRadioButton

    found = []
    widgets = [*dialog.findChildren(QPushButton), *dialog.findChildren(QCheckBox),
               *dialog.findChildren(QRadioButton), *dialog.findChildren(QLabel)]
    for widget in widgets:
        if not widget.isVisibleTo(dialog) or not widget.text().strip():
            continue
        if isinstance(widget, QLabel) and (widget.wordWrap() or widget.textFormat() == Qt.RichText
                                           or "<" in widget.text() or widget.parentWidget() is None):
            continue
        if widget.width() < widget.sizeHint().width() - 4:
            found.append(f"{widget.text()[:50]} ({widget.width()} < {widget.sizeHint().width()})")
        parent = widget.parentWidget()
        if parent is not None and widget.geometry().right() > parent.rect().right() + 1:
            found.append(f"{widget.text()[:50]} (beyond the right edge of {type(parent).__name__})")
    return found


def labels_qt_wraps(dialog) -> list[str]:
    """Word-wrapped plain-text labels left to Qt's own Thai line breaking (not ThaiWrapLabel)."""
    from PySide6.QtGui import Qt as GuiQt
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QLabel

    from ita_desktop.ui.widgets.thai_wrap import ThaiWrapLabel

    found = []
    for label in dialog.findChildren(QLabel):
        rich = label.textFormat() == Qt.RichText or (
            label.textFormat() == Qt.AutoText and GuiQt.mightBeRichText(label.text()))
        if label.wordWrap() and label.text() and not rich and not isinstance(label, ThaiWrapLabel):
            found.append(label.text()[:60])
    return found


def probe(data_dir: str) -> dict:
    from ita_desktop.services import offices
    from ita_desktop.services.context import open_app
    from ita_desktop.services.demo import load_sample_data
    from ita_desktop.ui.fonts import apply_ui_font
    from ita_desktop.ui.i18n import install_qt_thai

    from .dialog_catalog import CATALOG, OFFICE
    from .dialog_texts import english_texts

    app = QApplication.instance() or QApplication([])
    apply_ui_font(app)
    install_qt_thai(app)
    ctx = open_app(data_dir)
    load_sample_data(ctx)
    office = offices.find_office(ctx, OFFICE)
    screen = app.primaryScreen().availableGeometry()
    report = {"screen": screen.getRect(), "dialogs": {}}
    for entry in CATALOG:
        dialog = entry.open(ctx, office)
        dialog.show()
        deadline = time.monotonic() + 30
        while not entry.ready(dialog) and time.monotonic() < deadline:
            app.processEvents()
            time.sleep(0.02)
        app.processEvents()
        place_like_a_window_manager(dialog, screen)
        app.processEvents()
        report["dialogs"][entry.name] = {
            "size": [dialog.width(), dialog.height()],
            "outside": buttons_outside(dialog, screen),
            "cut": cut_fields(dialog),
            "squeezed": squeezed(dialog),
            "qt_wrapped": labels_qt_wraps(dialog),
            "english": [f"{where}: {text}" for where, text in english_texts(dialog)],
        }
        dialog.done(0)
        dialog.deleteLater()
        app.processEvents()
    ctx.close()
    return report


if __name__ == "__main__":
    print(json.dumps(probe(sys.argv[1]), ensure_ascii=False))
