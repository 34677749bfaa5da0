"""The expat sheet reader gives exactly what openpyxl's read-only iter_rows gives."""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime, time
from pathlib import Path

import openpyxl
import pytest
from defusedxml import DefusedXmlException

from ita_desktop.importers.fastsheet import iter_values

HERE = Path(__file__).parent


def _both(data: bytes, max_row: int = 1000, max_col: int | None = None):
    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        for ws in wb.worksheets:
            width = max_col or max(ws.max_column or 0, 2)
            expected = list(ws.iter_rows(min_row=1, max_row=max_row, max_col=width, values_only=True))
            yield ws.title, expected, list(iter_values(ws, max_row, width))
    finally:
        wb.close()


def _saved(wb) -> bytes:
    out = io.BytesIO()
    wb.save(out)
    return out.getvalue()


def test_every_kind_of_value_as_openpyxl_reads_it():
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "คะแนน"
    ws["A1"] = "ผลการประเมิน ITA ปีงบประมาณ พ.ศ. ๒๕๖๘"
    ws.append([])
    ws["A3"], ws["B3"], ws["C3"], ws["D3"], ws["E3"] = "ตัวชี้วัดที่ 1", 85, 90.63, True, "=B3+C3"
    ws["F3"] = datetime(2025, 10, 1, 8, 30)
    ws["G3"] = date(2024, 9, 30)
    ws["H3"] = time(13, 45)
    ws["I3"] = 1e-7
    ws["A7"] = "หลังแถวว่าง"  # rows 4-6 missing from the XML
    ws["Z7"] = "นอกความกว้าง"  # beyond max_col: dropped by both
    ws.cell(9, 3).value = -12
    wb.create_sheet("ว่าง")
    data = _saved(wb)
    for width in (None, 5, 30):
        for title, expected, fast in _both(data, max_col=width):
            assert fast == expected, title
    _, expected, _ = next(_both(data, max_col=9))
    assert expected[2][1:4] == (85, 90.63, True) and isinstance(expected[2][5], datetime)


def test_stops_at_max_row():
    wb = openpyxl.Workbook()
    for k in range(1, 50):
        wb.active.append([k, f"แถว {k}"])
    for title, expected, fast in _both(_saved(wb), max_row=10):
        assert fast == expected and len(fast) == 10


def _rewrite_sheet(data: bytes, sheet_xml: str) -> bytes:
    """The same workbook with the first sheet's XML replaced."""
    src, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "xl/worksheets/sheet1.xml":
                body = sheet_xml.encode("utf-8")
            dst.writestr(info, body)
    return out.getvalue()


def _base() -> bytes:
    wb = openpyxl.Workbook()
    wb.active["A1"] = "x"
    return _saved(wb)


def test_inline_and_rich_strings_errors_and_prefixed_names():
    xml = (
        '<?xml version="1.0" encoding="UTF-8"?>'
        '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        '<x:dimension ref="A1:D4"/><x:sheetData>'
        '<x:row r="1"><x:c r="A1" t="inlineStr"><x:is><x:t>องค์การบริหารส่วนตำบล</x:t></x:is></x:c>'
        '<x:c r="B1" t="inlineStr"><x:is><x:r><x:t>คะแนน</x:t></x:r><x:r><x:t xml:space="preserve"> รวม</x:t></x:r>'
        '<x:rPh sb="0" eb="1"><x:t>ignored</x:t></x:rPh></x:is></x:c>'
        '<x:c r="C1" t="e"><x:v>#N/A</x:v></x:c><x:c r="D1" t="str"><x:f>A1</x:f><x:v>ข้อความ &amp; สูตร</x:v></x:c></x:row>'
        '<x:row><x:c t="n"><x:v>1.5E2</x:v></x:c><x:c><x:v>7</x:v></x:c><x:c t="b"><x:v>0</x:v></x:c></x:row>'
        '<x:row r="4"><x:c r="B4"><x:v></x:v></x:c><x:c r="C4" t="n"/></x:row>'
        '</x:sheetData></x:worksheet>')
    for title, expected, fast in _both(_rewrite_sheet(_base(), xml), max_col=4):
        assert fast == expected
        assert fast[0] == ("องค์การบริหารส่วนตำบล", "คะแนน รวม", "#N/A", "ข้อความ & สูตร")
        assert fast[1] == (150.0, 7, False, None)


def test_entity_declarations_are_refused():
    xml = ('<?xml version="1.0"?><!DOCTYPE w [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;">]>'
           '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
           '<row r="1"><c r="A1" t="inlineStr"><is><t>&b;</t></is></c></row></sheetData></worksheet>')
    # openpyxl refuses such a sheet when it opens it (through defusedxml); the reader does not
    # rely on that: given the sheet's XML, it refuses too.
    wb = openpyxl.load_workbook(io.BytesIO(_base()), read_only=True, data_only=True)
    ws = wb.worksheets[0]
    ws._get_source = lambda: io.BytesIO(xml.encode())
    with pytest.raises(DefusedXmlException):
        list(iter_values(ws, 10, 2))


@pytest.mark.parametrize("path", sorted((HERE / "corpus").rglob("*.xlsx")), ids=lambda p: p.name)
def test_corpus_workbooks_read_the_same(path):
    try:
        pairs = list(_both(path.read_bytes()))
    except Exception:  # noqa: BLE001 - files openpyxl itself cannot read are the corpus's broken cases
        pytest.skip("openpyxl cannot read this file either")
    for title, expected, fast in pairs:
        assert fast == expected, title


def _sheet(cells_xml: str, root: str = "worksheet") -> str:
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
            f'<{root} xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            f'<dimension ref="A1:D3"/><sheetData>{cells_xml}</sheetData><mergeCells count="0"/></{root}>')


_PLAIN = ('<row r="1" spans="1:4"><c r="A1" t="inlineStr"><is><t>อบต.หนองบัว &amp; ทต.ซับใหญ่</t></is></c>'
          '<c r="B1" s="1" t="s"><v>0</v></c><c r="C1" s="0"><v>85.25</v></c><c r="D1" t="b"><v>1</v></c></row>\n'
          '<row r="3"><c r="A3" t="str"><f>B1&amp;"x"</f><v>&#3585;&#x0E02; &lt;ค&gt;</v></c>'
          '<c r="B3" t="e"><v>#DIV/0!</v></c><c r="C3"/><c r="D3" t="n"><v>1E-3</v></c></row>'
          '<row r="4"/>')


def _with_shared_string(data: bytes) -> bytes:
    """The workbook with a shared-strings part holding "ตัวชี้วัดที่ 1" (openpyxl writes none)."""
    src, out = zipfile.ZipFile(io.BytesIO(data)), io.BytesIO()
    strings = ('<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/'
               'spreadsheetml/2006/main" count="1" uniqueCount="1"><si><t>ตัวชี้วัดที่ 1</t></si></sst>')
    with zipfile.ZipFile(out, "w") as dst:
        for info in src.infolist():
            body = src.read(info.filename)
            if info.filename == "[Content_Types].xml":
                body = body.replace(b"</Types>", b'<Override PartName="/xl/sharedStrings.xml" ContentType='
                                    b'"application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
                                    b"</Types>")
            elif info.filename == "xl/_rels/workbook.xml.rels":
                body = body.replace(b"</Relationships>", b'<Relationship Id="rIdS" Type="http://schemas.'
                                    b'openxmlformats.org/officeDocument/2006/relationships/sharedStrings" '
                                    b'Target="sharedStrings.xml"/></Relationships>')
            dst.writestr(info, body)
        dst.writestr("xl/sharedStrings.xml", strings)
    return out.getvalue()


def _expat_refused(monkeypatch):
    """Make any use of the expat cell handlers fail: only the fast path may read the cells."""
    from ita_desktop.importers import fastsheet

    def refuse(*args):
        raise AssertionError("expat read the cells")
    monkeypatch.setattr(fastsheet._SheetReader, "start", refuse)


def test_plainly_written_sheets_are_read_without_expat(monkeypatch):
    """Sheets as Excel and openpyxl write them take the fast path and give what openpyxl gives."""
    data = _rewrite_sheet(_with_shared_string(_base()), _sheet(_PLAIN))
    expected = list(next(_both(data, max_col=4))[1])
    _expat_refused(monkeypatch)
    fast = list(next(_both(data, max_col=4))[2])
    assert fast == expected
    assert fast[0] == ("อบต.หนองบัว & ทต.ซับใหญ่", "ตัวชี้วัดที่ 1", 85.25, True)
    assert fast[2] == ("กข <ค>", "#DIV/0!", None, 0.001) and fast[3] == (None,) * 4
    wb = openpyxl.Workbook()
    for k in range(300):
        wb.active.append([k, f"หน่วยงาน {k}", 50 + k / 10, None, datetime(2025, 10, 1)])
    assert [fast == expected for _, expected, fast in _both(_saved(wb))] == [True]


@pytest.mark.parametrize("variant", [
    _PLAIN.replace('<c r="C1" s="0">', '<c r="C1" s="0" cm="1">'),  # an attribute the expression does not know
    _PLAIN.replace("</row>\n", "</row><!-- comment -->"),
    _PLAIN.replace("</row>\n", "</row>\r\n"),
    _PLAIN.replace("<t>อบต.", "<t><![CDATA[อบต.]]>"),
    _PLAIN.replace("<is><t>", "<is><r><t>").replace("</t></is>", "</t></r></is>"),  # rich text
    _PLAIN.replace("&amp; ทต.", "&#x1; ทต."),  # a character XML forbids: refused as expat refuses it
    _PLAIN.replace('<row r="3">', "<row r = '3'>"),  # other spacing and quotes, row number from the row
    _PLAIN.replace("<v>85.25</v>", "<v>&#56;5.25</v>"),  # a number written with a character reference
    _PLAIN.replace("<v>85.25</v>", "<v>85.25</v><?pi </sheetData>?>"),  # a processing instruction
    _PLAIN.replace('<row r="4"/>', '<row-x/><row r="4"/>'),
])
def test_sheets_written_otherwise_are_read_by_expat_the_same(variant, monkeypatch):
    data = _rewrite_sheet(_with_shared_string(_base()), _sheet(variant))
    try:
        expected = list(next(_both(data, max_col=4))[1])
    except Exception as error:  # noqa: BLE001 - openpyxl refuses it: so must the fast reader
        with pytest.raises(type(error)):
            list(next(_both(data, max_col=4))[2])
        return
    assert list(next(_both(data, max_col=4))[2]) == expected
    _expat_refused(monkeypatch)
    with pytest.raises(AssertionError, match="expat read the cells"):
        list(next(_both(data, max_col=4))[2])


@pytest.mark.parametrize("broken", [
    _sheet(_PLAIN).replace("</worksheet>", ""),  # cut short after the cells
    _sheet(_PLAIN).replace("<mergeCells", "<mergeCells <"),
    _sheet(_PLAIN.replace("</row>\n", "\n")),  # a row never closed
    _sheet(_PLAIN).replace("&amp;", "&nbsp;"),  # an entity XML does not define
    _sheet(_PLAIN).replace("85.25", "85\x0125"),  # a control character
    _sheet(_PLAIN).replace("#DIV/0!", "]]>"),
    _sheet(_PLAIN).replace('B1&amp;"x"', 'B1&"x"'),  # a bare "&" in a formula
    _sheet(_PLAIN).replace('<row r="3">', '<row r="3" garbage>'),
    _sheet(_PLAIN).replace('<row r="3">', '<row r="3" r="4">'),  # an attribute twice
    _sheet(_PLAIN).replace('<c r="C1" s="0">', '<c r="C1" s="0" t="n" s="1">'),
    _sheet(_PLAIN).replace('<c r="D3" t="n">', '<c r="E3" s="0" t="n" s="1"><v>1</v></c><c r="D3" t="n">'),
])
def test_a_broken_sheet_fails_as_expat_fails(broken):
    data = _rewrite_sheet(_with_shared_string(_base()), broken)
    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    with pytest.raises(Exception) as raised:
        list(iter_values(wb.worksheets[0], 100, 4))
    assert "ExpatError" in type(raised.value).__name__ or "ParseError" in type(raised.value).__name__


def test_a_few_rows_are_read_without_reading_the_whole_sheet(monkeypatch):
    """The title rows (which tell the year) come from the first piece of a national sheet."""
    from ita_desktop.importers import fastsheet

    wb = openpyxl.Workbook()
    for k in range(20_000):
        wb.active.append([k, f"หน่วยงาน {k}", 50 + k / 1000])
    data = _saved(wb)
    read = []
    monkeypatch.setattr(fastsheet, "_plain_rows", lambda *a: read.append(1) or [])
    for title, expected, fast in _both(data, max_row=25):
        assert fast == expected and len(fast) == 25
    assert read == []
    list(next(_both(data, max_row=30_000))[2])
    assert read == [1]



def test_a_sheet_of_unclosed_row_tags_is_refused_in_linear_time():
    """A damaged or hostile sheet must not make the expression search the rest of the sheet from
    every "<row" (hours for a 2 MB sheet before); it goes to expat, which refuses it at once."""
    import time

    data = _rewrite_sheet(_base(), _sheet("<row" * 100_000))
    wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    started = time.monotonic()
    with pytest.raises(Exception):
        list(iter_values(wb.worksheets[0], 100_000, 4))
    assert time.monotonic() - started < 10  # quadratic: ~15 minutes
