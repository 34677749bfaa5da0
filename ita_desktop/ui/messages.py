"""Showing errors to the clerk: a Thai sentence, never a traceback."""

from __future__ import annotations

import logging
import sys

from PySide6.QtWidgets import QMessageBox, QWidget

from ita_desktop.services.errors import UserError

log = logging.getLogger(__name__)


def show_error(parent: QWidget | None, exc: BaseException, title: str = "ไม่สามารถดำเนินการได้") -> None:
    if isinstance(exc, UserError):
        text = str(exc)
    else:
        log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
        text = "เกิดข้อผิดพลาดภายในโปรแกรม ข้อมูลที่บันทึกไว้แล้วไม่สูญหาย รายละเอียดถูกบันทึกในไฟล์บันทึกของโปรแกรม"
    QMessageBox.warning(parent, title, text)


def install_excepthook() -> None:
    """Uncaught exceptions in slots become a Thai message box and a log entry."""

    def hook(exc_type, exc, tb):
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        log.error("uncaught exception", exc_info=(exc_type, exc, tb))
        try:
            show_error(None, exc)
        except Exception:  # no GUI (smoke test, shutdown): the log has it
            pass

    sys.excepthook = hook
