"""Grab every main-window tab with the sample data loaded into docs/screenshot-<tab>.png.

Usage: QT_QPA_PLATFORM=offscreen python scripts/screenshots.py [OUT_DIR]
"""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# tab file name, office, year shown
SHOTS = (
    ("scores", "อบต.ตะโกทอง", 2566),
    ("analysis", "อบต.ตะโกทอง", 2566),
    ("measures", "อบต.ตะโกทอง", 2566),
    ("plan", "อบต.เขาทอง", 2567),
)


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from ita_desktop.services import offices
    from ita_desktop.services.context import open_app
    from ita_desktop.services.demo import load_sample_data
    from ita_desktop.ui.fonts import apply_ui_font
    from ita_desktop.ui.main_window import MainWindow

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    apply_ui_font(app)
    ctx = open_app(tempfile.mkdtemp(prefix="ita-shots-"))
    load_sample_data(ctx)
    window = MainWindow(ctx)
    window.resize(1280, 900)
    window.show()
    for index, (name, office, year) in enumerate(SHOTS):
        window.select(office_id=offices.find_office(ctx, office).id, year=year)
        window.tabs.setCurrentIndex(index)
        app.processEvents()
        target = out / f"screenshot-{name}.png"
        window.grab().save(str(target))
        print(target)
    ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
