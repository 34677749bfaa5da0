"""Every dialog of ita_desktop/ui/dialogs, opened on the sample data: one list for the screen-size
and Thai-text tests. A new QDialog subclass in ui/dialogs makes test_every_dialog_is_in_the_catalog
fail until it gets an entry here.
"""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtWidgets import QDialog

import ita_desktop.ui.dialogs as dialogs_package
from ita_desktop.services import offices

YEAR = 2566
OFFICE = "อบต.ตะโกทอง"
PLAN_OFFICE = "อบต.เขาทอง"  # seed 004's plan
MEASURE_YEAR = 2567  # the sample measures of อบต.ตะโกทอง answer the 2566 assessment


@dataclass(frozen=True)
class Entry:
    name: str
    open: Callable  # (ctx, office: OfficeProfile) -> QDialog
    ready: Callable = lambda dialog: True  # when background work started by the dialog is done


def _catalog() -> list[Entry]:
    from ita_desktop.ui.dialogs.criteria_dialog import CriteriaDialog
    from ita_desktop.ui.dialogs.export_dialog import ExportDialog
    from ita_desktop.ui.dialogs.import_dialog import ImportDialog
    from ita_desktop.ui.dialogs.memo_dialog import MemoDialog
    from ita_desktop.ui.dialogs.office_dialog import OfficeDialog
    from ita_desktop.ui.dialogs.settings_dialog import SettingsDialog
    from ita_desktop.ui.dialogs.document_dialog import DocumentDialog
    from ita_desktop.ui.dialogs.backup_dialog import BackupDialog
    from ita_desktop.ui.dialogs.audit_dialog import AuditDialog
    from ita_desktop.ui.dialogs.package_dialog import PackageImportDialog
    from ita_desktop.ui.dialogs.about_dialog import AboutDialog
    from ita_desktop.ui.dialogs.first_run_wizard import FirstRunWizard
    from ita_desktop.ui.dialogs.help_dialog import HelpDialog
    from ita_desktop.ui.dialogs import measure_dialog as md
    from ita_desktop.ui.dialogs import plan_dialogs as pd
    from ita_desktop.ui.dialogs.result_dialog import ReportTextsDialog, ResultDialog
    from ita_desktop.ui.operations import Operations

    return [
        Entry("OfficeDialog first run", lambda ctx, o: OfficeDialog(ctx, first_run=True)),
        Entry("OfficeDialog new", lambda ctx, o: OfficeDialog(ctx)),
        Entry("OfficeDialog edit", lambda ctx, o: OfficeDialog(ctx, offices.get_office(ctx, o.id))),
        Entry("ImportDialog", lambda ctx, o: ImportDialog(ctx, default_org=o.name, default_year=YEAR)),
        Entry("ExportDialog", lambda ctx, o: ExportDialog(ctx, o.id, YEAR)),
        Entry("MemoDialog", lambda ctx, o: MemoDialog(ctx, o.id, YEAR),
              ready=lambda d: d.preview.page_count() >= 1),
        Entry("CriteriaDialog", lambda ctx, o: CriteriaDialog(ctx, YEAR)),
        Entry("SettingsDialog", lambda ctx, o: SettingsDialog(ctx, Operations(ctx), o.id, YEAR)),
        Entry("DocumentDialog", lambda ctx, o: DocumentDialog(ctx, "รายงานการวิเคราะห์ผลการประเมิน", _analysis_report(o),
                                                               "รายงาน", build_xlsx=_analysis_report(o)),
              ready=lambda d: d.preview.page_count() >= 1),
        Entry("BackupDialog", lambda ctx, o: BackupDialog(ctx)),
        Entry("AuditDialog", lambda ctx, o: AuditDialog(ctx)),
        Entry("PackageImportDialog", lambda ctx, o: PackageImportDialog(ctx, _package(ctx, o))),
        Entry("AboutDialog", lambda ctx, o: AboutDialog(ctx)),
        Entry("HelpDialog", lambda ctx, o: HelpDialog()),
        *[Entry(f"FirstRunWizard page {n + 1}", lambda ctx, o, n=n: _wizard_at(FirstRunWizard(ctx), n))
          for n in range(6)],
        # มาตรการ
        Entry("FormDialog measures", lambda ctx, o: md.FormDialog("แบบฟอร์ม", lambda value: True)),
        Entry("MeasureDialog new", lambda ctx, o: md.MeasureDialog(
            f"เพิ่มมาตรการ ปีงบประมาณ พ.ศ. {MEASURE_YEAR}", _divisions(ctx, o), lambda data: True)),
        Entry("MeasureDialog edit", lambda ctx, o: md.MeasureDialog(
            "แก้ไขมาตรการ", _divisions(ctx, o), lambda data: True, _measure_input(ctx, o))),
        Entry("ChecklistDialog proposals", lambda ctx, o: _proposals(ctx, o)),
        Entry("CarryOverDialog", lambda ctx, o: md.CarryOverDialog(_measures(ctx, o), MEASURE_YEAR)),
        Entry("ResultDialog measure", lambda ctx, o: ResultDialog(
            "บันทึกผลการดำเนินการ", lambda value: True, None, _measure_title(ctx, o))),
        Entry("ResultDialog other", lambda ctx, o: ResultDialog("เพิ่มผลการดำเนินการของกิจกรรมอื่น", lambda value: True)),
        Entry("ReportTextsDialog", lambda ctx, o: ReportTextsDialog(lambda value: True)),
        Entry("TableImportDialog", lambda ctx, o: _table_import(ctx, o)),
        # ติดตามแผน
        Entry("FormDialog plan", lambda ctx, o: pd.FormDialog("แบบฟอร์ม")),
        Entry("NewPlanDialog new", lambda ctx, o: pd.NewPlanDialog(YEAR)),
        Entry("NewPlanDialog copy", lambda ctx, o: pd.NewPlanDialog(2571, source=_plan(ctx))),
        Entry("PlanInfoDialog", lambda ctx, o: pd.PlanInfoDialog(_plan(ctx))),
        Entry("ProjectDialog new", lambda ctx, o: pd.ProjectDialog(_plan(ctx))),
        Entry("ProjectDialog edit", lambda ctx, o: pd.ProjectDialog(_plan(ctx), _longest_project(ctx))),
        Entry("RiskDialog new", lambda ctx, o: pd.RiskDialog()),
        Entry("RiskDialog edit", lambda ctx, o: pd.RiskDialog(_plan(ctx).risks[0])),
        Entry("TargetDialog", lambda ctx, o: pd.TargetDialog(YEAR, _plan(ctx).targets[0])),
        Entry("EntryDialog", lambda ctx, o: pd.EntryDialog(_round_entry(ctx))),
    ]


def _wizard_at(wizard, page: int):
    wizard.setStartId(page)
    return wizard


def _divisions(ctx, o):
    from ita_desktop.services import measures

    return measures.division_choices(ctx, o.id)


def _measures(ctx, o):
    from ita_desktop.services import measures

    return measures.measure_set_of_year(ctx, o.id, MEASURE_YEAR).measures


def _measure_title(ctx, o):
    """The longest title a measure's row shows in the results table."""
    from ita_desktop.ui.models.measure_models import ProgressRow

    return max((ProgressRow(m, None).title for m in _measures(ctx, o)), key=len)


def _measure_input(ctx, o):
    from ita_desktop.services import measures

    return measures.measure_input(max(_measures(ctx, o), key=lambda m: len(m.steps) + len(m.issue)))


def _proposals(ctx, o):
    from ita_desktop.services import measure_proposals as mp
    from ita_desktop.ui.dialogs.measure_dialog import proposal_dialog

    found = mp.propose_measures(ctx, o.id, YEAR)
    return proposal_dialog(found, [mp.proposal_key(p) for p in found], YEAR + 1, YEAR)


def _table_import(ctx, o):
    from ita_desktop.services.changes import MEASURES, RESULTS, Changes
    from ita_desktop.ui.dialogs.table_import_dialog import ImportKind, TableImportDialog
    from ita_desktop.ui.operations import Operations

    def kind(what, changes):
        return ImportKind(what, lambda ctx, path: (0, []), lambda ctx: 0, lambda ctx, path, replace: None,
                          Changes.of(changes, office_id=o.id, year=MEASURE_YEAR))

    kinds = {"measures": kind("มาตรการ", MEASURES), "results": kind("ผลการดำเนินการ", RESULTS)}
    return TableImportDialog(ctx, Operations(ctx), kinds, f"{o.name} ปีงบประมาณ พ.ศ. {MEASURE_YEAR}")


def _plan(ctx):
    from ita_desktop.services import plans

    office = offices.find_office(ctx, PLAN_OFFICE)
    return plans.get_plan(ctx, plans.list_plans(ctx, office.id)[0].id)


def _longest_project(ctx):
    projects = [p for d in _plan(ctx).dimensions for p in d.projects]
    return max(projects, key=lambda p: len(p.name) + len(p.rationale) + len(p.method))


def _round_entry(ctx):
    from ita_desktop.services import monitoring

    plan = _plan(ctx)
    found = monitoring.get_round(ctx, plan.id, plan.start_year, 1)
    if found is None:
        found = monitoring.get_round_by_id(ctx, monitoring.start_round(ctx, plan.id, plan.start_year, 1))
    return max(found.entries, key=lambda e: len(e.project_name))


def _analysis_report(o):
    from ita_desktop.services.analysis_report import write_analysis_report

    return lambda ctx, path: write_analysis_report(ctx, o.id, YEAR, path)


def _package(ctx, o):
    import tempfile
    from pathlib import Path

    from ita_desktop.services import package

    return package.export_office(ctx, o.id, Path(tempfile.mkdtemp()) / "ชุดข้อมูลหน่วยงาน.itapkg")


CATALOG = _catalog()


def dialog_classes() -> set[str]:
    """Names of the QDialog subclasses defined in the modules of ita_desktop/ui/dialogs."""
    found = set()
    for info in pkgutil.iter_modules(dialogs_package.__path__):
        module = importlib.import_module(f"{dialogs_package.__name__}.{info.name}")
        for name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, QDialog) and cls.__module__ == module.__name__:
                found.add(name)
    return found
