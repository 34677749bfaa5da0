"""A coloured message line above a table: information or a warning, hidden when empty."""

from __future__ import annotations


from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget

from ita_desktop.ui.widgets.thai_wrap import ThaiWrapLabel


class MessageBar(ThaiWrapLabel):
    """A coloured, word-wrapped message area, hidden while it has nothing to say."""

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

    def set_messages(self, messages: list[str], heading: str = "") -> None:
        """Show ``messages`` one per line under ``heading``; hide when there are none."""
        lines = ([heading] if heading and messages else []) + [f"• {m}" for m in messages]
        self.setText("\n".join(lines))
        self.setVisible(bool(messages))
