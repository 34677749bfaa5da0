"""Generate the recorded corpus of score sheets in tests/importers/corpus/.

Run from the repository root: ``python -m tests.importers.make_corpus``. The files are
committed; tests read them as recorded inputs. Each file imitates a layout clerks receive
(see shared seeds 000 and 001) or one way a file goes wrong.
"""

from __future__ import annotations

import datetime as dt
import io
import struct
import zipfile
from pathlib import Path

from openpyxl import Workbook

from tests.importers.criteria_data import INDICATOR_NAMES

CORPUS = Path(__file__).resolve().parent / "corpus"

# FY 2566 scores of อบต.ตะโกทอง (seed 001), written as the seed writes them.
SEED001_THAI = ["๙๐.๖๓", "๗๘.๗๕", "๘๖.๒๕", "๗๘.๘๔", "๗๖.๐๙", "๘๐.๙๗", "๘๐.๙๑", "๗๕.๔๙", "๘๐.๕๐", "๕๕.๐๐"]
SEED001 = [90.63, 78.75, 86.25, 78.84, 76.09, 80.97, 80.91, 75.49, 80.50, 55.00]
SEED001_NAMES = ["การปฏิบัติหน้าที่", "การใช้งบประมาณ", "การใช้อำนาจ", "การใช้ทรัพย์สินของทางราชการ",
                 "การแก้ไขปัญหาการทุจริต", "คุณภาพการดำเนินงาน", "ประสิทธิภาพการสื่อสาร",
                 "การปรับปรุงระบบการทำงาน", "การเปิดเผยข้อมูล", "การป้องกันการทุจริต"]
SEED000 = [98.92, 99.78, 100.00, 98.28, 99.57, 96.43, 95.14, 94.73, 100.00, 100.00]
DISTRICTS = ["เมืองชัยภูมิ", "ซับใหญ่", "บ้านเขว้า", "คอนสวรรค์", "เกษตรสมบูรณ์", "หนองบัวแดง", "จัตุรัส",
             "บำเหน็จณรงค์", "หนองบัวระเหว", "เทพสถิต", "ภูเขียว", "บ้านแท่น", "แก้งคร้อ", "คอนสาร", "ภักดีชุมพล", "เนินสง่า"]
TOOLS = ["IIT"] * 5 + ["EIT"] * 3 + ["OIT"] * 2


def _stable(wb: Workbook) -> Workbook:
    wb.properties.created = wb.properties.modified = dt.datetime(2024, 1, 1)
    return wb


def _save(wb: Workbook, name: str) -> Path:
    path = CORPUS / name
    _stable(wb).save(path)
    return path


def _sheet(title: str) -> tuple[Workbook, object]:
    wb = Workbook()
    ws = wb.active
    ws.title = title
    return wb, ws


# --- valid layouts ---------------------------------------------------------------------------

def template_filled() -> Path:
    """The shipped template's layout, filled in by hand: Arabic digits, one item left blank."""
    wb, ws = _sheet("คะแนนตัวชี้วัด")
    rows = [["แบบกรอกคะแนนผลการประเมินคุณธรรมและความโปร่งใส (ITA) รายตัวชี้วัด"],
            ["หน่วยงาน", "อบต.ตะโกทอง"], ["อำเภอ", "ซับใหญ่"], ["จังหวัด", "ชัยภูมิ"],
            ["ปีงบประมาณ พ.ศ.", 2566], [], [],
            ["ตัวชี้วัดที่", "เครื่องมือการประเมิน", "ตัวชี้วัด", "คะแนน"]]
    rows += [[n, TOOLS[n - 1], INDICATOR_NAMES[n][0], SEED001[n - 1]] for n in range(1, 11)]
    for row in rows:
        ws.append(row)
    items = wb.create_sheet("คะแนนข้อคำถาม")
    items.append(["แบบกรอกคะแนนรายข้อคำถาม"])
    items.append([])
    items.append(["รหัสข้อ", "ตัวชี้วัดที่", "ข้อคำถาม", "คะแนน"])
    for code, ind, score in [("i7", 2, 60.07), ("i8", 2, 44.40), ("i9", 2, 83.50), ("i19", 4, 64.60),
                             ("i20", 4, None), ("e10", 7, 71.03), ("o10", 9, 0), ("o36", 10, 0)]:
        items.append([code, ind, f"ข้อคำถาม {code}", score])
    return _save(wb, "template_filled.xlsx")


def analysis_seed001() -> Path:
    """Seed 001's analysis: merged title rows, Thai digits as text, OCR-damaged item codes."""
    wb, ws = _sheet("วิเคราะห์ผล")
    ws.append(["แบบรายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ"])
    ws.append(["ประจำปีงบประมาณ พ.ศ. ๒๕๖๖"])
    ws.append(["องค์การบริหารส่วนตำบลตะโกทอง"])
    ws.append(["อำเภอซับใหญ่ จังหวัดชัยภูมิ"])
    for r in range(1, 5):
        ws.merge_cells(start_row=r, start_column=1, end_row=r, end_column=5)
    ws.append([])
    ws.append(["ลำดับ", "เครื่องมือการประเมิน", "ตัวชี้วัด", "คะแนน", "ผลการประเมิน"])  # row 6
    for n in range(1, 11):
        ws.append(["๐๑๒๓๔๕๖๗๘๙"[n] if n < 10 else "๑๐", TOOLS[n - 1], SEED001_NAMES[n - 1],
                   SEED001_THAI[n - 1], "ผ่านเกณฑ์" if SEED001[n - 1] >= 85 else "ไม่ผ่านเกณฑ์"])
    ws.merge_cells("B7:B11")  # "IIT" written once over its indicators, as in Word tables
    ws.append([])
    ws.append(["สรุปได้ว่า จุดแข็งที่หน่วยงานได้คะแนนสูงสุดผ่านเกณฑ์ร้อยละ ๘๕ มี ๒ ตัวชี้วัด คือ การปฏิบัติหน้าที่ และการใช้อำนาจ"])
    _item_section(ws, "เครื่องมือการประเมิน IIT ตัวชี้วัดที่ ๒ การใช้งบประมาณ", [
        ("๑๗ ท่านทราบข้อมูลเกี่ยวกับงบประมาณของหน่วยงานหรือของส่วนงานที่ท่านปฏิบัติหน้าที่ มากน้อยเพียงใด", "๖๐.๐๗"),
        ("๑๘ ท่านเคยเข้าไปมีส่วนร่วมในกระบวนการงบประมาณมากน้อยเพียงใด", "๔๔.๔๐"),
        ("i๙ หน่วยงานของท่าน ใช้จ่ายงบประมาณ เป็นไปตามวัตถุประสงค์และคุ้มค่า มากน้อยเพียงใด", "๘๓.๕๐")])
    _item_section(ws, "เครื่องมือการประเมิน IIT ตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของราชการ", [
        ("i๑๙ ท่านรู้แนวปฏิบัติของหน่วยงาน ของท่านเกี่ยวกับการใช้ทรัพย์สิน ของราชการที่ถูกต้องมากน้อยเพียงใด", "๖๔.๖๐"),
        ("i๒๐ ขั้นตอนการขออนุญาตเพื่อยืม ทรัพย์สินของราชการไปใช้ปฏิบัติงาน มีความสะดวก มากน้อยเพียงใด", "๖๙.๑๐")])
    _item_section(ws, "เครื่องมือการประเมิน EIT ตัวชี้วัดที่ ๗ ประสิทธิภาพการสื่อสาร", [
        ("E10 หน่วยงานมีช่องทางที่ท่านสามารถ แจ้งให้ข้อมูล หรือร้องเรียน", "๗๑.๐๓")])
    _item_section(ws, "เครื่องมือการประเมิน OIT ตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล", [
        ("๐๑๐ นโยบายคุ้มครองข้อมูลส่วนบุคคล", "๐๐.๐๐"),
        ("๐๑๒ รายงานการกำกับติดตามการดำเนินงานและการใช้งบประมาณประจำปี รอบ ๖ เดือน", "๐๐.๐๐")])
    _item_section(ws, "เครื่องมือการประเมิน OIT ตัวชี้วัดที่ ตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต", [
        ("O36 แผนปฏิบัติการป้องกันการทุจริต", "๐๐.๐๐")])
    ws.append([])
    # The measures table that follows in seed 001: no scores, must not be read as one.
    ws.append(["ประเด็นที่ต้องปรับปรุงแก้ไข/ ประเด็นที่ต้องพัฒนา", "ผู้รับผิดชอบ", "ขั้นตอนหรือวิธีการ/มาตรการ",
               "การรายงานผลและการกำกับติดตาม กำหนดเวลาแล้วเสร็จ"])
    ws.append(["i๑ เจ้าหน้าที่ของหน่วยงานท่านปฏิบัติหรือให้บริการแก่บุคคลภายนอกเป็นไปตามขั้นตอน",
               "สำนักปลัด กองคลัง", "๑.จัดทำคู่มือ", "ภายในเดือน ธันวาคม ๒๕๖๖"])
    _by_indicator_sheet(wb.create_sheet("รายข้อ"))
    return _save(wb, "analysis_seed001.xlsx")


def _item_section(ws, title: str, rows: list[tuple[str, str]]) -> None:
    ws.append([title])
    ws.merge_cells(start_row=ws.max_row, start_column=1, end_row=ws.max_row, end_column=3)
    ws.append(["ประเด็นข้อคำถาม", "คะแนน", "แนวทางการพัฒนา"])
    for text, score in rows:
        ws.append([text, score, "ควรจัดให้มีการประชุมเพื่อชี้แจง"])


def _by_indicator_sheet(ws) -> None:
    """Items with the indicator number in a vertically merged first column."""
    ws.append(["ตัวชี้วัดที่", "ประเด็นข้อคำถาม", "คะแนน"])
    ws.append([1, "i๑ เจ้าหน้าที่ของหน่วยงานท่านปฏิบัติหรือให้บริการ", "๘๔.๑๐"])
    ws.append([None, "i๒ เจ้าหน้าที่ของหน่วยงานท่านปฏิบัติหรือให้บริการอย่างเท่าเทียม", "๘๒.๕๐"])
    ws.append([None, "๓๓ เจ้าหน้าที่ของหน่วยงานท่าน ปฏิบัติงานโดยมุ่งผลสัมฤทธิ์", "๘๓.๐๐"])
    ws.merge_cells("A2:A4")


def indicators_seed000() -> Path:
    """Seed 000 (FY 2568): "ตัวชี้วัดที่ | รายละเอียดตัวชี้วัด | คะแนน | ประเด็นที่นำไปใช้พัฒนา"."""
    wb, ws = _sheet("สรุปผล")
    ws.append(["รายงานผลการดำเนินการ"])
    ws.append(["เพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"])
    ws.append(["ประจำปีงบประมาณ พ.ศ. ๒๕๖๘"])
    ws.append([])
    ws.append(["องค์การบริหารส่วนตำบลทุ่งท่าช้าง"])
    ws.append(["อำเภอสระโบสถ์ จังหวัดลพบุรี"])
    ws.append([])
    ws.append(["สรุปผลการประเมินคุณธรรมและความโปร่งใสรายตัวชี้วัดที่ใช้ประกอบการพัฒนาองค์กร"])
    ws.append(["ตัวชี้วัดที่", "รายละเอียดตัวชี้วัด", "คะแนน", "ประเด็นที่นำไปใช้พัฒนา"])  # row 9
    thai = "๐๑๒๓๔๕๖๗๘๙"
    for n in range(1, 11):
        shown = f"{SEED000[n - 1]:.2f}".translate(str.maketrans("0123456789", thai))
        ws.append([str(n).translate(str.maketrans("0123456789", thai)), INDICATOR_NAMES[n][0], shown,
                   "รักษามาตรฐานและพัฒนาต่อเนื่อง"])
    return _save(wb, "indicators_seed000.xlsx")


def provincial_rows(count: int) -> list[tuple[str, str, list[float]]]:
    """(office as written, district, ten scores) for a provincial sheet of ``count`` offices."""
    kinds = ["อบต.", "องค์การบริหารส่วนตำบล", "ทต.", "เทศบาลตำบล", "ทม."]
    rows = []
    for k in range(count):
        scores = [round(50 + ((k * 7 + n * 13) % 5000) / 100, 2) for n in range(1, 11)]
        rows.append((f"{kinds[k % len(kinds)]}บ้านทดสอบ{k + 1}", DISTRICTS[k % len(DISTRICTS)], scores))
    return rows


def write_provincial(path: Path, count: int) -> Path:
    """One office per row, a two-row header (office column merged over both rows)."""
    wb, ws = _sheet("คะแนนรายหน่วยงาน")
    ws.append(["ผลการประเมินคุณธรรมและความโปร่งใส (ITA) ประจำปีงบประมาณ พ.ศ. 2566 จังหวัดชัยภูมิ"])
    ws.merge_cells("A1:N1")
    ws.append([])
    ws.append(["ลำดับ", "ชื่อหน่วยงาน", "อำเภอ", "IIT", None, None, None, None, "EIT", None, None, "OIT", None, "คะแนนรวม"])
    ws.append([None, None, None] + [f"ตัวชี้วัดที่ {n}" for n in range(1, 11)])
    for cells in ("A3:A4", "B3:B4", "C3:C4", "D3:H3", "I3:K3", "L3:M3", "N3:N4"):
        ws.merge_cells(cells)
    for k, (org, district, scores) in enumerate(provincial_rows(count), 1):
        ws.append([k, org, district, *scores, round(sum(scores) / 10, 2)])
    ws.append([None, "ค่าเฉลี่ยทั้งจังหวัด", None, *[50.0] * 10])
    return _stable(wb).save(path) or path


def numbers_as_text() -> Path:
    """Scores stored as text: spaces, Thai digits, a decimal comma, a percent sign."""
    wb, ws = _sheet("คะแนน")
    ws.append(["ผลคะแนน ITA ทม.ชัยภูมิ อ.เมืองชัยภูมิ จ.ชัยภูมิ ปีงบประมาณ 2566"])
    ws.append(["ตัวชี้วัด", "คะแนน"])
    shown = [" 90.63 ", "๗๘.๗๕", "86,25", "78.84%", "76.09", "80.97", "80.91", "75.49", "80.5", "55"]
    for n in range(1, 11):
        ws.append([f"ตัวชี้วัดที่ {n} {INDICATOR_NAMES[n][0]}", shown[n - 1]])
    return _save(wb, "numbers_as_text.xlsx")


def names_only() -> Path:
    """Indicators by name only, with spacing and wording variations; no office in the file."""
    wb, ws = _sheet("Sheet1")
    ws.append(["รายละเอียดตัวชี้วัด", "คะแนน"])
    names = ["การปฏิบัติ หน้าที่", "การใช้งบประมาณ", "การใช้อำนาจ", "การใช้ทรัพย์สินของทางราชการ",
             "การแก้ปัญหาการทุจริต", "คุณภาพ การดำเนินงาน", "ประสิทธิภาพการสื่อสาร",
             "การปรับปรุงระบบการ ทำงาน", "การเปิดเผยข้อมูล", "การป้องกันการทุจริต"]
    for name, score in zip(names, SEED001):
        ws.append([name, score])
    return _save(wb, "names_only.xlsx")


# --- files with problems --------------------------------------------------------------------

def _indicator_file(name: str, scores: list, title: str = "อบต.ตะโกทอง ปีงบประมาณ 2566",
                    numbers: list | None = None, items: list | None = None) -> Path:
    wb, ws = _sheet("คะแนน")
    ws.append([title])
    ws.append([])
    ws.append(["ตัวชี้วัดที่", "ตัวชี้วัด", "คะแนน"])  # row 3; indicator n on row 3 + n
    numbers = numbers or list(range(1, len(scores) + 1))
    for n, score in zip(numbers, scores):
        ws.append([n, INDICATOR_NAMES.get(n, ("ตัวชี้วัดใหม่", ""))[0], score])
    if items:
        ws.append([])
        ws.append(["ประเด็นข้อคำถาม", "คะแนน"])
        for row in items:
            ws.append(row)
    return _save(wb, name)


def failures() -> list[Path]:
    """One file per failure the importer must report (see test_corpus.py for the messages)."""
    ok = list(SEED001)
    return [
        _indicator_file("bad_score_105.xlsx", ok[:6] + [105] + ok[7:]),  # C10
        _indicator_file("bad_text_score.xlsx", ok[:1] + ["ดีมาก"] + ok[2:]),  # C5
        _indicator_file("bad_duplicate.xlsx", ok + [70.0], numbers=list(range(1, 11)) + [3],
                        items=[["i19 ท่านรู้แนวปฏิบัติ", 64.6], ["i๑๙ ท่านรู้แนวปฏิบัติ", 60]]),
        _indicator_file("bad_unknown_code.xlsx", ok, items=[["i31 ข้อใหม่", 50], ["o44 ข้อใหม่", 0]]),
        _indicator_file("bad_missing_indicators.xlsx", ok[:8]),
        _indicator_file("bad_no_office_no_year.xlsx", ok, title="ผลคะแนนการประเมิน"),
        _indicator_file("bad_many_problems.xlsx", ok[:2] + [-1, "N.A.x", 101] + ok[5:9],
                        items=[["x ไม่มีรหัส", 50], ["e99 ผิด", 40]]),
        _indicator_file("bad_unknown_indicator.xlsx", ok + [77], numbers=list(range(1, 12))),
    ]


def not_xlsx() -> Path:
    path = CORPUS / "not_xlsx.xlsx"
    path.write_bytes(b"%PDF-1.4\n% this is a PDF saved with the wrong name\n" + b"0" * 200)
    return path


def truncated() -> Path:
    data = (CORPUS / "template_filled.xlsx").read_bytes()
    path = CORPUS / "truncated.xlsx"
    path.write_bytes(data[: len(data) // 2])
    return path


def cfb(streams: list[str]) -> bytes:
    """A minimal OLE compound file (CFB v3, 512-byte sectors) with empty streams named ``streams``.

    Enough for the importer, which reads only the directory: header, one FAT sector,
    one directory sector. Entries are chained through right-sibling links.
    """
    free, end, fatsect, nostream = 0xFFFFFFFF, 0xFFFFFFFE, 0xFFFFFFFD, 0xFFFFFFFF
    header = bytearray(512)
    header[0:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9, 6)
    struct.pack_into("<IIIIIIIII", header, 0x28, 0, 1, 1, 0, 4096, end, 0, end, 0)
    struct.pack_into("<109I", header, 0x4C, 0, *([free] * 108))
    fat = struct.pack("<128I", fatsect, end, *([free] * 126))

    def entry(name: str, kind: int, child: int, right: int) -> bytes:
        raw = name.encode("utf-16-le") + b"\0\0"
        e = bytearray(128)
        e[: len(raw)] = raw
        struct.pack_into("<HBB", e, 0x40, len(raw), kind, 1)
        struct.pack_into("<III", e, 0x44, nostream, right, child)
        struct.pack_into("<II", e, 0x74, end, 0)
        return bytes(e)

    entries = [entry("Root Entry", 5, 1 if streams else nostream, nostream)]
    for i, name in enumerate(streams, 1):
        entries.append(entry(name, 2, nostream, i + 1 if i < len(streams) else nostream))
    directory = b"".join(entries).ljust(512, b"\0")
    return bytes(header) + fat + directory


def cfb_files() -> list[Path]:
    made = []
    for name, streams in [("encrypted.xlsx", ["EncryptionInfo", "EncryptedPackage", "\x06DataSpaces"]),
                          ("old_format.xls", ["Workbook", "\x05SummaryInformation"]),
                          ("old_format_renamed.xlsx", ["Workbook"])]:
        path = CORPUS / name
        path.write_bytes(cfb(streams))
        made.append(path)
    return made


def zip_bomb() -> Path:
    """A valid-looking xlsx whose sheet would unpack to 120 MB of zeros (about 120 KB packed)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        z.writestr("[Content_Types].xml", '<?xml version="1.0"?><Types/>')
        z.writestr("xl/workbook.xml", '<?xml version="1.0"?><workbook/>')
        with z.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(120):
                member.write(chunk)
    path = CORPUS / "zip_bomb.xlsx"
    path.write_bytes(buffer.getvalue())
    return path


def many_members() -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_STORED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
        for i in range(2500):
            z.writestr(f"xl/media/x{i}.bin", b"")
    path = CORPUS / "many_members.xlsx"
    path.write_bytes(buffer.getvalue())
    return path


def xml_bomb() -> Path:
    """Billion laughs in the first sheet of an otherwise valid file: defusedxml must refuse it."""
    source = (CORPUS / "template_filled.xlsx").read_bytes()
    entities = "".join(f'<!ENTITY lol{i} "{("&lol%d;" % (i - 1)) * 10 if i > 1 else "lol"}">' for i in range(1, 10))
    sheet = (f'<?xml version="1.0"?><!DOCTYPE worksheet [{entities}]>'
             '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
             '<row r="1"><c r="A1" t="inlineStr"><is><t>&lol9;</t></is></c></row>'
             '</sheetData></worksheet>')
    return _replace_member(source, "xl/worksheets/sheet1.xml", sheet.encode(), "xml_bomb.xlsx")


def _replace_member(source: bytes, member: str, data: bytes, name: str) -> Path:
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(source)) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
        for info in zin.infolist():
            zout.writestr(info, data if info.filename == member else zin.read(info.filename))
    path = CORPUS / name
    path.write_bytes(out.getvalue())
    return path


def tall_dimension() -> Path:
    """A sheet that declares a million rows in its dimension (row limit)."""
    source = (CORPUS / "names_only.xlsx").read_bytes()
    with zipfile.ZipFile(io.BytesIO(source)) as z:
        sheet = z.read("xl/worksheets/sheet1.xml").decode()
    start = sheet.index("<dimension ref=\"")
    end = sheet.index("/>", start)
    sheet = sheet[:start] + '<dimension ref="A1:B1048576"' + sheet[end:]
    return _replace_member(source, "xl/worksheets/sheet1.xml", sheet.encode(), "tall_dimension.xlsx")


def main() -> None:
    """Write every corpus file."""
    CORPUS.mkdir(exist_ok=True)
    made = [template_filled(), analysis_seed001(), indicators_seed000(), numbers_as_text(), names_only(),
            write_provincial(CORPUS / "provincial_12.xlsx", 12)]
    made += failures()
    made += [not_xlsx(), truncated(), *cfb_files(), zip_bomb(), many_members(), xml_bomb(), tall_dimension()]
    for path in made:
        print(f"{path.stat().st_size:>9}  {path.name}")


if __name__ == "__main__":
    main()
