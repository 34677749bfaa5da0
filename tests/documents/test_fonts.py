"""Font registration is idempotent and gives the files to the Qt side too."""

from reportlab.lib.fonts import tt2ps
from reportlab.pdfbase import pdfmetrics

from ita_desktop.documents.fonts import FAMILY, ThaiTTFont, font_name, font_paths, register_fonts


def test_register_twice_keeps_one_font_object_per_face():
    first = register_fonts()
    font = pdfmetrics.getFont("Laksaman-Bold")
    assert register_fonts() == first
    assert pdfmetrics.getFont("Laksaman-Bold") is font
    assert isinstance(font, ThaiTTFont)


def test_paths_exist_and_family_mapping_resolves_bold_italic():
    assert all(path.is_file() for path in font_paths().values())
    register_fonts()
    assert tt2ps(FAMILY, 1, 0) == "Laksaman-Bold"
    assert tt2ps(FAMILY, 1, 1) == "Laksaman-BoldItalic"
    assert font_name(bold=False, italic=True) == "Laksaman-Italic"
