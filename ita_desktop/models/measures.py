"""Measures planned for a year (มาตรการ) and reports of what was carried out."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ita_desktop.core.criteria import DEFAULT_PASS_LINE

from .base import Base, utcnow


class MeasureSet(Base):
    """มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน of one office for one year."""

    __tablename__ = "measure_set"
    __table_args__ = (UniqueConstraint("office_id", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer)  # the year the measures are for
    based_on_year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    pass_line: Mapped[float] = mapped_column(Float, default=DEFAULT_PASS_LINE)
    intro: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    measures: Mapped[list["Measure"]] = relationship(
        back_populates="measure_set", cascade="all, delete-orphan", order_by="Measure.sort_order"
    )


class Measure(Base):
    __tablename__ = "measure"

    id: Mapped[int] = mapped_column(primary_key=True)
    measure_set_id: Mapped[int] = mapped_column(ForeignKey("measure_set.id", ondelete="CASCADE"), index=True)
    tool: Mapped[str] = mapped_column(String(10), default="")
    indicator: Mapped[int | None] = mapped_column(Integer, nullable=True)
    item_code: Mapped[str | None] = mapped_column(String(10), nullable=True)
    category: Mapped[str] = mapped_column(String(20), default="")  # urgent | develop | maintain
    issue: Mapped[str] = mapped_column(Text, default="")
    responsible: Mapped[str] = mapped_column(Text, default="")
    steps: Mapped[str] = mapped_column(Text, default="")
    reporting: Mapped[str] = mapped_column(Text, default="")
    period: Mapped[str] = mapped_column(Text, default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    measure: Mapped[str] = mapped_column(Text, default="", server_default="")  # the measure itself (seed 002)
    items: Mapped[str] = mapped_column(Text, default="", server_default="")  # item codes answered, space-separated
    indicators: Mapped[str] = mapped_column(Text, default="", server_default="")  # indicator numbers, space-separated
    period_start: Mapped[str | None] = mapped_column(String(10), nullable=True)  # ISO (CE) dates
    period_end: Mapped[str | None] = mapped_column(String(10), nullable=True)
    deadline: Mapped[str | None] = mapped_column(String(10), nullable=True)
    # Carry-over: a copy links to the measure it came from; a moved measure remembers its old year.
    source_measure_id: Mapped[int | None] = mapped_column(
        ForeignKey("measure.id", ondelete="SET NULL"), nullable=True)
    carried_from_year: Mapped[int | None] = mapped_column(Integer, nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    measure_set: Mapped[MeasureSet] = relationship(back_populates="measures")


class ResultReport(Base):
    """รายงานผลการดำเนินการตามมาตรการ of one office for one year."""

    __tablename__ = "result_report"
    __table_args__ = (UniqueConstraint("office_id", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(Text, default="")
    intro: Mapped[str] = mapped_column(Text, default="")  # paragraphs separated by blank lines
    summary: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    rows: Mapped[list["ResultRow"]] = relationship(
        back_populates="report", cascade="all, delete-orphan", order_by="ResultRow.sort_order"
    )


class ResultRow(Base):
    __tablename__ = "result_row"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("result_report.id", ondelete="CASCADE"), index=True)
    measure_id: Mapped[int | None] = mapped_column(ForeignKey("measure.id", ondelete="SET NULL"), nullable=True)
    measure: Mapped[str] = mapped_column(Text, default="")
    steps: Mapped[str] = mapped_column(Text, default="")
    period: Mapped[str] = mapped_column(Text, default="")
    responsible: Mapped[str] = mapped_column(Text, default="")
    output: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(Text, default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(20), default="not_started", server_default="not_started")
    reason: Mapped[str] = mapped_column(Text, default="", server_default="")  # why it could not be done
    start_date: Mapped[str | None] = mapped_column(String(10), nullable=True)  # ISO (CE) dates
    end_date: Mapped[str | None] = mapped_column(String(10), nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    report: Mapped[ResultReport] = relationship(back_populates="rows")
