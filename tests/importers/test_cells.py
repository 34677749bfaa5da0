"""Numbers as clerks type them, and the header words that start score tables."""

import math

import pytest
from hypothesis import given, strategies as st

from ita_desktop.core.digits import to_thai_digits
from ita_desktop.importers.catalog import CatalogIndex
from ita_desktop.importers.cells import Number, NotANumber, parse_number
from ita_desktop.importers.headers import Kind, classify_header
from tests.importers.criteria_data import criteria_2566


@pytest.mark.parametrize("raw, value", [
    (90.63, 90.63), (100, 100.0), ("๙๐.๖๓", 90.63), (" 78.84 ", 78.84), ("86,25", 86.25), ("55%", 55.0),
    ("๐๐.๐๐", 0.0), ("1 00", 100.0), (".5", 0.5),
])
def test_numbers(raw, value):
    assert parse_number(raw) == Number(value)


@pytest.mark.parametrize("raw", [None, "", "-", "–", "  "])
def test_blank(raw):
    assert parse_number(raw) is None


@pytest.mark.parametrize("raw", ["ดีมาก", "1,000.5", "9O", True, float("nan"), float("inf"), "1e3", "1.2.3"])
def test_not_numbers(raw):
    assert isinstance(parse_number(raw), NotANumber)


@given(st.decimals(min_value=0, max_value=100, places=2))
def test_any_two_decimal_score_in_thai_digits_reads_back(value):
    assert parse_number(to_thai_digits(str(value))) == Number(float(value))


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_any_float_is_a_number(value):
    assert parse_number(value) == Number(value)


@given(st.text(max_size=30))
def test_any_text_is_blank_a_number_or_not(text):
    parsed = parse_number(text)
    assert parsed is None or isinstance(parsed, NotANumber) or math.isfinite(parsed.value)


CATALOG = CatalogIndex(criteria_2566())


@pytest.mark.parametrize("cells, kind", [
    (("ลำดับ", "เครื่องมือการประเมิน", "ตัวชี้วัด", "คะแนน", "ผลการประเมิน"), Kind.INDICATORS),  # seed 001
    (("ตัวชี้วัดที่", "รายละเอียดตัวชี้วัด", "คะแนน", "ประเด็นที่นำไปใช้พัฒนา"), Kind.INDICATORS),  # seed 000
    (("ประเด็นข้อคำถาม", "คะแนน", "แนวทางการพัฒนา"), Kind.ITEMS),
    (("ชื่อหน่วยงาน", "อำเภอ", "1", "2", "3", "4", "5", "6", "7", "8", "9", "10"), Kind.WIDE),
    (("หน่วยงาน", "การปฏิบัติหน้าที่", "การใช้งบประมาณ", "การใช้อำนาจ"), Kind.WIDE),
    (("ประเด็นที่ต้องปรับปรุงแก้ไข/ ประเด็นที่ต้องพัฒนา", "ผู้รับผิดชอบ", "ขั้นตอนหรือวิธีการ/มาตรการ"), None),
    (("คะแนน", "ระดับ"), None),  # the rating-band table of seed 001
])
def test_header_kinds(cells, kind):
    header = classify_header(1, cells, CATALOG)
    assert header is not None and header.kind == kind


@pytest.mark.parametrize("cells", [
    ("๑", "IIT", "การปฏิบัติหน้าที่", "๙๐.๖๓", "ผ่านเกณฑ์"),  # a data row of seed 001
    ("หน่วยงาน", "อบต.ตะโกทอง"),  # a labelled title cell
    ("องค์การบริหารส่วนตำบลตะโกทอง", "ซับใหญ่", 90, 80),  # a data row of a provincial sheet
    ("ปีงบประมาณ พ.ศ.", 2566),
])
def test_rows_that_are_not_headers(cells):
    assert classify_header(1, cells, CATALOG) is None


@pytest.mark.parametrize("name, number", [
    ("การใช้ทรัพย์สินของทางราชการ", 4), ("การปรับปรุงระบบการทำงาน", 8), ("การแก้ปัญหาการทุจริต", 5),
    ("การ ปฏิบัติ หน้าที่", 1), ("ตัวชี้วัดที่ 9 การเปิดเผยข้อมูล", 9), ("การป้องกันการทุจริต", 10),
    ("ความพึงพอใจ", None), ("การ", None),
])
def test_indicator_names(name, number):
    assert CATALOG.indicator_by_name(name) == number
