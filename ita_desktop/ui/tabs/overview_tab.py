"""ภาพรวมหลายหน่วยงาน: the year's offices ranked, how many at each level, the weakest indicators.

A self-contained tab: ``set_context(office_id, year)`` like the other tabs; the office only
highlights its row. Filters by province, district and kind; exports to Excel and PDF.

A national year is 7,850 offices and their previous year: the overview is computed on a worker
thread (the window stays usable, the tab says it is computing), kept for the year and filters
until the data changes, and computed ahead, while the window is quiet, for the year chosen.
"""

from __future__ import annotations

import threading

import shiboken6
from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QRectF, QSortFilterProxyModel, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import (QComboBox, QHBoxLayout, QHeaderView, QLabel, QPushButton, QSplitter,
                               QTableView, QVBoxLayout, QWidget)

from ita_desktop.core.overview import LEVEL_ORDER, Overview
from ita_desktop.services import changes, overview as overview_service
from ita_desktop.ui import tasks
from ita_desktop.ui.widgets import file_dialogs
from ita_desktop.ui.widgets.charts import _Chart

from .base import Tab
from ita_desktop.ui.models import roles

ALL = "ทั้งหมด"
COMPUTING = "กำลังคำนวณภาพรวมของหน่วยงานทั้งหมดในปีนี้..."
COMPUTING_CHANGE = "กำลังคำนวณการเปลี่ยนแปลงจากปีก่อน..."
COMPUTING_WEAK = "กำลังคำนวณ..."
PREFETCH_AFTER_MS = 1500  # the chosen year's overview is computed ahead once the window was quiet this long
KEEP = 6  # overviews kept (years and filters), each until the data changes
KINDS = (("อบต.", "องค์การบริหารส่วนตำบล"), ("ทต.", "เทศบาลตำบล"), ("ทม.", "เทศบาลเมือง"), ("ทน.", "เทศบาลนคร"))
RANK_HEADERS = ("อันดับ", "หน่วยงาน", "อำเภอ", "จังหวัด", "คะแนนรวม", "ระดับ", "ปีก่อน", "เพิ่ม/ลด",
                "ตัวชี้วัดที่ต่ำกว่าเกณฑ์")
LEVEL_COLOURS = {"ผ่านดีเยี่ยม": "#1b7837", "ผ่านดี": "#5aae61", "ผ่าน": "#a6dba0", "ต้องปรับปรุง": "#f4a582",
                 "ต้องปรับปรุงโดยด่วน": "#ca0020"}


class RankingModel(QAbstractTableModel):
    """The ranked offices; numbers sort as numbers (roles.USER)."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows = []
        self.highlight: int | None = None

    def set_overview(self, ov: Overview | None, highlight: int | None = None) -> None:
        self.beginResetModel()
        self.rows = list(ov.offices) if ov else []
        self.highlight = highlight
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(RANK_HEADERS)

    def _values(self, o) -> tuple:
        return (o.rank, o.name, o.district, o.province, o.total, o.level or "-", o.previous_total, o.change,
                ", ".join(map(str, o.below)))

    def data(self, index: QModelIndex, role: int = roles.DISPLAY):
        o = self.rows[index.row()]
        value = self._values(o)[index.column()]
        if role == roles.DISPLAY:
            if value is None:
                return "-"
            if index.column() == 7:
                return f"{value:+.2f}"
            return f"{value:.2f}" if isinstance(value, float) else str(value)
        if role == roles.USER:
            return value if value is not None else float("-inf")
        if role == roles.ALIGNMENT and index.column() in (0, 4, 6, 7):
            return int(Qt.AlignRight | Qt.AlignVCenter)
        if role == roles.BACKGROUND and o.office_id == self.highlight:
            return QBrush(QColor("#fff3b0"))
        if role == roles.FOREGROUND and index.column() == 7 and value is not None and value < 0:
            return QBrush(QColor("#a40000"))
        return None

    def headerData(self, section: int, orientation, role: int = roles.DISPLAY):  # noqa: N802
        if role == roles.DISPLAY and orientation == Qt.Horizontal:
            return RANK_HEADERS[section]
        return None

    def set_highlight(self, office_id: int | None) -> None:
        self.highlight = office_id
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(RANK_HEADERS) - 1),
                                  [roles.BACKGROUND])


class LevelChart(_Chart):
    """How many offices at each level: one bar per level."""

    title = "จำนวนหน่วยงานตามระดับ"
    empty_text = "ยังไม่มีหน่วยงานที่มีคะแนนรวม"

    def __init__(self, parent=None):
        super().__init__(parent)
        self.counts: list[tuple[str, int]] = []

    def set_counts(self, counts) -> None:
        self.counts = list(counts)
        self.update()

    def has_data(self) -> bool:
        return any(n for _, n in self.counts)

    def draw(self, p: QPainter, area: QRectF) -> None:
        top = max(n for _, n in self.counts)
        step = max(1, round(top / 5))
        high = step * (top // step + 1)
        self.draw_y_axis(p, area, 0, high, step)
        width = area.width() / len(self.counts)
        for k, (level, n) in enumerate(self.counts):
            x = area.left() + k * width
            y = self.y_of(area, n, 0, high)
            bar = QRectF(x + width * 0.15, y, width * 0.7, area.bottom() - y)
            p.fillRect(bar, QColor(LEVEL_COLOURS.get(level, "#999999")))
            p.setPen(QPen(QColor("#333333")))
            p.drawText(QRectF(x, y - 18, width, 16), Qt.AlignCenter, str(n))
            p.drawText(QRectF(x, area.bottom() + 4, width, 50), Qt.AlignHCenter | Qt.AlignTop | Qt.TextWordWrap,
                       level)


def _list_table(headers: tuple[str, ...], text_column: int) -> tuple[QTableView, "_RowsModel"]:
    """A small table whose ``text_column`` (names, long texts) takes the room the numbers leave:
    the numbers stay in view in a narrow pane, a cut text shows whole under the mouse."""
    model = _RowsModel(headers)
    view = QTableView(editTriggers=QTableView.NoEditTriggers, alternatingRowColors=True)
    view.setModel(model)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeToContents)
    header.setSectionResizeMode(text_column, QHeaderView.Stretch)
    return view, model


class _RowsModel(QAbstractTableModel):
    def __init__(self, headers, parent=None):
        super().__init__(parent)
        self.headers, self.rows = headers, []

    def set_rows(self, rows) -> None:
        self.beginResetModel()
        self.rows = [tuple(r) for r in rows]
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self.headers)

    def data(self, index, role=roles.DISPLAY):
        if role in (roles.DISPLAY, roles.TOOLTIP):
            value = self.rows[index.row()][index.column()]
            return f"{value:.2f}" if isinstance(value, float) else str(value)
        return None

    def headerData(self, section, orientation, role=roles.DISPLAY):  # noqa: N802
        if role == roles.DISPLAY and orientation == Qt.Horizontal:
            return self.headers[section]
        return None


class _Relay(QObject):
    """Carries the first stage of an overview from the worker thread to the tab's thread."""

    ranked = Signal(object)  # (key, generation, Overview without the change since last year, Event set once shown)


class OverviewTab(Tab):
    """The ภาพรวมหลายหน่วยงาน tab."""

    title = "ภาพรวมหลายหน่วยงาน"
    kinds = frozenset({changes.SCORES, changes.OFFICES, changes.CRITERIA, changes.SETTINGS})

    def __init__(self, ctx, ops=None, parent: QWidget | None = None):
        super().__init__(ctx, ops, parent)
        self.overview: Overview | None = None
        self._places: dict[str, list[str]] = {}
        self._places_year: int | None = None
        # (year, province, district, kind) -> (Overview or None, Thai message or None)
        self._computed: dict[tuple, tuple[Overview | None, str | None]] = {}
        self._computing: dict[tuple, tasks.Task] = {}
        self._generation = 0  # moves on when the data changed: results computed before are dropped
        self._prefetch = QTimer(self, singleShot=True, interval=PREFETCH_AFTER_MS)
        self._prefetch.timeout.connect(self.prefetch)
        self._relay = _Relay(self)
        self._relay.ranked.connect(self._ranked)
        self._build()

    def _build(self) -> None:
        self.province = QComboBox(minimumWidth=160)
        self.district = QComboBox(minimumWidth=160)
        self.kind = QComboBox()
        self.kind.addItem(ALL, None)
        for short, full in KINDS:
            self.kind.addItem(full, short)
        for combo in (self.province, self.district, self.kind):
            combo.currentIndexChanged.connect(self._filters_changed)
        self.export_xlsx = QPushButton("ส่งออก Excel...")
        self.export_pdf = QPushButton("ส่งออก PDF...")
        self.export_xlsx.clicked.connect(lambda: self.export("xlsx"))
        self.export_pdf.clicked.connect(lambda: self.export("pdf"))
        filters = QHBoxLayout()
        for label, widget in (("จังหวัด", self.province), ("อำเภอ", self.district), ("ประเภท", self.kind)):
            filters.addWidget(QLabel(label))
            filters.addWidget(widget)
        filters.addStretch(1)
        filters.addWidget(self.export_xlsx)
        filters.addWidget(self.export_pdf)
        self.summary = QLabel(wordWrap=True)
        self.ranking = RankingModel(self)
        self.sorted = QSortFilterProxyModel(self)
        self.sorted.setSourceModel(self.ranking)
        self.sorted.setSortRole(roles.USER)
        self.table = QTableView(editTriggers=QTableView.NoEditTriggers, alternatingRowColors=True,
                                selectionBehavior=QTableView.SelectRows, sortingEnabled=True)
        self.table.setModel(self.sorted)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.Interactive)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.setColumnWidth(1, 300)
        self.chart = LevelChart()
        self.indicator_view, self.indicator_rows = _list_table(("ตัวชี้วัด", "ต่ำกว่าเกณฑ์ (หน่วยงาน)", "คะแนนเฉลี่ย"), 0)
        self.oit_view, self.oit_rows = _list_table(("ข้อ OIT", "ได้ 0 (หน่วยงาน)", "ประเด็น"), 2)
        side = QSplitter(Qt.Vertical)
        for widget in (self.chart, self.indicator_view, self.oit_view):
            side.addWidget(widget)
        body = QSplitter(Qt.Horizontal)
        body.addWidget(self.table)
        body.addWidget(side)
        body.setSizes([760, 440])
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addWidget(self.summary)
        layout.addWidget(body, 1)

    # -- data -------------------------------------------------------------------------------
    def set_context(self, office_id: int | None, year: int | None) -> None:
        """A new office only moves the highlight; the year's offices are computed ahead while the
        window is quiet, or when the tab is shown."""
        same_year = year == self.year and self.overview is not None
        self.office_id, self.year = office_id, year
        if same_year:
            self.ranking.set_highlight(office_id)
            return
        self.stale = True  # another year: redrawn when shown
        if self.isVisible():
            self.refresh_if_stale()
        else:
            self._prefetch.start()

    def on_changes(self, changes_) -> None:
        """Any office's change counts here (the tab shows them all), not only the highlighted one's."""
        if changes_.touches(self.kinds, None, None):
            self._forget()
        if changes_.touches(self.kinds, None, self.year):
            self._invalidate()

    def _forget(self) -> None:
        """Drop every overview computed or being computed: the data changed."""
        self._computed.clear()
        self._computing.clear()
        self._generation += 1

    def _key(self) -> tuple:
        return (self.year, *self.filters())

    def refresh(self) -> None:
        if self.year is None:
            self._show(None, "ยังไม่ได้เลือกปีงบประมาณ")
            return
        if self._places_year != self.year:
            self._fill_places()
        key = self._key()
        if key in self._computed:
            self._show_computed(key)
            return
        self._show(None, COMPUTING)
        self._compute(key)

    @property
    def computing(self) -> bool:
        """Whether an overview is being computed on a worker thread."""
        return bool(self._computing)

    def prefetch(self) -> None:
        """Compute the chosen year's overview (with the filters set) now, unless it is known."""
        if self.year is not None and self._key() not in self._computed:
            self._compute(self._key())

    def _compute(self, key: tuple) -> None:
        if key in self._computing:
            return
        generation, ops, relay = self._generation, self.ops, self._relay
        year, province, district, kind = key

        def stages(ctx):
            complete = None
            for ov in overview_service.overview_stages(ctx, year, province, district, kind):
                if not ov.changes_known:  # the ranking, on screen while the previous year is read
                    shown = threading.Event()
                    try:
                        relay.ranked.emit((key, generation, ov, shown))
                    except RuntimeError:  # the tab is gone (the window closed): nobody to compute for
                        return None
                    shown.wait(0.5)  # not competing for the interpreter while the window draws it
                complete = ov
            return complete

        def work(_progress):
            return ops.read(stages)

        def done(result) -> None:
            if shiboken6.isValid(self):  # (the window may have closed meanwhile)
                self._done(key, generation, result)

        def failed(exc) -> None:  # ops.read catches everything; this is a last resort
            done((None, str(exc)))

        self._computing[key] = tasks.start(work, done, failed)

    def _done(self, key: tuple, generation: int, result: tuple[Overview | None, str | None] | None) -> None:
        if generation != self._generation or result is None:
            return  # computed from data changed since: the tab computes again when shown
        self._computing.pop(key, None)
        ov, error = result
        if ov is not None:  # a failure (the database busy a moment) is not kept: tried again when shown
            while len(self._computed) >= KEEP:
                self._computed.pop(next(iter(self._computed)))
            self._computed[key] = result
        if key != self._key():
            return
        if self.isVisible():
            self._show(ov, error or "")
        # Not on screen (the clerk left the tab while it computed): shown when back. A failure
        # shown now is tried again then.
        self.stale = not self.isVisible() or ov is None

    def _ranked(self, payload) -> None:
        key, generation, ov, shown = payload
        try:
            if generation == self._generation and key in self._computing and self.isVisible() and key == self._key():
                self._show(ov)
        finally:
            QTimer.singleShot(0, shown.set)  # after the paint events the ranking posted

    def _show_computed(self, key: tuple) -> None:
        ov, error = self._computed[key]
        self._show(ov, error or "")

    def filters(self) -> tuple[str | None, str | None, str | None]:
        return self.province.currentData(), self.district.currentData(), self.kind.currentData()

    def _fill_places(self) -> None:
        self._places = overview_service.places(self.ctx, self.year)
        self._places_year = self.year
        keep = self.province.currentData()
        self.province.blockSignals(True)
        self.province.clear()
        self.province.addItem(ALL, None)
        for name in sorted(self._places):
            if name:
                self.province.addItem(name, name)
        self.province.setCurrentIndex(max(0, self.province.findData(keep)))
        self.province.blockSignals(False)
        self._fill_districts()

    def _fill_districts(self) -> None:
        keep = self.district.currentData()
        province = self.province.currentData()
        districts = sorted({d for p, ds in self._places.items() if province in (None, p) for d in ds})
        self.district.blockSignals(True)
        self.district.clear()
        self.district.addItem(ALL, None)
        for name in districts:
            self.district.addItem(name, name)
        self.district.setCurrentIndex(max(0, self.district.findData(keep)))
        self.district.blockSignals(False)

    def _filters_changed(self) -> None:
        if self.sender() is self.province:
            self._fill_districts()
        self.refresh()

    def _show(self, ov: Overview | None, message: str = "") -> None:
        self.overview = ov
        self.ranking.set_overview(ov, self.office_id)
        self.sorted.sort(-1)
        self.chart.set_counts(ov.level_counts if ov else [])
        weak_pending = [(COMPUTING_WEAK, "", "")] if ov is not None and not ov.weak_known else None
        self.indicator_rows.set_rows(weak_pending or [(f"{i.number} {i.name}", i.below,
                                                       i.mean if i.mean is not None else "-")
                                                      for i in ov.indicators] if ov else [])
        self.oit_rows.set_rows(weak_pending or [(z.code, f"{z.zero} จาก {z.scored}", z.text)
                                                for z in ov.oit_zero] if ov else [])
        for view in (self.indicator_view, self.oit_view):  # the note across the row, not cut short
            view.clearSpans()
            if weak_pending:
                view.setSpan(0, 0, 1, 3)
        for button in (self.export_xlsx, self.export_pdf):
            button.setEnabled(ov is not None and ov.changes_known)
        if ov is None:
            self.summary.setText(message)
            return
        change = "" if ov.mean_change is None else f" เปลี่ยนจากปีก่อนเฉลี่ย {ov.mean_change:+.2f}"
        if not ov.changes_known:
            change = f" ({COMPUTING_CHANGE})"
        levels = " ".join(f"{k} {v}" for k, v in ov.level_counts if k in LEVEL_ORDER)
        self.summary.setText(f"ปีงบประมาณ {ov.year}: {len(ov.offices)} หน่วยงาน คะแนนเฉลี่ย "
                             f"{ov.mean_total if ov.mean_total is not None else '-'}{change} · {levels} "
                             f"· เกณฑ์ผ่าน {ov.line:g}")

    def export(self, kind: str, path: str | None = None) -> str | None:
        """Save the shown overview as Excel or PDF (asks where unless ``path`` is given)."""
        if self.overview is None or not self.overview.changes_known:
            return None
        if path is None:
            suffix = "Excel (*.xlsx)" if kind == "xlsx" else "PDF (*.pdf)"
            path = file_dialogs.get_save_file(self, "บันทึกภาพรวมหลายหน่วยงาน",
                                              f"ภาพรวม_ITA_{self.overview.year}.{kind}", suffix)
            if not path:
                return None
        from ita_desktop.documents.overview_doc import write_overview_pdf, write_overview_xlsx

        write = write_overview_xlsx if kind == "xlsx" else write_overview_pdf
        shown = self.overview
        saved = self.ops.save_with_progress(lambda target: write(shown, target), path, title="บันทึกไฟล์ไม่ได้",
                                            parent=self)  # percent and ยกเลิก; no file unless complete
        return None if saved is None else path
