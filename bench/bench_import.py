"""Benchmark of ``ita-cli import`` end to end (prints numbers; not a test).

Run from the repository root: ``python bench/bench_import.py [--sizes 250 1000 7850] [--repeat N]``.

For each size, a provincial-style sheet (one row per office, ten indicator columns) is written
for FY 2566 and for FY 2567 with the same offices. Into a database whose schema is already
set up (as on a clerk's PC), ``ita-cli import`` is run as a separate process:

- new: the 2566 sheet into a database without those offices;
- existing: then the 2567 sheet, the same offices' next year.

Each time is set beside openpyxl's own read of the same file (read-only load, every value
touched, in-process), the floor any openpyxl-based importer stands on, and the ratio is printed.
Targets on a 2-core machine: 7,850 offices end to end <= 3 s and <= 10 x the read; the time per
office at 7,850 no worse than at 1,000 (linear). The old in-process parse bench of one-office
sheets is ``--parse-only``.
"""

from __future__ import annotations

import argparse
import io
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import openpyxl  # noqa: E402

PROVINCES = ("ชัยภูมิ", "ขอนแก่น", "นครราชสีมา", "บุรีรัมย์", "สุรินทร์", "ศรีสะเกษ", "อุบลราชธานี", "ยโสธร")
DISTRICTS = ("เมือง", "ซับใหญ่", "จัตุรัส", "บำเหน็จณรงค์", "หนองบัวแดง", "ภูเขียว", "แก้งคร้อ", "คอนสวรรค์")
KINDS = ("อบต.", "องค์การบริหารส่วนตำบล", "ทต.", "เทศบาลตำบล", "ทม.")


def write_sheet(path: Path, count: int, year: int) -> Path:
    """One office per row: order, office, district, province, ten indicators, total.

    Written in openpyxl's normal mode, which (like Excel) records the sheet's dimension; a file
    without it makes openpyxl parse the whole sheet once more just to size it.
    """
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "คะแนนรายหน่วยงาน"
    ws.append([f"ผลการประเมินคุณธรรมและความโปร่งใส (ITA) ประจำปีงบประมาณ พ.ศ. {year}"])
    ws.append([])
    ws.append(["ลำดับ", "ชื่อหน่วยงาน", "อำเภอ", "จังหวัด", *[f"ตัวชี้วัดที่ {n}" for n in range(1, 11)], "คะแนนรวม"])
    for k in range(count):
        scores = [round(50 + ((k * 7 + n * 13 + year) % 5000) / 100, 2) for n in range(1, 11)]
        ws.append([k + 1, f"{KINDS[k % len(KINDS)]}บ้านทดสอบ{k + 1}", DISTRICTS[k % len(DISTRICTS)],
                   PROVINCES[(k // 250) % len(PROVINCES)], *scores, round(sum(scores) / 10, 2)])
    wb.save(path)
    return path


def openpyxl_read(path: Path) -> float:
    """Seconds for openpyxl alone: load read-only from the file's bytes and touch every value."""
    started = time.perf_counter()
    wb = openpyxl.load_workbook(io.BytesIO(path.read_bytes()), read_only=True, data_only=True)
    for ws in wb.worksheets:
        for row in ws.iter_rows(values_only=True):
            len(row)
    wb.close()
    return time.perf_counter() - started


def cli(data_dir: Path, *args: str) -> float:
    """Seconds for one ``ita-cli`` process; it must succeed."""
    env = dict(os.environ, ITA_DESKTOP_DATA_DIR=str(data_dir))
    env.pop("ITA_DESKTOP_DB_URL", None)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "ita_desktop.cli.main", *args], env=env, cwd=ROOT,
                          capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"ita-cli {' '.join(args)} failed:\n{done.stderr}")
    return elapsed


def compiled() -> None:
    """The program's modules compiled to bytecode first, as an installed copy has them (pip and the
    bundle compile them; a checkout run with PYTHONDONTWRITEBYTECODE=1 would compile on every run)."""
    import compileall

    compileall.compile_dir(str(ROOT / "ita_desktop"), quiet=1)


def measure(tmp: Path, count: int, repeat: int) -> dict[str, tuple[float, float]]:
    """{case: (best end-to-end seconds, best openpyxl read seconds)}."""
    first = write_sheet(tmp / f"province_{count}_a.xlsx", count, 2566)
    second = write_sheet(tmp / f"province_{count}_b.xlsx", count, 2567)
    template = tmp / "template"
    if not template.exists():
        cli(template, "offices")  # schema created and catalogs loaded once, as on an installed PC
    new, existing = [], []
    for _ in range(repeat):
        data = tmp / f"data_{count}"
        shutil.rmtree(data, ignore_errors=True)
        shutil.copytree(template, data)
        new.append(cli(data, "import", str(first)))
        existing.append(cli(data, "import", str(second)))
    reads = {path: min(openpyxl_read(path) for _ in range(max(3, repeat))) for path in (first, second)}
    return {"new": (min(new), reads[first]), "existing": (min(existing), reads[second])}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[250, 1000, 7850])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    started = time.perf_counter()
    compiled()
    empty = tempfile.mkdtemp()
    baseline = min(cli(Path(empty) / "d", "offices") for _ in range(3))
    shutil.rmtree(empty, ignore_errors=True)
    print(f"ita-cli start-up alone (ita-cli offices): {baseline:.2f}s")
    print(f"{'offices':>8} {'case':>9} {'end to end':>11} {'openpyxl read':>14} {'ratio':>6} {'ms/office':>10}")
    per_office: dict[tuple[int, str], float] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for count in args.sizes:
            for case, (total, read) in measure(Path(tmp), count, args.repeat).items():
                per_office[count, case] = total / count
                print(f"{count:>8} {case:>9} {total:>10.2f}s {read:>13.3f}s {total / read:>6.1f} "
                      f"{1000 * total / count:>10.3f}")
    big, small = max(args.sizes), 1000 if 1000 in args.sizes else min(args.sizes)
    if big != small:
        for case in ("new", "existing"):
            growth = per_office[big, case] / per_office[small, case]
            print(f"time per office, {big} vs {small} offices ({case}): x{growth:.2f} (<= 1.00 is linear or better)")
    print(f"(bench took {time.perf_counter() - started:.0f}s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
