"""The main window opens offscreen with four tabs; the selectors switch office and year."""

import pytest

from ita_desktop.services import offices, scores
from ita_desktop.ui.main_window import MainWindow


def _office(ctx, name, year_scores):
    p = offices.save_office(ctx, offices.OfficeProfile(name=name, kind="องค์การบริหารส่วนตำบล"))
    for year, value in year_scores.items():
        scores.set_indicator_score(ctx, p.id, year, 1, value)
    return p


@pytest.fixture
def window(qtbot, ctx):
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    return w


def test_four_tabs_in_thai(window):
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles == ["คะแนน", "วิเคราะห์จุดอ่อน", "มาตรการ", "ติดตามแผน"]


def test_menus_file_and_help(window):
    menus = [a.text() for a in window.menuBar().actions()]
    assert menus[0] == "แฟ้ม" and menus[-1] == "ช่วยเหลือ"
    for key in ("import", "export", "backup", "exit", "about", "demo"):
        assert key in window.actions


def test_year_selector_shows_buddhist_era_years(window):
    labels = [window.year_combo.itemText(i) for i in range(window.year_combo.count())]
    assert "ปีงบประมาณ พ.ศ. 2566" in labels
    assert all("25" in label for label in labels)


def test_selectors_switch_office_and_year(qtbot, ctx, window):
    a = _office(ctx, "อบต.ตะโกทอง", {2566: 90.0})
    b = _office(ctx, "อบต.แม่เจดีย์", {2567: 93.0})
    window.reload_offices()
    seen = []
    window.context_changed.connect(lambda office, year: seen.append((office, year)))
    with qtbot.waitSignal(window.context_changed):
        window.select(office_id=b.id)
    assert window.current_office_id() == b.id
    assert window.current_year() == 2567  # the office's latest scored year is preselected
    with qtbot.waitSignal(window.context_changed):
        window.select(office_id=a.id)
    assert window.current_year() == 2566  # a has no 2567 result: its own latest year
    with qtbot.waitSignal(window.context_changed):
        window.select(year=2567)
    assert seen[-1] == (a.id, 2567)
    for page in window.tab_pages:
        assert (page.office_id, page.year) == (a.id, 2567)


def test_backup_action_writes_a_copy(monkeypatch, ctx, window):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: shown.append(args[2]))
    window.actions["backup"].trigger()
    assert list(ctx.backups_dir.glob("*manual*.itabak"))
    assert "สำรองข้อมูลแล้ว" in shown[0]


def test_backup_action_shows_its_percent_and_can_be_stopped(monkeypatch, ctx, window):
    from PySide6.QtWidgets import QMessageBox

    from tests.ui.progress_helpers import Watch, cancel_when_paused, pause_at, rising_to_100

    shown = []
    monkeypatch.setattr(QMessageBox, "information", lambda *args: shown.append(args[2]))
    folder = ctx.data_dir / "attachments" / "หลักฐาน"
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(20):
        (folder / f"ไฟล์-{n:02d}.pdf").write_bytes(b"x" * 100_000)
    watch = Watch(window.ops)
    window.actions["backup"].trigger()
    assert rising_to_100(watch.shown, at_least=10), watch.shown
    assert len(list(ctx.backups_dir.glob("*manual*.itabak"))) == 1
    reached, go_on = pause_at(monkeypatch, 50)
    cancel_when_paused(watch, reached, go_on)
    window.actions["backup"].trigger()
    assert len(list(ctx.backups_dir.glob("*manual*.itabak"))) == 1  # the stopped one left nothing
    assert not list(ctx.backups_dir.glob(".tmp-*"))
    assert shown[-1] == "ยกเลิกการสำรองข้อมูลแล้ว ไม่ได้สร้างไฟล์สำรอง"


def test_load_sample_data_from_the_menu(qtbot, window):
    window.actions["demo"].trigger()
    names = [window.office_combo.itemText(i) for i in range(window.office_combo.count())]
    assert "องค์การบริหารส่วนตำบลตะโกทอง" in names and len(names) == 5


def test_start_selects_an_office_when_the_list_is_grouped_under_headings(qtbot, ctx):
    """Row 0 of a list grouped by province and district is a heading: the window starts on an office."""
    for k in range(14):
        offices.save_office(ctx, offices.OfficeProfile(name=f"องค์การบริหารส่วนตำบลทดสอบ{k}",
                                                       kind="องค์การบริหารส่วนตำบล", district=f"อำเภอ{k % 3}",
                                                       province="ชัยภูมิ" if k % 2 else "ขอนแก่น"))
    w = MainWindow(ctx)
    qtbot.addWidget(w)
    w.show()
    qtbot.waitExposed(w)
    assert w.office_combo.itemText(0).startswith("จังหวัด")  # grouped
    assert w.current_office_id() is not None and w.office_combo.currentText().startswith("องค์การบริหารส่วนตำบล")
    assert w.tab_pages[0].office_id == w.current_office_id()
