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


