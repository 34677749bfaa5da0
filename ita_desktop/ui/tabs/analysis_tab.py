"""วิเคราะห์จุดอ่อน: indicators and items against the pass line, with development guidelines
(read-only for now)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ita_desktop.services import analysis, changes
from ita_desktop.services.analysis import OfficeYearAnalysis
from ita_desktop.ui.models import analysis_models as am
from ita_desktop.ui.models.score_base import format_score
from ita_desktop.ui.widgets.message_bar import MessageBar
from ita_desktop.ui.widgets.thai_wrap import ThaiWrapLabel

from .base import Tab
from ita_desktop.ui.widgets.tables import WrappedTable

from .measures_tab import NO_OFFICE_TEXT


HEADING = "การวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส"


def no_scores_text(year: int) -> str:
    return (f"ยังไม่มีคะแนนรายตัวชี้วัดของปีงบประมาณ พ.ศ. {year} จึงยังวิเคราะห์จุดอ่อนไม่ได้ "
            "นำเข้าหรือกรอกคะแนนที่แท็บ คะแนน ก่อน")


def pass_line_text(result: OfficeYearAnalysis) -> str:
    """The line used, said the way the reports say it."""
    return f"เกณฑ์ผ่าน: ร้อยละ {result.pass_line:g} (ตามเกณฑ์ปีงบประมาณ พ.ศ. {result.year})"


def _legend() -> str:
    chips = " &nbsp; ".join(
        f"<span style='background:{style.heading.name()}'>&nbsp;&nbsp;&nbsp;&nbsp;</span> "
        f"<span style='color:{style.foreground.name()}'>{category.value}</span>"
        for category, style in am.CATEGORY_STYLES.items()
    )
    return chips


class AnalysisTab(Tab):
    """The วิเคราะห์จุดอ่อน tab: pass line, summary sentence and the grouped findings."""

    title = "วิเคราะห์จุดอ่อน"

    kinds = frozenset({changes.ANALYSIS, changes.SCORES, changes.CRITERIA, changes.SETTINGS, changes.OFFICES})

    def __init__(self, ctx, ops=None, parent: QWidget | None = None):
        super().__init__(ctx, ops, parent)
        self.current: OfficeYearAnalysis | None = None
        self._build()
        self.refresh_if_stale()

    def _build(self) -> None:
        self.heading = QLabel(textFormat=Qt.RichText, wordWrap=True)
        self.pass_line = ThaiWrapLabel()
        self.summary = ThaiWrapLabel()
        self.summary.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.summary.setFrameShape(QFrame.StyledPanel)
        self.summary.setStyleSheet("QLabel { background:#f4f7fb; padding:6px; }")
        self.legend = QLabel(_legend())
        self.legend.setToolTip("ต่ำกว่าเกณฑ์ผ่าน · ผ่านเกณฑ์แต่ยังไม่ถึง 100 · ได้ 100 คะแนน")
        self.empty_bar = MessageBar("info")
        self.model = am.AnalysisTableModel(self)
        self.view = WrappedTable(self.model, self._narrow_columns)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        line = QHBoxLayout()
        line.addWidget(self.pass_line, 1)
        line.addWidget(self.legend)
        layout.addLayout(line)
        for widget in (self.summary, self.empty_bar):
            layout.addWidget(widget)
        layout.addWidget(self.view, 1)
        layout.addStretch(0)  # takes the room of the hidden table in the empty state

    def _narrow_columns(self) -> dict[int, str]:
        return {am.COL_CODE: "ตัวชี้วัดที่ 10", am.COL_TOOL: "เครื่องมือ", am.COL_SCORE: "100.00",
                am.COL_RESULT: "ไม่ผ่านเกณฑ์"}

    def refresh(self) -> None:
        """Reload the analysis of the selected office-year."""
        if self.office_id is None or self.year is None:
            self._show_nothing(NO_OFFICE_TEXT)
            return
        result, error = self.read(analysis.analyse_office_year, self.office_id, self.year)
        if error:
            self._show_nothing(error)
            return
        if not result.has_scores:
            self._show_nothing(no_scores_text(self.year), result)
            return
        self._show(result)

    def _show(self, result: OfficeYearAnalysis) -> None:
        self.current = result
        self._set_heading(result)
        self.pass_line.setText(pass_line_text(result))
        self.summary.setText(result.summary_text)
        self.empty_bar.set_messages([])
        self.model.set_groups(result.groups)
        for widget in (self.pass_line, self.summary, self.legend, self.view):
            widget.show()

    def _show_nothing(self, message: str, result: OfficeYearAnalysis | None = None) -> None:
        self.current = result
        self.heading.setText(f"<b style='font-size:16pt'>{HEADING}</b>" if result else "")
        self.empty_bar.set_messages([message])
        self.model.set_groups(())
        for widget in (self.pass_line, self.summary, self.legend, self.view):
            widget.hide()

    def _set_heading(self, result: OfficeYearAnalysis) -> None:
        self.heading.setText(
            f"<b style='font-size:16pt'>{HEADING}</b> &nbsp; "
            f"{result.office_name} ปีงบประมาณ พ.ศ. {result.year} · คะแนนรวม {format_score(result.total)} "
            f"· ระดับ {result.level or '–'}"
        )
