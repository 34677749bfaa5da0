"""ภาพรวมหลายหน่วยงาน: the fifth tab, its filters and exports; the soft-catalog banner."""

import subprocess

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView

from ita_desktop.services import criteria, imports, offices
from ita_desktop.ui.main_window import MainWindow
from ita_desktop.ui.tabs.overview_tab import OverviewTab
from tests.services.test_imports_many import wide_sheet

NAMES = [f"อบต.บ้านทดสอบ{k}" for k in range(1, 9)] + ["ทต.วังไผ่", "ทม.ชัยภูมิ"]


@pytest.fixture
def two_years(ctx, tmp_path):
    imports.import_file(ctx, wide_sheet(tmp_path / "a.xlsx", NAMES))
    imports.import_file(ctx, wide_sheet(tmp_path / "b.xlsx", NAMES, "ผลการประเมิน ITA ปีงบประมาณ 2567 จังหวัดชัยภูมิ",
                                        shift=-3.0))
    return ctx


def shown(qtbot, tab: OverviewTab) -> None:
    """Wait for the overview computed on the worker thread to be on screen."""
    qtbot.waitUntil(lambda: not tab.computing and tab.overview is not None, timeout=10_000)


def opened(qtbot, ctx, office_id: int | None, year: int = 2567) -> OverviewTab:
    """The tab alone, for ``office_id`` and ``year``, put on screen (its computation started)."""
    tab = OverviewTab(ctx)
    qtbot.addWidget(tab)
    tab.set_context(office_id, year)
    tab.show()
    return tab


@pytest.fixture
def hold(monkeypatch):
    """``hold(name)``: services.overview's ``name`` waits, on the worker, until the returned event is set."""
    import threading

    from ita_desktop.services import overview as overview_service

    gates = []

    def make(name: str) -> threading.Event:
        gate, real = threading.Event(), getattr(overview_service, name)

        def held(*args, **kw):
            gate.wait(10)
            return real(*args, **kw)

        monkeypatch.setattr(overview_service, name, held)
        gates.append(gate)
        return gate

    yield make
    for gate in gates:
        gate.set()


def test_tab_ranks_filters_and_exports(qtbot, two_years, tmp_path):
    office = offices.find_office(two_years, "ทต.วังไผ่")
    tab = opened(qtbot, two_years, office.id)
    shown(qtbot, tab)
    assert tab.ranking.rowCount() == 10
    assert "10 หน่วยงาน" in tab.summary.text() and "+3.00" in tab.summary.text()
    assert tab.ranking.highlight == office.id
    assert tab.indicator_rows.rowCount() == 10 and tab.chart.has_data()
    tab.kind.setCurrentIndex(tab.kind.findData("ทต."))
    shown(qtbot, tab)
    assert tab.ranking.rowCount() == 1 and tab.ranking.rows[0].name == "เทศบาลตำบลวังไผ่"
    tab.kind.setCurrentIndex(0)
    tab.province.setCurrentIndex(tab.province.findData("ชัยภูมิ"))
    shown(qtbot, tab)
    assert tab.ranking.rowCount() == 10 and tab.district.findData("ซับใหญ่") > 0
    xlsx = tab.export("xlsx", str(tmp_path / "ov.xlsx"))
    wb = openpyxl.load_workbook(xlsx)
    assert wb.sheetnames == ["อันดับ", "ระดับ", "ตัวชี้วัด", "ข้อ OIT ที่ได้ 0"]
    ranking = wb["อันดับ"]
    header = next(r for r in range(1, 10) if ranking.cell(r, 1).value == "อันดับ")
    assert ranking.cell(header + 1, 8).value == 3.0 and ranking.max_row == header + 10
    pdf = tab.export("pdf", str(tmp_path / "ov.pdf"))
    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
    assert "ภาพรวมผลการประเมินคุณธรรมและความโปร่งใส" in text and "เทศบาลตำบลวังไผ่" in text
    assert "ตัวชี้วัดที่ต่ำกว่าเกณฑ์บ่อยที่สุด" in text


def test_fifth_tab_only_when_several_offices_hold_the_year(qtbot, two_years, tmp_path):
    lone = wide_sheet(tmp_path / "c.xlsx", ["อบต.บ้านทดสอบ1"], "ผลการประเมิน ITA ปีงบประมาณ 2568 จังหวัดชัยภูมิ")
    imports.import_file(two_years, lone)
    window = MainWindow(two_years)
    qtbot.addWidget(window)
    window.show()
    office = offices.find_office(two_years, "อบต.บ้านทดสอบ1")
    window.select(office_id=office.id, year=2567)
    titles = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert titles[-1] == "ภาพรวมหลายหน่วยงาน" and len(titles) == 5
    window.tabs.setCurrentWidget(window.overview_tab)
    shown(qtbot, window.overview_tab)
    assert window.overview_tab.ranking.rowCount() == 10
    window.select(year=2568)
    assert window.tabs.count() == 4 and window.tabs.indexOf(window.overview_tab) < 0


def test_next_fiscal_year_is_offered_and_starts_soft_with_a_banner(qtbot, ctx):
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    current = criteria.current_fiscal_year()
    years = [window.year_combo.itemData(i) for i in range(window.year_combo.count())]
    assert current in years and current + 1 in years
    window.select(year=current + 1)
    assert current + 1 in criteria.list_years(ctx) and criteria.is_soft(ctx, current + 1)
    assert window.catalog_banner.isVisible() and "ตั้งค่า → เกณฑ์การประเมิน" in window.catalog_banner.text()
    window.select(year=2566)
    assert not window.catalog_banner.isVisible()


def test_overview_is_computed_on_a_worker_and_ahead_while_the_tab_is_hidden(qtbot, two_years, monkeypatch):
    import threading

    from ita_desktop.services import overview as overview_service
    from ita_desktop.ui.tabs import overview_tab

    threads, real = [], overview_service.overview_stages

    def recorded(*args, **kw):
        threads.append(threading.current_thread() is threading.main_thread())
        return real(*args, **kw)

    monkeypatch.setattr(overview_service, "overview_stages", recorded)
    monkeypatch.setattr(overview_tab, "PREFETCH_AFTER_MS", 50)
    tab = OverviewTab(two_years)
    qtbot.addWidget(tab)
    tab.set_context(offices.find_office(two_years, "ทต.วังไผ่").id, 2567)  # hidden: computed ahead, soon
    qtbot.waitUntil(lambda: bool(threads) and not tab.computing, timeout=10_000)
    assert threads == [False]  # on a worker thread, never the window's
    tab.show()  # at once, without computing again
    assert tab.ranking.rowCount() == 10 and not tab.computing and threads == [False]


def test_tab_says_it_is_computing_and_a_change_of_data_computes_again(qtbot, two_years, tmp_path, hold):
    from ita_desktop.services import changes

    gate = hold("overview_stages")
    tab = opened(qtbot, two_years, offices.find_office(two_years, "ทต.วังไผ่").id)
    assert tab.computing and "กำลังคำนวณ" in tab.summary.text() and tab.ranking.rowCount() == 0
    assert not tab.export_pdf.isEnabled()
    gate.set()
    shown(qtbot, tab)
    assert tab.ranking.rowCount() == 10 and tab.export_pdf.isEnabled() and "+3.00" in tab.summary.text()
    imports.import_file(two_years, wide_sheet(tmp_path / "c.xlsx", ["ทม.บ้านใหม่"],
                                              "ผลการประเมิน ITA ปีงบประมาณ 2567 จังหวัดชัยภูมิ"))
    other = offices.find_office(two_years, "ทม.บ้านใหม่").id  # a change of an office not highlighted
    tab.ops.announce(changes.Changes(frozenset({changes.SCORES}), other, 2567))
    shown(qtbot, tab)
    assert tab.ranking.rowCount() == 11


def test_ranking_is_shown_before_the_change_since_last_year(qtbot, two_years, hold):
    gate = hold("_previous_totals")
    tab = opened(qtbot, two_years, None)
    qtbot.waitUntil(lambda: tab.ranking.rowCount() == 10, timeout=10_000)
    assert tab.computing and "กำลังคำนวณการเปลี่ยนแปลงจากปีก่อน" in tab.summary.text()
    assert tab.overview.offices[0].change is None and not tab.export_xlsx.isEnabled()
    assert tab.export("xlsx", "unused.xlsx") is None
    weak = tab.indicator_rows.index(0, 0)  # the weak indicators follow with the change
    assert tab.indicator_rows.rowCount() == 1 and tab.indicator_rows.data(weak) == "กำลังคำนวณ..."
    gate.set()
    shown(qtbot, tab)
    assert "+3.00" in tab.summary.text() and tab.overview.offices[0].change == 3.0 and tab.export_xlsx.isEnabled()
    assert tab.indicator_rows.rowCount() == 10 and tab.indicator_rows.data(weak).split()[0].isdigit()
    assert tab.indicator_rows.data(weak, Qt.ToolTipRole) == tab.indicator_rows.data(weak)  # a name cut short, whole
    header = tab.indicator_view.horizontalHeader()  # the name takes the room the numbers leave
    assert header.sectionResizeMode(0) == QHeaderView.Stretch and header.sectionResizeMode(2) != QHeaderView.Stretch


def test_another_year_chosen_while_the_tab_is_hidden_is_shown_when_it_is_opened(qtbot, two_years):
    tab = opened(qtbot, two_years, None)
    shown(qtbot, tab)
    assert tab.overview.year == 2567
    tab.hide()
    tab.set_context(None, 2566)
    tab.show()
    shown(qtbot, tab)
    assert tab.overview.year == 2566 and "ปีงบประมาณ 2566" in tab.summary.text()


def test_a_result_that_arrives_while_the_tab_is_hidden_is_shown_when_it_is_back(qtbot, two_years, hold):
    gate = hold("overview_stages")
    tab = opened(qtbot, two_years, None)
    assert tab.computing
    tab.hide()  # the clerk went to another tab while it computed
    gate.set()
    qtbot.waitUntil(lambda: not tab.computing, timeout=10_000)
    tab.show()
    assert tab.ranking.rowCount() == 10 and tab.overview.changes_known and tab.export_pdf.isEnabled()


def test_a_failed_computation_is_tried_again(qtbot, two_years, monkeypatch):
    from ita_desktop.services import overview as overview_service
    from ita_desktop.services.errors import UserError

    real, calls = overview_service.overview_stages, []

    def busy_once(*args, **kw):
        calls.append(1)
        if len(calls) == 1:
            raise UserError("ฐานข้อมูลถูกโปรแกรมอื่นใช้งานอยู่")
        return real(*args, **kw)

    monkeypatch.setattr(overview_service, "overview_stages", busy_once)
    tab = opened(qtbot, two_years, None)
    qtbot.waitUntil(lambda: not tab.computing, timeout=10_000)
    assert "ใช้งานอยู่" in tab.summary.text() and tab.overview is None
    tab.hide()
    tab.show()  # the clerk comes back to the tab: computed again, not the old message
    shown(qtbot, tab)
    assert tab.ranking.rowCount() == 10 and len(calls) == 2
    calls.clear()  # the next failure of another filter is not kept either
    tab.kind.setCurrentIndex(tab.kind.findData("ทต."))
    qtbot.waitUntil(lambda: not tab.computing, timeout=10_000)
    assert "ใช้งานอยู่" in tab.summary.text()
    tab.kind.setCurrentIndex(0)  # back to every kind: kept from before
    assert tab.ranking.rowCount() == 10 and not tab.computing
    tab.kind.setCurrentIndex(tab.kind.findData("ทต."))  # the failed one: computed again
    shown(qtbot, tab)
    assert tab.ranking.rowCount() == 1 and len(calls) == 2
