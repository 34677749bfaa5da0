"""The main window: office and year selectors, four tabs, menus แฟ้ม and ช่วยเหลือ."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QComboBox,
    QLabel,
    QMainWindow,
    QMessageBox,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ita_desktop import __version__
from ita_desktop.services import criteria, offices, overview, scores
from ita_desktop.services.errors import UserError
from ita_desktop.ui.messages import show_error
from ita_desktop.ui.tabs.analysis_tab import AnalysisTab
from ita_desktop.ui.tabs.measures_tab import MeasuresTab
from ita_desktop.ui.tabs.plan_tab import PlanTab
from ita_desktop.ui.tabs.overview_tab import OverviewTab
from ita_desktop.ui.tabs.scores_tab import ScoresTab
from ita_desktop.ui.widgets.office_selector import OfficeSelector

TAB_CLASSES = (ScoresTab, AnalysisTab, MeasuresTab, PlanTab)
SOFT_BANNER_STYLE = "background: #fff3b0; color: #5c4500; border: 1px solid #e0c040; padding: 6px;"


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
        self.setWindowTitle("ITA Desktop – การประเมินคุณธรรมและความโปร่งใส")
        self.resize(1200, 800)
        self._build_toolbar()
        self.tabs = QTabWidget()
        self.tab_pages = [cls(ctx) for cls in TAB_CLASSES]
        for page in self.tab_pages:
            self.tabs.addTab(page, page.title)
            self.context_changed.connect(page.set_context)
        self.overview_tab = OverviewTab(ctx)  # a fifth tab, shown when several offices hold the year's scores
        self.context_changed.connect(self._overview_context)
        self.catalog_banner = QLabel(wordWrap=True, visible=False, styleSheet=SOFT_BANNER_STYLE)
        central = QWidget()
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.catalog_banner)
        column.addWidget(self.tabs, 1)
        self.setCentralWidget(central)
        self.actions: dict[str, QAction] = {}
        self._build_menus()
        self.reload_offices()

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
        self.office_combo.currentIndexChanged.connect(self._office_changed)
        self.year_combo.currentIndexChanged.connect(self._emit_context)

    def current_office_id(self) -> int | None:
        return self.office_combo.currentData()

    def current_year(self) -> int | None:
        return self.year_combo.currentData()

    def reload_offices(self, select_id: int | None = None) -> None:
        """Refill the office selector, keeping (or moving to) a selection."""
        keep = select_id or self.current_office_id()
        self.office_combo.blockSignals(True)
        self.office_combo.set_offices(offices.office_names(self.ctx))
        index = max(0, self.office_combo.findData(keep)) if keep else 0
        self.office_combo.setCurrentIndex(index)
        self.office_combo.blockSignals(False)
        self._office_changed()

    def _office_changed(self) -> None:
        office_id = self.current_office_id()
        keep = self.current_year()
        scored = scores.years_with_scores(self.ctx, office_id) if office_id else []
        years = sorted(set(criteria.offered_years(self.ctx)) | set(scored))
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        for y in years:
            self.year_combo.addItem(year_label(y), y)
        preferred = _preferred_year(keep, scored, years)
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

    def _emit_context(self) -> None:
        year = self.current_year()
        if year is not None:
            try:
                criteria.ensure_year(self.ctx, year)  # the current or next fiscal year may have no catalog yet
            except UserError as exc:
                show_error(self, exc)
            banner = criteria.soft_banner(self.ctx, year)
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
        action.triggered.connect(slot)
        self.actions[key] = action
        return action

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu("แฟ้ม")
        self.file_menu = file_menu
        file_menu.addAction(self._action("import", "นำเข้าคะแนนจาก Excel...", self.import_scores, QKeySequence.Open))
        file_menu.addAction(self._action("export", "ส่งออกคะแนนเป็น Excel...", self.export_scores))
        file_menu.addAction(self._action("template", "บันทึกแบบฟอร์มคะแนน...", self.save_template))
        file_menu.addAction(self._action("memo", "พิมพ์บันทึกข้อความ...", self.print_memo, QKeySequence("Ctrl+P")))
        file_menu.addSeparator()
        file_menu.addAction(self._action("office_new", "เพิ่มหน่วยงาน...", self.new_office))
        file_menu.addAction(self._action("office_edit", "ข้อมูลหน่วยงาน...", self.edit_office))
        file_menu.addAction(self._action("demo", "โหลดข้อมูลตัวอย่าง", self.load_demo))
        file_menu.addSeparator()
        file_menu.addAction(self._action("backup", "สำรองข้อมูล", self.backup))
        file_menu.addSeparator()
        file_menu.addAction(self._action("exit", "ออก", self.close, QKeySequence.Quit))
        settings_menu = self.menuBar().addMenu("ตั้งค่า")
        settings_menu.addAction(self._action("criteria", "เกณฑ์การประเมิน...", self.open_criteria))
        help_menu = self.menuBar().addMenu("ช่วยเหลือ")
        help_menu.addAction(self._action("about", "เกี่ยวกับ ITA Desktop", self.about))

    def import_scores(self) -> None:
        """แฟ้ม → นำเข้า; afterwards the imported office and year are selected."""
        from ita_desktop.ui.dialogs.import_dialog import ImportDialog

        office_id = self.current_office_id()
        name = offices.get_office(self.ctx, office_id).name if office_id else None
        dialog = ImportDialog(self.ctx, self, default_org=name, default_year=self.current_year())
        if dialog.exec() and dialog.result_plan:
            self.reload_offices(dialog.imported_office_id(prefer=office_id))
            self.select(year=dialog.result_plan.year)
        dialog.deleteLater()

    def export_scores(self) -> None:
        from ita_desktop.ui.dialogs.export_dialog import ExportDialog

        dialog = ExportDialog(self.ctx, self.current_office_id(), self.current_year(), parent=self)
        dialog.exec()
        dialog.deleteLater()

    def save_template(self) -> None:
        """แฟ้ม → บันทึกแบบฟอร์มคะแนน: the blank template for the selected year's criteria."""
        from ita_desktop.ui.dialogs.export_dialog import save_template

        save_template(self, self.ctx, self.current_year())

    def print_memo(self) -> None:
        from ita_desktop.ui.dialogs.memo_dialog import MemoDialog

        try:
            dialog = MemoDialog(self.ctx, self.current_office_id(), self.current_year(), parent=self)
        except Exception as exc:
            show_error(self, exc, "พิมพ์บันทึกข้อความไม่ได้")
            return
        dialog.exec()
        dialog.deleteLater()

    def new_office(self) -> None:
        from ita_desktop.ui.dialogs.office_dialog import OfficeDialog

        dialog = OfficeDialog(self.ctx, parent=self)
        if dialog.exec() and dialog.saved:
            self.reload_offices(dialog.saved.id)

    def edit_office(self) -> None:
        from ita_desktop.ui.dialogs.office_dialog import OfficeDialog

        office_id = self.current_office_id()
        if office_id is None:
            self.new_office()
            return
        dialog = OfficeDialog(self.ctx, offices.get_office(self.ctx, office_id), parent=self)
        if dialog.exec() and dialog.saved:
            self.reload_offices(dialog.saved.id)

    def load_demo(self) -> None:
        from ita_desktop.services.demo import load_sample_data

        try:
            summary = load_sample_data(self.ctx)
        except Exception as exc:
            show_error(self, exc, "โหลดข้อมูลตัวอย่างไม่ได้")
            return
        self.reload_offices()
        self.statusBar().showMessage(summary.message_th(), 10000)

    def backup(self) -> None:
        try:
            target = self.ctx.db.backup("manual")
        except Exception as exc:
            show_error(self, exc, "สำรองข้อมูลไม่ได้")
            return
        if target is None:
            QMessageBox.information(self, "สำรองข้อมูล", "ฐานข้อมูลอยู่บนเซิร์ฟเวอร์ ให้ผู้ดูแลสำรองด้วยเครื่องมือของเซิร์ฟเวอร์")
        else:
            QMessageBox.information(self, "สำรองข้อมูล", f"สำรองข้อมูลแล้วที่\n{target}")

    def open_criteria(self) -> None:
        """ตั้งค่า → เกณฑ์การประเมิน; afterwards years and tabs reload (a year or pass line may have changed)."""
        from ita_desktop.ui.dialogs.criteria_dialog import CriteriaDialog

        dialog = CriteriaDialog(self.ctx, self.current_year(), parent=self)
        dialog.exec()
        dialog.deleteLater()
        self._office_changed()

    def about(self) -> None:
        QMessageBox.about(
            self, "เกี่ยวกับ ITA Desktop",
            f"ITA Desktop รุ่น {__version__}\n"
            "โปรแกรมช่วยงานการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA) "
            "สำหรับองค์การบริหารส่วนตำบลและเทศบาล ทำงานได้โดยไม่ต้องใช้อินเทอร์เน็ต\n\n"
            f"ที่เก็บข้อมูล: {self.ctx.data_dir}\n"
            "แบบอักษร Laksaman (TLWG, GPL-2+ พร้อมข้อยกเว้นสำหรับแบบอักษร)",
        )

    def first_run(self) -> None:
        """With no office yet, ask for the office profile (or point to the sample data)."""
        if self.office_combo.count():
            return
        from ita_desktop.ui.dialogs.office_dialog import OfficeDialog

        dialog = OfficeDialog(self.ctx, parent=self, first_run=True)
        if dialog.exec() and dialog.saved:
            self.reload_offices(dialog.saved.id)
        elif dialog.wants_sample:
            self.load_demo()
