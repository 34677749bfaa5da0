"""What every tab shares: the app context and the current office and year."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class Tab(QWidget):
    """A main-window tab. The window calls :meth:`set_context` when office or year changes."""

    title = ""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.office_id: int | None = None
        self.year: int | None = None

    def set_context(self, office_id: int | None, year: int | None) -> None:
        self.office_id, self.year = office_id, year
        self.refresh()

    def refresh(self) -> None:
        """Reload what the tab shows from the services."""


class PlaceholderTab(Tab):
    """A tab whose content arrives in a later version; it says what it will hold."""

    description = ""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        layout = QVBoxLayout(self)
        self.label = QLabel(self.description)
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        layout.addStretch(1)
