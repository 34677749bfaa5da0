"""ช่วยเหลือ → คู่มือการใช้งาน (F1): the Thai user guide with a table of contents and a search field."""

from __future__ import annotations

import html
import re
import sys
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QKeySequence, QShortcut, QTextDocument
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)
from ita_desktop.ui.models import roles

HEADING = re.compile(r'<h([23])\s+id="([^"]+)"[^>]*>(.*?)</h\1>', re.S)


def guide_file() -> Path:
    """docs/guide/index.html: inside the frozen bundle, else in the source tree."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    root = Path(frozen_root) if frozen_root else Path(__file__).resolve().parents[3]
    return root / "docs" / "guide" / "index.html"


def table_of_contents(text: str) -> list[tuple[int, str, str]]:
    """(level, anchor, title) of every h2/h3 heading with an id, in order."""
    return [(int(level), anchor, html.unescape(re.sub(r"<[^>]+>", "", title)).strip())
            for level, anchor, title in HEADING.findall(text)]


class HelpDialog(QDialog):
    def __init__(self, parent: QWidget | None = None, path: Path | None = None):
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle("คู่มือการใช้งาน ITA Desktop")
        self.setWindowFlag(Qt.WindowMaximizeButtonHint, True)
        self.path = path or guide_file()
        layout = QVBoxLayout(self)
        layout.addLayout(self._build_search())
        splitter = QSplitter()
        self.toc = QTreeWidget()
        self.toc.setObjectName("helpContents")
        self.toc.setHeaderLabel("สารบัญ")
        self.toc.itemActivated.connect(self._go)
        self.toc.itemClicked.connect(self._go)
        self.browser = QTextBrowser()
        self.browser.setObjectName("helpBrowser")
        self.browser.setOpenExternalLinks(False)
        self.browser.setOpenLinks(True)
        splitter.addWidget(self.toc)
        splitter.addWidget(self.browser)
        splitter.setSizes([260, 740])
        layout.addWidget(splitter, 1)
        self.resize(1100, 680)
        self._load()

    def _build_search(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.search = QLineEdit(placeholderText="ค้นหาในคู่มือ เช่น นำเข้า, เกณฑ์ผ่าน, สำรองข้อมูล")
        self.search.setObjectName("helpSearch")
        self.search.setClearButtonEnabled(True)
        self.search.returnPressed.connect(self.find_next)
        self.search.textChanged.connect(self._search_changed)
        find = QPushButton("ค้นหาถัดไป")
        find.setToolTip("ไปยังคำที่ค้นหาตำแหน่งถัดไป (Enter หรือ F3)")
        find.clicked.connect(self.find_next)
        self.found = QLabel()
        self.found.setObjectName("helpFound")
        row.addWidget(QLabel("ค้นหา:"))
        row.addWidget(self.search, 1)
        row.addWidget(find)
        row.addWidget(self.found)
        QShortcut(QKeySequence.Find, self, activated=self.search.setFocus)
        QShortcut(QKeySequence("F3"), self, activated=self.find_next)
        return row

    def _load(self) -> None:
        if not self.path.is_file():
            self.browser.setPlainText(f"ไม่พบไฟล์คู่มือ: {self.path}")
            return
        text = self.path.read_text(encoding="utf-8")
        self.browser.setSearchPaths([str(self.path.parent)])
        self.browser.setSource(QUrl.fromLocalFile(str(self.path)))
        parents: dict[int, QTreeWidgetItem] = {}
        for level, anchor, title in table_of_contents(text):
            parent = parents.get(level - 1)
            item = QTreeWidgetItem(parent if parent is not None else self.toc, [title])
            item.setData(0, roles.USER, anchor)
            parents[level] = item
        self.toc.expandAll()

    def _go(self, item: QTreeWidgetItem) -> None:
        self.show_section(item.data(0, roles.USER))

    def show_section(self, anchor: str) -> None:
        self.browser.scrollToAnchor(anchor)

    def count_matches(self, text: str) -> int:
        return self.browser.toPlainText().casefold().count(text.casefold()) if text else 0

    def _search_changed(self, text: str) -> None:
        count = self.count_matches(text.strip())
        self.found.setText(f"พบ {count} แห่ง" if text.strip() else "")
        if count:
            cursor = self.browser.textCursor()
            cursor.setPosition(0)
            self.browser.setTextCursor(cursor)
            self.find_next()

    def find_next(self) -> bool:
        """Select the next occurrence of the search text, wrapping to the top; False when none."""
        text = self.search.text().strip()
        if not text:
            return False
        if self.browser.find(text):
            return True
        cursor = self.browser.textCursor()
        cursor.setPosition(0)
        self.browser.setTextCursor(cursor)
        found = self.browser.find(text, QTextDocument.FindFlag(0))
        if not found:
            self.found.setText("ไม่พบคำที่ค้นหา")
        return found
