"""The first-run wizard fits a 1366x768 screen and leads to an empty start, the sample data or an import."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import QMessageBox, QWidget, QWizard

from ita_desktop.services import offices, queries, settings
from ita_desktop.ui.dialogs import first_run_wizard as frw
from ita_desktop.ui.dialogs.first_run_wizard import FirstRunWizard

SCREEN = QSize(1366, 768)


def _fits(wizard: FirstRunWizard) -> None:
    """The wizard and its current page fit the screen less the taskbar, nothing cut off."""
    hint = wizard.sizeHint()
    assert hint.width() <= SCREEN.width() and hint.height() <= SCREEN.height() - 40, hint
    assert wizard.width() <= SCREEN.width() and wizard.height() <= SCREEN.height() - 40
    page = wizard.currentPage()
    assert page.minimumSizeHint().height() <= wizard.height()
    for child in page.findChildren(QWidget):
        if child.isVisibleTo(page):
            bottom = child.mapTo(wizard, child.rect().bottomRight())
            assert bottom.y() <= wizard.height() and bottom.x() <= wizard.width(), child.objectName()


@pytest.fixture
def wizard(qtbot, ctx, monkeypatch):
    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    w = FirstRunWizard(ctx)
    w.shown_errors = shown
    qtbot.addWidget(w)
    w.resize(w.size().boundedTo(QSize(1366, 728)))
    w.show()
    qtbot.waitExposed(w)
    return w


def _garuda_png(path, size=(300, 330)):
    image = QImage(*size, QImage.Format_RGB32)
    image.fill(QColor("white"))
    assert image.save(str(path))
    return path


def test_walk_to_an_empty_start_saves_office_pass_line_and_garuda(wizard, ctx, tmp_path, qtbot):
    assert wizard.currentId() == frw.PAGE_OFFICE
    _fits(wizard)
    page = wizard.office_page
    page.name.setText("อบต.ตะโกทอง")
    page.district.setText("ซับใหญ่")
    page.province.setText("ชัยภูมิ")
    page.website.setText("www.takothong.go.th")
    page.phone.setText("044-056789")
    wizard.next()
    assert wizard.currentId() == frw.PAGE_DIVISIONS
    _fits(wizard)
    wizard.divisions.setPlainText("สำนักปลัด\nกองคลัง\n\nกองช่าง")
    wizard.next()
    assert wizard.currentId() == frw.PAGE_SIGNATORIES
    _fits(wizard)
    wizard.sig_edits["mayor"][0].setText("นายปรีชา เพชรประไพ")
    wizard.sig_edits["mayor"][1].setText("นายกองค์การบริหารส่วนตำบลตะโกทอง")
    wizard.next()
    assert wizard.currentId() == frw.PAGE_GARUDA
    _fits(wizard)
    garuda = _garuda_png(tmp_path / "garuda.png")
    wizard.garuda_page.path.setText(str(garuda))
    assert wizard.garuda_page.preview.pixmap() is not None and not wizard.garuda_page.preview.pixmap().isNull()
    note = wizard.garuda_page.size_note.text()
    assert "300 × 330 พิกเซล" in note and "สูง 1.50 ซม." in note and "กว้าง 1.36 ซม." in note
    wizard.next()
    assert wizard.currentId() == frw.PAGE_PASS_LINE
    _fits(wizard)
    catalog = queries.get_criteria(ctx, queries.list_years(ctx)[-1]).pass_line
    assert wizard.pass_line.value() == catalog  # the catalog's pass line is offered
    wizard.pass_line.setValue(80.5)
    wizard.next()
    assert wizard.currentId() == frw.PAGE_START
    _fits(wizard)
    assert wizard.start_buttons[frw.EMPTY].isChecked()
    wizard.button(QWizard.FinishButton).click()
    assert wizard.result() == QWizard.Accepted and wizard.choice == frw.EMPTY
    saved = offices.get_office(ctx, wizard.saved.id)
    assert saved.name == "องค์การบริหารส่วนตำบลตะโกทอง" and saved.province == "ชัยภูมิ"
    assert saved.website == "www.takothong.go.th" and saved.phone == "044-056789"
    assert saved.divisions == ("สำนักปลัด", "กองคลัง", "กองช่าง")
    assert saved.signatory("mayor").name == "นายปรีชา เพชรประไพ"
    assert saved.garuda_path == str(garuda)
    assert settings.pass_line(ctx, saved.id, queries.list_years(ctx)[-1]).value == 80.5
    assert settings.get_raw(ctx, settings.GARUDA_IMAGE) == str(garuda)
    assert settings.get_raw(ctx, settings.pass_line_key(saved.id)) == "80.5"


def test_empty_name_is_refused_and_nothing_saved(wizard, ctx):
    wizard.next()
    assert wizard.currentId() == frw.PAGE_OFFICE
    assert wizard.shown_errors and "ชื่อหน่วยงาน" in wizard.shown_errors[0]
    assert offices.list_offices(ctx) == []


def test_unreadable_garuda_is_refused_with_a_thai_message(wizard, tmp_path):
    wizard.office_page.name.setText("อบต.ตะโกทอง")
    for _ in range(3):
        wizard.next()
    assert wizard.currentId() == frw.PAGE_GARUDA
    bad = tmp_path / "garuda.png"
    bad.write_bytes(b"not an image")
    wizard.garuda_page.path.setText(str(bad))
    assert "เปิดภาพไม่ได้" in wizard.garuda_page.preview.text()
    wizard.next()
    assert wizard.currentId() == frw.PAGE_GARUDA
    assert "ภาพตราครุฑ" in wizard.shown_errors[-1]


def test_skip_to_the_sample_data(wizard, ctx):
    wizard.office_page.skip.click()
    assert wizard.currentId() == frw.PAGE_START
    _fits(wizard)
    assert wizard.start_buttons[frw.SAMPLE].isChecked()
    wizard.button(QWizard.FinishButton).click()
    assert wizard.choice == frw.SAMPLE and wizard.saved is None
    assert offices.list_offices(ctx) == []  # the main window loads the sample data


def test_back_from_the_skip_lets_the_office_be_filled_in(wizard):
    wizard.office_page.skip.click()
    wizard.back()
    assert wizard.currentId() == frw.PAGE_OFFICE and not wizard.skipping
    wizard.office_page.name.setText("ทต.วังไผ่")
    wizard.next()
    assert wizard.currentId() == frw.PAGE_DIVISIONS


def test_main_window_first_run_walks_the_wizard_to_the_sample_data(qtbot, ctx, monkeypatch):
    from ita_desktop.ui.main_window import MainWindow

    def run_wizard(self):
        self.show()
        self.office_page.skip.click()
        self.button(QWizard.FinishButton).click()
        return self.result()

    monkeypatch.setattr(FirstRunWizard, "exec", run_wizard)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(1366, 728)
    window.first_run()
    assert window.office_combo.count() == len(offices.list_offices(ctx)) >= 5


def test_main_window_first_run_to_an_empty_start_selects_the_new_office(qtbot, ctx, monkeypatch):
    from ita_desktop.ui.main_window import MainWindow

    def run_wizard(self):
        self.show()
        self.office_page.name.setText("ทต.วังไผ่")
        self.office_page.kind.setCurrentText("เทศบาลตำบล")
        for _ in range(frw.PAGE_START):
            self.next()
        assert self.currentId() == frw.PAGE_START
        self.button(QWizard.FinishButton).click()
        return self.result()

    monkeypatch.setattr(FirstRunWizard, "exec", run_wizard)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.first_run()
    assert window.office_combo.count() == 1 and window.office_combo.currentText() == "เทศบาลตำบลวังไผ่"


def test_first_run_is_skipped_when_an_office_exists(qtbot, demo_ctx, monkeypatch):
    from ita_desktop.ui.main_window import MainWindow

    monkeypatch.setattr(FirstRunWizard, "exec", lambda self: pytest.fail("wizard shown again"))
    window = MainWindow(demo_ctx)
    qtbot.addWidget(window)
    window.first_run()


def test_settings_refuse_a_bad_pass_line_and_change_nothing(ctx):
    from ita_desktop.services.errors import UserError

    with pytest.raises(UserError, match="ไม่เกิน 100"):
        settings.parse_pass_line("120")
    with pytest.raises(UserError, match="ไม่เกิน 100"):
        settings.set_pass_line(ctx, 1, None, 120)
    with pytest.raises(UserError, match="ไม่ใช่ตัวเลข"):
        settings.parse_pass_line("แปดสิบ")
    assert settings.get_raw(ctx, settings.pass_line_key(1)) is None
    assert settings.set_raw(ctx, settings.pass_line_key(1), "80") is None
    assert settings.set_raw(ctx, settings.pass_line_key(1), "82") == "80"  # the old value, for undo


def test_main_window_first_run_with_the_import_choice_opens_the_import(qtbot, ctx, monkeypatch):
    from ita_desktop.ui.main_window import MainWindow

    def run_wizard(self):
        self.show()
        self.office_page.name.setText("ทต.วังไผ่")
        for _ in range(frw.PAGE_START):
            self.next()
        self.start_buttons[frw.IMPORT].setChecked(True)
        self.button(QWizard.FinishButton).click()
        return self.result()

    opened = []
    monkeypatch.setattr(FirstRunWizard, "exec", run_wizard)
    monkeypatch.setattr(MainWindow, "import_scores", lambda self, path=None: opened.append(self.current_office_id()))
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.first_run()
    assert opened == [offices.find_office(ctx, "ทต.วังไผ่").id]  # the new office is selected for the import
