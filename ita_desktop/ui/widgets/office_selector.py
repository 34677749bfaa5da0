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

from PySide6.QtCore import QAbstractListModel, QModelIndex, Qt
from PySide6.QtGui import QFont, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from ita_desktop.core.digits import to_arabic_digits
from ita_desktop.core.orgnames import canonical_org_name, short_org_name
from ita_desktop.ui.models import roles

HEADING_ROLE = roles.USER + 2  # True on the province/district heading rows
PLACEHOLDER = "พิมพ์ชื่อหน่วยงาน อำเภอ หรือจังหวัดเพื่อค้นหา"
GROUP_FROM = 13  # a short list reads better without headings
MAX_SHOWN = 200  # matches listed in the pop-up; typing more narrows them
MEASURED_ROWS = 500  # up to this many rows the selector is as wide as its longest name


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


class OfficeListModel(QAbstractListModel):
    """The selector's rows: offices and (not selectable) headings, kept as Python tuples.

    Thousands of offices are listed at start; a row object per office (QStandardItem) cost a
    fifth of a second for the national 7,850, while a list model answers only for rows shown.
    """

    def __init__(self, rows: list[tuple[str, int | None]] | None = None, parent=None):
        super().__init__(parent)
        self.rows = rows or []  # (text, office id); the id is None on a heading
        self._bold = QFont()
        self._bold.setBold(True)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:  # noqa: N802 (Qt API)
        return 0 if parent.isValid() else len(self.rows)

    def data(self, index: QModelIndex, role: int = roles.DISPLAY):
        if not index.isValid():
            return None
        text, office_id = self.rows[index.row()]
        if role in (roles.DISPLAY, roles.EDIT):
            return text
        if role == roles.USER:
            return office_id
        if role == HEADING_ROLE:
            return True if office_id is None else None
        if role == roles.FONT and office_id is None:
            return self._bold
        return None

    def flags(self, index: QModelIndex):
        if index.isValid() and self.rows[index.row()][1] is None:
            return Qt.NoItemFlags  # a heading is no office
        return Qt.ItemIsEnabled | Qt.ItemIsSelectable

    def append(self, text: str, office_id) -> int:
        row = len(self.rows)
        self.beginInsertRows(QModelIndex(), row, row)
        self.rows.append((text, office_id))
        self.endInsertRows()
        return row

    def text(self, row: int) -> str:
        return self.rows[row][0]

    def is_heading(self, row: int) -> bool:
        return self.rows[row][1] is None


class OfficeSelector(QComboBox):
    """A QComboBox of offices grouped by province and district, filtering as the clerk types."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setEditable(True)
        self.setInsertPolicy(QComboBox.NoInsert)
        self.setMaxVisibleItems(25)
        self.view().setUniformItemSizes(True)  # one row's height for all: no pass over thousands of rows
        self._model = OfficeListModel(parent=self)
        self.setModel(self._model)
        self._row_of: dict[object, int] = {}  # office id -> row
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
        rows, order = [], []  # (text, id) of each row, and the office of each (None for a heading)
        for c in choices:
            if grouped and (c.province, c.district) != last:
                last = (c.province, c.district)
                rows.append((heading(*last), None))
                order.append(None)
            rows.append((c.name, c.id))
            order.append(c)
        model = OfficeListModel(rows, self)
        # Measuring every name is a pass over the whole list: for thousands, the width the window gives
        self.setSizeAdjustPolicy(QComboBox.AdjustToContentsOnFirstShow if len(rows) <= MEASURED_ROWS
                                 else QComboBox.AdjustToMinimumContentsLengthWithIcon)
        self._model = model
        self.setModel(model)  # deletes the previous model (its parent is this combo box)
        self._completer.setModel(self._hits)  # setModel() hands the combo's model to its completer
        self._choices = [(row, choice) for row, choice in enumerate(order) if choice is not None]
        self._row_of = {choice.id: row for row, choice in self._choices}
        self._keys = None
        index = self.findData(keep) if keep is not None else -1
        self.setCurrentIndex(index if index >= 0 else self.first_office_row())
        self.blockSignals(blocked)

    def addItem(self, text: str, userData=None) -> None:  # noqa: N802 (QComboBox API)
        """Append one office (no heading): the plain QComboBox way of filling it."""
        choice = OfficeChoice(userData, text)
        row = self._model.append(text, userData)
        self._choices.append((row, choice))
        self._row_of.setdefault(userData, row)
        self._keys = None
        if self.currentIndex() < 0:
            self.setCurrentIndex(self.first_office_row())

    def findData(self, data, role: int = roles.USER, flags=Qt.MatchExactly | Qt.MatchCaseSensitive) -> int:  # noqa: N802
        """The row of office ``data`` (a dictionary, not a scan of thousands of rows)."""
        if role == roles.USER and isinstance(self.model(), OfficeListModel):
            return self._row_of.get(data, -1)
        return super().findData(data, role, flags)

    def first_office_row(self) -> int:
        for row in range(self._model.rowCount()):
            if not self._model.is_heading(row):
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
            hit = QStandardItem(self._model.text(row))
            hit.setData(row, roles.USER)
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
        row = index.data(roles.USER)
        if row is not None:
            self._choose(row)

    def _choose(self, row: int) -> None:
        self.setCurrentIndex(row)
        self._completer.popup().hide()
        self._restore_text()

    def _restore_text(self) -> None:
        """Show the selected office's name again (the typed search is not an office)."""
        index = self.currentIndex()
        text = self._model.text(index) if 0 <= index < self._model.rowCount() else ""
        if self.lineEdit().text() != text:
            self.lineEdit().setText(text)
