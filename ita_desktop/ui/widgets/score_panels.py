"""The panels of the คะแนน tab: summary header, warning area, the two score tables, charts."""

from __future__ import annotations

from PySide6.QtCore import QSortFilterProxyModel, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.core.scoring import ScoreResult
from ita_desktop.services.trends import OfficeTrend
from ita_desktop.ui.models import indicator_model as im
from ita_desktop.ui.models import item_model as itm
from ita_desktop.core.criteria import DEFAULT_PASS_LINE
from ita_desktop.ui.models.score_base import SORT_ROLE, format_score

from ita_desktop.ui.widgets.charts import Bar, IndicatorBarChart, Series, TrendChart

LEVEL_COLOURS = {
    "ผ่านดีเยี่ยม": "#1b6e2a", "ผ่านดี": "#2e7d32", "ผ่าน": "#558b2f",
    "ต้องปรับปรุง": "#c25e00", "ต้องปรับปรุงโดยด่วน": "#b3261e",
}
TREND_COLOURS = {"total": QColor("#1f3c88"), "IIT": QColor("#2a9d8f"), "EIT": QColor("#8e44ad"),
                 "OIT": QColor("#e76f51")}
TARGET_COLOUR = QColor("#555555")


def make_table(model, stretch_column: int) -> QTableView:
    """A sortable, row-selecting table view over ``model`` (through a numeric-sorting proxy)."""
    view = QTableView()
    if not isinstance(model, QSortFilterProxyModel):
        proxy = QSortFilterProxyModel(view)
        proxy.setSortRole(SORT_ROLE)
        proxy.setSourceModel(model)
        model = proxy
    view.setModel(model)
    view.setSortingEnabled(True)
    view.sortByColumn(0, Qt.AscendingOrder)
    view.setSelectionBehavior(QAbstractItemView.SelectRows)
    view.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed)
    view.setAlternatingRowColors(False)
    view.setWordWrap(False)
    view.verticalHeader().setVisible(False)
    # Laksaman's line height leaves room for stacked marks; rows need not add more padding.
    rows = view.verticalHeader()
    rows.setMinimumSectionSize(view.fontMetrics().height() - 4)
    rows.setDefaultSectionSize(view.fontMetrics().height() - 2)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.Interactive)
    header.setSectionResizeMode(stretch_column, QHeaderView.Stretch)
    header.setHighlightSections(False)
    model.modelReset.connect(lambda: fit_columns(view, stretch_column))
    fit_columns(view, stretch_column)
    return view


def fit_columns(view: QTableView, stretch_column: int) -> None:
    """Size every column but the stretching one to its widest text line (header or cell).

    ResizeToContents would reserve room for a sort arrow in every column, which with a Thai
    UI font leaves too little for the long names in the stretching column.
    """
    model, metrics = view.model(), view.fontMetrics()
    for column in range(model.columnCount()):
        if column == stretch_column:
            continue
        texts = str(model.headerData(column, Qt.Horizontal) or "").splitlines()
        texts += [str(model.index(r, column).data() or "") for r in range(min(model.rowCount(), 200))]
        width = max((metrics.horizontalAdvance(t) for t in texts), default=20) + 22
        if column == view.horizontalHeader().sortIndicatorSection():
            width += 18  # the sort arrow
        view.setColumnWidth(column, width)


class SummaryPanel(QFrame):
    """คะแนนรวม with both levels, and the tool (and EIT part) scores."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setFrameShape(QFrame.StyledPanel)
        self.setStyleSheet("SummaryPanel { background: #f4f7fb; }")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 4, 10, 4)
        self.total = QLabel()
        self.level = QLabel()
        self.level_old = QLabel()
        self.tools = QLabel()
        for label in (self.total, self.level, self.level_old):
            label.setTextFormat(Qt.RichText)
            layout.addWidget(label)
            layout.addSpacing(18)
        self.tools.setTextFormat(Qt.RichText)
        self.tools.setWordWrap(True)
        layout.addWidget(self.tools, 1)

    def show_result(self, result: ScoreResult, level: str | None) -> None:
        """Fill the header from a computed result and the level to show."""
        self.total.setText(f"คะแนนรวม<br><span style='font-size:20pt; font-weight:bold'>{format_score(result.total)}</span>")
        colour = LEVEL_COLOURS.get(level or "", "#303030")
        self.level.setText(
            f"ระดับผลการประเมิน<br><span style='font-size:17pt; font-weight:bold; color:{colour}'>{level or '–'}</span>"
        )
        self.level_old.setText(
            f"ระดับเดิม (AA–F)<br><span style='font-size:17pt; font-weight:bold'>{result.level_old or '–'}</span>"
        )
        parts = [f"<b>{code}</b> {format_score(score)}" for code, score in result.tools.items()]
        parts += [f"<b>{code}</b> {format_score(score)}" for code, score in result.parts.items()]
        self.tools.setText("คะแนนรายเครื่องมือการประเมิน<br>" + " &nbsp;&nbsp; ".join(parts))

    def clear(self) -> None:
        for label in (self.total, self.level, self.level_old, self.tools):
            label.setText("")


class IndicatorPanel(QWidget):
    """The indicator table."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = im.IndicatorTableModel(self)
        self.view = make_table(self.model, im.COL_NAME)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel("<b>คะแนนรายตัวชี้วัด</b> (ดับเบิลคลิกหรือกด F2 ที่ช่องคะแนนเพื่อกรอกหรือแก้ไข)"))
        layout.addWidget(self.view)
        self.model.modelReset.connect(self._fit_height)

    MIN_ROWS = 3  # on a 1366x768 screen the window must still fit: the table scrolls below this

    def _fit_height(self) -> None:
        # All ten indicators in view when there is room (the splitter's share); never less than
        # MIN_ROWS, so that the whole window fits a 768-pixel-high laptop screen.
        header = self.view.horizontalHeader().sizeHint().height()
        row = self.view.verticalHeader().defaultSectionSize()
        frame = 2 * self.view.frameWidth() + 2
        self.view.setMinimumHeight(header + self.MIN_ROWS * row + frame)
        self.preferred_height = header + max(10, self.model.rowCount()) * row + frame


class ItemPanel(QWidget):
    """The item table with its filters: tool, indicator, scored items only."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = itm.ItemTableModel(self)
        self.proxy = itm.ItemFilterProxy(self)
        self.proxy.setSourceModel(self.model)
        self.view = make_table(self.proxy, itm.COL_TEXT)
        self.tool_combo = QComboBox()
        self.indicator_combo = QComboBox()
        self.indicator_combo.setMinimumContentsLength(18)
        self.indicator_combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self.scored_only = QCheckBox("เฉพาะข้อที่มีคะแนน")
        self.count = QLabel()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(self._filter_row())
        layout.addWidget(self.view)
        self.tool_combo.currentIndexChanged.connect(self._tool_chosen)
        self.indicator_combo.currentIndexChanged.connect(self._indicator_chosen)
        self.scored_only.toggled.connect(self._scored_only_toggled)

    def _filter_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel("<b>คะแนนรายข้อคำถาม</b>"))
        row.addSpacing(12)
        row.addWidget(QLabel("เครื่องมือ:"))
        row.addWidget(self.tool_combo)
        row.addWidget(QLabel("ตัวชี้วัด:"))
        row.addWidget(self.indicator_combo, 1)
        row.addWidget(self.scored_only)
        row.addWidget(self.count)
        return row

    def set_result(self, result: ScoreResult) -> None:
        """Show the result's items, keeping the chosen filters where they still apply."""
        tool, indicator = self.proxy.tool, self.proxy.indicator
        self.model.set_rows(itm.item_rows(result))
        self._fill_combos(result, tool, indicator)
        self._update_count()

    def _fill_combos(self, result: ScoreResult, tool: str | None, indicator: int | None) -> None:
        for combo in (self.tool_combo, self.indicator_combo):
            combo.blockSignals(True)
            combo.clear()
            combo.addItem("ทั้งหมด", None)
        for code in result.tools:
            self.tool_combo.addItem(code, code)
        for ind in result.indicators:
            self.indicator_combo.addItem(f"{ind.number} {ind.name}", ind.number)
        self.tool_combo.setCurrentIndex(max(0, self.tool_combo.findData(tool)))
        self.indicator_combo.setCurrentIndex(max(0, self.indicator_combo.findData(indicator)))
        for combo in (self.tool_combo, self.indicator_combo):
            combo.blockSignals(False)
        self.proxy.set_tool(self.tool_combo.currentData())
        self.proxy.set_indicator(self.indicator_combo.currentData())

    def _tool_chosen(self) -> None:
        self.proxy.set_tool(self.tool_combo.currentData())
        self._update_count()

    def _indicator_chosen(self) -> None:
        self.proxy.set_indicator(self.indicator_combo.currentData())
        self._update_count()

    def _scored_only_toggled(self, on: bool) -> None:
        self.proxy.set_scored_only(on)
        self._update_count()

    def _update_count(self) -> None:
        failed = sum(1 for r in self.model.rows if r.passed is False)
        self.count.setText(f"แสดง {self.proxy.rowCount()} ข้อ · ไม่ผ่านเกณฑ์ {failed} ข้อ")


class ChartPanel(QTabWidget):
    """Sub-tabs: the indicator bar chart and the yearly trend."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.bars = IndicatorBarChart()
        self.trend = TrendChart()
        self.addTab(self.bars, "กราฟรายตัวชี้วัด")
        self.addTab(self.trend, "แนวโน้มรายปี")

    def show_data(self, result: ScoreResult | None, trend: OfficeTrend | None) -> None:
        """Redraw both charts (None clears them)."""
        bars = [] if result is None else [
            Bar(str(i.number), i.tool, i.score, i.passed, i.name) for i in result.indicators
        ]
        self.bars.set_data(bars, DEFAULT_PASS_LINE if result is None else result.pass_line)
        self.trend.set_data([] if trend is None else trend.years, [] if trend is None else trend_series(trend))


def trend_series(trend: OfficeTrend) -> list[Series]:
    """Lines of the trend chart: total, each tool, and the plan's targets (dashed)."""
    tools = list(dict.fromkeys(code for p in trend.points for code in p.tools))
    series = [Series("คะแนนรวม", TREND_COLOURS["total"], trend.series("total"), width=3.0, labelled=True)]
    series += [Series(code, TREND_COLOURS.get(code, QColor("#777777")), trend.series(code), width=1.6) for code in tools]
    if trend.targets:
        series.append(Series("เป้าหมายตามแผน", TARGET_COLOUR, dict(trend.targets), dashed=True))
    return series
