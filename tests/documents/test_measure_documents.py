"""The measures document (seeds 001, 002) and the results report (seeds 000, 003): PDF text,
Excel cells, landscape pages with the header row on each, text kept inside its column."""

import pytest
from openpyxl import load_workbook
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import cm

from ita_desktop.core.digits import to_arabic_digits, to_thai_digits
from ita_desktop.documents import measures_report as mdoc
from ita_desktop.documents import results_report as rdoc
from ita_desktop.services import measure_documents as md
from ita_desktop.services import measures as ms
from ita_desktop.services import offices
from ita_desktop.services.errors import UserError

from .pdftools import needs_poppler, page_count, page_size, pdf_text, squash, words


def _id(ctx, name):
    return offices.find_office(ctx, name).id


def _flat(text):
    return "".join(to_thai_digits(text).split())


def _cells(path):
    wb = load_workbook(path)
    return ["".join(to_arabic_digits(str(c.value)).split()) for ws in wb for row in ws.iter_rows() for c in row
            if c.value is not None]


@pytest.fixture(scope="module", params=[("seed 003", "003", 2567), ("seed 000", "000", 2568)],
                ids=["seed003", "seed000"])
def seed_results(request, tmp_path_factory):
    """A seed's result rows typed in through the services on a fresh data folder; PDF and Excel reports."""
    from ita_desktop.services.context import open_app
    from tests.services.seed_rows import enter_seed_results

    source, layout, year = request.param
    folder = tmp_path_factory.mktemp(layout)
    ctx = open_app(folder / "data")
    office, rows = enter_seed_results(ctx, source)
    pdf = md.write_results_report(ctx, office, year, folder / "r.pdf", layout=layout)
    xlsx = md.write_results_report(ctx, office, year, folder / "r.xlsx", layout=layout)
    columns = _fitted(rdoc.COLUMNS[layout], rdoc.table_rows(md.results_document(ctx, office, year, layout)))
    ctx.close()
    return rows, pdf, xlsx, columns


@pytest.fixture(scope="module")
def seed_003(tmp_path_factory):
    from ita_desktop.services.context import open_app
    from tests.services.seed_rows import enter_seed_results

    folder = tmp_path_factory.mktemp("seed003")
    ctx = open_app(folder / "data")
    office, rows = enter_seed_results(ctx, "seed 003")
    pdf = md.write_results_report(ctx, office, 2567, folder / "r.pdf", layout="003")
    columns = _fitted(rdoc.COLUMNS["003"], rdoc.table_rows(md.results_document(ctx, office, 2567, "003")))
    ctx.close()
    return rows, pdf, columns


def _fitted(columns, rows):
    """The columns as the PDF has them: widened where a word would not fit."""
    return rdoc.fit_columns(list(columns), rows, rdoc.BODY_WIDTH)


def _edges(columns, margin=1.5 * cm):
    width = landscape(A4)[0] - 2 * margin
    weights = [c.weight for c in columns]
    edges, x = [], margin
    for w in weights:
        edges.append((x, x + width * w / sum(weights)))
        x = edges[-1][1]
    return edges


def _column_texts(pdf, columns, first_page=1, only_page=None, keep_headers=False):
    """The text of each table column, read down the pages (pdftotext mixes columns of one line)."""
    edges = _edges(columns)
    body = (w for w in words(pdf) if w.page >= first_page and w.y1 < 545  # the page number is below
            and only_page in (None, w.page))
    found = sorted(body, key=lambda w: (w.page, round(w.y0), w.x0))
    texts = ["".join(w.text for w in found if left - 1 <= w.x0 < right) for left, right in edges]
    if keep_headers:
        return texts
    # the header row repeats on every page, also inside a row split between pages
    return [t.replace(_flat(c.title), "") for t, c in zip(texts, columns)]


@needs_poppler
def test_seed_report_pdf_holds_every_measure_output_and_outcome(seed_results):
    rows, pdf, _, fitted = seed_results
    layout = "003" if len(fitted) == 6 else "000"
    columns = _column_texts(pdf, fitted)
    measure, steps, output, outcome = (columns[i] for i in ((0, 1, 4, 5) if layout == "003" else (1, 2, 5, 6)))
    assert len(rows) == (9 if layout == "003" else 10)
    for r in rows:
        for key, column in (("measure", measure), ("steps", steps), ("output", output), ("outcome", outcome)):
            assert _flat(r[key]) in column, (key, r[key][:40])
    assert page_size(pdf)[0] > page_size(pdf)[1]
    for page in range(1, page_count(pdf) + 1):  # the header row on every page
        texts = _column_texts(pdf, fitted, only_page=page, keep_headers=True)
        assert all(_flat(c.title) in t for c, t in zip(fitted, texts))


def test_seed_report_excel_holds_every_measure_output_and_outcome(seed_results):
    rows, _, xlsx, _ = seed_results
    cells = "\n".join(_cells(xlsx))
    for r in rows:
        for key in ("measure", "steps", "output", "outcome"):
            assert "".join(to_arabic_digits(r[key]).split()) in cells
    ws = load_workbook(xlsx).active
    assert ws.page_setup.orientation == "landscape" and ws.print_title_rows


@needs_poppler
def test_text_stays_inside_its_column_and_words_are_whole(seed_003):
    _, pdf, fitted = seed_003
    edges = _edges(fitted)
    found = [w for w in words(pdf) if w.page > 1 and not w.text.startswith("หน้า") and w.y0 < 540]
    assert found
    for w in found:
        left, right = next(e for e in edges if e[0] - 1 <= w.x0 < e[1])
        assert w.x1 <= right + 0.5, (w.text, w.x1, right)
    found_words = {w.text for w in words(pdf)}
    assert "ผู้รับผิดชอบ" in found_words
    assert any("ปีงบประมาณ" in w for w in found_words) and "ปีงบประมา" not in found_words  # not cut inside


def test_a_word_wider_than_its_column_widens_the_column():
    columns = [rdoc.Column("ก", 1), rdoc.Column("ข", 10)]
    fitted = rdoc.fit_columns(columns, [["ปีงบประมาณ", "สั้น"]], 300)
    assert fitted[0].weight > 300 / 11 and sum(c.weight for c in fitted) == pytest.approx(300)
    assert rdoc.fit_columns(columns, [["ก", "ข"]], 300) == columns


@pytest.fixture(scope="module")
def seed_001(tmp_path_factory):
    from ita_desktop.services.context import open_app
    from ita_desktop.services.demo import load_sample_data

    folder = tmp_path_factory.mktemp("seed001")
    ctx = open_app(folder / "data")
    load_sample_data(ctx)
    office = _id(ctx, "อบต.ตะโกทอง")
    measures = ms.measure_set_of_year(ctx, office, 2567).measures
    out = {layout: md.write_measures_report(ctx, office, 2567, folder / f"m{layout}.pdf", layout)
           for layout in ("001", "002")}
    out["xlsx"] = md.write_measures_report(ctx, office, 2567, folder / "m.xlsx", "001")
    for layout in ("001", "002"):
        out[f"columns{layout}"] = _fitted(
            mdoc.COLUMNS[layout], mdoc.table_rows(md.measures_document(ctx, office, 2567, layout)))
    ctx.close()
    return measures, out


@needs_poppler
def test_seed_001_measures_document_holds_every_step(seed_001):
    measures, out = seed_001
    _, _, steps, reporting = _column_texts(out["001"], out["columns001"])
    for m in measures:
        assert _flat(m.steps) in steps and _flat(m.reporting) in reporting
    _, steps, reporting, _, _ = _column_texts(out["002"], out["columns002"])
    for m in measures:
        assert _flat(m.steps) in steps and _flat(m.reporting) in reporting
    for layout in ("001", "002"):
        assert _flat(pdf_text(out[layout])).startswith(_flat("มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน"))
    header = {"001": "การรายงานผลและการกำกับติดตาม", "002": "การดำเนินการ/รายงาน"}
    for layout, words_ in header.items():
        for page in range(1, page_count(out[layout]) + 1):
            assert words_ in squash(pdf_text(out[layout], page, page)).replace(" ", "")
    cells = "\n".join(_cells(out["xlsx"]))
    assert all("".join(to_arabic_digits(m.steps).split()) in cells for m in measures)


@needs_poppler
def test_seed_000_report_has_the_indicator_table_and_summary(demo_ctx, tmp_path):
    office = _id(demo_ctx, "อบต.ทุ่งท่าช้าง")
    pdf = md.write_results_report(demo_ctx, office, 2568, tmp_path / "r.pdf")
    text = squash(pdf_text(pdf)).replace(" ", "")
    assert "ประเด็นที่นำไปใช้พัฒนา" in text and "ผลการดำเนินการ(Output)" in text
    assert "สรุปผลการดำเนินการ" in text and "๙๘.๙๒" in text
    fitted = _fitted(rdoc.COLUMNS["000"], rdoc.table_rows(md.results_document(demo_ctx, office, 2568, "000")))
    columns = _column_texts(pdf, fitted, first_page=2)
    report = ms.result_report_for_year(demo_ctx, office, 2568)
    for r in report.rows:
        assert _flat(r.output) in columns[5] and _flat(r.outcome) in columns[6]


def test_bad_requests(demo_ctx, tmp_path):
    office = _id(demo_ctx, "อบต.ตะโกทอง")
    with pytest.raises(UserError, match=r"\.pdf หรือ \.xlsx"):
        md.write_measures_report(demo_ctx, office, 2567, tmp_path / "m.docx")
    with pytest.raises(UserError, match="ยังไม่มีมาตรการของปีงบประมาณ พ.ศ. 2570"):
        md.write_measures_report(demo_ctx, office, 2570, tmp_path / "m.pdf")
    with pytest.raises(UserError, match="รูปแบบ"):
        md.write_results_report(demo_ctx, office, 2567, tmp_path / "m.pdf", layout="001")
    with pytest.raises(UserError, match="ไม่พบโฟลเดอร์"):
        md.write_measures_report(demo_ctx, office, 2567, tmp_path / "no" / "m.pdf")
    assert [p.name for p in tmp_path.iterdir()] == ["data"]


def test_document_modules_need_neither_qt_nor_the_database():
    import subprocess
    import sys

    code = ("import sys\nimport ita_desktop.documents.measures_report, ita_desktop.documents.results_report\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'sqlalchemy')))")
    out = subprocess.run([sys.executable, "-c", code], check=True, capture_output=True, text=True).stdout
    assert out.strip() == "[]"


@needs_poppler
def test_seed_001_layout_has_a_table_per_indicator_under_its_heading(seed_001):
    _, out = seed_001
    text = squash(pdf_text(out["001"]))
    assert "เครื่องมือการประเมิน แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)" in text
    assert "ตัวชี้วัดที่ ๒ การใช้งบประมาณ คะแนนเฉลี่ย ๗๘.๗๕ คะแนน ผลการประเมิน ไม่ผ่านเกณฑ์" in text
    assert "ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่ คะแนนเฉลี่ย ๙๐.๖๓ คะแนน ผลการประเมิน ผ่านเกณฑ์" in text
    assert "คะแนนเฉลี่ย" not in squash(pdf_text(out["002"]))
