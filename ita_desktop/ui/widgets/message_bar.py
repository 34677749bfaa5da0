"""A coloured message line above a table: information or a warning, hidden when empty."""

from __future__ import annotations


from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from ita_desktop.ui.widgets.thai_wrap import ThaiWrapLabel


class MessageBar(ThaiWrapLabel):
    """A coloured, word-wrapped message area, hidden while it has nothing to say."""

    # Every bar spans a tab of the main window (at least 1,165 pixels wide): its minimum height
    # is that of its lines at about that width, so that the window fits a 1366x768 screen.
    PREFERRED_WIDTH = 1000

    STYLES = {
        "warning": "background:#fff4ce; border:1px solid #e0b400; color:#5c4300; padding:6px;",
        "info": "background:#e8f1fb; border:1px solid #9bbce0; color:#1f3c60; padding:6px;",
    }

    def __init__(self, kind: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setStyleSheet(self.STYLES[kind])
        self.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.hide()

    MAX_SHOWN = 4  # more messages than this: the first ones, and the whole list under the mouse

    def set_messages(self, messages: list[str], heading: str = "") -> None:
        """Show ``messages`` one per line under ``heading``; hide when there are none.

        Past :attr:`MAX_SHOWN` the bar says how many more there are and shows them all as its
        tooltip: a national office-year can have dozens, and the tables must keep their room.
        """
        head = [heading] if heading and messages else []
        every = [f"• {m}" for m in messages]
        shown = every
        if len(every) > self.MAX_SHOWN:
            rest = len(every) - (self.MAX_SHOWN - 1)
            shown = every[:self.MAX_SHOWN - 1] + [f"• ... และอีก {rest} รายการ (ชี้เมาส์ที่ข้อความนี้เพื่อดูทั้งหมด)"]
        self.setText("\n".join(head + shown))
        self.setToolTip("\n".join(head + every) if shown is not every else "")
        self.setVisible(bool(messages))
