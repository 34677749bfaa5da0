"""Reading PDFs back with poppler-utils: text, word boxes, fonts, page sizes, renders."""

from __future__ import annotations

import base64
import re
import shutil
import zlib
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

import pytest

# Laksaman's ascent + descent (1279 + 376 per 1000 em): poppler's word boxes are this tall.
BOX_HEIGHT_PER_POINT = 1.655

needs_poppler = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="poppler-utils not installed")


@dataclass(frozen=True)
class Word:
    page: int
    text: str
    x0: float
    y0: float
    x1: float
    y1: float

    @property
    def font_size(self) -> float:
        return (self.y1 - self.y0) / BOX_HEIGHT_PER_POINT


def _run(*args: str) -> str:
    return subprocess.run(args, check=True, capture_output=True, text=True).stdout


def pdf_text(path: Path, first: int | None = None, last: int | None = None) -> str:
    """``pdftotext`` output (reading order, no layout)."""
    pages = [*(["-f", str(first)] if first else []), *(["-l", str(last)] if last else [])]
    return _run("pdftotext", *pages, str(path), "-")


def pdf_text_in(path: Path, page: int, box: tuple[float, float, float, float]) -> str:
    """Text inside ``box`` (x, y, width, height in points from the top-left) of one page."""
    x, y, w, h = (str(round(v)) for v in box)
    return _run("pdftotext", "-r", "72", "-f", str(page), "-l", str(page), "-x", x, "-y", y, "-W", w, "-H", h,
                str(path), "-")


def pdf_lines(path: Path) -> list[str]:
    """Non-empty extracted lines, page breaks (form feeds) removed."""
    return [line for line in pdf_text(path).replace("\f", "\n").split("\n") if line.strip()]


def words(path: Path) -> list[Word]:
    """Every word box from ``pdftotext -bbox``, in points from the top-left corner."""
    xml = _run("pdftotext", "-bbox", str(path), "-")
    xml = re.sub(r"<!DOCTYPE[^>]*>", "", xml).replace('xmlns="http://www.w3.org/1999/xhtml"', "")
    found = []
    for number, page in enumerate(ET.fromstring(xml).iter("page"), start=1):
        for w in page.iter("word"):
            found.append(Word(number, w.text or "", *(float(w.get(k)) for k in ("xMin", "yMin", "xMax", "yMax"))))
    return found


def fonts(path: Path) -> list[dict[str, str]]:
    """Rows of ``pdffonts``: name, type, emb."""
    lines = _run("pdffonts", str(path)).splitlines()[2:]
    return [{"name": l.split()[0], "emb": l.split()[-5], "uni": l.split()[-3]} for l in lines if l.strip()]


def page_count(path: Path) -> int:
    return int(re.search(r"Pages:\s+(\d+)", _run("pdfinfo", str(path))).group(1))


def page_size(path: Path) -> tuple[float, float]:
    match = re.search(r"Page size:\s+([\d.]+) x ([\d.]+)", _run("pdfinfo", str(path)))
    return float(match.group(1)), float(match.group(2))


def render(path: Path, out_prefix: Path, dpi: int = 80, page: int = 1) -> Path:
    """Render one page to PNG with pdftoppm; returns the PNG path."""
    _run("pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", str(path),
         str(out_prefix))
    return out_prefix.with_suffix(".png")


def squash(text: str) -> str:
    """Whitespace-normalised text: runs of spaces and newlines become one space."""
    return " ".join(text.split())


def to_unicode_targets(path: Path) -> list[str]:
    """Every destination string of the ToUnicode CMaps in the file (decoded from UTF-16)."""
    targets = []
    for data in re.findall(rb"(?<!end)stream\r?\n(.*?)endstream", path.read_bytes(), re.S):
        if data.rstrip().endswith(b"~>"):
            data = base64.a85decode(b"<~" + data.strip(), adobe=True)
        try:
            data = zlib.decompressobj().decompress(data)
        except zlib.error:
            pass
        if b"beginbfchar" in data:
            entries = data.split(b"beginbfchar")[1].split(b"endbfchar")[0]
            targets += [bytes.fromhex(h.decode()).decode("utf-16-be")
                        for h in re.findall(rb"<[0-9A-F]{2}> <([0-9A-F]+)>", entries)]
    return targets
