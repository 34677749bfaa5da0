"""Thai on screen wraps between words and never inside a never-split term (the PDFs' rules)."""

from __future__ import annotations

import pytest
from PySide6 import QtGui
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QLabel, QStyleOptionViewItem, QTableView

from ita_desktop.documents.wordbreak import never_split_spans
from ita_desktop.services import offices, scores
from ita_desktop.ui.main_window import MainWindow
from ita_desktop.ui.widgets.thai_wrap import LINE_SEPARATOR, ThaiWrapDelegate, ThaiWrapLabel, wrap_text

WIDTHS = (110, 160, 240, 360)


def cuts_inside_terms(text: str, lines: list[str], metrics: QFontMetrics, width: int) -> list[str]:
    """The never-split terms (narrow enough for a line) that ``lines`` cut, shown with a '|'."""
    cuts, position = set(), 0
    for line in lines[:-1]:
        position = text.index(line, position) + len(line)
        cuts.add(position)
    bad = []
    for start, end in never_split_spans(text):
        term = text[start:end]
        if metrics.horizontalAdvance(term) <= width:
            bad += [term[:c - start] + "|" + term[c - start:] for c in sorted(cuts) if start < c < end]
    return bad


def test_wrap_text_breaks_between_words_only(qapp):
    metrics = QFontMetrics(qapp.font())
    text = "ตัวชี้วัดที่ต้องปรับปรุงขององค์การบริหารส่วนตำบลเขาทอง ประจำปีงบประมาณ พ.ศ. ๒๕๖๖ ภายใน 15 วัน"
    for width in WIDTHS:
        lines = wrap_text(text, metrics, width).split(LINE_SEPARATOR)
        assert "".join(lines).replace(" ", "") == text.replace(" ", "")
        assert cuts_inside_terms(text, lines, metrics, width) == []
        assert all(metrics.horizontalAdvance(line) <= width for line in lines)


def test_the_checker_sees_a_cut_term(qapp):
    metrics = QFontMetrics(qapp.font())
    assert cuts_inside_terms("ตัวชี้วัดที่ 1", ["ตัวชี้", "วัดที่ 1"], metrics, 400) == ["ตัวชี้|วัด"]


def test_label_keeps_the_original_text_and_shows_wrapped_lines(qtbot):
    text = "องค์การบริหารส่วนตำบลเขาทองมีตัวชี้วัดที่ต้องปรับปรุง ๓ ตัวชี้วัด ภายใน 15 วัน"
    label = ThaiWrapLabel(text)
    qtbot.addWidget(label)
    label.resize(170, 200)
    label.show()
    qtbot.waitExposed(label)
    shown = QLabel.text(label).split("\n")
    assert label.text() == text and "\u200b" not in label.text()
    assert len(shown) > 2
    assert cuts_inside_terms(text, shown, label.fontMetrics(), 170) == []
    assert label.heightForWidth(170) >= len(shown) * label.fontMetrics().lineSpacing()


@pytest.fixture
def window(qtbot, demo_ctx):
    w = MainWindow(demo_ctx)
    qtbot.addWidget(w)
    w.resize(1300, 700)
    w.show()
    qtbot.waitExposed(w)
    return w


def _visit_all(window, qtbot):
    """Every tab of every sample office at its latest year; yields after each tab is shown."""
    for office in offices.list_offices(window.ctx):
        years = scores.years_with_scores(window.ctx, office.id)
        window.select(office_id=office.id, year=years[-1] if years else None)
        for index in range(window.tabs.count()):
            window.tabs.setCurrentIndex(index)
            QApplication.processEvents()
            yield office


def _option(view: QTableView, width: int) -> QStyleOptionViewItem:
    option = QStyleOptionViewItem()
    option.widget = view
    option.font = view.font()
    option.fontMetrics = view.fontMetrics()
    option.features |= QStyleOptionViewItem.WrapText
    option.rect.setWidth(width)
    option.rect.setHeight(30)
    return option


def _cell_lines(view: QTableView, row: int, column: int, width: int) -> tuple[str, list[str]]:
    index = view.model().index(row, column)
    option = _option(view, width)
    view.itemDelegateForIndex(index).initStyleOption(option, index)
    return str(index.data(Qt.DisplayRole) or ""), option.text.split(LINE_SEPARATOR)


def test_no_cell_or_label_of_the_sample_data_breaks_inside_a_term(window, qtbot):
    checked, labels, problems = 0, 0, []
    for office in _visit_all(window, qtbot):
        for view in window.findChildren(QTableView):
            if not view.isVisible() or not view.wordWrap() or view.model() is None:
                continue
            assert isinstance(view.itemDelegate(), ThaiWrapDelegate), type(view.parent()).__name__
            model = view.model()
            for row in range(model.rowCount()):
                for column in range(model.columnCount()):
                    for width in WIDTHS:
                        text, lines = _cell_lines(view, row, column, width)
                        assert "\u200b" not in text and LINE_SEPARATOR not in text  # copy gets the plain text
                        if not text.strip():
                            continue
                        checked += 1
                        room = ThaiWrapDelegate.text_width(_option(view, width))
                        problems += cuts_inside_terms(text, lines, view.fontMetrics(), room)
                        problems += [f"wider than {room}: {line}" for line in lines
                                     if view.fontMetrics().horizontalAdvance(line) > room]
        for label in window.findChildren(QLabel):
            rich = label.textFormat() == Qt.RichText or (label.textFormat() == Qt.AutoText and QtGui.Qt.mightBeRichText(label.text()))
            if label.isVisible() and label.wordWrap() and label.text() and not rich:
                pytest.fail(f"a word-wrapped plain label that Qt wraps itself: {label.text()[:40]}")
            if isinstance(label, ThaiWrapLabel) and label.isVisible() and label.text():
                shown = QLabel.text(label).split("\n")
                labels += 1
                problems += cuts_inside_terms(label.text(), shown, label.fontMetrics(), label.width())
    assert checked > 200 and labels > 10, (checked, labels)
    assert problems == []


def test_qt_itself_finds_thai_word_boundaries(qapp):
    """Qt's own text widgets (QPlainTextEdit, QLineEdit) wrap Thai between words only when Qt
    finds libthai at run time (scripts/setup.sh installs libthai0; the bundle carries it)."""
    from PySide6.QtCore import QTextBoundaryFinder

    text = "องค์การบริหารส่วนตำบลตะโกทอง"
    finder = QTextBoundaryFinder(QTextBoundaryFinder.Word, text)
    bounds, at = [], finder.toNextBoundary()
    while at != -1:
        bounds.append(at)
        at = finder.toNextBoundary()
    assert bounds == [7, 13, 17, 21, 25, 28]  # องค์การ|บริหาร|ส่วน|ตำบล|ตะโก|ทอง


def _browser_lines(browser) -> list[str]:
    """The lines Qt laid out in a text browser, without the invisible break marks."""
    from ita_desktop.ui.widgets.thai_wrap import plain

    lines = []
    block = browser.document().begin()
    while block.isValid():
        layout = block.layout()
        for k in range(layout.lineCount()):
            line = layout.lineAt(k)
            lines.append(plain(block.text()[line.textStart():line.textStart() + line.textLength()]))
        block = block.next()
    return lines


def _word_bounds(text: str) -> set[int]:
    """Where Qt's own word finder (libthai, where installed) and ours put word boundaries."""
    from PySide6.QtCore import QTextBoundaryFinder

    from ita_desktop.documents.wordbreak import break_units

    bounds, at = set(), 0
    for unit in break_units(text):
        at += len(unit)
        bounds.add(at)
    finder = QTextBoundaryFinder(QTextBoundaryFinder.Word, text)
    at = finder.toNextBoundary()
    while at != -1:
        bounds.add(at)
        at = finder.toNextBoundary()
    return bounds


def test_text_browsers_break_thai_only_between_words(qtbot):
    from ita_desktop.ui.widgets.tables import text_browser

    sentence = ("ส่วนที่จะต้องพัฒนาเนื่องจากได้คะแนนต่ำกว่า 85 มี 8 ตัวชี้วัด คือ การใช้งบประมาณ "
                "การใช้ทรัพย์สินของราชการ ขององค์การบริหารส่วนตำบลตะโกทอง ปีงบประมาณ พ.ศ. ๒๕๖๖")
    browser = text_browser()
    qtbot.addWidget(browser)
    browser.setHtml(f"<p><b>สรุป</b> {sentence} &amp; อื่น ๆ</p>")
    browser.show()
    assert browser.toPlainText() == f"สรุป {sentence} & อื่น ๆ"
    bounds = _word_bounds(browser.toPlainText())
    seen_breaks = 0
    for width in range(160, 420, 9):
        browser.setFixedWidth(width)
        browser.document().setTextWidth(browser.viewport().width())
        lines = _browser_lines(browser)
        seen_breaks += len(lines) > 1
        assert "".join(lines) == browser.toPlainText()
        position = 0
        for line in lines[:-1]:
            position += len(line)
            assert position in bounds, (width, lines)  # never inside a word, never "anywhere"
        assert not any(line.endswith("พ.ศ.") for line in lines), lines  # พ.ศ. stays with its year
    assert seen_breaks > 10


def test_screen_text_marks_breaks_only_between_units():
    from ita_desktop.ui.widgets.thai_wrap import ZWSP, plain, screen_text

    text = "มี 8 ตัวชี้วัด คือ การใช้ทรัพย์สินของราชการ\nพ.ศ. ๒๕๖๖"
    marked = screen_text(text)
    assert plain(marked) == text
    assert "ตัวชี้วัด" in marked and "พ.ศ.\u00a0๒๕๖๖" in marked  # terms stay whole
    assert f"การ{ZWSP}ใช้{ZWSP}ทรัพย์สิน{ZWSP}ของ{ZWSP}ราชการ" in marked


def test_lines_from_remembered_unit_widths_are_the_measured_lines(qapp):
    """The screen's fast fill (sums of unit widths) gives the lines the exact fill gives."""
    from PySide6.QtGui import QFont, QFontMetrics

    from ita_desktop.documents.wordbreak import fill_lines
    from ita_desktop.ui.widgets.thai_wrap import unit_widths

    texts = ["ควรจัดให้มีการประชุมเพื่อชี้แจงงบประมาณและแผนการใช้จ่ายงบประมาณให้บุคลากรภายในทราบ "
             "เปิดโอกาสให้บุคลากรมีส่วนร่วมในกระบวนการงบประมาณ และกำกับติดตามการใช้จ่ายให้เป็นไปตามวัตถุประสงค์",
             "องค์การบริหารส่วนตำบลตะโกทอง อำเภอซับใหญ่ จังหวัดชัยภูมิ ปีงบประมาณ พ.ศ. ๒๕๖๖ (ร้อยละ 85)\n"
             "ตัวชี้วัดที่ 1 การปฏิบัติหน้าที่ https://www.example.go.th/ita/2566 ผู้รับผิดชอบ สำนักปลัด"]
    for font in (QFont(), QFont("Laksaman", 14)):
        metrics = QFontMetrics(font)
        per_unit = unit_widths(metrics, font.key())
        for text in texts:
            for width in range(60, 700, 13):
                assert fill_lines(text, metrics.horizontalAdvance, width, per_unit) == \
                    fill_lines(text, metrics.horizontalAdvance, width), width
