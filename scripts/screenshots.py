"""Screenshots for the README (docs/screenshot-<tab>.png) and the user guide (docs/guide/img/*.png).

Usage: QT_QPA_PLATFORM=offscreen python scripts/screenshots.py [DOCS_DIR]

Every guide picture is listed in docs/guide/screenshots.json with the signature of the screen it
shows (its class, window title, object names, tab titles, menu entries). tests/ui/test_help.py
rebuilds each screen and compares: when a screen changes, the test asks for this script to be
run again, so the pictures in the guide stay current.
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

def _office_screen() -> None:
    """Offscreen pictures on the office screen the dialogs are made for (1366x768), not Qt's 800x600."""
    platform = os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    if platform == "offscreen":
        config = Path(tempfile.mkdtemp(prefix="ita-screen-")) / "screen.json"
        config.write_text(json.dumps({"screens": [{"name": "office", "x": 0, "y": 0, "width": 1366, "height": 768,
                                                   "logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}))
        os.environ["QT_QPA_PLATFORM"] = f"offscreen:configfile={config}"


_office_screen()
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

# README: tab file name, office, year shown
README_SHOTS = (
    ("scores", "อบต.ตะโกทอง", 2566),
    ("analysis", "อบต.ตะโกทอง", 2566),
    ("measures", "อบต.ตะโกทอง", 2566),
    ("plan", "อบต.เขาทอง", 2567),
)
MANIFEST = "screenshots.json"


@dataclass(frozen=True)
class Shot:
    file: str  # relative to docs/guide
    caption: str
    make: Callable  # (ctx, window) -> the widget to grab (shown)


def _main_tab(index: int, office: str, year: int):
    def make(ctx, window):
        from ita_desktop.services import offices

        window.select(office_id=offices.find_office(ctx, office).id, year=year)
        window.tabs.setCurrentIndex(index)
        return window
    return make


def _wizard(page: int):
    def make(ctx, window):
        from ita_desktop.ui.dialogs.first_run_wizard import FirstRunWizard

        wizard = FirstRunWizard(ctx, window)
        wizard.show()
        wizard.office_page.name.setText("อบต.ตะโกทอง")
        wizard.office_page.district.setText("ซับใหญ่")
        wizard.office_page.province.setText("ชัยภูมิ")
        for _ in range(page):
            wizard.next()
        return wizard
    return make


def _import_dialog(ctx, window):
    from ita_desktop.ui.dialogs.import_dialog import ImportDialog

    return ImportDialog(ctx, window, default_org=window.office_combo.currentText(),
                        default_year=window.current_year())


def _memo_dialog(ctx, window):
    from ita_desktop.services import offices
    from ita_desktop.ui.dialogs.memo_dialog import MemoDialog

    return MemoDialog(ctx, offices.find_office(ctx, "อบต.ตะโกทอง").id, 2566, parent=window)


def _help_dialog(ctx, window):
    from ita_desktop.ui.dialogs.help_dialog import HelpDialog

    dialog = HelpDialog(window)
    dialog.search.setText("เกณฑ์ผ่าน")
    return dialog


def _about_dialog(ctx, window):
    from ita_desktop.ui.dialogs.about_dialog import AboutDialog

    return AboutDialog(ctx, window)


GUIDE_SHOTS = (
    Shot("img/wizard-office.png", "ตัวช่วยเริ่มต้นใช้งาน: ข้อมูลหน่วยงาน", _wizard(0)),
    Shot("img/wizard-garuda.png", "ตัวช่วยเริ่มต้นใช้งาน: ภาพตราครุฑ", _wizard(3)),
    Shot("img/wizard-start.png", "ตัวช่วยเริ่มต้นใช้งาน: เลือกวิธีเริ่มต้น", _wizard(5)),
    Shot("img/main-scores.png", "แท็บคะแนน", _main_tab(0, "อบต.ตะโกทอง", 2566)),
    Shot("img/main-analysis.png", "แท็บวิเคราะห์จุดอ่อน", _main_tab(1, "อบต.ตะโกทอง", 2566)),
    Shot("img/main-measures.png", "แท็บมาตรการ", _main_tab(2, "อบต.ตะโกทอง", 2566)),
    Shot("img/main-plan.png", "แท็บติดตามแผน", _main_tab(3, "อบต.เขาทอง", 2567)),
    Shot("img/import.png", "นำเข้าคะแนนจาก Excel", _import_dialog),
    Shot("img/memo.png", "พิมพ์บันทึกข้อความ", _memo_dialog),
    Shot("img/help.png", "คู่มือการใช้งาน", _help_dialog),
    Shot("img/about.png", "เกี่ยวกับ ITA Desktop", _about_dialog),
)


def signature(widget) -> dict:
    """What a screen consists of, independent of data and pixels: class, title, names, tabs, menus."""
    from PySide6.QtWidgets import QMainWindow, QTabWidget, QWidget, QWizard

    names = sorted({w.objectName() for w in widget.findChildren(QWidget)
                    if w.objectName() and not w.objectName().startswith("qt_")})
    sig = {"class": type(widget).__name__, "title": widget.windowTitle(), "objects": names}
    if isinstance(widget, QMainWindow):
        tabs = widget.findChild(QTabWidget)
        sig["tabs"] = [tabs.tabText(i) for i in range(tabs.count())]
        sig["menus"] = {a.text(): [x.text() for x in a.menu().actions() if x.text()]
                        for a in widget.menuBar().actions()}
    if isinstance(widget, QWizard):
        page = widget.currentPage()
        heading = page.findChild(QWidget, "wizardTitle")  # the page's own title label (wraps between Thai words)
        sig["page"] = page.title() or (heading.text() if heading is not None else "")
    return sig


def open_sample_context():
    from ita_desktop.services.context import open_app
    from ita_desktop.services.demo import load_sample_data

    ctx = open_app(tempfile.mkdtemp(prefix="ita-shots-"))
    load_sample_data(ctx)
    return ctx


def main_window(ctx):
    from ita_desktop.ui.main_window import MainWindow

    window = MainWindow(ctx)
    window.resize(1280, 800)
    window.show()
    return window


def _busy(widget) -> bool:
    """Whether the screen still says it is working ("กำลังสร้างตัวอย่าง...", a preview being made)."""
    from PySide6.QtWidgets import QLabel

    return any(label.isVisibleTo(widget) and label.text().startswith("กำลัง")
               for label in widget.findChildren(QLabel))


def grab(app, widget, target: Path) -> None:
    import time

    widget.show()
    for _ in range(3):
        app.processEvents()
    deadline = time.monotonic() + 20
    while _busy(widget) and time.monotonic() < deadline:  # the picture shows the finished screen
        app.processEvents()
        time.sleep(0.02)
    app.processEvents()
    target.parent.mkdir(parents=True, exist_ok=True)
    if not widget.grab().save(str(target)):
        raise SystemExit(f"cannot write {target}")
    print(target)


def main() -> int:
    from PySide6.QtWidgets import QApplication

    from ita_desktop.ui.fonts import apply_ui_font

    docs = Path(sys.argv[1] if len(sys.argv) > 1 else ROOT / "docs")
    guide = docs / "guide"
    app = QApplication.instance() or QApplication([])
    apply_ui_font(app)
    ctx = open_sample_context()
    window = main_window(ctx)
    for index, (name, office, year) in enumerate(README_SHOTS):
        grab(app, _main_tab(index, office, year)(ctx, window), docs / f"screenshot-{name}.png")
    manifest = []
    for shot in GUIDE_SHOTS:
        widget = shot.make(ctx, window)
        grab(app, widget, guide / shot.file)
        manifest.append({"file": shot.file, "caption": shot.caption, "screen": signature(widget)})
        if widget is not window:
            widget.close()
            widget.deleteLater()
    (guide / MANIFEST).write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    ctx.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
