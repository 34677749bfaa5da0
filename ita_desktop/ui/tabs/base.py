"""What every tab shares: the app context, the operations helper, the office and year shown,
and redrawing when the data it shows changed (at once when visible, else when shown again)."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

from ita_desktop.services.changes import ALL_KINDS, Changes
from ita_desktop.ui.operations import Operations


NO_OFFICE_TEXT = "ยังไม่มีหน่วยงาน เพิ่มหน่วยงานหรือโหลดข้อมูลตัวอย่างจากเมนู แฟ้ม"  # every tab, before any office


class _ContentLayout(QVBoxLayout):
    """A tab's layout in its scroll area: the scroll area then fits the content to the room there
    is (down to its minimum) instead of the height its wrapped labels would like at that width
    (QScrollArea asks a layout with height-for-width for that, and would always scroll)."""

    def hasHeightForWidth(self) -> bool:  # noqa: N802 (Qt override)
        return False


class Tab(QWidget):
    """A main-window tab.

    The window calls :meth:`set_context` when office or year changes and :meth:`on_changes`
    after every change of data. A tab that is not on screen only marks itself stale; it
    redraws when it is shown (:meth:`showEvent`) or brought to front (:meth:`refresh_if_stale`).
    """

    title = ""
    kinds: frozenset[str] = ALL_KINDS  # the kinds of data the tab shows (services.changes)

    def __init__(self, ctx, ops: Operations | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.ops = ops or Operations(ctx, self)
        self.ops.changed.connect(self.on_changes)
        self.office_id: int | None = None
        self.year: int | None = None
        self.stale = True
        self.refresh_count = 0  # how often the tab redrew (tests, diagnostics)

    def set_context(self, office_id: int | None, year: int | None) -> None:
        if (office_id, year) == (self.office_id, self.year) and not self.stale:
            return
        self.office_id, self.year = office_id, year
        self._invalidate()

    def on_changes(self, changes: Changes) -> None:
        if changes.touches(self.kinds, self.office_id, self.year):
            self._invalidate()

    def _invalidate(self) -> None:
        self.stale = True
        if self.on_screen():
            self.refresh_if_stale()

    def on_screen(self) -> bool:
        """Shown, or the current page of a window not shown yet (a tab alone counts as shown)."""
        return self.parentWidget() is None or not self.isHidden()

    def refresh_if_stale(self) -> None:
        if self.stale:
            self.stale = False
            self.refresh_count += 1
            self.refresh()

    def showEvent(self, event) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self.refresh_if_stale()

    def content_layout(self) -> QVBoxLayout:
        """The tab's own layout, inside a scroll area that shows only when the window is smaller
        than the tab needs (a 1366x768 laptop with a banner and messages shown): the tab then
        scrolls instead of pushing the window past the bottom of the screen."""
        content = QWidget()
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.NoFrame)
        scroll.setWidget(content)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        return _ContentLayout(content)

    def read(self, fn, *args):
        """(result, None), or (None, a Thai message) when the read was refused or failed."""
        return self.ops.read(lambda ctx: fn(ctx, *args))

    def refresh(self) -> None:
        """Reload what the tab shows from the services."""


class PlaceholderTab(Tab):
    """A tab whose content arrives in a later version; it says what it will hold."""

    description = ""

    def __init__(self, ctx, ops: Operations | None = None, parent: QWidget | None = None):
        super().__init__(ctx, ops, parent)
        layout = QVBoxLayout(self)
        self.label = QLabel(self.description)
        self.label.setWordWrap(True)
        layout.addWidget(self.label)
        layout.addStretch(1)
