"""Plain results of reading a score workbook. The service layer stores them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import NamedTuple


class SourceRow(NamedTuple):
    """Where one score came from; exactly one of ``indicator`` and ``item`` is set.

    (A NamedTuple: immutable, and cheap to make for the 78,500 scores of a national sheet.)
    """

    sheet: str
    row: int
    column: str  # letter of the score cell
    indicator: int | None = None
    item: str | None = None


@dataclass(frozen=True)
class ParsedOffice:
    """The scores of one office for one fiscal year, validated against the year's criteria."""

    org_name: str  # full canonical name: "องค์การบริหารส่วนตำบลตะโกทอง"
    district: str | None
    province: str | None
    year: int  # Buddhist-era fiscal year
    indicator_scores: dict[int, float]  # indicator number -> 0..100
    item_scores: dict[str, float]  # item code ("i19", "o10") -> 0..100
    item_texts: dict[str, str]  # item code -> question text as written in the file
    sources: tuple  # the scanner's entries of the indicator and item scores (see source_rows)
    tool_scores: dict[str, float] = field(default_factory=dict)  # "IIT" -> 0..100 (from points if so written)
    official_total: float | None = None  # the total the sheet prints for the office (คะแนนรวม column)


    @property
    def source_rows(self) -> tuple[SourceRow, ...]:
        """Where each indicator and item score came from (made when asked: a national sheet has 78,500)."""
        from openpyxl.utils import get_column_letter

        return tuple(SourceRow(e.sheet, e.row, get_column_letter(e.column), e.indicator, e.item) for e in self.sources)


@dataclass(frozen=True)
class ParsedWorkbook:
    """A whole file that was read without any problem."""

    path: str
    sha256: str  # of the file's bytes, to recognise a file imported twice
    offices: tuple[ParsedOffice, ...]
    warnings: tuple[str, ...]
    notes: tuple[str, ...] = ()  # what the reader did that the summary should say (points converted)
