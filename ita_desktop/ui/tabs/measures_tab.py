"""มาตรการ: the measures for the year and the report of what was carried out (read-only for now).

Also home of :class:`WrappedTable`, the read-only table of long Thai text the analysis and
plan tabs use too.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QRect, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.services import measures
from ita_desktop.services.errors import UserError
from ita_desktop.services.measures import MeasureSetView, ResultReportView
from ita_desktop.ui.models import measure_models as mm
from ita_desktop.ui.widgets.score_panels import MessageBar
from ita_desktop.ui.widgets.thai_wrap import ThaiWrapDelegate, ThaiWrapLabel

from .base import Tab

NO_OFFICE_TEXT = "ยังไม่มีหน่วยงาน เพิ่มหน่วยงานหรือโหลดข้อมูลตัวอย่างจากเมนู แฟ้ม"
MEASURES_TITLE = "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"
RESULTS_TITLE = "รายงานผลการดำเนินการ"


def no_measures_text(year: int) -> str:
    return (f"ยังไม่มี{MEASURES_TITLE}ของปีงบประมาณ พ.ศ. {year} "
            f"หรือที่จัดทำจากผลการประเมินปีงบประมาณ พ.ศ. {year}")


def no_report_text(year: int) -> str:
    return f"ยังไม่มีรายงานผลการดำเนินการตามมาตรการของปีงบประมาณ พ.ศ. {year}"


class WrappedTable(QTableView):
    """A read-only table whose cells wrap long text and whose rows grow to fit it.

    ``narrow`` gives, after each model reset, the columns to keep narrow and a sample text
    for their width (None: as wide as the column's header lines and cells, at most
    :attr:`MAX_FIT`); every other column stretches. Rows the model lists in
    ``heading_rows()`` span the whole table.
    """

    MAX_FIT = 160

    def __init__(self, model, narrow: Callable[[], dict[int, str | None]], parent: QWidget | None = None):
        super().__init__(parent)
        self.narrow = narrow
        self.setModel(model)
        self.setWordWrap(True)
        self.setItemDelegate(ThaiWrapDelegate(self))
        self.setTextElideMode(Qt.ElideNone)
        self.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.setSelectionMode(QAbstractItemView.SingleSelection)
        self.setEditTriggers(QAbstractItemView.NoEditTriggers)
        self.setVerticalScrollMode(QAbstractItemView.ScrollPerPixel)
        self.verticalHeader().setVisible(False)
        self.horizontalHeader().setHighlightSections(False)
        self.horizontalHeader().setDefaultAlignment(Qt.AlignCenter)
        self._resize_timer = QTimer(self, singleShot=True, interval=0)
        self._resize_timer.timeout.connect(self.fit_rows)
        self.horizontalHeader().sectionResized.connect(lambda *_: self._resize_timer.start())
        self.fit_height = False  # True: the view is as high as its rows (no vertical scrolling)
        model.modelReset.connect(self._layout_columns)
        self._layout_columns()

    def _layout_columns(self) -> None:
        model, header, metrics = self.model(), self.horizontalHeader(), self.fontMetrics()
        narrow = self.narrow()
        for column in range(model.columnCount()):
            if column in narrow:
                header.setSectionResizeMode(column, QHeaderView.Interactive)
                self.setColumnWidth(column, self._narrow_width(column, narrow[column], metrics))
            else:
                header.setSectionResizeMode(column, QHeaderView.Stretch)
        self.clearSpans()
        for row in getattr(model, "heading_rows", list)():
            self.setSpan(row, 0, 1, model.columnCount())
        self.fit_rows()

    def _narrow_width(self, column: int, sample: str | None, metrics) -> int:
        if sample is not None:
            return metrics.horizontalAdvance(sample) + 20
        model = self.model()
        texts = str(model.headerData(column, Qt.Horizontal) or "").splitlines()
        headings = set(getattr(model, "heading_rows", list)())
        rows = [r for r in range(min(model.rowCount(), 200)) if r not in headings]
        texts += [str(model.index(r, column).data() or "") for r in rows]
        widest = max((metrics.horizontalAdvance(t) for t in texts), default=20)
        return min(widest + 20, self.MAX_FIT)

    def fit_rows(self) -> None:
        """Grow every row to its wrapped text; a spanning heading row to its one line of text."""
        self.resizeRowsToContents()
        width = max(self.viewport().width() - 12, 200)
        for row in getattr(self.model(), "heading_rows", list)():
            text = str(self.model().index(row, 0).data() or "")
            box = self.fontMetrics().boundingRect(QRect(0, 0, width, 10_000), Qt.TextWordWrap, text)
            self.setRowHeight(row, box.height() + 10)
        if self.fit_height:
            self.setFixedHeight(self.content_height())

    def content_height(self) -> int:
        """Height of the header and every row, frame included."""
        rows = sum(self.rowHeight(r) for r in range(self.model().rowCount()))
        return rows + self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth() + 2


def text_browser(max_lines: int | None = None) -> QTextBrowser:
    """A read-only, scrolling text area for paragraphs; at most ``max_lines`` lines high."""
    box = QTextBrowser()
    box.setOpenLinks(False)
    if max_lines:
        box.setMaximumHeight(box.fontMetrics().lineSpacing() * max_lines + 16)
    return box


def paragraphs_html(paragraphs: tuple[str, ...]) -> str:
    from html import escape

    return "".join(f"<p style='text-indent:2em'>{escape(p)}</p>" for p in paragraphs)


class MeasureSetPanel(QWidget):
    """มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน: heading, intro and the measure table."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.sets: tuple[MeasureSetView, ...] = ()
        self.heading = QLabel(wordWrap=True, textFormat=Qt.RichText)
        self.chooser = QComboBox()
        self.chooser.currentIndexChanged.connect(self._chosen)
        self.intro = ThaiWrapLabel()
        self.empty_bar = MessageBar("info")
        self.model = mm.MeasureTableModel(self)
        self.view = WrappedTable(self.model, lambda: {mm.COL_RESPONSIBLE: None})
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.chooser)
        layout.addLayout(top)
        layout.addWidget(self.intro)
        self.legend = QLabel(_legend())
        layout.addWidget(self.legend)
        layout.addWidget(self.empty_bar)
        layout.addWidget(self.view, 1)
        layout.addStretch(0)  # takes the room of the hidden table in the empty state

    def show_sets(self, sets: tuple[MeasureSetView, ...], message: str = "") -> None:
        """Show the first of ``sets`` (a chooser appears when there are several); else ``message``."""
        self.sets = sets
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for s in sets:
            self.chooser.addItem(f"มาตรการปีงบประมาณ พ.ศ. {s.year}", s.id)
        self.chooser.blockSignals(False)
        self.chooser.setVisible(len(sets) > 1)
        self.empty_bar.set_messages([] if sets else [message])
        self._show(sets[0] if sets else None)

    def _chosen(self, index: int) -> None:
        if 0 <= index < len(self.sets):
            self._show(self.sets[index])

    def _show(self, s: MeasureSetView | None) -> None:
        self.model.set_measure_set(s)
        self.view.setVisible(s is not None)
        self.legend.setVisible(s is not None)
        self.intro.setText(s.intro if s else "")
        self.intro.setVisible(bool(s and s.intro))
        self.heading.setText(_measure_heading(s) if s else "")

    @property
    def current(self) -> MeasureSetView | None:
        index = self.chooser.currentIndex()
        return self.sets[index] if 0 <= index < len(self.sets) else None


def _measure_heading(s: MeasureSetView) -> str:
    based = f"จัดทำจากผลการประเมินปีงบประมาณ พ.ศ. {s.based_on_year} · " if s.based_on_year else ""
    return (f"<b style='font-size:16pt'>{MEASURES_TITLE}</b><br>"
            f"<b>มาตรการสำหรับปีงบประมาณ พ.ศ. {s.year}</b> · {based}"
            f"เกณฑ์ผ่านร้อยละ {s.pass_line:g} · {len(s.measures)} มาตรการ")


def _legend() -> str:
    chips = " &nbsp; ".join(
        f"<span style='background:{colour.name()}'>&nbsp;&nbsp;&nbsp;&nbsp;</span> {name}"
        for name, colour in mm.MEASURE_CATEGORIES.values()
    )
    return f"<span style='color:#444'>สีของประเด็น: {chips}</span>"


class ResultReportPanel(QWidget):
    """รายงานผลการดำเนินการ: title, intro paragraphs, the 7-column table, summary paragraphs."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.heading = QLabel(wordWrap=True, textFormat=Qt.RichText)
        self.empty_bar = MessageBar("info")
        self.intro = text_browser()
        self.summary = text_browser()
        self.model = mm.ResultTableModel(self)
        self.view = WrappedTable(self.model, lambda: dict.fromkeys(
            (mm.COL_ORDER, mm.COL_RESULT_PERIOD, mm.COL_RESULT_RESPONSIBLE)))
        self.splitter = QSplitter(Qt.Vertical)
        for widget in (self.intro, self.view, self.summary):
            self.splitter.addWidget(widget)
        self.splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.empty_bar)
        layout.addWidget(self.splitter, 1)
        layout.addStretch(0)  # takes the room of the hidden tables in the empty state

    def show_report(self, report: ResultReportView | None, message: str = "") -> None:
        """Show ``report``, or ``message`` when there is none."""
        self.empty_bar.set_messages([] if report else [message])
        self.splitter.setVisible(report is not None)
        self.model.set_report(report)
        title = (report.title or f"{RESULTS_TITLE} ประจำปีงบประมาณ พ.ศ. {report.year}") if report else ""
        self.heading.setText(f"<b style='font-size:16pt'>{title}</b>" if report else "")
        self.intro.setHtml(paragraphs_html(report.intro_paragraphs) if report else "")
        self.summary.setHtml(_summary_html(report) if report else "")
        self.intro.setVisible(bool(report and report.intro_paragraphs))
        self.summary.setVisible(bool(report and report.summary_paragraphs))
        self.splitter.setSizes([130, 500, 130])


def _summary_html(report: ResultReportView) -> str:
    return "<p><b>สรุปผลการดำเนินการ</b></p>" + paragraphs_html(report.summary_paragraphs)


class MeasuresTab(Tab):
    """The มาตรการ tab: two sections, the measures and the report of what was done."""

    title = "มาตรการ"

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(ctx, parent)
        self.measures = MeasureSetPanel()
        self.results = ResultReportPanel()
        self.sections = QTabWidget()
        self.sections.addTab(self.measures, MEASURES_TITLE)
        self.sections.addTab(self.results, RESULTS_TITLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.sections)
        self.refresh()

    def refresh(self) -> None:
        """Reload the measures and the report of the selected office-year."""
        if self.office_id is None or self.year is None:
            self.measures.show_sets((), NO_OFFICE_TEXT)
            self.results.show_report(None, NO_OFFICE_TEXT)
            return
        try:
            sets = measures.measure_sets_for_year(self.ctx, self.office_id, self.year)
            report = measures.result_report_for_year(self.ctx, self.office_id, self.year)
        except UserError as exc:
            self.measures.show_sets((), str(exc))
            self.results.show_report(None, str(exc))
            return
        self.measures.show_sets(sets, no_measures_text(self.year))
        self.results.show_report(report, no_report_text(self.year))
