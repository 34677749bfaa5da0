"""The bundled Thai font (Laksaman, TH Sarabun PSK compatible) as the UI font."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QApplication

from ita_desktop import paths

UI_POINT_SIZE = 14  # Sarabun-style faces are small for their point size


def register_fonts() -> str | None:
    """Add the bundled TTFs to Qt's font database; return the family name (or None)."""
    family = None
    for path in sorted(paths.fonts_dir().glob("*.ttf")):
        font_id = QFontDatabase.addApplicationFont(str(path))
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        family = family or (families[0] if families else None)
    return family


def apply_ui_font(app: QApplication) -> str | None:
    family = register_fonts()
    if family:
        app.setFont(QFont(family, UI_POINT_SIZE))
    return family
