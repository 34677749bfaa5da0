"""Entry point of the GUI (``ita-desktop``, ``python -m ita_desktop``)."""

from __future__ import annotations

import argparse
import os
import sys
import time

from ita_desktop.cli.common import add_data_options

_T0 = time.monotonic()


def _ms_since_process_start() -> float:
    """Milliseconds since the OS started this process (Linux /proc), else since this module loaded."""
    try:
        with open("/proc/self/stat", "rb") as f:
            fields = f.read().rsplit(b")", 1)[1].split()
        start_ticks = int(fields[19])
        with open("/proc/uptime", "rb") as f:
            uptime = float(f.read().split()[0])
        return (uptime - start_ticks / os.sysconf("SC_CLK_TCK")) * 1000.0
    except (OSError, ValueError, IndexError, AttributeError):
        return (time.monotonic() - _T0) * 1000.0


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="ita-desktop", description="ITA Desktop")
    add_data_options(parser)
    parser.add_argument("--smoke-test", action="store_true",
                        help="เปิดหน้าต่างหลัก รอจนแสดงผล พิมพ์เวลาเป็นมิลลิวินาที แล้วปิด")
    # a file opened from Explorer (the installer associates .itapkg data packages with the program)
    parser.add_argument("file", nargs="?", help="ไฟล์ที่จะเปิด: ไฟล์คะแนน .xlsx หรือชุดข้อมูล .itapkg")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    args = parse_args(argv)
    if args.smoke_test:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QThreadPool, QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox

    from ita_desktop.services.context import open_app
    from ita_desktop.services.errors import UserError
    from ita_desktop.ui.fonts import apply_ui_font
    from ita_desktop.ui.i18n import install_qt_thai
    from ita_desktop.ui.main_window import PRELOAD, MainWindow
    from ita_desktop.ui.messages import install_excepthook

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("ITA Desktop")
    apply_ui_font(app)
    install_qt_thai(app)
    install_excepthook()
    folder_lock = None
    try:
        folder_lock, data_dir = _lock_data_folder(args)  # one window per data folder
        # a quick start: a local database that needs nothing done is read with sqlite3 until the
        # window is shown; SQLAlchemy and the other tabs are loaded on a thread after that
        ctx = open_app(args.data_dir, args.db_url, defer=True, preload=PRELOAD)
    except Exception as exc:  # a database that cannot be opened: say so in Thai and stop
        text = str(exc) if isinstance(exc, UserError) else f"เปิดฐานข้อมูลไม่ได้: {type(exc).__name__}"
        if folder_lock is not None:
            folder_lock.release()
        if args.smoke_test:
            print(text, file=sys.stderr)
        else:
            if getattr(exc, "holder", None):
                _raise_first(args)  # the window that has the folder comes forward
            QMessageBox.critical(None, "ITA Desktop", text)
        return 2 if isinstance(exc, UserError) else 1
    window = MainWindow(ctx)
    window.folder_lock = folder_lock
    window.show()
    if args.smoke_test:
        return _smoke(app, window)
    window.instance_server = _listen(data_dir, window)  # a second start brings this window forward
    QTimer.singleShot(0, window.finish_start)  # the rest of opening; warnings of the start
    QTimer.singleShot(0, window.first_run)
    if args.file:
        QTimer.singleShot(0, lambda: window.open_file(args.file))
    code = app.exec()
    # Work still running on the thread pool (a read computing the overview, a change being
    # stored) ends before the database is closed under it.
    QThreadPool.globalInstance().waitForDone(10_000)
    ctx.close()
    return code


def _lock_data_folder(args):
    from ita_desktop.services import lock
    from ita_desktop.services.context import _data_folder

    data_dir = _data_folder(args.data_dir)
    return lock.acquire(data_dir), data_dir


def _raise_first(args) -> bool:
    from ita_desktop import paths
    from ita_desktop.ui.single_instance import ask_to_raise

    return ask_to_raise(paths.data_dir(args.data_dir))


def _listen(data_dir, window):
    from ita_desktop.ui.single_instance import listen

    return listen(data_dir, window)


def _smoke(app, window) -> int:
    from PySide6.QtTest import QTest

    from ita_desktop.ui.main_window import PendingTab

    ok = QTest.qWaitForWindowExposed(window, 10000) or window.isVisible()
    app.processEvents()
    print(f"{_ms_since_process_start():.0f}")
    # then the rest of a quick start must work too: the database opened with SQLAlchemy, every tab made
    window.finish_start()
    try:
        window.ctx.db
    except Exception as exc:  # noqa: BLE001 (said and counted as a failure)
        print(f"opening the database after start failed: {exc}", file=sys.stderr)
        ok = False
    deadline = time.monotonic() + 30
    while any(isinstance(page, PendingTab) for page in window.tab_pages) and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    if any(isinstance(page, PendingTab) for page in window.tab_pages):
        print("the tabs were not made after start", file=sys.stderr)
        ok = False
    window.ctx.close()
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
