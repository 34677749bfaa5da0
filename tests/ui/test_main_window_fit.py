"""The main window fits the usual office laptop screen (1366x768, less a task bar) on every tab."""

import pytest
from PySide6.QtWidgets import QScrollArea

from ita_desktop.services import offices
from ita_desktop.ui.main_window import MainWindow

USABLE = (1366, 728)  # 768 less a 40-pixel task bar


@pytest.fixture(autouse=True)
def program_font(qapp):
    """The font the program sets (ita_desktop.app: the bundled Thai font at its size), not Qt's default:
    its lines are taller."""
    from ita_desktop.ui.fonts import apply_ui_font
    from ita_desktop.ui.widgets import thai_wrap

    before = qapp.font()
    assert apply_ui_font(qapp)  # (registers the bundled fonts: a family may now resolve to another file)
    thai_wrap._UNIT_WIDTHS.clear()  # widths remembered by font name, measured before
    yield
    qapp.setFont(before)
    thai_wrap._UNIT_WIDTHS.clear()


@pytest.mark.parametrize("with_data", [False, True])
def test_every_tab_fits_a_1366x768_screen(qtbot, ctx, with_data):
    if with_data:
        from ita_desktop.services.demo import load_sample_data

        load_sample_data(ctx)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.show()
    if with_data:
        window.select(office_id=offices.find_office(ctx, "อบต.ตะโกทอง").id, year=2566)
    window.resize(*USABLE)
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        hint = window.minimumSizeHint()
        assert hint.width() <= USABLE[0] and hint.height() <= USABLE[1], (window.tabs.tabText(index), hint)
        qtbot.wait(50)
        scroll = window.tabs.currentWidget().findChild(QScrollArea)
        if scroll is not None:  # the tab's content fits without scrolling, too
            assert not scroll.verticalScrollBar().isVisible(), window.tabs.tabText(index)


def test_every_tab_fits_with_the_soft_catalog_banner_and_the_message_bars(qtbot, ctx):
    """A year whose catalog is not confirmed shows a banner over the tabs, a year without scores a
    message over the tables: the window still fits (each wraps at the window's width)."""
    from ita_desktop.services import criteria
    from ita_desktop.services.demo import load_sample_data

    load_sample_data(ctx)
    window = MainWindow(ctx)
    qtbot.addWidget(window)
    window.resize(*USABLE)
    window.show()
    soft = max(criteria.offered_years(ctx))
    window.select(office_id=offices.find_office(ctx, "อบต.ตะโกทอง").id, year=soft)
    assert window.catalog_banner.isVisible() and window.tab_pages[0].empty_bar.isVisible()
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        hint = window.minimumSizeHint()
        assert hint.width() <= USABLE[0] and hint.height() <= USABLE[1], (window.tabs.tabText(index), hint)
