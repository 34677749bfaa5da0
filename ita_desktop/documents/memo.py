"""The memo (บันทึกข้อความ) per the government correspondence rules (งานสารบรรณ).

A4; margins left 3 cm, right 2 cm, top 1.5 cm, bottom 2 cm; Garuda 1.5 cm high at
the top left; heading bold 29 pt; labels bold 20 pt with dotted leaders; body 16 pt.
``python -m ita_desktop.documents.memo --sample OUT.pdf`` writes a sample memo.
"""

from __future__ import annotations

import argparse
from dataclasses import dataclass, field, replace
from functools import partial
from pathlib import Path

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import cm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Spacer

from ita_desktop.core.digits import digits
from ita_desktop.documents.fonts import font_name, register_fonts
from ita_desktop.core.progress import Progress
from ita_desktop.documents.report import draw_text, page_doc
from ita_desktop.documents.shaping import draw_words, shape
from ita_desktop.documents.thai_pdf import TextStyle, ThaiParagraph, layout_lines, localize_digits, place_line

LEFT_MARGIN, RIGHT_MARGIN, TOP_MARGIN, BOTTOM_MARGIN = 3 * cm, 2 * cm, 1.5 * cm, 2 * cm
GARUDA_HEIGHT = 1.5 * cm
HEADING_SIZE, LABEL_SIZE, BODY_SIZE = 29, 20, 16
PARAGRAPH_INDENT = 2.5 * cm
BODY = TextStyle(size=BODY_SIZE, align="justify", leading=BODY_SIZE * 1.25)
HEADING = TextStyle(size=BODY_SIZE, bold=True, leading=BODY_SIZE * 1.25, space_before=6)


@dataclass(frozen=True)
class Signatory:
    """Who signs: full name (without brackets) and position lines."""

    name: str
    positions: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class MemoSection:
    """A body section (เรื่องเดิม, ข้อเท็จจริง, ...): indented paragraphs or bullet lines."""

    heading: str
    paragraphs: list[str]
    bullets: bool = False


@dataclass(frozen=True)
class CommentBlock:
    """A superior's comment: "ความเห็นของ<title>", lines to write on, signature."""

    title: str
    signatory: Signatory
    writing_lines: int = 2


@dataclass(frozen=True)
class MemoData:
    """Everything printed on a memo."""

    garuda_path: str | Path | None
    unit: str
    number: str
    date_text: str
    subject: str
    salutation: str
    sections: list[MemoSection]
    writer: Signatory
    closing: str = "จึงเรียนมาเพื่อโปรดทราบและพิจารณา"
    comments: list[CommentBlock] = field(default_factory=list)
    thai_digits: bool = True


def _dotted(canvas: Canvas, x1: float, x2: float, y: float) -> None:
    if x2 - x1 < 2:
        return
    canvas.saveState()
    canvas.setDash(0.6, 2.2)
    canvas.setLineWidth(0.6)
    canvas.line(x1, y - 2, x2, y - 2)
    canvas.restoreState()


class MemoHead(Flowable):
    """Garuda at the top left (or its empty space) and the centred heading."""

    def __init__(self, garuda_path: str | Path | None) -> None:
        super().__init__()
        self.garuda_path = garuda_path

    def wrap(self, avail_width, avail_height):
        self.width, self.height = avail_width, GARUDA_HEIGHT
        return self.width, self.height

    def draw(self):
        if self.garuda_path:
            self.canv.drawImage(str(self.garuda_path), 0, 0, height=GARUDA_HEIGHT, width=GARUDA_HEIGHT,
                                preserveAspectRatio=True, anchor="sw", mask="auto")
        draw_text(self.canv, self.width / 2, 0.15 * cm, "บันทึกข้อความ", HEADING_SIZE, bold=True, align="center")


class LabelLine(Flowable):
    """Bold 20 pt labels, 16 pt values and dotted leaders; fields share one line.

    ``fields`` are (label, value, start as a fraction of the width). A value too long
    for its room continues on further lines aligned under the value.
    """

    def __init__(self, fields: list[tuple[str, str, float]]) -> None:
        super().__init__()
        self.fields = fields
        self.leading = LABEL_SIZE * 1.2

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        self._layouts = [self._field_layout(i) for i in range(len(self.fields))]
        self.height = max(len(lines) for _, _, lines in self._layouts) * self.leading
        return self.width, self.height

    def _field_layout(self, index: int):
        label, value, start = self.fields[index]
        end = self.fields[index + 1][2] * self.width - 6 if index + 1 < len(self.fields) else self.width
        value_x = start * self.width + shape(label, font_name(bold=True)).width(LABEL_SIZE) + 6
        return value_x, end, layout_lines(value, TextStyle(size=BODY_SIZE), max(end - value_x - 4, 10))

    def draw(self):
        top = self.height
        for (label, _value, start), (value_x, end, lines) in zip(self.fields, self._layouts):
            baseline = top - self.leading * 0.8
            draw_text(self.canv, start * self.width, baseline, label, LABEL_SIZE, bold=True)
            for n, line in enumerate(lines):
                y = baseline - n * self.leading
                draw_words(self.canv, place_line(line, TextStyle(size=BODY_SIZE), value_x, y, end - value_x))
                _dotted(self.canv, value_x + line.width + (3 if line.words else 0), end, y)


BLANK_NAME = "." * 40


class SignatureBlock(Flowable):
    """(ลงชื่อ) with a dotted line, (full name) and positions, centred in the right half."""

    def __init__(self, signatory: Signatory, thai_digits: bool) -> None:
        super().__init__()
        name = signatory.name.strip() or BLANK_NAME  # a name to be written by hand, never "()"
        self.lines = [localize_digits(t, thai_digits) for t in [f"({name})", *signatory.positions]]
        self.leading = BODY_SIZE * 1.25

    def wrap(self, avail_width, avail_height):
        self.width = avail_width
        self.height = (len(self.lines) + 2) * self.leading
        return self.width, self.height

    def draw(self):
        centre = self.width * 0.75
        y = self.height - 1.8 * self.leading
        label_x = self.width / 2
        label_width = draw_text(self.canv, label_x, y, "(ลงชื่อ)", BODY_SIZE)
        _dotted(self.canv, label_x + label_width + 2, self.width - 0.5 * cm, y)
        for text in self.lines:
            y -= self.leading
            # Long position lines stay inside the right margin.
            half = shape(text, font_name()).width(BODY_SIZE) / 2
            draw_text(self.canv, min(centre, self.width - half), y, text, BODY_SIZE, align="center")


class WritingLines(Flowable):
    """Empty dotted lines for handwriting."""

    def __init__(self, count: int) -> None:
        super().__init__()
        self.count = count
        self.leading = BODY_SIZE * 1.5

    def wrap(self, avail_width, avail_height):
        self.width, self.height = avail_width, self.count * self.leading
        return self.width, self.height

    def draw(self):
        for n in range(self.count):
            _dotted(self.canv, 0, self.width, self.height - (n + 1) * self.leading + 4)


def _body(data: MemoData) -> list[Flowable]:
    local = partial(localize_digits, thai=data.thai_digits)
    story: list[Flowable] = [ThaiParagraph(f"เรียน  {local(data.salutation)}", BODY.derive(align="left", space_before=8))]
    for section in data.sections:
        story.append(ThaiParagraph(local(section.heading), HEADING))
        for text in section.paragraphs:
            if section.bullets:
                style = BODY.derive(left_indent=PARAGRAPH_INDENT + 0.4 * cm, bullet="-",
                                    bullet_indent=PARAGRAPH_INDENT)
                story.append(ThaiParagraph(local(text), style))
            else:
                story.append(ThaiParagraph(local(text), BODY.derive(first_indent=PARAGRAPH_INDENT)))
    return story


def _signatures(data: MemoData) -> list[Flowable]:
    # The closing line never stands alone at the top of a page: it goes with the signature.
    closing = ThaiParagraph(localize_digits(data.closing, data.thai_digits),
                            BODY.derive(first_indent=PARAGRAPH_INDENT, space_before=10))
    story: list[Flowable] = [KeepTogether([closing, SignatureBlock(data.writer, data.thai_digits)])]
    for comment in data.comments:
        title = ThaiParagraph(localize_digits(f"ความเห็นของ{comment.title}", data.thai_digits),
                              BODY.derive(align="left", space_before=10))
        block = [title, WritingLines(comment.writing_lines), SignatureBlock(comment.signatory, data.thai_digits)]
        story.append(KeepTogether(block))
    return story


def memo_story(data: MemoData) -> list[Flowable]:
    """The flowables of a memo, for callers that add more pages after it."""
    local = partial(localize_digits, thai=data.thai_digits)
    return [
        MemoHead(data.garuda_path),
        Spacer(1, 6),
        LabelLine([("ส่วนราชการ", local(data.unit), 0.0)]),
        LabelLine([("ที่", local(data.number), 0.0), ("วันที่", local(data.date_text), 0.5)]),
        LabelLine([("เรื่อง", local(data.subject), 0.0)]),
        *_body(data),
        *_signatures(data),
    ]


def _later_page(thai_digits: bool):
    def draw(canvas: Canvas, doc) -> None:
        draw_text(canvas, A4[0] / 2 + (LEFT_MARGIN - RIGHT_MARGIN) / 2, A4[1] - 1.0 * cm,
                  digits(f"- {doc.page} -", thai_digits), BODY_SIZE, align="center")
    return draw


def garuda_problem(path: str | Path | None) -> str | None:
    """Why the Garuda image cannot be printed (in Thai), or None when it can."""
    if not path:
        return "ไม่ได้เลือกไฟล์ภาพครุฑ จึงเว้นที่ว่างไว้แทน"
    if not Path(path).is_file():
        return f"ไม่พบไฟล์ภาพครุฑ: {path} จึงเว้นที่ว่างไว้แทน"
    try:
        ImageReader(str(path)).getSize()
    except Exception:  # noqa: BLE001 - PIL raises many kinds of errors for bad images
        return f"อ่านไฟล์ภาพครุฑไม่ได้: {path} จึงเว้นที่ว่างไว้แทน"
    return None


def memo_warnings(data: MemoData) -> list[str]:
    """Problems the GUI should show (in Thai) before or after printing."""
    warnings = [problem] if (problem := garuda_problem(data.garuda_path)) else []
    for label, value in (("ส่วนราชการ", data.unit), ("ที่", data.number), ("วันที่", data.date_text),
                         ("เรื่อง", data.subject)):
        if not value.strip():
            warnings.append(f"ยังไม่ได้กรอก{label}")
    unnamed = [("ผู้เขียนบันทึก", data.writer)] + [(c.title, c.signatory) for c in data.comments]
    missing = [title for title, signatory in unnamed if not signatory.name.strip()]
    if missing:
        warnings.append(f"ยังไม่ได้ระบุชื่อผู้ลงนาม: {', '.join(missing)} (เว้นที่ไว้ให้เขียนชื่อ; "
                        "กรอกได้ที่ข้อมูลหน่วยงาน)")
    return warnings


def append_pages(pdf_path: str | Path, extra_path: str | Path) -> int:
    """Append every page of ``extra_path`` to ``pdf_path`` in place; return the new page count."""
    import pypdfium2

    target, extra = pypdfium2.PdfDocument(str(pdf_path)), pypdfium2.PdfDocument(str(extra_path))
    try:
        target.import_pages(extra)
        merged = Path(str(pdf_path) + ".part")
        target.save(str(merged))
        count = len(target)
    finally:
        extra.close()
        target.close()
    merged.replace(pdf_path)
    return count


def build_memo_pdf(data: MemoData, out_path: str | Path, progress: Progress | None = None) -> list[str]:
    """Write the memo to ``out_path``; return warnings in Thai (empty list if none).

    ``progress`` (or the thread's) hears the fraction done; when it raises no file is left."""
    register_fonts()
    warnings = memo_warnings(data)
    if garuda_problem(data.garuda_path):
        data = replace(data, garuda_path=None)
    margins = (LEFT_MARGIN, RIGHT_MARGIN, TOP_MARGIN, BOTTOM_MARGIN)
    doc = page_doc(out_path, A4, margins, data.subject, on_later_pages=_later_page(data.thai_digits),
                   progress=progress)
    doc.build(memo_story(data))
    return warnings


def main(argv: list[str] | None = None) -> int:
    """Command-line entry: ``--sample OUT.pdf`` builds the sample analysis cover memo."""
    parser = argparse.ArgumentParser(description="สร้างบันทึกข้อความตัวอย่าง")
    parser.add_argument("--sample", metavar="OUT.pdf", required=True)
    args = parser.parse_args(argv)
    from ita_desktop.documents.memo_templates import sample_memo

    for warning in build_memo_pdf(sample_memo(), args.sample):
        print(warning)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
