"""The office selector: a drop-down for thousands of offices that filters as the clerk types.

A QComboBox (same API: ``currentData()``, ``findData()``, ``setCurrentIndex()``,
``currentIndexChanged``, ``addItem(name, id)``) whose list is grouped under province and
district headings, and whose line edit finds an office by any part of its name, by the
อบต./ทต./ทม./ทน. abbreviations, by its district or by its province. Typing shows the matches
in a pop-up; Enter or a click selects one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from ita_desktop.core.digits import to_arabic_digits
from ita_desktop.core.orgnames import canonical_org_name, short_org_name

HEADING_ROLE = Qt.UserRole + 2  # True on the province/district heading rows
PLACEHOLDER = "พิมพ์ชื่อหน่วยงาน อำเภอ หรือจังหวัดเพื่อค้นหา"
GROUP_FROM = 13  # a short list reads better without headings
MAX_SHOWN = 200  # matches listed in the pop-up; typing more narrows them


@dataclass(frozen=True)
class OfficeChoice:
    """What the selector shows of one office."""

    id: int
    name: str
    district: str = ""
    province: str = ""


def _squash(text: str) -> str:
    return to_arabic_digits("".join(text.split())).lower()


def search_key(choice: OfficeChoice) -> str:
    """Name (full and abbreviated), district and province, without spaces, for matching."""
    parts = (choice.name, short_org_name(choice.name), f"อำเภอ{choice.district}", f"อ.{choice.district}",
             f"จังหวัด{choice.province}", f"จ.{choice.province}")
    return _squash("|".join(parts))


def query_terms(text: str) -> list[str]:
    """The words of what the clerk typed, abbreviations written out ("อบต.ตะโก" -> the full kind)."""
    words = (_squash(word).strip(".") for word in canonical_org_name(text.strip()).split()) if text.strip() else ()
    return [word for word in words if word]


def matches(key: str, terms: list[str]) -> bool:
    """Every typed word occurs in the office's search key."""
    return all(term in key for term in terms)


def place(choice: OfficeChoice) -> str:
    return " ".join(p for p in (f"อำเภอ{choice.district}" if choice.district else "",
                                f"จังหวัด{choice.province}" if choice.province else "") if p)


def heading(province: str, district: str) -> str:
    return " · ".join(p for p in (f"จังหวัด{province}" if province else "ไม่ระบุจังหวัด",
                                  f"อำเภอ{district}" if district else "") if p)


class OfficeSelector(QComboBox):
    """A QComboBox of offices grouped by province and district, filtering as the clerk types."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.NoInsert)
        self.setMaxVisibleItems(25)
        self._model = QStandardItemModel(self)
        self.setModel(self._model)
        self._choices: list[tuple[int, OfficeChoice]] = []  # (row, office) of every office row
        self._keys: list[tuple[int, str]] | None = None  # (row, search key), made at the first search
        self._place_of: dict[int, str] = {}  # row -> "อำเภอ... จังหวัด..." (the pop-up's tooltips)
        self._terms: list[str] = []
        self._hit_rows: list[int] = []  # rows matching what is typed
        self._hits = QStandardItemModel(self)  # the first MAX_SHOWN of them, for the pop-up
        self._completer = QCompleter(self._hits, self)
        self._completer.setCompletionMode(QCompleter.UnfilteredPopupCompletion)
        self._completer.setCaseSensitivity(Qt.CaseInsensitive)
        self._completer.setMaxVisibleItems(15)
        self.setCompleter(self._completer)
        self.lineEdit().setPlaceholderText(PLACEHOLDER)
        self.lineEdit().textEdited.connect(self._typed)
        self.lineEdit().returnPressed.connect(self._take_first_match)
        self._completer.activated[QModelIndex].connect(self._picked)
        self.lineEdit().editingFinished.connect(self._restore_text)

    # -- filling ------------------------------------------------------------------------------
    def set_offices(self, offices: Iterable) -> None:
        """Replace the list: ``OfficeChoice``s or anything with id, name, district and province.

        The current office is kept when it is still there; no signal is emitted for the refill.
        """
        keep = self.currentData()
        choices = sorted((OfficeChoice(o.id, o.name, o.district or "", o.province or "") for o in offices),
                         key=lambda c: (c.province == "", c.province, c.district, c.name))
        blocked = self.blockSignals(True)
        grouped = len(choices) >= GROUP_FROM and len({(c.province, c.district) for c in choices}) > 1
        last = None
        rows, order = [], []  # items, and the office of each (None for a heading)
        for c in choices:
            if grouped and (c.province, c.district) != last:
                last = (c.province, c.district)
                rows.append(self._heading_item(heading(*last)))
                order.append(None)
            rows.append(self._office_item(c))
            order.append(c)
        # Filled before it is attached: appending to a model a combo box shows costs a signal per row.
        model = QStandardItemModel(self)
        for item in rows:
            model.appendRow(item)
        self._model = model
        self.setModel(model)  # deletes the previous model (its parent is this combo box)
        self._completer.setModel(self._hits)  # setModel() hands the combo's model to its completer
        self._choices = [(row, choice) for row, choice in enumerate(order) if choice is not None]
        self._keys = None
        index = self.findData(keep) if keep is not None else -1
        self.setCurrentIndex(index if index >= 0 else self._first_office_row())
        self.blockSignals(blocked)

    def addItem(self, text: str, userData=None) -> None:  # noqa: N802 (QComboBox API)
        """Append one office (no heading): the plain QComboBox way of filling it."""
        choice = OfficeChoice(userData, text)
        self._model.appendRow(self._office_item(choice))
        self._choices.append((self._model.rowCount() - 1, choice))
        self._keys = None
        if self.currentIndex() < 0:
            self.setCurrentIndex(self._first_office_row())

    @staticmethod
    def _office_item(c: OfficeChoice) -> QStandardItem:
        item = QStandardItem(c.name)
        item.setData(c.id, Qt.UserRole)
        return item

    @staticmethod
    def _heading_item(text: str) -> QStandardItem:
        item = QStandardItem(text)
        item.setData(True, HEADING_ROLE)
        item.setFlags(Qt.NoItemFlags)  # not selectable: a heading is no office
        font = item.font()
        font.setBold(True)
        item.setFont(font)
        return item

    def _first_office_row(self) -> int:
        for row in range(self._model.rowCount()):
            if not self._model.item(row).data(HEADING_ROLE):
                return row
        return -1

    # -- typing -------------------------------------------------------------------------------
    def _typed(self, text: str) -> None:
        self._search(text)
        if self._terms and self._hit_rows:
            self._completer.complete()

    def _search(self, text: str) -> None:
        """Find the rows matching ``text`` and list the first ones in the pop-up's model."""
        self._terms = query_terms(text)
        if self._keys is None:
            self._keys = [(row, search_key(choice)) for row, choice in self._choices]
            self._place_of = {row: place(choice) for row, choice in self._choices}
        self._hit_rows = [row for row, key in self._keys if matches(key, self._terms)] if self._terms else []
        self._hits.clear()
        for row in self._hit_rows[:MAX_SHOWN]:
            source = self._model.item(row)
            hit = QStandardItem(source.text())
            hit.setData(row, Qt.UserRole)
            hit.setToolTip(self._place_of.get(row, ""))
            self._hits.appendRow(hit)

    def match_count(self) -> int:
        """How many offices match what is typed now."""
        return len(self._hit_rows)

    def select_text(self, text: str) -> bool:
        """Select the first office matching ``text`` (as typing it and pressing Enter does)."""
        self._search(text)
        return self._take_first_match()

    def _take_first_match(self) -> bool:
        if not self._terms or not self._hit_rows:
            self._restore_text()
            return False
        self._choose(self._hit_rows[0])
        return True

    def _picked(self, index: QModelIndex) -> None:
        row = index.data(Qt.UserRole)
        if row is not None:
            self._choose(row)

    def _choose(self, row: int) -> None:
        self.setCurrentIndex(row)
        self._completer.popup().hide()
        self._restore_text()

    def _restore_text(self) -> None:
        """Show the selected office's name again (the typed search is not an office)."""
        index = self.currentIndex()
        text = self._model.item(index).text() if 0 <= index < self._model.rowCount() else ""
        if self.lineEdit().text() != text:
            self.lineEdit().setText(text)
