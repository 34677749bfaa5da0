"""คะแนน: indicator, tool and item scores of the chosen office and year, with hand entry and charts."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QMessageBox, QSplitter, QToolButton, QVBoxLayout, QWidget

from ita_desktop.services import scores, trends
from ita_desktop.services.errors import UserError
from ita_desktop.ui.messages import show_error
from ita_desktop.ui.models.indicator_model import indicator_rows
from ita_desktop.ui.widgets.score_panels import ChartPanel, IndicatorPanel, ItemPanel, MessageBar, SummaryPanel
from ita_desktop.ui.widgets.score_undo import INDICATOR, ITEM, SetScoreCommand

from .base import Tab

EMPTY_TEXT = ("ยังไม่มีคะแนนของปีนี้ นำเข้าจาก Excel (เมนู แฟ้ม → นำเข้าคะแนนจาก Excel...) "
              "หรือกรอกเองในตารางด้านล่าง: ดับเบิลคลิกหรือกด F2 ที่ช่องคะแนน")
NO_OFFICE_TEXT = "ยังไม่มีหน่วยงาน เพิ่มหน่วยงานหรือโหลดข้อมูลตัวอย่างจากเมนู แฟ้ม"
DISCREPANCY_HEADING = "คะแนนไม่ตรงกัน (ต่างกันเกิน 0.01) โปรดตรวจสอบกับผลการประเมินที่ได้รับ:"


class ScoresTab(Tab):
    """The คะแนน tab. Edits go through the services and can be undone (Ctrl+Z / Ctrl+Y)."""

    title = "คะแนน"
    scores_changed = Signal()  # a hand-entered score was stored (or an edit undone)

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.undo_stack = QUndoStack(self)
        self.current = None  # OfficeYearScores on show
        self._build()
        self._connect()
        self.refresh()

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.summary = SummaryPanel()
        self.empty_bar = MessageBar("info")
        self.warning_bar = MessageBar("warning")
        self.indicators = IndicatorPanel()
        self.items = ItemPanel()
        self.charts = ChartPanel()
        top = QSplitter(Qt.Horizontal)
        top.addWidget(self.indicators)
        top.addWidget(self.charts)
        top.setStretchFactor(0, 3)
        top.setStretchFactor(1, 2)
        top.setSizes([800, 440])
        self.splitter = QSplitter(Qt.Vertical)
        self.splitter.addWidget(top)
        self.splitter.addWidget(self.items)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([440, 300])
        layout = QVBoxLayout(self)
        layout.addLayout(self._header_row())
        layout.addWidget(self.empty_bar)
        layout.addWidget(self.warning_bar)
        layout.addWidget(self.splitter, 1)

    def _header_row(self) -> QHBoxLayout:
        self.undo_action = self.undo_stack.createUndoAction(self, "เลิกทำ")
        self.undo_action.setShortcuts([QKeySequence("Ctrl+Z")])
        self.redo_action = self.undo_stack.createRedoAction(self, "ทำซ้ำ")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        row = QHBoxLayout()
        row.addWidget(self.summary, 1)
        for action in (self.undo_action, self.redo_action):
            action.setShortcutContext(Qt.WidgetWithChildrenShortcut)
            self.addAction(action)
            row.addWidget(self._button(action))
        return row

    def _button(self, action: QAction) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(action)
        button.setToolButtonStyle(Qt.ToolButtonTextOnly)
        return button

    def _connect(self) -> None:
        # Queued: the edit is stored (and the tables reset) after the editor has closed.
        queued = Qt.QueuedConnection
        self.indicators.model.score_entered.connect(self._indicator_entered, queued)
        self.items.model.score_entered.connect(self._item_entered, queued)
        self.indicators.model.entry_rejected.connect(self._entry_rejected, queued)
        self.items.model.entry_rejected.connect(self._entry_rejected, queued)

    # -- context and loading -----------------------------------------------------------------
    def set_context(self, office_id: int | None, year: int | None) -> None:
        if (office_id, year) != (self.office_id, self.year):
            self.undo_stack.clear()  # undoing edits of an office-year no longer shown would confuse
        super().set_context(office_id, year)

    def refresh(self) -> None:
        """Reload scores, change against last year and the trend from the services."""
        if self.office_id is None or self.year is None:
            self._show_nothing(NO_OFFICE_TEXT)
            return
        try:
            current = scores.score_office_year(self.ctx, self.office_id, self.year)
            comparison = trends.change_from_last_year(self.ctx, self.office_id, self.year)
            trend = trends.office_trend(self.ctx, self.office_id)
        except UserError as exc:
            self._show_nothing(str(exc))
            return
        self._show(current, trends.indicator_changes(comparison), trend)

    def _show(self, current, changes, trend) -> None:
        self.current = current
        result = current.result
        self.summary.show_result(result, current.level)
        self.empty_bar.set_messages([EMPTY_TEXT] if _is_empty(current.stored) else [])
        self.warning_bar.set_messages([d.message for d in result.discrepancies], DISCREPANCY_HEADING)
        for panel in (self.indicators, self.items):
            panel.model.editable = True
        self.indicators.model.set_rows(indicator_rows(result, changes))
        self.items.set_result(result)
        self.charts.show_data(result, trend)

    def _show_nothing(self, message: str) -> None:
        self.current = None
        self.summary.clear()
        self.empty_bar.set_messages([message])
        self.warning_bar.set_messages([])
        for panel in (self.indicators, self.items):
            panel.model.editable = False
            panel.model.set_rows([])
        self.charts.show_data(None, None)

    # -- editing -----------------------------------------------------------------------------
    def _indicator_entered(self, number, old, new) -> None:
        self._store(INDICATOR, number, old, new, f"ตัวชี้วัดที่ {number}")

    def _item_entered(self, code, old, new) -> None:
        self._store(ITEM, code, old, new, f"ข้อคำถาม {code}")

    def _store(self, kind: str, key, old, new, label: str) -> None:
        office_id, year = self.office_id, self.year
        if office_id is None or year is None:
            return
        if self.apply_score(kind, office_id, year, key, new):
            self.undo_stack.push(SetScoreCommand(self, kind, office_id, year, key, old, new, label))

    def apply_score(self, kind: str, office_id: int, year: int, key, value: float | None) -> bool:
        """Store one score through the services, then reload; a Thai message when refused."""
        write = scores.set_indicator_score if kind == INDICATOR else scores.set_item_score
        try:
            write(self.ctx, office_id, year, key, value)
        except Exception as exc:
            show_error(self, exc, "บันทึกคะแนนไม่ได้")
            return False
        if (office_id, year) == (self.office_id, self.year):
            self.refresh()
        self.scores_changed.emit()
        return True

    def _entry_rejected(self, message: str) -> None:
        QMessageBox.warning(self, "คะแนนไม่ถูกต้อง", message + "\nคะแนนเดิมไม่ถูกเปลี่ยน")


def _is_empty(stored) -> bool:
    return not (stored.indicators or stored.items or stored.tools or stored.official_total is not None)
