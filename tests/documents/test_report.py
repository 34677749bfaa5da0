"""Table reports: header repeated on every page, landscape, page numbers, wrapped Thai cells."""

import pytest
from reportlab.lib.units import cm

from ita_desktop.documents.report import Column, build_table_report, page_number_text

from .conftest import SEED_PARAGRAPHS
from .pdftools import fonts, needs_poppler, page_count, page_size, pdf_text, pdf_text_in, squash

COLUMNS = [Column("ลำดับ", 0.6, "center"), Column("มาตรการหรือกิจกรรม", 3), Column("ผู้รับผิดชอบ", 1.4),
           Column("ผลลัพธ์หรือความสำเร็จ", 3)]


def _rows(n):
    return [[str(i + 1), SEED_PARAGRAPHS[i % 4][:180], "สำนักปลัด", SEED_PARAGRAPHS[(i + 1) % 4][:120]]
            for i in range(n)]


@pytest.fixture(scope="module")
def report(tmp_path_factory):
    path = tmp_path_factory.mktemp("report") / "r.pdf"
    build_table_report(path, "รายงานผลการดำเนินการตามมาตรการ", ["ประจำปีงบประมาณ พ.ศ. 2567"], COLUMNS,
                       _rows(40), landscape=True)
    return path


@needs_poppler
def test_landscape_a4_and_several_pages(report):
    width, height = page_size(report)
    assert width > height and width == pytest.approx(841.89, abs=0.5)
    assert page_count(report) >= 3


@needs_poppler
def test_header_row_and_page_number_on_every_page(report):
    total = page_count(report)
    for page in range(1, total + 1):
        text = squash(pdf_text(report, first=page, last=page))
        assert "มาตรการหรือกิจกรรม" in text and "ผู้รับผิดชอบ" in text
        assert page_number_text(page, total) in text


@needs_poppler
def test_title_digits_and_cells_are_extracted(report):
    first = squash(pdf_text(report, first=1, last=1))
    assert first.startswith("รายงานผลการดำเนินการตามมาตรการ ประจำปีงบประมาณ พ.ศ. ๒๕๖๗")
    # Column 2 of landscape A4 with 2 cm margins and weights 0.6 : 3 : 1.4 : 3.
    left = 2 * cm + (841.89 - 4 * cm) * 0.6 / 8
    column = pdf_text_in(report, 1, (left + 2, 0, (841.89 - 4 * cm) * 3 / 8 - 4, 595))
    rows = _rows(2)
    expected = "มาตรการหรือกิจกรรม" + rows[0][1] + rows[1][1]
    column = "".join(column.split())
    assert column[column.index("มาตรการหรือกิจกรรม"):].startswith("".join(expected.split()))
    assert all(f["emb"] == "yes" for f in fonts(report))


def test_page_number_text():
    assert page_number_text(1, 3) == "หน้า ๑ / ๓"
    assert page_number_text(12, 15, thai_digits=False) == "หน้า 12 / 15"


@needs_poppler
def test_rows_taller_than_a_page_are_split_without_losing_text(tmp_path):
    long_cell = " ".join(SEED_PARAGRAPHS * 3)
    path = tmp_path / "tall.pdf"
    build_table_report(path, "ตาราง", [], ["รายละเอียด"], [[long_cell], ["แถวสุดท้าย"]])
    assert page_count(path) >= 2
    pages = [squash(pdf_text(path, first=p, last=p)) for p in range(1, page_count(path) + 1)]
    assert all(page.startswith("ตาราง รายละเอียด" if n == 0 else "รายละเอียด") for n, page in enumerate(pages))
    body = "".join(p.split("รายละเอียด", 1)[1].rsplit("หน้า", 1)[0] for p in pages)
    assert "".join(body.split()) == "".join((long_cell + "แถวสุดท้าย").split())
