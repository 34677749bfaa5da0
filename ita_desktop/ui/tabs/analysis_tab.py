"""วิเคราะห์จุดอ่อน: indicators and items against the office-year's pass line, what each point is
worth, the path to the line (and to the plan's target), the development guidelines (edited in
the table, with undo) and the analysis report (preview, print, PDF, Excel)."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ita_desktop.services import changes, guidelines, settings
from ita_desktop.services.analysis import FullAnalysis, PathView, full_analysis
from ita_desktop.services.changes import Changes
from ita_desktop.services.guidelines import OWN
from ita_desktop.services.undo import Step, value_step
from ita_desktop.ui.models import analysis_models as am
from ita_desktop.ui.models.score_base import format_score
from ita_desktop.ui.widgets.cell_editors import ColumnDelegate
from ita_desktop.ui.widgets.gain_chart import GainChart, largest_gains, largest_indicator_gains
from ita_desktop.ui.widgets.message_bar import MessageBar
from ita_desktop.ui.widgets.thai_wrap import ThaiWrapLabel
from ita_desktop.ui.widgets.tables import WrappedTable, text_browser

from .base import NO_OFFICE_TEXT, Tab
from ita_desktop.ui.models import roles

HEADING = "การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส"
REPORT_TITLE = "รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส"
ALL_TOOLS, ALL_GROUPS = "ทุกเครื่องมือ", "ทุกกลุ่ม"
TEXT_SAMPLE = "ท่านทราบข้อมูลเกี่ยวกับงบ"  # the question column's width
EDIT_HINT = "ดับเบิลคลิกช่องแนวทางการพัฒนาเพื่อแก้ไข (ตัวเอียง = ข้อความที่ระบบเสนอ ยังไม่ได้เขียนเอง)"


def no_scores_text(year: int) -> str:
    return (f"ยังไม่มีคะแนนรายตัวชี้วัดของปีงบประมาณ พ.ศ. {year} จึงยังวิเคราะห์จุดอ่อนไม่ได้ "
            "นำเข้าหรือกรอกคะแนนที่แท็บ คะแนน ก่อน")


def incomplete_text(a: FullAnalysis) -> str:
    return ("คะแนนยังไม่ครบ จึงยังพิมพ์รายงานการวิเคราะห์ไม่ได้ ยังขาด: " + ", ".join(a.missing))


def path_html(title: str, path: PathView | None, a: FullAnalysis) -> str:
    """One path (to the line or to the target) as the clerk reads it."""
    if path is None or a.total is None:
        return f"<b>{escape(title)}</b><br>ยังคำนวณไม่ได้ เพราะยังไม่มีคะแนนรวม"
    head = f"<b>{escape(title)}</b> (คะแนนรวมตอนนี้ {format_score(a.total)})<br>"
    if not path.steps and path.reached:
        return head + f"คะแนนรวมถึง {path.target:g} แล้ว ไม่ต้องยกระดับข้อใดเพิ่ม"
    if not path.steps:
        return head + "ยังไม่มีคะแนนรายข้อคำถาม จึงยังหาข้อที่ควรยกระดับไม่ได้"
    texts = {i.code: i.text for i in a.items if i.text_known}
    lines = "".join(
        f"<li>{escape(s.code)} {escape(texts.get(s.code, ''))[:60]} : {format_score(s.score)} → {s.raise_to:g} "
        f"(คะแนนรวม +{s.gain:.2f})</li>" for s in path.steps)
    verdict = (f"ยกระดับ {len(path.steps)} ข้อ คะแนนรวมจะเป็น <b>{format_score(path.total_after)}</b>" if path.reached
               else f"ยกระดับทุกข้อแล้วคะแนนรวมเป็น {format_score(path.total_after)} ยังไม่ถึง {path.target:g}")
    return head + verdict + f"<ol style='margin-top:2px'>{lines}</ol>"


def paths_html(a: FullAnalysis) -> str:
    parts = [path_html(f"เส้นทางสู่เกณฑ์ {a.line:g} คะแนน", a.path_to_line, a)]
    if a.path_to_target is not None:
        parts.append(path_html(f"เส้นทางสู่ค่าเป้าหมายปีงบประมาณ พ.ศ. {a.year + 1} ({a.path_to_target.target:g} "
                               "คะแนน ตามแผนปฏิบัติการป้องกันการทุจริต)", a.path_to_target, a))
    return "<br>".join(parts)


def notes_html(a: FullAnalysis) -> str:
    """The side panel: the summary sentence, the year-over-year line, the paths."""
    parts = [f"<p>{escape(a.summary_text)}</p>" if a.summary_text else "",
             f"<p><b>{escape(effect_text(a))}</b></p>" if effect_text(a) else "", paths_html(a)]
    return "".join(parts)


def effect_text(a: FullAnalysis) -> str:
    """Year over year: the previous year compared and "มาตรการได้ผล x จาก y ข้อ" when known."""
    if a.previous_year is None:
        return ""
    text = f"เทียบกับปีงบประมาณ พ.ศ. {a.previous_year}"
    if a.total is not None:
        before = [i for i in a.indicators if i.change is not None]
        rose = sum(1 for i in before if i.change > 0)
        text += f": คะแนนเพิ่มขึ้น {rose} จาก {len(before)} ตัวชี้วัด"
    if a.measure_effect is not None and a.measure_effect.compared:
        text += f" · {a.measure_effect.sentence}"
    return text


@dataclass(frozen=True)
class GuidelineEdit:
    """The office's own guideline of one item or indicator goes from ``old`` to ``new``
    (None: no own text, the suggestion shows)."""

    office_id: int
    year: int
    kind: str  # core.guidelines.ITEM or INDICATOR
    key: str
    old: str | None
    new: str | None

    @property
    def label(self) -> str:
        what = f"ข้อ {self.key}" if self.kind == "item" else f"ตัวชี้วัดที่ {self.key}"
        return f"{'แก้' if self.new else 'ล้าง'}แนวทางการพัฒนา{what}"

    @property
    def changes(self) -> Changes:
        return Changes.of(changes.ANALYSIS, office_id=self.office_id, year=self.year)

    def write(self, ctx, value: str | None, expected_version: int | None) -> int | None:
        if value is None:
            guidelines.clear_guideline(ctx, self.office_id, self.year, self.kind, self.key, expected_version)
            return None
        return guidelines.set_guideline(ctx, self.office_id, self.year, self.kind, self.key, value,
                                        expected_version).version

    def step(self, version: int | None) -> Step:
        return value_step(self.label, self.write, self.old, self.new, version, self.changes)


class AnalysisTab(Tab):
    """The วิเคราะห์จุดอ่อน tab."""

    title = "วิเคราะห์จุดอ่อน"

    kinds = frozenset({changes.ANALYSIS, changes.SCORES, changes.CRITERIA, changes.SETTINGS, changes.OFFICES,
                       changes.MEASURES, changes.PLAN})

    def __init__(self, ctx, ops=None, parent: QWidget | None = None):
        super().__init__(ctx, ops, parent)
        self.current: FullAnalysis | None = None
        self.report_dialog = None  # the report's DocumentDialog while it is open
        self._build()
        self.model.entered.connect(self._guideline_entered, Qt.QueuedConnection)
        self.model.rejected.connect(self._entry_rejected, Qt.QueuedConnection)
        self.refresh_if_stale()

    # -- widgets -----------------------------------------------------------------------------
    def _build(self) -> None:
        self.heading = QLabel(textFormat=Qt.RichText, wordWrap=True)
        self.empty_bar = MessageBar("info")
        self.body = QWidget()
        column = QVBoxLayout(self.body)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(self._tool_row())
        self.warning_bar = MessageBar("warning")
        self.filter_bar = MessageBar("info")  # the filters leave nothing to show
        column.addWidget(self.warning_bar)
        column.addWidget(self.filter_bar)
        column.addWidget(self._splitter(), 1)
        layout = self.content_layout()
        layout.addWidget(self.heading)
        layout.addWidget(self.empty_bar)
        layout.addWidget(self.body, 1)
        layout.addStretch(0)  # takes the room of the hidden body in the empty state

    def _tool_row(self) -> QHBoxLayout:
        """The pass line with its settings button, the filters and the report button on one line."""
        row = QHBoxLayout()
        self.pass_line = ThaiWrapLabel()
        self.settings_button = QPushButton("ตั้งเกณฑ์ผ่าน...")
        self.settings_button.setToolTip("ตั้งค่า → เกณฑ์ผ่านและรูปแบบเอกสาร")
        self.settings_button.clicked.connect(self.open_settings)
        self.tool_filter = QComboBox()
        self.tool_filter.addItem(ALL_TOOLS, None)
        self.group_filter = QComboBox()
        self.group_filter.addItem(ALL_GROUPS, None)
        for category in am.CATEGORY_STYLES:
            self.group_filter.addItem(category.value, category)
        for combo in (self.tool_filter, self.group_filter):  # may shrink: the row must fit 1366 pixels
            combo.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(8)
        self.group_filter.setMaximumWidth(260)
        self.pass_line.setWordWrap(True)
        self.report_button = QPushButton("พิมพ์รายงานการวิเคราะห์...")
        self.report_button.clicked.connect(self.open_report)
        row.addWidget(self.pass_line, 1)
        row.addWidget(self.settings_button)
        for label, combo in (("เครื่องมือ", self.tool_filter), ("กลุ่ม", self.group_filter)):
            row.addWidget(QLabel(label))
            row.addWidget(combo)
            combo.currentIndexChanged.connect(self._show_rows)
        row.addSpacing(12)
        row.addWidget(self.report_button)
        return row

    def _splitter(self) -> QSplitter:
        self.model = am.AnalysisTableModel(self)
        self.view = WrappedTable(self.model, self._narrow_columns)
        self.view.setItemDelegate(ColumnDelegate(self.view))
        self.view.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed)
        self.view.setToolTip(EDIT_HINT)
        self.view.setContextMenuPolicy(Qt.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self._context_menu)
        side = QWidget()
        panel = QVBoxLayout(side)
        panel.setContentsMargins(0, 0, 0, 0)
        self.notes = text_browser()  # summary sentence, year over year, paths
        self.chart = GainChart()
        self.chart.setMinimumHeight(250)
        panel.addWidget(self.notes, 1)
        panel.addWidget(self.chart)
        splitter = QSplitter(Qt.Horizontal)
        splitter.addWidget(self.view)
        splitter.addWidget(side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([1040, 300])
        return splitter

    def _narrow_columns(self) -> dict[int, str | None]:
        return {am.COL_CODE: "ตัวชี้วัดที่ 10", am.COL_TEXT: TEXT_SAMPLE, am.COL_SCORE: None, am.COL_GAP: None, am.COL_GAIN_LINE: None,
                am.COL_GAIN_100: None, am.COL_CHANGE: None}

    # -- loading -----------------------------------------------------------------------------
    def refresh(self) -> None:
        """Reload the analysis of the selected office-year."""
        if self.office_id is None or self.year is None:
            self._show_nothing(NO_OFFICE_TEXT)
            return
        found, error = self.read(_load, self.office_id, self.year)
        if error:
            self._show_nothing(error)
            return
        result, line = found
        if not result.items and all(i.score is None for i in result.indicators):
            self._show_nothing(no_scores_text(self.year), result)
            return
        self._show(result, line)

    def _show(self, a: FullAnalysis, line: settings.PassLine) -> None:
        self.current = a
        self._set_heading(a)
        self.pass_line.setText(line.describe(a.year))
        self.notes.setHtml(notes_html(a))
        self.warning_bar.set_messages([incomplete_text(a)] if a.missing else [])
        self.empty_bar.set_messages([])
        self.settings_button.setVisible(self._settings_opener() is not None)
        self._set_tools(a)
        self.body.show()
        self._show_rows()

    def _set_tools(self, a: FullAnalysis) -> None:
        codes = [t.code for t in a.criteria.tools]
        if [self.tool_filter.itemData(n) for n in range(1, self.tool_filter.count())] == codes:
            return
        self.tool_filter.blockSignals(True)
        chosen = self.tool_filter.currentData()
        while self.tool_filter.count() > 1:
            self.tool_filter.removeItem(1)
        for tool in a.criteria.tools:
            self.tool_filter.addItem(tool.code, tool.code)
            self.tool_filter.setItemData(self.tool_filter.count() - 1, tool.name, roles.TOOLTIP)
        self.tool_filter.setCurrentIndex(max(0, self.tool_filter.findData(chosen)))
        self.tool_filter.blockSignals(False)

    def _show_rows(self) -> None:
        """Redraw the table and the chart for the chosen tool and group (no database read)."""
        a = self.current
        if a is None or self.body.isHidden():
            return
        tool, category = self.tool_filter.currentData(), self.group_filter.currentData()
        self.model.set_analysis(a, tool, category)
        items = [i for i in a.items if tool in (None, i.tool) and category in (None, i.category)]
        if a.items:
            self.chart.set_data(largest_gains(items))
        else:  # no item scores (only indicator scores were entered): the indicators' gains
            indicators = [i for i in a.indicators if tool in (None, i.tool) and category in (None, i.category)]
            self.chart.set_data(largest_indicator_gains(indicators), GainChart.INDICATORS_TITLE)
        empty = not self.model.rowCount()
        self.filter_bar.set_messages([f"ไม่มีตัวชี้วัดหรือข้อคำถามของ {self.tool_filter.currentText()} "
                                      f"ในกลุ่ม {self.group_filter.currentText()}"] if empty else [])

    def _show_nothing(self, message: str, result: FullAnalysis | None = None) -> None:
        self.current = None
        self.heading.setText(f"<b style='font-size:16pt'>{HEADING}</b>" if result else "")
        self.empty_bar.set_messages([message])
        self.model.set_analysis(None)
        self.chart.set_data([])
        self.body.hide()

    def _set_heading(self, a: FullAnalysis) -> None:
        self.heading.setText(
            f"<b style='font-size:16pt'>{HEADING}</b> &nbsp; "
            f"{escape(a.office_name)} ปีงบประมาณ พ.ศ. {a.year} · คะแนนรวม {format_score(a.total)} "
            f"· ระดับ {escape(a.level or '–')}"
        )

    # -- guidelines --------------------------------------------------------------------------
    def _guideline_entered(self, key, column: int, _old, new) -> None:
        if column == am.COL_GUIDELINE:
            self.store_guideline(key[0], key[1], new)

    def store_guideline(self, kind: str, key: str, text: str | None) -> bool:
        """Store the office's own guideline (empty text: clear it, the suggestion shows again)."""
        view = self._guideline_view(kind, key)
        if view is None or self.office_id is None:
            return False
        own = view.text if view.source == OWN else None
        new = (text or "").strip() or None
        if new == own or (new is not None and own is None and new == view.text):
            return False
        edit = GuidelineEdit(self.office_id, self.year, kind, key, own, new)
        done, _ = self.ops.change(lambda ctx: edit.write(ctx, new, view.version), changes=edit.changes,
                                  label=edit.label, step=edit.step, parent=self)
        return done

    def _guideline_view(self, kind: str, key: str):
        if self.current is None:
            return None
        if kind == "item":
            found = next((r for r in self.current.items if r.code == key), None)
        else:
            found = next((r for r in self.current.indicators if str(r.number) == key), None)
        return None if found is None else found.guideline

    def guideline_actions(self, row: int) -> list[QAction]:
        """The right-click actions on table row ``row``: edit its guideline, or go back to the suggestion."""
        if not 0 <= row < len(self.model.rows) or self.model.rows[row].kind == am.CATEGORY_ROW:
            return []
        kind, key = self.model.row_key(self.model.rows[row])
        index = self.model.index(row, am.COL_GUIDELINE)
        edit = QAction("แก้ไขแนวทางการพัฒนา...", self)
        edit.triggered.connect(lambda: (self.view.setCurrentIndex(index), self.view.edit(index)))
        clear = QAction("ใช้ข้อความที่ระบบเสนอ (ล้างข้อความที่เขียนเอง)", self)
        clear.setEnabled(self.model.rows[row].record.guideline.source == OWN)
        clear.triggered.connect(lambda: self.store_guideline(kind, key, ""))
        return [edit, clear]

    def _context_menu(self, pos) -> None:
        actions = self.guideline_actions(self.view.indexAt(pos).row())
        if actions:
            menu = QMenu(self)
            menu.addActions(actions)
            menu.exec(self.view.viewport().mapToGlobal(pos))

    def _entry_rejected(self, message: str) -> None:
        QMessageBox.warning(self, "แนวทางการพัฒนาไม่ถูกต้อง", message + "\nข้อความเดิมไม่ถูกเปลี่ยน")

    # -- actions -----------------------------------------------------------------------------
    def _settings_opener(self):
        window = self.window()
        return getattr(window, "open_settings", None) if window is not self else None

    def open_settings(self) -> None:
        """ตั้งค่า → เกณฑ์ผ่านและรูปแบบเอกสาร of the main window (hidden without one)."""
        opener = self._settings_opener()
        if opener is not None:
            opener()

    def report_builders(self):
        """(build PDF, build Excel) of the selected office-year's analysis report, digits per the settings."""
        from ita_desktop.services import analysis_report  # reportlab and openpyxl load when printing

        office_id, year = self.office_id, self.year

        def build(kind: str):
            def write(ctx, path):
                thai = settings.digits(ctx, kind) == settings.THAI
                return analysis_report.write_analysis_report(ctx, office_id, year, path, thai_digits=thai)
            return write

        return build("report"), build("excel")

    def open_report(self) -> None:
        """พิมพ์รายงานการวิเคราะห์: refused with the Thai reason while the scores are incomplete."""
        from ita_desktop.services import analysis_report
        from ita_desktop.ui.dialogs.document_dialog import DocumentDialog

        if self.office_id is None or self.year is None:
            return
        office_id, year = self.office_id, self.year
        ready = self.ops.query(lambda ctx: analysis_report.require_complete(full_analysis(ctx, office_id, year)) or True,
                               title="พิมพ์รายงานการวิเคราะห์ไม่ได้", parent=self)
        if not ready:
            return
        build_pdf, build_xlsx = self.report_builders()
        name = self.current.office_name if self.current else ""
        dialog = DocumentDialog(self.ctx, f"{REPORT_TITLE} – {name} ปีงบประมาณ พ.ศ. {year}", build_pdf,
                                f"รายงานการวิเคราะห์-{name}-{year}", build_xlsx, parent=self, ops=self.ops)
        self.report_dialog = dialog
        dialog.exec()
        dialog.deleteLater()
        self.report_dialog = None


def _load(ctx, office_id: int, year: int):
    return full_analysis(ctx, office_id, year), settings.pass_line(ctx, office_id, year)
