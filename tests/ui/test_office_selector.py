"""The office selector: typing part of a name, an abbreviation, a district or a province finds the office."""

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from ita_desktop.ui.widgets.office_selector import HEADING_ROLE, OfficeChoice, OfficeSelector

OFFICES = [
    OfficeChoice(1, "องค์การบริหารส่วนตำบลตะโกทอง", "ซับใหญ่", "ชัยภูมิ"),
    OfficeChoice(2, "เทศบาลตำบลวังไผ่", "เมืองสุราษฎร์ธานี", "สุราษฎร์ธานี"),
    OfficeChoice(3, "องค์การบริหารส่วนตำบลแม่เจดีย์", "เวียงป่าเป้า", "เชียงราย"),
    OfficeChoice(4, "เทศบาลตำบลตะโก", "ซับใหญ่", "ชัยภูมิ"),
    OfficeChoice(5, "องค์การบริหารส่วนตำบลทุ่งท่าช้าง", "สามชุก", "สุพรรณบุรี"),
] + [OfficeChoice(100 + k, f"องค์การบริหารส่วนตำบลบ้านทดสอบ{k}", f"อำเภอที่{k % 7}", "นครราชสีมา")
     for k in range(300)]


def type_text(widget, text: str) -> None:
    """Key presses carrying Thai text, one character at a time (QTest.keyClicks takes ASCII only)."""
    for char in text:
        for kind in (QEvent.KeyPress, QEvent.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, Qt.Key_unknown, Qt.NoModifier, char))


def selector(qtbot) -> OfficeSelector:
    widget = OfficeSelector()
    qtbot.addWidget(widget)
    widget.set_offices(OFFICES)
    widget.show()
    return widget


def test_typing_part_of_a_name_and_enter_lands_on_the_office(qtbot):
    widget = selector(qtbot)
    changes = []
    widget.currentIndexChanged.connect(lambda i: changes.append(widget.currentData()))
    widget.lineEdit().setFocus()
    widget.lineEdit().selectAll()
    type_text(widget.lineEdit(), "แม่เจ")
    assert widget.lineEdit().text() == "แม่เจ"
    assert widget.match_count() == 1
    qtbot.keyClick(widget.lineEdit(), Qt.Key_Return)
    assert widget.currentData() == 3 and changes[-1] == 3
    assert widget.currentText() == "องค์การบริหารส่วนตำบลแม่เจดีย์"


def test_abbreviation_district_and_province_find_offices(qtbot):
    widget = selector(qtbot)
    assert widget.select_text("ทต.ตะโก") and widget.currentData() == 4
    assert widget.select_text("อบต. ตะโก") and widget.currentData() == 1
    assert widget.select_text("ทุ่งท่า") and widget.currentData() == 5
    widget.select_text("จ.ชัยภูมิ")
    assert widget.match_count() == 2
    widget.select_text("สามชุก")
    assert widget.match_count() == 1 and widget.currentData() == 5
    widget.select_text("ชัยภูมิ ทต")  # words in any order, each must match
    assert widget.currentData() == 4
    assert widget.select_text("บ้านทดสอบ๒๙๙") and widget.currentData() == 399  # Thai digits
    assert not widget.select_text("ไม่มีหน่วยงานนี้") and widget.currentData() == 399
    assert widget.currentText() == "องค์การบริหารส่วนตำบลบ้านทดสอบ299"


def test_list_is_grouped_by_province_and_district_and_headings_cannot_be_chosen(qtbot):
    widget = selector(qtbot)
    model = widget.model()
    headings = [model.index(r, 0).data() for r in range(model.rowCount()) if model.index(r, 0).data(HEADING_ROLE)]
    assert headings[0] == "จังหวัดชัยภูมิ · อำเภอซับใหญ่"
    assert "จังหวัดนครราชสีมา · อำเภออำเภอที่0" in headings or "จังหวัดนครราชสีมา · อำเภอที่0" in headings
    assert not model.flags(model.index(0, 0)) & Qt.ItemIsEnabled
    assert widget.currentData() == 4 or widget.currentData() == 1  # an office, never a heading
    assert widget.findData(2) > 0
    widget.setCurrentIndex(widget.findData(2))
    assert widget.currentData() == 2


def test_refill_keeps_the_selection_and_plain_add_item_works(qtbot):
    widget = selector(qtbot)
    widget.setCurrentIndex(widget.findData(5))
    widget.set_offices(OFFICES[:5])
    assert widget.currentData() == 5
    plain = OfficeSelector()
    qtbot.addWidget(plain)
    plain.addItem("องค์การบริหารส่วนตำบลตะโกทอง", 1)
    plain.addItem("เทศบาลตำบลวังไผ่", 2)
    assert plain.currentData() == 1 and plain.findData(2) == 1
    assert plain.select_text("วังไผ่") and plain.currentData() == 2
