"""Open/save file dialogs: Qt's own widget dialog (in Thai through qtbase_th), never the native one.

A native dialog (GTK, KDE portal, Windows) shows the desktop's language, which on an office PC is
often English; Qt's dialog is translated by ui/i18n.py. Every file question in ui/ goes through here.
"""

from __future__ import annotations

import re

from PySide6.QtWidgets import QDialog, QFileDialog, QWidget


def file_dialog(parent: QWidget | None, caption: str, directory: str, name_filter: str,
                save: bool = False) -> QFileDialog:
    """A non-native file dialog; ``save`` asks for a new name and confirms replacing a file."""
    dialog = QFileDialog(parent, caption, directory, name_filter)
    dialog.setOption(QFileDialog.DontUseNativeDialog, True)
    if save:
        dialog.setAcceptMode(QFileDialog.AcceptSave)
        dialog.setFileMode(QFileDialog.AnyFile)
        # The suffix is added before the "already exists" check, so that check sees the real name.
        suffix = default_suffix(name_filter)
        if suffix:
            dialog.setDefaultSuffix(suffix)
    else:
        dialog.setAcceptMode(QFileDialog.AcceptOpen)
        dialog.setFileMode(QFileDialog.ExistingFile)
    return dialog


def files_dialog(parent: QWidget | None, caption: str, directory: str, name_filter: str) -> QFileDialog:
    """A non-native dialog choosing one or more existing files."""
    dialog = file_dialog(parent, caption, directory, name_filter)
    dialog.setFileMode(QFileDialog.ExistingFiles)
    return dialog


def default_suffix(name_filter: str) -> str:
    """The first ``*.ext`` of a filter such as ``ไฟล์ PDF (*.pdf)``, without the dot; "" if none."""
    match = re.search(r"\*\.(\w+)", name_filter)
    return match.group(1) if match else ""


def _run(dialog: QFileDialog) -> str:
    if dialog.exec() != QDialog.Accepted:
        return ""
    chosen = dialog.selectedFiles()
    return chosen[0] if chosen else ""


def get_open_file(parent: QWidget | None, caption: str, directory: str, name_filter: str) -> str:
    """Ask for an existing file; "" when the clerk cancels."""
    return _run(file_dialog(parent, caption, directory, name_filter))


def get_open_files(parent: QWidget | None, caption: str, directory: str, name_filter: str) -> list[str]:
    """Ask for one or more existing files; [] when the clerk cancels."""
    dialog = files_dialog(parent, caption, directory, name_filter)
    return list(dialog.selectedFiles()) if dialog.exec() == QDialog.Accepted else []


def get_save_file(parent: QWidget | None, caption: str, directory: str, name_filter: str) -> str:
    """Ask where to save; "" when the clerk cancels. Replacing a file is confirmed in the dialog."""
    return _run(file_dialog(parent, caption, directory, name_filter, save=True))
