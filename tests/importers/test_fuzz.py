"""Fuzzing the importer with mutated valid files (seeded, a few seconds in all).

Whatever the bytes, the importer either returns a result that satisfies every check, or
raises ImportProblem with at least one Thai reason. No other exception type ever escapes,
and a file with a known bad score never yields a result.
"""

from __future__ import annotations

import io
import math
import random
import zipfile
from pathlib import Path

import openpyxl
import pytest
from openpyxl.cell.cell import MergedCell

from ita_desktop.importers import ImportProblem, ParsedWorkbook, read_score_bytes
from tests.importers.criteria_data import criteria_2566

CORPUS = Path(__file__).resolve().parent / "corpus"
BASES = ["template_filled.xlsx", "analysis_seed001.xlsx", "provincial_12.xlsx", "numbers_as_text.xlsx"]
CRITERIA = criteria_2566()
CODES = {i.code for i in CRITERIA.items}


def outcome(data: bytes) -> ParsedWorkbook | ImportProblem:
    """The result or the ImportProblem; any other exception propagates and fails the test."""
    try:
        return read_score_bytes(data, CRITERIA, name="fuzz.xlsx")
    except ImportProblem as problem:
        return problem


def check(result: ParsedWorkbook | ImportProblem) -> None:
    """Invariants of every outcome."""
    if isinstance(result, ImportProblem):
        assert result.problems and all(p.message_th and p.file == "fuzz.xlsx" for p in result.problems)
        return
    assert result.offices
    for office in result.offices:
        assert office.org_name and office.year == 2566
        scores = list(office.indicator_scores.values()) + list(office.item_scores.values())
        assert all(math.isfinite(s) and 0 <= s <= 100 for s in scores)
        assert set(office.item_scores) <= CODES
        assert not office.indicator_scores or set(office.indicator_scores) == set(range(1, 11))


def flip_bytes(data: bytes, rnd: random.Random) -> bytes:
    """Flip, cut out or insert a few bytes, or truncate."""
    buf = bytearray(data)
    action = rnd.choice(["flip", "truncate", "delete", "insert"])
    if not buf:
        return bytes(rnd.randrange(256) for _ in range(rnd.randint(0, 8)))
    if action == "truncate":
        return bytes(buf[: rnd.randrange(len(buf))])
    for _ in range(rnd.randint(1, 8)):
        if not buf:
            break
        pos = rnd.randrange(len(buf))
        if action == "flip":
            buf[pos] ^= 1 << rnd.randrange(8)
        elif action == "delete":
            del buf[pos: pos + rnd.randint(1, 64)]
        else:
            buf[pos:pos] = bytes(rnd.randrange(256) for _ in range(rnd.randint(1, 16)))
    return bytes(buf)


def mutate_member(data: bytes, rnd: random.Random) -> bytes:
    """Rezip the file with one of its XML parts damaged, so the XML parsers see the damage."""
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        members = {info.filename: z.read(info.filename) for info in z.infolist()}
    name = rnd.choice(sorted(members))
    members[name] = flip_bytes(members[name], rnd) if members[name] else b"<"
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for member, content in members.items():
            z.writestr(member, content)
    return out.getvalue()


def random_value(rnd: random.Random):
    return rnd.choice([
        None, rnd.uniform(-50, 150), rnd.randint(0, 100), "๙๐.๖๓", "ดีมาก", "", " ", "-", "i๑๙ ข้อ", "๐๑๐",
        "ตัวชี้วัดที่ 3", "คะแนน", "ประเด็นข้อคำถาม", "อบต.ทดสอบ", "ปีงบประมาณ 2567", True,
        "x" * rnd.randint(1, 300), str(rnd.random()), "1e400", "NaN",
    ])


@pytest.fixture(scope="module")
def bases() -> dict[str, bytes]:
    return {name: (CORPUS / name).read_bytes() for name in BASES}


def test_byte_level_mutations(bases):
    rnd = random.Random(20261121)
    for case in range(220):
        name = BASES[case % len(BASES)]
        data = flip_bytes(bases[name], rnd) if case % 2 else mutate_member(bases[name], rnd)
        try:
            check(outcome(data))
        except Exception as exc:  # report the case that failed, then fail
            raise AssertionError(f"case {case} on {name}: {type(exc).__name__}: {exc}") from exc


def test_random_cell_values(bases):
    rnd = random.Random(7)
    for name in BASES:
        wb = openpyxl.load_workbook(io.BytesIO(bases[name]))
        for case in range(45):
            changed = []
            for _ in range(rnd.randint(1, 3)):
                ws = rnd.choice(wb.worksheets)
                cell = ws.cell(rnd.randint(1, ws.max_row + 1), rnd.randint(1, ws.max_column + 1))
                if isinstance(cell, MergedCell):
                    continue
                changed.append((cell, cell.value))
                cell.value = random_value(rnd)
            out = io.BytesIO()
            wb.save(out)
            for cell, value in reversed(changed):
                cell.value = value
            try:
                check(outcome(out.getvalue()))
            except Exception as exc:
                raise AssertionError(f"case {case} on {name}: {type(exc).__name__}: {exc}") from exc


def test_a_bad_score_anywhere_means_no_result(bases):
    rnd = random.Random(11)
    # (NaN is not in the list: openpyxl writes it as an empty cell.)
    bad_values = [105, -0.01, 100.5, 1e300, "ดี", "๑๐๕", "abc", "12x", "inf"]
    for name in BASES:
        parsed = read_score_bytes(bases[name], CRITERIA, name=name)
        cells = [s for o in parsed.offices for s in o.source_rows]
        wb = openpyxl.load_workbook(io.BytesIO(bases[name]))
        for case in range(30):
            source = rnd.choice(cells)
            cell = wb[source.sheet][f"{source.column}{source.row}"]
            original, cell.value = cell.value, rnd.choice(bad_values)
            out = io.BytesIO()
            wb.save(out)
            cell.value = original
            result = outcome(out.getvalue())
            assert isinstance(result, ImportProblem), f"{name} {source} accepted {cell.value!r}"
            assert any((p.sheet, p.row, p.column) == (source.sheet, source.row, source.column)
                       for p in result.problems), (source, [p.text for p in result.problems])
