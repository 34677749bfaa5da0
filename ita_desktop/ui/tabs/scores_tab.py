"""คะแนน: indicator, tool and item scores of the chosen office and year, with hand entry and charts."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QSplitter, QVBoxLayout, QWidget

from ita_desktop.services import changes, queries, trends
from ita_desktop.ui.models.indicator_model import indicator_rows
from ita_desktop.ui.widgets.message_bar import MessageBar
from ita_desktop.ui.widgets.score_panels import ChartPanel, IndicatorPanel, ItemPanel, SummaryPanel
from ita_desktop.ui.widgets.score_undo import INDICATOR, ITEM, ScoreEdit

from .base import NO_OFFICE_TEXT, Tab

EMPTY_TEXT = ("ยังไม่มีคะแนนของปีนี้ นำเข้าจาก Excel (เมนู แฟ้ม → นำเข้าคะแนนจาก Excel...) "
              "หรือกรอกเองในตารางด้านล่าง: ดับเบิลคลิกหรือกด F2 ที่ช่องคะแนน")
DISCREPANCY_HEADING = "คะแนนไม่ตรงกัน (ต่างกันเกิน 0.01) โปรดตรวจสอบกับผลการประเมินที่ได้รับ:"


class ScoresTab(Tab):
    """The คะแนน tab. Edits go through the operations helper: undo with แก้ไข → เลิกทำ (Ctrl+Z)."""

    title = "คะแนน"
    kinds = frozenset({changes.SCORES, changes.CRITERIA, changes.SETTINGS, changes.OFFICES})

    def __init__(self, ctx, ops=None, parent: QWidget | None = None):
        super().__init__(ctx, ops, parent)
        self.current = None  # OfficeYearScores on show
        self._build()
        self._connect()
        self.refresh_if_stale()

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
        layout = self.content_layout()
        layout.addWidget(self.summary)
        layout.addWidget(self.empty_bar)
        layout.addWidget(self.warning_bar)
        layout.addWidget(self.splitter, 1)

    def _connect(self) -> None:
        # Queued: the edit is stored (and the tables reset) after the editor has closed.
        queued = Qt.QueuedConnection
        self.indicators.model.entered.connect(self._indicator_entered, queued)
        self.items.model.entered.connect(self._item_entered, queued)
        self.indicators.model.rejected.connect(self._entry_rejected, queued)
        self.items.model.rejected.connect(self._entry_rejected, queued)

    # -- loading -------------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload scores, change against last year and the trend from the services."""
        if self.office_id is None or self.year is None:
            self._show_nothing(NO_OFFICE_TEXT)
            return
        found, error = self.read(_load, self.office_id, self.year)
        if error:
            self._show_nothing(error)
            return
        current, comparison, trend = found
        self._show(current, trends.indicator_changes(comparison), trend)

    def _show(self, current, changes_, trend) -> None:
        self.current = current
        result = current.result
        self.summary.show_result(result, current.level)
        self.empty_bar.set_messages([EMPTY_TEXT] if _is_empty(current.stored) else [])
        self.warning_bar.set_messages([d.message for d in result.discrepancies], DISCREPANCY_HEADING)
        for panel in (self.indicators, self.items):
            panel.model.editable = True
        self.indicators.model.set_rows(indicator_rows(result, changes_))
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
    def _indicator_entered(self, number, _column, old, new) -> None:
        self.store_score(INDICATOR, number, old, new)

    def _item_entered(self, code, _column, old, new) -> None:
        self.store_score(ITEM, code, old, new)

    def store_score(self, kind: str, key, old, new) -> bool:
        """Store one score typed by the clerk, carrying the row version the screen showed."""
        if self.office_id is None or self.year is None or self.current is None:
            return False
        stored = self.current.stored
        seen = (stored.indicator_versions if kind == INDICATOR else stored.item_versions).get(key, 0)
        edit = ScoreEdit(self.office_id, self.year, kind, key, old, new)
        done, _ = self.ops.change(lambda ctx: edit.write(ctx, new, seen), changes=edit.changes,
                                  label=edit.label, step=edit.step, parent=self)
        return done

    def _entry_rejected(self, message: str) -> None:
        QMessageBox.warning(self, "คะแนนไม่ถูกต้อง", message + "\nคะแนนเดิมไม่ถูกเปลี่ยน")


def _load(ctx, office_id: int, year: int):
    return (queries.score_office_year(ctx, office_id, year),
            trends.change_from_last_year(ctx, office_id, year),
            trends.office_trend(ctx, office_id))


def _is_empty(stored) -> bool:
    return not (stored.indicators or stored.items or stored.tools or stored.official_total is not None)
