"""The ติดตามแผน tab's documents: the plan report, the round's report and its cover memo through
DocumentDialog, and the plan's summary table to and from Excel (checked first, nothing stored
from a file with a problem, a backup before storing)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from ita_desktop.core import plan as core_plan
from ita_desktop.services import changes, monitoring, plans, queries
from ita_desktop.services.changes import Changes
from ita_desktop.ui.widgets import file_dialogs

from .plan_panels import not_started_text


class PlanDocuments:
    """Mixed into PlanTab: needs ``plan``, ``monitoring``, ``office_id``, ``ops``, ``ask`` and ``read``."""

    # -- documents -----------------------------------------------------------------------------
    def _open_document(self, title: str, build_pdf, name: str, build_xlsx=None) -> None:
        from ita_desktop.ui.dialogs.document_dialog import DocumentDialog

        self.document_dialog = DocumentDialog(self.ctx, title, build_pdf, name, build_xlsx, parent=self, ops=self.ops)
        self.document_dialog.resize(1000, 660)
        self.document_dialog.open()

    def print_plan(self) -> None:
        if self.plan is None:
            return
        pid, span = self.plan.id, f"{self.plan.start_year}-{self.plan.end_year}"

        def build(ctx, path):
            return plans.write_plan_report(ctx, pid, path)

        self._open_document("พิมพ์แผนปฏิบัติการป้องกันการทุจริต", build, f"แผนป้องกันการทุจริต_{span}", build)

    def _round_args(self):
        if self.plan is None or not self.monitoring.year:
            return None
        if self.monitoring.round is None:
            text = not_started_text(self.monitoring.year, self.monitoring.round_no())
            QMessageBox.information(self, "รายงานผล", text)
            return None
        return self.plan.id, self.monitoring.year, self.monitoring.round_no()

    def print_round(self) -> None:
        args = self._round_args()
        if args is None:
            return

        def build(ctx, path):
            return monitoring.write_monitoring_report(ctx, *args, path)

        name = f"รายงานผลแผนป้องกันการทุจริต_{args[1]}_รอบ{core_plan.ROUND_MONTHS[args[2]]}เดือน"
        self._open_document(f"พิมพ์รายงานผล{core_plan.ROUND_NAMES[args[2]]} ปี {args[1]}", build, name, build)

    def print_round_memo(self) -> None:
        args = self._round_args()
        if args is None:
            return

        def build(ctx, path):
            return monitoring.write_monitoring_memo_pdf(ctx, *args, path)

        self._open_document("พิมพ์บันทึกข้อความนำส่งรายงานผล", build, f"บันทึกข้อความรายงานผล_{args[1]}")

    def export_plan(self) -> None:
        if self.plan is None:
            return
        name = file_dialogs.get_save_file(
            self, "ส่งออกแผนเป็น Excel", f"แผนป้องกันการทุจริต_{self.plan.start_year}-{self.plan.end_year}.xlsx",
            "ไฟล์ Excel (*.xlsx)")
        if name:
            self.export_plan_to(Path(name))

    def export_plan_to(self, path: Path) -> Path | None:
        path = path if path.suffix.lower() == ".xlsx" else path.with_name(path.name + ".xlsx")
        pid = self.plan.id
        ctx = self.ctx
        return self.ops.save_with_progress(lambda target: plans.write_plan_report(ctx, pid, target), path,
                                           title="ส่งออกแผนไม่ได้", parent=self)  # percent and ยกเลิก

    def import_plan(self) -> None:
        name = file_dialogs.get_open_file(self, "นำเข้าแผนจาก Excel", "", "ไฟล์ Excel (*.xlsx)")
        if name:
            self.import_plan_from(Path(name))

    def import_plan_from(self, path: Path):
        """Check the file first (nothing stored on a problem), ask, back up, then store it."""
        org = self._import_org(path)
        preview = self.ops.query(lambda ctx: _plan_xlsx().import_plan_file(ctx, path, org, dry_run=True),
                                 title="นำเข้าแผนไม่ได้", parent=self)
        if preview is None:
            return None
        question = f"ไฟล์ {path.name}: {preview.message_th()}"
        if preview.updated:
            question += "\n\nโครงการที่มีชื่อเดียวกันในแผนเดิมจะถูกแทนที่ด้วยค่าจากไฟล์ (ประเภท งบประมาณ หมายเหตุ)"
        if not self.ask("นำเข้าแผนจาก Excel", question + "\n\nนำเข้าหรือไม่? (สำรองข้อมูลไว้ก่อนแล้ว)"):
            return None
        done, summary = self.ops.change(
            lambda ctx: _plan_xlsx().import_plan_file(ctx, path, org), label="นำเข้าแผนจาก Excel",
            changes=Changes.of(changes.PLAN, changes.OFFICES), backup="before-import", parent=self)
        if done:
            self.ops.history.clear()  # the import replaced rows the steps before it knew
            self.ops.history_changed.emit()
            QMessageBox.information(self, "นำเข้าแผนจาก Excel", summary.message_th())
        return summary if done else None

    def _import_org(self, path: Path) -> str | None:
        """The file's own office when it names one (this program's export does); else the office shown."""
        _parsed, error = self.ops.read(lambda ctx: _plan_xlsx().read_plan_xlsx(path))
        if error is None or self.office_id is None:
            return None
        office, _error = self.read(queries.get_office, self.office_id)
        return office.name if office else None


def _plan_xlsx():
    """services.plan_xlsx, imported when a plan is exported or imported (openpyxl stays out of start-up)."""
    from ita_desktop.services import plan_xlsx

    return plan_xlsx
