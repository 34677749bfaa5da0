"""The analysis report document: seed 001's sections, tables, no word cut in a table cell."""

import pytest
from openpyxl import load_workbook
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm

from ita_desktop.core.digits import to_thai_digits
from ita_desktop.documents.analysis_report import (
    DEVELOP,
    MAINTAIN,
    URGENT,
    IndicatorLine,
    ItemLine,
    PathData,
    PathLine,
    ReportData,
    ToolInfo,
    build_analysis_pdf,
    build_analysis_xlsx,
    items_sheet_rows,
    report_blocks,
)
from ita_desktop.documents.fonts import register_fonts
from ita_desktop.documents.report import HEADER_STYLE, CELL_STYLE
from ita_desktop.documents.shaping import shape
from ita_desktop.documents.wordbreak import break_units

from .pdftools import needs_poppler, page_count, page_size, pdf_text, squash

I7 = ItemLine("i7", "ท่านทราบข้อมูลเกี่ยวกับงบประมาณของหน่วยงาน มากน้อยเพียงใด", 60.07,
              "ควรจัดให้มีการประชุมเพื่อชี้แจงงบประมาณของหน่วยงานให้บุคลากรภายในทราบ")
O10 = ItemLine("o10", "นโยบายคุ้มครองข้อมูลส่วนบุคคล", 0.0, "นำ URL เว็บไซต์มาตอบและอธิบายให้ชัดเจนว่าอยู่ส่วนไหนของเว็บไซต์")
I4 = ItemLine("i4", "เจ้าหน้าที่มีการเรียกรับเงินหรือไม่", 100.0, "ควรรักษามาตรฐานไว้")
I1 = ItemLine("i1", "เจ้าหน้าที่ปฏิบัติงานตามขั้นตอน", 88.5, "ควรกำชับเจ้าหน้าที่ให้ปฏิบัติตามขั้นตอน")


def _data(**changes) -> ReportData:
    tools = (ToolInfo("IIT", "แบบวัดภายใน", 30, (), ("การปฏิบัติหน้าที่", "การใช้งบประมาณ")),
             ToolInfo("EIT", "แบบวัดภายนอก", 30, (("EIT1", "ส่วนที่ 1", 15), ("EIT2", "ส่วนที่ 2", 15)), ("คุณภาพ",)),
             ToolInfo("OIT", "แบบวัดเปิดเผย", 40, (), ("การเปิดเผยข้อมูล",)))
    indicators = (
        IndicatorLine(1, "การปฏิบัติหน้าที่", "IIT", 90.63, True, DEVELOP, "แนวทางตัวชี้วัด ๑",
                      {MAINTAIN: (I4,), DEVELOP: (I1,)}),
        IndicatorLine(2, "การใช้งบประมาณ", "IIT", 78.75, False, URGENT, "แนวทางตัวชี้วัด ๒", {URGENT: (I7,)}),
        IndicatorLine(9, "การเปิดเผยข้อมูล", "OIT", 80.5, False, URGENT, "แนวทางตัวชี้วัด ๙", {URGENT: (O10,)}),
    )
    path = PathData("เส้นทางสู่เกณฑ์ 85 คะแนน", 85, 75.47, (PathLine("o10", O10.text, 0, 100, 0.4),), 75.87, False)
    data = dict(office_name="องค์การบริหารส่วนตำบลตะโกทอง", place="อำเภอซับใหญ่ จังหวัดชัยภูมิ", year=2566, line=85,
                total=75.47, level="ต้องปรับปรุง", level_old="B", tools=tools, level_lines=(95, 85, 70),
                indicators=indicators, summary_text="จุดแข็ง ... ", paths=(path,))
    data.update(changes)
    return ReportData(**data)


def test_blocks_follow_seed_001():
    headings = [b.text for b in report_blocks(_data()) if b.kind == "heading"]
    assert headings == ["หลักการประเมิน", "เครื่องมือในการประเมิน", "หลักเกณฑ์การประเมินผล", "ผลการประเมิน",
                        "1) ประเด็นที่เป็นข้อบกพร่องหรือจุดอ่อนที่จะต้องแก้ไขโดยเร่งด่วน",
                        "2) ประเด็นที่ต้องพัฒนาให้ดีขึ้น ที่มีความสอดคล้องกับผลการประเมินฯ",
                        "3) ประเด็นที่ต้องรักษามาตรฐาน", "เส้นทางสู่เกณฑ์ 85 คะแนน"]
    tables = [b for b in report_blocks(_data()) if b.kind == "table"]
    weights = tables[0].rows[4]
    assert weights == ("น้ำหนักแบบวัด", "ร้อยละ 30", "ร้อยละ 15", "ร้อยละ 15", "ร้อยละ 40")
    assert [r[1] for r in tables[1].rows] == ["AA", "A", "B", "C", "D", "E", "F"]
    assert [r[2] for r in tables[2].rows] == ["ผ่านดีเยี่ยม", "ผ่านดี", "ผ่าน", "ต้องปรับปรุง", "ต้องปรับปรุงโดยด่วน"]
    assert tables[2].rows[3][0] == "70.00 - 84.99"
    assert tables[3].rows[1] == ("2", "IIT", "การใช้งบประมาณ", "78.75", "ไม่ผ่านเกณฑ์")


def test_no_word_is_cut_in_a_table_cell():
    assert_no_word_cut(_data())


def assert_no_word_cut(data: ReportData) -> None:
    """A cell breaks lines only between words unless one word is wider than the cell: none is."""
    register_fonts()
    width = A4[0] - 5 * cm
    for block in (b for b in report_blocks(data) if b.kind == "table"):
        total = sum(c.weight for c in block.columns)
        for n, column in enumerate(block.columns):
            room = width * column.weight / total - 6
            cells = [(column.title, HEADER_STYLE)] + [(row[n], CELL_STYLE) for row in block.rows]
            for text, style in cells:
                widest = max((shape(to_thai_digits(u), style.font).width(style.size)
                              for u in break_units(text) if not u.isspace()), default=0)
                assert widest <= room, (block.columns[n].title, text)


@needs_poppler
def test_pdf_holds_every_weak_item_with_score_and_guideline(tmp_path):
    path = build_analysis_pdf(_data(), tmp_path / "r.pdf")
    assert page_size(path) == pytest.approx(A4, abs=0.5) and page_count(path) >= 2
    text = "".join(pdf_text(path).split())
    for item in (I7, O10, I1, I4):
        for part in (item.code, item.text, f"{item.score:.2f}", item.guideline):
            assert "".join(to_thai_digits(part).split()) in text, part
    assert "คะแนนเฉลี่ยรวม๗๕.๔๗คะแนนระดับผลการประเมินต้องปรับปรุง(ระดับแบบเดิมB)" in text
    assert squash(pdf_text(path, first=1, last=1)).startswith("รายงานการวิเคราะห์ผลการประเมินคุณธรรม")


@needs_poppler
def test_arabic_digits_when_asked(tmp_path):
    text = pdf_text(build_analysis_pdf(_data(thai_digits=False), tmp_path / "r.pdf"))
    assert "75.47" in text and "๗๕" not in text


def test_xlsx_sheets_header_repeated_and_items(tmp_path):
    path = build_analysis_xlsx(_data(), tmp_path / "r.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames == ["รายงาน", "ข้อคำถาม"]
    report, items = wb["รายงาน"], wb["ข้อคำถาม"]
    texts = [c.value for row in report.iter_rows() for c in row if isinstance(c.value, str)]
    assert any("หลักการประเมิน" == t for t in texts)
    assert any(I7.guideline in t for t in texts) and any(to_thai_digits("60.07") in t for t in texts)
    assert items.print_title_rows == "$2:$2" and items.freeze_panes == "A3"
    assert int(items.page_setup.paperSize) == 9  # A4
    assert items["A3"].font.name == "TH Sarabun PSK"
    rows = [tuple(c.value for c in row) for row in items.iter_rows(min_row=3)]
    assert [r[2] for r in rows] == [r[2] for r in items_sheet_rows(_data())] == ["i7", "o10", "i1", "i4"]
    assert rows[0][4] == 60.07 and rows[0][5] == I7.guideline


def test_a_path_already_reached_says_so():
    reached = PathData("เส้นทางสู่เกณฑ์ 85 คะแนน", 85, 98.42, (), 98.42, True)
    paras = [b.text for b in report_blocks(_data(paths=(reached,))) if b.kind == "para"]
    assert paras[-1] == "คะแนนรวม 98.42 ถึงเป้าหมาย 85 คะแนนแล้ว"
