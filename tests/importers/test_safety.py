"""Checks that run before openpyxl: file type sniffing, CFB directories, zip bounds, limits."""

import io
import zipfile

import openpyxl
import pytest

from ita_desktop.importers import ImportProblem, Limits, read_score_workbook
from ita_desktop.importers.safety import (
    MSG_ENCRYPTED, MSG_NOT_XLSX, MSG_XLS, UnsafeFile, cfb_stream_names, check_file_bytes, describe_cfb,
)
from tests.importers.criteria_data import criteria_2566
from tests.importers.make_corpus import cfb


def test_openpyxl_runs_with_defusedxml():
    assert openpyxl.DEFUSEDXML is True


def test_importer_refuses_to_run_without_defusedxml(monkeypatch, corpus):
    monkeypatch.setattr(openpyxl, "DEFUSEDXML", False)
    with pytest.raises(ImportProblem, match="defusedxml"):
        read_score_workbook(corpus / "template_filled.xlsx", criteria_2566())


def test_cfb_directory_names_are_read():
    assert cfb_stream_names(cfb(["EncryptionInfo", "EncryptedPackage"])) == \
        {"Root Entry", "EncryptionInfo", "EncryptedPackage"}
    assert cfb_stream_names(cfb(["Workbook"])) == {"Root Entry", "Workbook"}


@pytest.mark.parametrize("streams, message", [
    (["EncryptionInfo", "EncryptedPackage"], MSG_ENCRYPTED),
    (["Workbook"], MSG_XLS),
    (["Book"], MSG_XLS),  # Excel 5/95
    (["WordDocument"], MSG_NOT_XLSX),  # a .doc renamed
])
def test_compound_files_are_told_apart(streams, message):
    assert describe_cfb(cfb(streams)) == message


def test_damaged_cfb_header_falls_back_to_the_stream_names():
    data = bytearray(cfb(["EncryptionInfo"]))
    data[0x1E] = 7  # impossible sector size: the directory cannot be walked
    assert cfb_stream_names(bytes(data)) is None
    assert describe_cfb(bytes(data)) == MSG_ENCRYPTED


def test_cfb_with_a_looping_fat_terminates():
    data = bytearray(cfb(["Workbook"]))
    data[512 + 4:512 + 8] = (1).to_bytes(4, "little")  # directory sector points to itself
    assert cfb_stream_names(bytes(data)) == {"Root Entry", "Workbook"}


def _zip(members: dict[str, bytes]) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members.items():
            z.writestr(name, data)
    return out.getvalue()


def test_a_zip_that_is_not_a_workbook():
    with pytest.raises(UnsafeFile) as info:
        check_file_bytes(_zip({"word/document.xml": b"<w/>", "[Content_Types].xml": b"<T/>"}))
    assert info.value.message_th == MSG_NOT_XLSX


def test_total_unpacked_size_is_bounded():
    data = _zip({"[Content_Types].xml": b"<T/>", "xl/workbook.xml": b"<w/>", "xl/a.xml": b"a" * 5000})
    check_file_bytes(data)
    with pytest.raises(UnsafeFile, match="ใหญ่ผิดปกติ"):
        check_file_bytes(data, Limits(max_unpacked_bytes=4000))


def test_compression_ratio_is_bounded_for_large_members():
    data = _zip({"[Content_Types].xml": b"<T/>", "xl/workbook.xml": b"<w/>", "xl/a.xml": b"a" * 300_000})
    check_file_bytes(data)  # under the floor: ordinary sheets compress very well
    with pytest.raises(UnsafeFile, match="ใหญ่ผิดปกติ"):
        check_file_bytes(data, Limits(ratio_floor_bytes=100_000))


def test_file_size_is_bounded(corpus):
    with pytest.raises(ImportProblem, match="ไฟล์ใหญ่เกินไป"):
        read_score_workbook(corpus / "template_filled.xlsx", criteria_2566(), limits=Limits(max_file_bytes=1000))


def test_cell_count_is_bounded(corpus):
    with pytest.raises(ImportProblem, match="จำนวนเซลล์มากเกินไป"):
        read_score_workbook(corpus / "template_filled.xlsx", criteria_2566(), limits=Limits(max_cells=20))


def test_columns_far_right_are_not_read(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["อบต.ตะโกทอง ปีงบประมาณ 2566"])
    ws.append(["ตัวชี้วัดที่", "คะแนน"])
    for n in range(1, 11):
        ws.append([n, 80])
    ws.cell(5, 16000, "far away")  # would pad every row to 16000 cells if bounds were not set
    wb.save(tmp_path / "wide.xlsx")
    (office,) = read_score_workbook(tmp_path / "wide.xlsx", criteria_2566()).offices
    assert office.indicator_scores == {n: 80.0 for n in range(1, 11)}


def test_unsupported_zip_version_is_a_damaged_file():
    data = bytearray(_zip({"[Content_Types].xml": b"<T/>", "xl/workbook.xml": b"<w/>"}))
    central = data.index(b"PK\x01\x02")
    data[central + 6:central + 8] = (1480).to_bytes(2, "little")  # "version needed" 14.8
    with pytest.raises(UnsafeFile, match="ไม่สมบูรณ์หรือเสียหาย"):
        check_file_bytes(bytes(data))
