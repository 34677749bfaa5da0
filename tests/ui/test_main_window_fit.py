"""The main window fits the usual office laptop screen (1366x768, less a task bar) on every tab."""

import pytest

from ita_desktop.services import offices
from ita_desktop.ui.main_window import MainWindow

USABLE = (1366, 728)  # 768 less a 40-pixel task bar


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
    for index in range(window.tabs.count()):
        window.tabs.setCurrentIndex(index)
        hint = window.minimumSizeHint()
        assert hint.width() <= USABLE[0] and hint.height() <= USABLE[1], (window.tabs.tabText(index), hint)
