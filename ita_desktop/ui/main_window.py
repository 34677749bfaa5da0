"""The main window: office and year selectors, four tabs, menus แฟ้ม and ช่วยเหลือ."""

from __future__ import annotations

import sys

import importlib
from functools import wraps
from pathlib import Path
from typing import NamedTuple

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

# Only what shows the window is imported here: the read side (plain SQL) and the คะแนน tab. The
# write side of the services (SQLAlchemy and the ORM, about half a second) and the other tabs are
# imported where they are used, or on the opening thread after the window is shown (quick start).
from ita_desktop.core.gcpause import freeze_long_lived
from ita_desktop.services import overview, queries
from ita_desktop.services.changes import CRITERIA, OFFICES, SCORES, SETTINGS, Changes
from ita_desktop.services.undo import deletion_step
from ita_desktop.ui.operations import Operations
from ita_desktop.ui.widgets.thai_wrap import ThaiWrapLabel
from ita_desktop.ui.action_help import TAB_SHORTCUTS, apply_action_help
from ita_desktop.ui.tabs.overview_tab import OverviewTab
from ita_desktop.ui.tabs.scores_tab import ScoresTab
from ita_desktop.ui.widgets.office_selector import OfficeSelector


class TabSpec(NamedTuple):
    module: str
    name: str
    title: str  # the class's own title (a test checks)


TABS = (
    TabSpec("ita_desktop.ui.tabs.scores_tab", "ScoresTab", "คะแนน"),
    TabSpec("ita_desktop.ui.tabs.analysis_tab", "AnalysisTab", "วิเคราะห์จุดอ่อน"),
    TabSpec("ita_desktop.ui.tabs.measures_tab", "MeasuresTab", "มาตรการ"),
    TabSpec("ita_desktop.ui.tabs.plan_tab", "PlanTab", "ติดตามแผน"),
)
# Imported on the opening thread of a quick start, before the window needs them: the tabs not
# shown at start and the write side of the services the menus use.
PRELOAD = tuple(spec.module for spec in TABS[1:]) + (
    "ita_desktop.models.db", "ita_desktop.services.audit", "ita_desktop.services.backups",
    "ita_desktop.services.criteria", "ita_desktop.services.offices", "ita_desktop.services.scores",
    "ita_desktop.services.snapshots", "sqlalchemy.exc",
)
SOFT_BANNER_STYLE = "background: #fff3b0; color: #5c4500; border: 1px solid #e0c040; padding: 6px;"


def tab_class(spec: TabSpec):
    return getattr(importlib.import_module(spec.module), spec.name)


class PendingTab(QWidget):
    """An empty page holding a tab's place until its module is imported (a quick start)."""

    def __init__(self, spec: TabSpec, parent: QWidget | None = None):
        super().__init__(parent)
        self.spec = spec
        self.title = spec.title


class _OpeningSignals(QObject):
    """Hands the opening thread's news to the window's thread."""

    imported = Signal()
    opened = Signal()


def year_label(year: int) -> str:
    return f"ปีงบประมาณ พ.ศ. {year}"


def _preferred_year(keep: int | None, scored: list[int], years: list[int]) -> int | None:
    """Keep the clerk's year where the office has scores; else its latest scored year."""
    if keep in scored or (keep in years and not scored):
        return keep
    if scored:
        return scored[-1]
    return years[-1] if years else None


class MainWindow(QMainWindow):
    context_changed = Signal(object, object)  # office id, year (None when there is none)

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.ops = Operations(ctx, self)
        self.setWindowTitle("ITA Desktop – การประเมินคุณธรรมและความโปร่งใส")
        self._fit_to_screen(1200, 800)
        self._build_toolbar()
        self.tabs = QTabWidget()
        # A quick start (ctx.loading) makes only the คะแนน tab now; the others once imported.
        self.tab_pages = [self._make_tab(spec) if index == 0 or not ctx.loading else PendingTab(spec)
                          for index, spec in enumerate(TABS)]
        for page in self.tab_pages:
            self.tabs.addTab(page, page.title)
        self.tabs.currentChanged.connect(self._tab_changed)
        self.overview_tab = OverviewTab(ctx, self.ops)  # a fifth tab, shown when several offices hold the year's scores
        self.context_changed.connect(self._overview_context)
        self.catalog_banner = ThaiWrapLabel()
        self.catalog_banner.PREFERRED_WIDTH = 1100  # as wide as the window: its lines at that width
        self.catalog_banner.setWordWrap(True)
        self.catalog_banner.setStyleSheet(SOFT_BANNER_STYLE)
        self.catalog_banner.setVisible(False)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.catalog_banner)
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.actions: dict[str, QAction] = {}
        self._build_menus()
        self.ops.changed.connect(self._data_changed)
        self.ops.history_changed.connect(self._update_undo_actions)
        self._update_undo_actions()
        self.reload_offices()
        self.ops.watch()
        self._opening_signals: _OpeningSignals | None = None

    # -- a quick start: the window first, SQLAlchemy and the other tabs right after -------------
    def _make_tab(self, spec: TabSpec):
        page = ScoresTab(self.ctx, self.ops) if spec.name == "ScoresTab" else tab_class(spec)(self.ctx, self.ops)
        self.context_changed.connect(page.set_context)  # each page listens to self.ops itself
        return page

    def finish_start(self) -> None:
        """After the window is shown: finish opening the database on a thread (a quick start),
        make the other tabs once their modules are imported, and tell the clerk what start found."""
        # Work on other threads (the opening thread now, an overview or a document later) gives
        # the interpreter back to the window's thread within a millisecond, not Python's 5 ms:
        # each call into Qt lets it go, and a screen makes thousands of them.
        sys.setswitchinterval(0.001)
        opening = self.ctx.opening
        if opening is None or self._opening_signals is not None:
            if opening is None:
                self._show_start_warnings()
                QTimer.singleShot(0, freeze_long_lived)
            return
        # (the thread may have been started already: a year needing its catalog made before show)
        self._opening_signals = signals = _OpeningSignals(self)
        signals.imported.connect(self._make_pending_tabs, Qt.QueuedConnection)
        signals.opened.connect(self._opened, Qt.QueuedConnection)
        opening.on_imported = signals.imported.emit
        opening.on_done = signals.opened.emit
        opening.start()
        if opening.imported.is_set():  # it was quicker than the connections
            QTimer.singleShot(0, self._make_pending_tabs)
        if opening.done.is_set():
            QTimer.singleShot(0, self._opened)

    def wait_for_start(self) -> None:
        """Block until the modules the menus and tabs need are imported (at once if not a quick start).

        Everything that may import the write side runs after this, so the window's thread never
        imports a module the opening thread is importing at the same time.
        """
        opening = self.ctx.opening
        if opening is None or opening.imported.is_set():
            return
        QApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            opening.wait_imported()
        finally:
            QApplication.restoreOverrideCursor()

    def _wait_for_module(self, module: str) -> None:
        """Like :meth:`wait_for_start`, for one tab's module: the opening thread imports the tabs'
        modules first (วิเคราะห์จุดอ่อน needs no SQLAlchemy), so a tab chosen right after the window
        appeared does not wait for the whole write side. The module is then fully imported, by
        that thread: this thread does not import it at the same time."""
        opening = self.ctx.opening
        if opening is None or opening.imported.is_set():
            return
        QApplication.setOverrideCursor(Qt.WaitCursor)
        try:
            opening.wait_module(module)
        finally:
            QApplication.restoreOverrideCursor()

    def _make_pending_tabs(self) -> None:
        """Replace the waiting pages by the real tabs, one per turn of the event loop."""
        for index, page in enumerate(self.tab_pages):
            if isinstance(page, PendingTab):
                self._install_tab(index)
                QTimer.singleShot(0, self._make_pending_tabs)
                return

    def _install_tab(self, index: int):
        spec = TABS[index]
        self._wait_for_module(spec.module)
        self._step_aside()
        page = self._make_tab(spec)
        current = self.tabs.currentIndex()
        blocked = self.tabs.blockSignals(True)
        pending = self.tabs.widget(index)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, page, spec.title)
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(blocked)
        pending.deleteLater()
        self.tab_pages[index] = page
        page.set_context(self.current_office_id(), self.current_year())
        return page

    def _tab_changed(self, index: int) -> None:
        page = self.tabs.widget(index)
        if isinstance(page, PendingTab):
            page = self._install_tab(index)
        self._step_aside()  # (after the tab's module was waited for: the tab is made and drawn now)
        if page is not None:
            page.refresh_if_stale()

    def _opened(self) -> None:
        """The opening thread is done: say if it failed, and what the backup at start found."""
        opening = self.ctx.opening
        if opening is None or self._opening_signals is None:
            return
        self._opening_signals = None
        self._make_pending_tabs()
        if opening.error is not None:
            self.ops.report(opening.error, "เปิดฐานข้อมูลไม่ได้ ดูข้อมูลได้ แต่แก้ไขข้อมูลไม่ได้")
        self._show_start_warnings()
        # What start made lives as long as the program: out of the garbage collector's passes,
        # which then stay short (core.gcpause).
        QTimer.singleShot(0, freeze_long_lived)

    def _show_start_warnings(self) -> None:
        for warning in self.ctx.warnings:  # e.g. the backup at start could not be made
            QTimer.singleShot(0, lambda text=warning: QMessageBox.warning(self, "ITA Desktop", text))

    def _fit_to_screen(self, width: int, height: int) -> None:
        """The preferred size, or the screen's available area when smaller (a 1366x768 laptop)."""
        from PySide6.QtGui import QGuiApplication

        screen = QGuiApplication.primaryScreen()
        area = screen.availableGeometry() if screen is not None else None
        if area is not None:
            width, height = min(width, area.width()), min(height, area.height())
        self.resize(width, height)

    # -- selectors -------------------------------------------------------------------------
    def _build_toolbar(self) -> None:
        bar = QToolBar("หน่วยงานและปี")
        bar.setMovable(False)
        self.office_combo = OfficeSelector()
        self.office_combo.setMinimumWidth(380)
        self.year_combo = QComboBox()
        self.year_combo.setMinimumWidth(200)
        bar.addWidget(QLabel(" หน่วยงาน: "))
        bar.addWidget(self.office_combo)
        bar.addWidget(QLabel("   ปี: "))
        bar.addWidget(self.year_combo)
        self.addToolBar(bar)
        self.office_combo.currentIndexChanged.connect(lambda _i: self._office_changed())
        self.year_combo.currentIndexChanged.connect(self._emit_context)

    def current_office_id(self) -> int | None:
        return self.office_combo.currentData()

    def current_year(self) -> int | None:
        return self.year_combo.currentData()

    def reload_offices(self, select_id: int | None = None, emit: bool = True) -> None:
        """Refill the office selector, keeping (or moving to) a selection.

        ``emit`` False (the data changed, not the clerk's choice): the year stays where it is
        when it still exists, and tabs hear of it only if office or year had to move.
        """
        keep = select_id or self.current_office_id()
        self.office_combo.blockSignals(True)
        self.office_combo.set_offices(queries.office_names(self.ctx))
        index = self.office_combo.findData(keep) if keep else -1
        # else the first office (row 0 of a list grouped by province is a heading, not an office)
        self.office_combo.setCurrentIndex(index if index >= 0 else self.office_combo.first_office_row())
        self.office_combo.blockSignals(False)
        self._office_changed(stay=not emit)

    def _office_changed(self, stay: bool = False) -> None:
        office_id = self.current_office_id()
        keep = self.current_year()
        scored = queries.years_with_scores(self.ctx, office_id) if office_id else []
        years = sorted(set(queries.offered_years(self.ctx)) | set(scored))
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for y in years:
            self.year_combo.addItem(year_label(y), y)
        preferred = keep if stay and keep in years else _preferred_year(keep, scored, years)
        if preferred is not None:
            self.year_combo.setCurrentIndex(self.year_combo.findData(preferred))
        self.year_combo.blockSignals(False)
        self._emit_context()

    def select(self, office_id: int | None = None, year: int | None = None) -> None:
        """Select an office and/or year programmatically (as a clerk would with the combos)."""
        if office_id is not None:
            self.office_combo.setCurrentIndex(self.office_combo.findData(office_id))
        if year is not None:
            self.year_combo.setCurrentIndex(self.year_combo.findData(year))

    def _step_aside(self) -> None:
        """The clerk asked for something while the opening thread still imports: it waits a moment."""
        if self.ctx.opening is not None:
            self.ctx.opening.step_aside()

    def _emit_context(self) -> None:
        self._step_aside()
        year = self.current_year()
        if year is not None:
            # the current or next fiscal year may have no catalog yet: a soft copy of the newest
            if year not in queries.list_years(self.ctx):
                self.wait_for_start()
                from ita_desktop.services import criteria

                self.ops.query(lambda ctx: criteria.ensure_year(ctx, year), title="เตรียมเกณฑ์การประเมินไม่ได้")
            banner = queries.soft_banner(self.ctx, year)
            self.catalog_banner.setText(banner or "")
            self.catalog_banner.setVisible(bool(banner))
        self.context_changed.emit(self.current_office_id(), year)

    def _overview_context(self, office_id: int | None, year: int | None) -> None:
        """Show the overview tab only when more than one office holds scores for the year."""
        many = year is not None and overview.has_many_offices(self.ctx, year)
        index = self.tabs.indexOf(self.overview_tab)
        if many and index < 0:
            self.tabs.addTab(self.overview_tab, self.overview_tab.title)
        elif not many and index >= 0:
            self.tabs.removeTab(index)
        if many:
            self.overview_tab.set_context(office_id, year)

    # -- menus -----------------------------------------------------------------------------
    def _action(self, key: str, text: str, slot, shortcut=None) -> QAction:
        action = QAction(text, self)
        if shortcut:
            action.setShortcut(shortcut)
        action.triggered.connect(self._after_start(slot))
        self.actions[key] = action
        return action

    def _after_start(self, slot):
        """``slot`` run once a quick start has imported what menus need (see :meth:`wait_for_start`)."""
        @wraps(slot)
        def run(*args):
            self.wait_for_start()
            return slot(*args)

        return run

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("แฟ้ม")
        self.file_menu = file_menu
        file_menu.addAction(self._action("import", "นำเข้าคะแนนจาก Excel...", lambda: self.import_scores()))
        file_menu.addAction(self._action("export", "ส่งออกคะแนนเป็น Excel...", self.export_scores))
        file_menu.addAction(self._action("template", "บันทึกแบบฟอร์มคะแนน...", self.save_template))
        file_menu.addAction(self._action("memo", "พิมพ์บันทึกข้อความ...", self.print_memo, QKeySequence("Ctrl+P")))
        file_menu.addSeparator()
        file_menu.addAction(self._action("office_new", "เพิ่มหน่วยงาน...", self.new_office))
        file_menu.addAction(self._action("office_edit", "ข้อมูลหน่วยงาน...", self.edit_office))
        file_menu.addAction(self._action("office_delete", "ลบหน่วยงาน...", self.delete_office))
        file_menu.addAction(self._action("scores_delete", "ลบคะแนนของปีนี้...", self.delete_year_scores))
        file_menu.addAction(self._action("demo", "โหลดข้อมูลตัวอย่าง", self.load_demo))
        file_menu.addSeparator()
        file_menu.addAction(self._action("backup", "สำรองข้อมูล", self.backup))
        self._add_data_safety_menu(file_menu)  # issue 13: backups/restore, audit log, data packages
        file_menu.addSeparator()
        file_menu.addAction(self._action("exit", "ออก", self.close, QKeySequence.Quit))
        edit_menu = self.menuBar().addMenu("แก้ไข")
        edit_menu.addAction(self._action("undo", "เลิกทำ", self.ops.undo, QKeySequence("Ctrl+Z")))
        edit_menu.addAction(self._action("redo", "ทำซ้ำ", self.ops.redo, QKeySequence("Ctrl+Y")))
        self.actions["redo"].setShortcuts([QKeySequence("Ctrl+Y"), QKeySequence("Ctrl+Shift+Z")])
        settings_menu = self.menuBar().addMenu("ตั้งค่า")
        settings_menu.addAction(self._action("criteria", "เกณฑ์การประเมิน...", self.open_criteria))
        settings_menu.addAction(self._action("settings", "เกณฑ์ผ่านและรูปแบบเอกสาร...", self.open_settings))
        help_menu = self.menuBar().addMenu("ช่วยเหลือ")
        help_menu.addAction(self._action("help", "คู่มือการใช้งาน", self.show_help))
        help_menu.addSeparator()
        help_menu.addAction(self._action("about", "เกี่ยวกับ ITA Desktop", self.about))
        self._build_recent_menu()
        self._add_tab_shortcuts()
        apply_action_help(self.actions)
        for menu in (file_menu, settings_menu, help_menu, self.recent_menu):
            menu.setToolTipsVisible(True)

    # -- help, recently used files, about -------------------------------------------------
    def _build_recent_menu(self) -> None:
        """แฟ้ม → ไฟล์ที่ใช้ล่าสุด: score sheets imported before; choosing one opens the import on it."""
        from ita_desktop.ui.recent_files import RecentFiles

        self.recent = RecentFiles(self.ctx.data_dir / "recent-files.json")
        self.recent_menu = QMenu("ไฟล์ที่ใช้ล่าสุด", self)
        self.file_menu.insertMenu(self.actions["export"], self.recent_menu)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        self._action("recent_clear", "ล้างรายการ", lambda: self.recent.clear())
        self._fill_recent_menu()

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        paths = self.recent.paths()
        for n, path in enumerate(paths, start=1):
            action = self.recent_menu.addAction(f"&{n} {Path(path).name}")
            action.setToolTip(path)
            action.triggered.connect(lambda _=False, p=path: self.import_scores(p))
        if not paths:
            self.recent_menu.addAction("(ยังไม่มี)").setEnabled(False)
        self.recent_menu.addSeparator()
        self.recent_menu.addAction(self.actions["recent_clear"])

    def _add_tab_shortcuts(self) -> None:
        for index, shortcut in enumerate(TAB_SHORTCUTS[: self.tabs.count()]):
            action = self._action(f"tab_{index + 1}", f"ไปที่แท็บ{self.tabs.tabText(index)}",
                                  lambda _=False, i=index: self.tabs.setCurrentIndex(i))
            action.setShortcut(QKeySequence(shortcut))
            self.addAction(action)

    def open_file(self, path: str) -> None:
        """A file given on the command line or opened from Explorer: a score sheet goes to the import."""
        self.wait_for_start()
        suffix = Path(path).suffix.lower()
        if suffix in (".xlsx", ".xlsm") and Path(path).is_file():
            self.import_scores(path)
        elif suffix == ".itapkg":
            QMessageBox.information(self, "เปิดชุดข้อมูล",
                                    f"รุ่นนี้ยังนำเข้าชุดข้อมูล (.itapkg) ไม่ได้\n{path}\nไม่มีข้อมูลใดถูกเปลี่ยน")
        else:
            QMessageBox.warning(self, "เปิดไฟล์", f"เปิดไฟล์นี้ไม่ได้: {path}\nเปิดได้เฉพาะไฟล์คะแนน .xlsx")

    def show_help(self) -> None:
        """ช่วยเหลือ → คู่มือการใช้งาน (F1): one guide window, brought forward when already open."""
        from ita_desktop.ui.dialogs.help_dialog import HelpDialog

        if getattr(self, "help_dialog", None) is None:
            self.help_dialog = HelpDialog(self)
        self.help_dialog.show()
        self.help_dialog.raise_()
        self.help_dialog.activateWindow()

    def import_scores(self, path: str | None = None) -> None:
        """แฟ้ม → นำเข้า (or a recently used file); afterwards the imported office and year are selected."""
        from ita_desktop.ui.dialogs.import_dialog import ImportDialog

        office_id = self.current_office_id()
        name = queries.get_office(self.ctx, office_id).name if office_id else None
        dialog = ImportDialog(self.ctx, self, default_org=name, default_year=self.current_year())
        if path:
            dialog.load_file(path)
        accepted = dialog.exec()
        if dialog.path:
            self.recent.add(dialog.path)
        if accepted and dialog.result_plan:
            self.ops.history.clear()  # an import replaced rows the steps before it knew
            self._update_undo_actions()
            self.ops.announce(Changes.of(SCORES, OFFICES, year=dialog.result_plan.year))
            self.reload_offices(dialog.imported_office_id(prefer=office_id))
            self.select(year=dialog.result_plan.year)
        dialog.deleteLater()

    def export_scores(self) -> None:
        from ita_desktop.ui.dialogs.export_dialog import ExportDialog

        dialog = ExportDialog(self.ctx, self.current_office_id(), self.current_year(), parent=self, ops=self.ops)
        dialog.exec()
        dialog.deleteLater()

    def save_template(self) -> None:
        """แฟ้ม → บันทึกแบบฟอร์มคะแนน: the blank template for the selected year's criteria."""
        from ita_desktop.ui.dialogs.export_dialog import save_template

        save_template(self, self.ctx, self.current_year(), ops=self.ops)

    def print_memo(self) -> None:
        from ita_desktop.ui.dialogs.memo_dialog import MemoDialog

        dialog = self.ops.query(lambda ctx: MemoDialog(ctx, self.current_office_id(), self.current_year(), parent=self, ops=self.ops),
                                title="พิมพ์บันทึกข้อความไม่ได้")
        if dialog is not None:
            dialog.exec()
            dialog.deleteLater()

    def new_office(self) -> None:
        from ita_desktop.ui.dialogs.office_dialog import OfficeDialog

        dialog = OfficeDialog(self.ctx, parent=self, ops=self.ops)
        if dialog.exec() and dialog.saved:
            self.reload_offices(dialog.saved.id)

    def edit_office(self) -> None:
        from ita_desktop.ui.dialogs.office_dialog import OfficeDialog

        office_id = self.current_office_id()
        if office_id is None:
            self.new_office()
            return
        dialog = OfficeDialog(self.ctx, queries.get_office(self.ctx, office_id), parent=self, ops=self.ops)
        if dialog.exec() and dialog.saved:
            self.reload_offices(dialog.saved.id)

    def load_demo(self) -> None:
        """แฟ้ม → โหลดข้อมูลตัวอย่าง: over existing data only after a question and a backup."""
        from ita_desktop.services.demo import load_sample_data

        if self.office_combo.count() and QMessageBox.question(
                self, "โหลดข้อมูลตัวอย่าง",
                "ข้อมูลตัวอย่างจะแทนที่ข้อมูลของหน่วยงานตัวอย่างที่มีอยู่ (สำรองข้อมูลไว้ก่อนโดยอัตโนมัติ) ดำเนินการต่อหรือไม่?",
                QMessageBox.Yes | QMessageBox.No, QMessageBox.No) != QMessageBox.Yes:
            return
        done, summary = self.ops.change_with_progress(load_sample_data, changes=Changes.everything(),
                                                      label="โหลดข้อมูลตัวอย่าง", backup="before-demo")
        if done and summary is None:
            self.statusBar().showMessage("ยกเลิกการโหลดข้อมูลตัวอย่างแล้ว ไม่มีข้อมูลใดถูกเปลี่ยน", 10000)
        elif done:
            self.ops.history.clear()
            self._update_undo_actions()
            self.statusBar().showMessage(summary.message_th(), 10000)

    def backup(self) -> None:
        """แฟ้ม → สำรองข้อมูล (Ctrl+B): a verified backup, with its percent and ยกเลิก."""
        from ita_desktop.core import progress as progress_of
        from ita_desktop.services import backups

        ctx = self.ctx

        def work(report):
            target = backups.create_backup(ctx, "manual", progress=progress_of.in_percent(report, "กำลังสำรองข้อมูล..."))
            if target is not None:
                ctx.db.backed_up_clean = True  # as Database.backup: a risky change right after needs no other
            return target

        done, target = self.ops.long_work(work, label="สำรองข้อมูล", parent=self)
        if not done:
            if self.ops.last_cancelled:
                QMessageBox.information(self, "สำรองข้อมูล", "ยกเลิกการสำรองข้อมูลแล้ว ไม่ได้สร้างไฟล์สำรอง")
            return
        if target is None:
            QMessageBox.information(self, "สำรองข้อมูล", "ฐานข้อมูลอยู่บนเซิร์ฟเวอร์ ให้ผู้ดูแลสำรองด้วยเครื่องมือของเซิร์ฟเวอร์")
        else:
            QMessageBox.information(self, "สำรองข้อมูล", f"สำรองข้อมูลแล้วที่\n{target}")

    # -- deleting ------------------------------------------------------------------------------
    def delete_office(self) -> None:
        """แฟ้ม → ลบหน่วยงาน: says what will go, backs up, deletes; แก้ไข → เลิกทำ brings it back."""
        from ita_desktop.services import offices

        office_id = self.current_office_id()
        if office_id is None:
            return
        contents = self.ops.query(lambda ctx: offices.office_contents(ctx, office_id), title="ลบหน่วยงานไม่ได้")
        if contents is None or not self._confirm("ลบหน่วยงาน", contents.sentence()):
            return
        label = f"ลบหน่วยงาน {contents.name}"
        changed = Changes.of(OFFICES, SCORES)
        delete = lambda ctx: offices.delete_office(ctx, office_id)  # noqa: E731
        restore = lambda ctx, snap: offices.restore_rows(ctx, snap, "หน่วยงาน")  # noqa: E731
        self.ops.change(delete, changes=changed, label=label, backup="before-delete",
                        step=lambda snap: deletion_step(label, delete, restore, snap, changed))

    def delete_year_scores(self) -> None:
        """แฟ้ม → ลบคะแนนของปีนี้ (indicators, items, tools and the official total of one year)."""
        from ita_desktop.services import offices, scores

        office_id, year = self.current_office_id(), self.current_year()
        if office_id is None or year is None:
            return
        name = self.office_combo.currentText()
        if not self._confirm("ลบคะแนน", f"จะลบคะแนนทั้งหมดของ {name} ปีงบประมาณ พ.ศ. {year} "
                                         "(คะแนนตัวชี้วัด ข้อคำถาม เครื่องมือ และคะแนนรวมที่ประกาศ)"):
            return
        label = f"ลบคะแนนปีงบประมาณ พ.ศ. {year}"
        changed = Changes.of(SCORES, office_id=office_id, year=year)
        delete = lambda ctx: scores.delete_year_scores(ctx, office_id, year)  # noqa: E731
        restore = lambda ctx, snap: offices.restore_rows(ctx, snap, "คะแนน")  # noqa: E731
        self.ops.change(delete, changes=changed, label=label, backup="before-delete",
                        step=lambda snap: deletion_step(label, delete, restore, snap, changed))

    def _confirm(self, title: str, what: str) -> bool:
        text = what + "\n\nระบบจะสำรองข้อมูลก่อนลบ และเลิกทำได้จากเมนู แก้ไข → เลิกทำ ลบหรือไม่?"
        return QMessageBox.question(self, title, text, QMessageBox.Yes | QMessageBox.No,
                                    QMessageBox.No) == QMessageBox.Yes

    # -- following the data ----------------------------------------------------------------------
    def _data_changed(self, changes: Changes) -> None:
        """Offices or years may have come or gone: refill the selectors, keeping the selection."""
        if changes.kinds & {OFFICES, SCORES, CRITERIA, SETTINGS} or changes.external:
            self.reload_offices(emit=False)
        if changes.external:
            self.statusBar().showMessage("ข้อมูลถูกแก้ไขจากโปรแกรมอื่นหรือเครื่องอื่น แสดงข้อมูลล่าสุดแล้ว", 8000)

    def _update_undo_actions(self) -> None:
        status = self.ops.history.status()
        for key, verb, label in (("undo", "เลิกทำ", status.undo_label), ("redo", "ทำซ้ำ", status.redo_label)):
            action = self.actions[key]
            action.setEnabled(label is not None)
            action.setText(f"{verb}: {label}" if label else verb)

    def _add_data_safety_menu(self, menu) -> None:
        menu.addAction(self._action("backups", "สำรองและกู้คืนข้อมูล...", self.open_backups))
        menu.addAction(self._action("audit", "ประวัติการแก้ไข...", self.open_audit))
        menu.addAction(self._action("package_export", "ส่งออกชุดข้อมูลหน่วยงาน...", self.export_package))
        menu.addAction(self._action("package_import", "นำเข้าชุดข้อมูลหน่วยงาน...", self.import_package))

    def open_backups(self) -> None:
        from ita_desktop.ui.dialogs.backup_dialog import BackupDialog

        dialog = BackupDialog(self.ctx, parent=self, ops=self.ops)
        dialog.exec()
        if dialog.restored is not None:
            self._everything_replaced()
        dialog.deleteLater()

    def open_audit(self) -> None:
        from ita_desktop.ui.dialogs.audit_dialog import AuditDialog

        dialog = AuditDialog(self.ctx, parent=self, ops=self.ops)
        dialog.exec()
        dialog.deleteLater()

    def export_package(self) -> None:
        from ita_desktop.ui.dialogs.package_dialog import export_package

        office_id = self.current_office_id()
        name = queries.get_office(self.ctx, office_id).name if office_id else ""
        export_package(self, self.ctx, office_id, name, ops=self.ops)

    def import_package(self) -> None:
        from ita_desktop.ui.dialogs.package_dialog import import_package

        if import_package(self, self.ctx, ops=self.ops) is not None:
            self._everything_replaced()

    def _everything_replaced(self) -> None:
        """After a restore or a package import the undo steps no longer match the data."""
        self.ops.history.clear()
        self._update_undo_actions()
        self.ops.announce(Changes.everything(external=True))

    def open_criteria(self) -> None:
        """ตั้งค่า → เกณฑ์การประเมิน; afterwards years and tabs reload (a year or pass line may have changed)."""
        from ita_desktop.ui.dialogs.criteria_dialog import CriteriaDialog

        dialog = CriteriaDialog(self.ctx, self.current_year(), parent=self, ops=self.ops)
        dialog.exec()
        dialog.deleteLater()

    def open_settings(self) -> None:
        """ตั้งค่า → เกณฑ์ผ่านและรูปแบบเอกสาร: the pass line of this office and year, digits, Garuda."""
        from ita_desktop.ui.dialogs.settings_dialog import SettingsDialog

        dialog = SettingsDialog(self.ctx, self.ops, self.current_office_id(), self.current_year(), parent=self)
        dialog.exec()
        dialog.deleteLater()

    def about(self) -> None:
        from ita_desktop.ui.dialogs.about_dialog import AboutDialog

        dialog = AboutDialog(self.ctx, self)
        dialog.exec()
        dialog.deleteLater()

    def first_run(self) -> None:
        """With no office yet, the first-run wizard; then an empty start, an import or the sample data."""
        if self.office_combo.count():
            return
        self.wait_for_start()
        from ita_desktop.ui.dialogs.first_run_wizard import IMPORT, SAMPLE, FirstRunWizard

        wizard = FirstRunWizard(self.ctx, parent=self, ops=self.ops)
        accepted = wizard.exec()
        if accepted and wizard.saved:
            self.reload_offices(wizard.saved.id)
        if accepted and wizard.choice == SAMPLE:
            self.load_demo()
        elif accepted and wizard.choice == IMPORT:
            self.import_scores()
        wizard.deleteLater()
