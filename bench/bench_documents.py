"""Document engine timings (prints numbers; not a test).

    python bench/bench_documents.py [--runs N]

* warm: building the analysis cover memo and a ~15-page table report inside one
  process that has already built one (median of N);
* cold: a fresh ``python -m ita_desktop.documents.memo --sample OUT.pdf`` process;
* LibreOffice: ``soffice --headless --convert-to pdf`` of an equivalent .docx (the
  same memo texts, written as WordprocessingML by this script), when installed.
  Cold runs alternate with LibreOffice runs so that both see the same machine load;
  wall and CPU time are printed.

Targets: cold memo <= 1/3 of LibreOffice's time; warm memo <= 100 ms.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path
from xml.sax.saxutils import escape

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from ita_desktop.documents.memo import MemoData, build_memo_pdf  # noqa: E402
from ita_desktop.documents.memo_templates import sample_memo  # noqa: E402
from ita_desktop.documents.report import Column, build_table_report  # noqa: E402

REPORT_COLUMNS = [Column("มาตรการหรือกิจกรรม", 2), Column("วิธีดำเนินการ", 3), Column("ผู้รับผิดชอบ", 1.2),
                  Column("ระยะเวลา", 1.3), Column("สรุปผลการดำเนินการ", 3), Column("ผลลัพธ์", 2)]
SEED_003 = Path("/work/shared/seeds/003_18e4b9b08fd1383f.txt")
FALLBACK_CELL = ("มีการประกาศนโยบายไม่รับของขวัญหรือของกำนัลจากการปฏิบัติหน้าที่ (No Gift Policy) "
                 "และเผยแพร่บนเว็บไซต์ของหน่วยงานให้ประชาชนได้รับทราบ")


def median_seconds(action, runs: int) -> float:
    """Median wall time of ``action()`` over ``runs`` calls."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def pdf_pages(path: Path) -> int:
    return len(re.findall(rb"/Type /Page\b", path.read_bytes()))


def report_rows(count: int) -> list[list[str]]:
    """Rows like seed 003's measure table (its own rows when the seed is available)."""
    rows = []
    if SEED_003.is_file():
        lines = [l for l in SEED_003.read_text(encoding="utf-8").splitlines() if l.count("\t") >= 5]
        rows = [[cell[:240] for cell in line.split("\t")[:6]] for line in lines]
    rows = rows or [["๑. มาตรการ No Gift Policy", FALLBACK_CELL, "สำนักปลัด",
                     "๑ ตุลาคม ๒๕๖๖ – ๓๐ กันยายน ๒๕๖๗", FALLBACK_CELL, FALLBACK_CELL]]
    return [rows[i % len(rows)] for i in range(count)]


def build_report(path: Path, rows: int) -> None:
    build_table_report(path, "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
                       ["ประจำปีงบประมาณ พ.ศ. 2567", "องค์การบริหารส่วนตำบลแม่เจดีย์"], REPORT_COLUMNS,
                       report_rows(rows), landscape=True)


def rows_for_pages(folder: Path, pages: int) -> int:
    """How many rows make a report of about ``pages`` pages."""
    probe = folder / "probe.pdf"
    build_report(probe, 20)
    return max(1, round(20 * pages / pdf_pages(probe)))


def memo_docx(data: MemoData, path: Path) -> None:
    """The memo's texts as a minimal .docx (TH Sarabun PSK, 29/20/16 pt, A4, same margins)."""
    def run(text: str, size: int, bold: bool = False) -> str:
        props = f'<w:rFonts w:ascii="TH Sarabun PSK" w:hAnsi="TH Sarabun PSK" w:cs="TH Sarabun PSK"/>' \
                f'{"<w:b/><w:bCs/>" if bold else ""}<w:sz w:val="{size * 2}"/><w:szCs w:val="{size * 2}"/>'
        return f'<w:r><w:rPr>{props}</w:rPr><w:t xml:space="preserve">{escape(text)}</w:t></w:r>'

    def para(*runs: str, align: str = "left", indent: int = 0) -> str:
        ppr = f'<w:pPr><w:jc w:val="{align}"/><w:ind w:firstLine="{indent}"/></w:pPr>'
        return f"<w:p>{ppr}{''.join(runs)}</w:p>"

    body = [para(run("บันทึกข้อความ", 29, True), align="center"),
            para(run("ส่วนราชการ ", 20, True), run(data.unit, 16)),
            para(run("ที่ ", 20, True), run(data.number + "\t", 16), run("วันที่ ", 20, True), run(data.date_text, 16)),
            para(run("เรื่อง ", 20, True), run(data.subject, 16)),
            para(run("เรียน  " + data.salutation, 16))]
    for section in data.sections:
        body.append(para(run(section.heading, 16, True)))
        body += [para(run(p, 16), align="both", indent=1418) for p in section.paragraphs]
    body.append(para(run(data.closing, 16), indent=1418))
    for signer in [data.writer] + [c.signatory for c in data.comments]:
        body += [para(run("(ลงชื่อ).............................................", 16), align="right"),
                 para(run(f"({signer.name})", 16), align="right")]
        body += [para(run(p, 16), align="right") for p in signer.positions]
    section_props = ('<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="851" w:right="1134" '
                     'w:bottom="1134" w:left="1701" w:header="0" w:footer="0" w:gutter="0"/></w:sectPr>')
    document = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
                '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
                f"<w:body>{''.join(body)}{section_props}</w:body></w:document>")
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("[Content_Types].xml",
                   '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
                   '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
                   '<Default Extension="xml" ContentType="application/xml"/>'
                   '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>')
        z.writestr("_rels/.rels",
                   '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
                   '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>')
        z.writestr("word/document.xml", document)


def timed_run(command: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall and CPU (user + system of the child processes) seconds of one command."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(command, check=True, cwd=ROOT, capture_output=True, env=env)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def soffice_command(folder: Path) -> list[str] | None:
    """The LibreOffice conversion of the memo .docx, or None when soffice is missing."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        return None
    docx = folder / "memo.docx"
    memo_docx(sample_memo(), docx)
    profile = (folder / "lo-profile").as_uri()
    return [soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
            "--outdir", str(folder / "lo"), str(docx)]


def bytecode_env(folder: Path) -> dict[str, str]:
    """An environment where compiled bytecode is written and reused, as in an installed app.

    (Some environments set PYTHONDONTWRITEBYTECODE, so the project's own modules
    would be compiled again in every cold run.)
    """
    env = dict(os.environ, PYTHONPYCACHEPREFIX=str(folder / "pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def cold_runs(folder: Path, runs: int) -> dict[str, list[tuple[float, float]]]:
    """Cold memo commands, alternating with LibreOffice conversions so both see the same load."""
    ours = [sys.executable, "-m", "ita_desktop.documents.memo", "--sample", str(folder / "cold.pdf")]
    compiled = bytecode_env(folder)
    office = soffice_command(folder)
    cli = cli_memo_command(folder)
    results: dict[str, list[tuple[float, float]]] = {"ours": [], "ours_pyc": [], "cli": [], "office": []}
    timed_run(ours, compiled)  # fills the bytecode cache
    timed_run(cli, compiled)
    if office:
        results["office_first"] = [timed_run(office)]  # creates the LibreOffice profile
    for _ in range(runs):
        results["ours"].append(timed_run(ours))
        results["ours_pyc"].append(timed_run(ours, compiled))
        results["cli"].append(timed_run(cli, compiled))
        if office:
            results["office"].append(timed_run(office))
    return results


def cli_memo_command(folder: Path) -> list[str]:
    """The product's own command, ``ita-cli memo analysis``, on a database with the sample data."""
    data = folder / "data"
    base = [sys.executable, "-m", "ita_desktop.cli.main", "--data-dir", str(data)]
    subprocess.run([*base, "demo"], check=True, capture_output=True)
    return [*base, "memo", "analysis", "--org", "อบต.ตะโกทอง", "--year", "2566", "--out", str(folder / "cli.pdf")]


def _median(pairs: list[tuple[float, float]], index: int) -> float:
    return statistics.median(p[index] for p in pairs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    runs = parser.parse_args().runs
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        memo = folder / "memo.pdf"
        build_memo_pdf(sample_memo(), memo)
        warm = median_seconds(lambda: build_memo_pdf(sample_memo(), memo), runs)
        print(f"warm memo ({pdf_pages(memo)} pages): {warm * 1000:.0f} ms median of {runs} (target <= 100 ms)")
        rows = rows_for_pages(folder, 15)
        report = folder / "report.pdf"
        warm_report = median_seconds(lambda: build_report(report, rows), max(3, runs // 2))
        print(f"warm table report ({rows} rows, {pdf_pages(report)} pages): {warm_report * 1000:.0f} ms median")
        cold = cold_runs(folder, runs)
        wall, cpu = _median(cold["ours"], 0), _median(cold["ours"], 1)
        print(f"cold memo command: {wall * 1000:.0f} ms wall, {cpu * 1000:.0f} ms CPU (median of {runs})")
        pyc_wall, pyc_cpu = _median(cold["ours_pyc"], 0), _median(cold["ours_pyc"], 1)
        print(f"cold memo command with bytecode cache: {pyc_wall * 1000:.0f} ms wall, {pyc_cpu * 1000:.0f} ms CPU")
        cli_wall, cli_cpu = _median(cold["cli"], 0), _median(cold["cli"], 1)
        print(f"cold `ita-cli memo analysis` (database, bytecode cache): {cli_wall * 1000:.0f} ms wall, "
              f"{cli_cpu * 1000:.0f} ms CPU")
        if not cold["office"]:
            print("LibreOffice (soffice) not available: no comparison")
            return
        lo_wall, lo_cpu = _median(cold["office"], 0), _median(cold["office"], 1)
        print(f"LibreOffice docx -> pdf: first run {cold['office_first'][0][0] * 1000:.0f} ms (new profile), "
              f"then {lo_wall * 1000:.0f} ms wall, {lo_cpu * 1000:.0f} ms CPU (median of {runs})")
        verdict = "meets" if wall <= lo_wall / 3 else "misses"
        print(f"cold memo / LibreOffice: wall {wall / lo_wall:.2f}, CPU {cpu / lo_cpu:.2f} "
              f"({verdict} the <= 0.33 wall-time target); with bytecode cache: wall {pyc_wall / lo_wall:.2f}")
        cli_verdict = "meets" if cli_wall <= lo_wall / 3 else "misses"
        print(f"ita-cli memo / LibreOffice: wall {cli_wall / lo_wall:.2f}, CPU {cli_cpu / lo_cpu:.2f} "
              f"({cli_verdict} the <= 0.33 target)")


if __name__ == "__main__":
    main()
