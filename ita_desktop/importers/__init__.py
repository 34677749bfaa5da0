"""Excel score-sheet readers: plain data and Thai problems out, no Qt, no database."""

from ita_desktop.importers.assemble import CallerInfo
from ita_desktop.importers.model import ParsedOffice, ParsedWorkbook, SourceRow
from ita_desktop.importers.problems import ImportProblem, Problem
from ita_desktop.importers.reader import detect_year, read_score_bytes, read_score_workbook
from ita_desktop.importers.safety import DEFAULT_LIMITS, Limits

__all__ = [
    "CallerInfo", "DEFAULT_LIMITS", "ImportProblem", "Limits", "ParsedOffice", "ParsedWorkbook",
    "Problem", "SourceRow", "detect_year", "read_score_bytes", "read_score_workbook",
]
