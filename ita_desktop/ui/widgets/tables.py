"""Shared table and text views: the wrapping table of long Thai text, read-only text views."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QMimeData, QRect, Qt, QTimer
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView, QTextBrowser, QWidget

from ita_desktop.ui.widgets.thai_wrap import ThaiWrapDelegate, plain, screen_html, screen_text


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
        self._unfitted: list[int] = []  # rows fit_rows left for later, the next one last
        self._fit_timer = QTimer(self, singleShot=True, interval=0)
        self._fit_timer.timeout.connect(self._fit_some)
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
        self._unfitted = []  # rows of the model before the reset
        self._fit_timer.stop()
        # Fitted in the next turn of the event loop, once: a tab being shown lays its columns out
        # (each sectionResized restarts the timer) after its model was filled.
        self._resize_timer.start()

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

    FIT_AT_ONCE = 30  # rows fitted before the table is drawn: more than a screen shows
    FIT_STEP = 5  # then this many per turn of the event loop

    def fit_rows(self) -> None:
        """Grow every row to its wrapped text; a spanning heading row to its one line of text.

        A long table (hundreds of rows of Thai text, each broken into words and measured) fits
        the rows from the top one shown at once and the others a few at a time in later turns of
        the event loop, so that a tab is drawn without waiting for rows nobody sees yet; rows
        that grow above the top one shown keep it in place. :meth:`fit_all_rows` fits at once.
        """
        rows = self.model().rowCount()
        self._unfitted = []
        if self.fit_height or rows <= self.FIT_AT_ONCE:
            self.fit_all_rows()
            return
        headings = set(getattr(self.model(), "heading_rows", list)())
        self._fit_headings()
        first = max(self.rowAt(0), 0)
        order = [*range(first, rows), *range(first)]
        shown, height, done = 0, self.viewport().height(), 0
        for row in order:  # the rows that fill the view, now
            if shown > height or done >= self.FIT_AT_ONCE:
                break
            if row not in headings:
                self.resizeRowToContents(row)
            shown += self.rowHeight(row)
            done += 1
        self._unfitted = [row for row in reversed(order[done:]) if row not in headings]  # popped from the end
        if self._unfitted:
            self._fit_timer.start()

    def fit_all_rows(self) -> None:
        """Every row fitted now (what :meth:`fit_rows` leaves for later included)."""
        self._unfitted = []
        self._fit_timer.stop()
        self.resizeRowsToContents()
        self._fit_headings()
        if self.fit_height:
            self.setFixedHeight(self.content_height())

    @property
    def rows_fitted(self) -> bool:
        """Whether no row waits to be fitted."""
        return not self._unfitted

    def _fit_some(self) -> None:
        bar, top = self.verticalScrollBar(), self.rowAt(0)
        before = self.rowViewportPosition(top) if top >= 0 else 0
        for _ in range(min(self.FIT_STEP, len(self._unfitted))):
            self.resizeRowToContents(self._unfitted.pop())
        if top >= 0 and (moved := self.rowViewportPosition(top) - before):
            self.updateGeometries()  # the scroll range grown by the rows, before scrolling by them
            bar.setValue(bar.value() + moved)  # the row on top stays where it was
        if self._unfitted:
            self._fit_timer.start()

    def _fit_headings(self) -> None:
        width = max(self.viewport().width() - 12, 200)
        for row in getattr(self.model(), "heading_rows", list)():
            text = str(self.model().index(row, 0).data() or "")
            box = self.fontMetrics().boundingRect(QRect(0, 0, width, 10_000), Qt.TextWordWrap, text)
            self.setRowHeight(row, box.height() + 10)

    def content_height(self) -> int:
        """Height of the header and every row, frame included."""
        rows = sum(self.rowHeight(r) for r in range(self.model().rowCount()))
        return rows + self.horizontalHeader().sizeHint().height() + 2 * self.frameWidth() + 2


class ThaiTextBrowser(QTextBrowser):
    """A read-only text view whose paragraphs break Thai between words (thai_wrap.screen_text).

    ``toPlainText()`` and copied text come without the invisible break marks.
    """

    def setHtml(self, html: str) -> None:
        super().setHtml(screen_html(html))

    def setPlainText(self, text: str) -> None:
        super().setPlainText(screen_text(text))

    def toPlainText(self) -> str:
        return plain(super().toPlainText())

    def createMimeDataFromSelection(self) -> QMimeData:
        data = QMimeData()
        data.setText(plain(self.textCursor().selection().toPlainText()))
        return data


def text_browser(max_lines: int | None = None) -> QTextBrowser:
    """A read-only, scrolling text area for paragraphs; at most ``max_lines`` lines high."""
    box = ThaiTextBrowser()
    box.setOpenLinks(False)
    if max_lines:
        box.setMaximumHeight(box.fontMetrics().lineSpacing() * max_lines + 16)
    return box


