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
    ]


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
