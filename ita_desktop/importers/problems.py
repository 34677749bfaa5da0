"""Problems found while reading a score sheet, and the one exception the importer raises."""

from __future__ import annotations

from dataclasses import dataclass, field

from openpyxl.utils import get_column_letter


@dataclass(frozen=True)
class Problem:
    """One thing wrong with an input file, located as precisely as it is known."""

    file: str
    sheet: str | None
    row: int | None
    column: str | None  # column letter, "C"
    message_th: str

    @property
    def text(self) -> str:
        """The full Thai message: ``ไฟล์ x.xlsx แผ่นงาน 'คะแนน' แถว 7 คอลัมน์ C: ...``."""
        where = [f"ไฟล์ {self.file}"]
        if self.sheet is not None:
            where.append(f"แผ่นงาน '{self.sheet}'")
        if self.row is not None:
            where.append(f"แถว {self.row}")
        if self.column is not None:
            where.append(f"คอลัมน์ {self.column}")
        return " ".join(where) + ": " + self.message_th

    def __str__(self) -> str:
        return self.text


class ImportProblem(Exception):
    """The file cannot be imported; ``problems`` says every reason found."""

    def __init__(self, problems: list[Problem]):
        self.problems: list[Problem] = list(problems)
        super().__init__("\n".join(p.text for p in self.problems))


class YearConflict(ImportProblem):
    """The file names more than one fiscal year; ``years`` lists them for the caller to choose."""

    def __init__(self, problems: list[Problem], years: list[int]):
        super().__init__(problems)
        self.years = list(years)


@dataclass
class ProblemLog:
    """Collects problems and warnings for one file, so that all are reported at once."""

    file: str
    problems: list[Problem] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    conflicting_years: list[int] = field(default_factory=list)

    def add(self, message_th: str, sheet: str | None = None, row: int | None = None,
            column: int | None = None) -> None:
        """Record a problem; ``column`` is 1-based."""
        letter = get_column_letter(column) if column else None
        self.problems.append(Problem(self.file, sheet, row, letter, message_th))

    def warn(self, message_th: str, sheet: str | None = None, row: int | None = None) -> None:
        """Record something the user should know that does not stop the import."""
        where = f"แผ่นงาน '{sheet}' แถว {row}: " if sheet and row else ""
        self.warnings.append(f"ไฟล์ {self.file} {where}{message_th}")

    def conflict(self, message_th: str, years: list[int]) -> None:
        """Record that the file names several fiscal years (see :class:`YearConflict`)."""
        self.add(message_th)
        self.conflicting_years = list(years)

    def raise_if_any(self) -> None:
        """Raise :class:`ImportProblem` (a :class:`YearConflict` for a year conflict) when any problem was recorded."""
        if self.conflicting_years:
            raise YearConflict(self.problems, self.conflicting_years)
        if self.problems:
            raise ImportProblem(self.problems)

    def fail(self, message_th: str, sheet: str | None = None) -> ImportProblem:
        """An exception for a file that cannot be read at all."""
        self.add(message_th, sheet)
        return ImportProblem(self.problems)
