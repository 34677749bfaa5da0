"""A print preview: the pages of a PDF file rendered by pdfium, one below the other.

QtPdf is not part of PySide6-Essentials, so pages are rendered to images with pypdfium2
and shown as pixmaps scaled to the width of the view.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pypdfium2
from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QVBoxLayout, QWidget

POINTS_PER_INCH = 72
PAGE_GAP = 12
MAX_PRINT_DPI = 300  # a 1200 dpi page bitmap would take half a gigabyte


def iter_page_images(path: str | Path, scale: float) -> Iterator[QImage]:
    """Each page of the PDF at ``path`` as a QImage (``scale`` 1.0 is 72 dpi)."""
    document = pypdfium2.PdfDocument(str(path))
    try:
        for index in range(len(document)):
            page = document[index]
            try:
                yield _page_image(page, scale)
            finally:
                page.close()
    finally:
        document.close()


def _page_image(page, scale: float) -> QImage:
    # BGRA with reversed byte order is RGBA, which QImage takes as it is.
    bitmap = page.render(scale=scale, force_bitmap_format=pypdfium2.raw.FPDFBitmap_BGRA, rev_byteorder=True)
    try:
        image = QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride, QImage.Format_RGBA8888)
        return image.copy()  # detach from pdfium's buffer before it is freed
    finally:
        bitmap.close()


def print_pdf(path: str | Path, printer: QPrinter) -> int:
    """Paint the pages of the PDF at ``path`` on ``printer``, each filling the paper; return pages printed.

    The page range chosen in the print dialog is honoured; raises RuntimeError when the
    printer cannot be started.
    """
    printer.setFullPage(True)  # the PDF carries its own margins
    first, last = printer.fromPage(), printer.toPage()
    scale = min(printer.resolution(), MAX_PRINT_DPI) / POINTS_PER_INCH
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError("printer could not be started")
    printed = 0
    try:
        for number, image in enumerate(iter_page_images(path, scale), start=1):
            if first and not first <= number <= (last or number):
                continue
            if printed:
                printer.newPage()
            paper = printer.pageLayout().fullRectPixels(printer.resolution())
            painter.drawImage(paper.translated(-paper.topLeft()), image)
            printed += 1
    finally:
        painter.end()
    return printed


def page_count_text(count: int) -> str:
    """The Thai caption above the pages."""
    return f"ตัวอย่างก่อนพิมพ์ จำนวน {count} หน้า" if count else "ยังไม่มีตัวอย่างก่อนพิมพ์"


class PdfPreview(QWidget):
    """Scrollable pages of one PDF file with a page-count caption; ``load(path)`` replaces them."""

    loaded = Signal(int)  # number of pages shown

    def __init__(self, parent: QWidget | None = None, render_scale: float = 2.0):
        super().__init__(parent)
        self.render_scale = render_scale  # rendered once, then scaled down to the view
        self._images: list[QImage] = []
        self._labels: list[QLabel] = []
        self.count_label = QLabel(page_count_text(0))
        self.scroll = QScrollArea()
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.StyledPanel)
        # A fixed scrollbar keeps the fitted width from changing as pages come and go.
        self.scroll.setVerticalScrollBarPolicy(Qt.ScrollBarAlwaysOn)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarAlwaysOff)
        self.scroll.viewport().installEventFilter(self)
        self._pages_box = QWidget()
        self._pages_box.setStyleSheet("background: #8a8a8a;")
        self._pages_layout = QVBoxLayout(self._pages_box)
        self._pages_layout.setSpacing(PAGE_GAP)
        self._pages_layout.setAlignment(Qt.AlignHCenter | Qt.AlignTop)
        self.scroll.setWidget(self._pages_box)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.count_label)
        layout.addWidget(self.scroll, 1)

    def page_count(self) -> int:
        """How many pages are shown."""
        return len(self._images)

    def load(self, path: str | Path) -> int:
        """Show the pages of the PDF at ``path``; return their number."""
        self._set_images(list(iter_page_images(path, self.render_scale)))
        return self.page_count()

    def clear(self) -> None:
        """Show no pages."""
        self._set_images([])

    def _set_images(self, images: list[QImage]) -> None:
        for label in self._labels:
            label.deleteLater()
        self._images = images
        self._labels = [self._page_label() for _ in images]
        for label in self._labels:
            self._pages_layout.addWidget(label)
        self.count_label.setText(page_count_text(len(images)))
        self._fit_pages()
        self.loaded.emit(len(images))

    def _page_label(self) -> QLabel:
        label = QLabel()
        label.setStyleSheet("background: white;")
        label.setAlignment(Qt.AlignCenter)
        return label

    def _fit_pages(self) -> None:
        margins = self._pages_layout.contentsMargins()
        width = max(200, self.scroll.viewport().width() - margins.left() - margins.right())
        for image, label in zip(self._images, self._labels):
            scaled = image.scaledToWidth(width, Qt.SmoothTransformation)
            label.setPixmap(QPixmap.fromImage(scaled))
            label.setFixedSize(scaled.size())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.scroll.viewport() and event.type() == QEvent.Resize and self._images:
            self._fit_pages()
        return super().eventFilter(watched, event)
