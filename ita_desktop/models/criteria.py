"""The criteria catalog per fiscal year, as stored (editable by the user)."""

from __future__ import annotations

from sqlalchemy import Boolean, CheckConstraint, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ita_desktop.core.criteria import DEFAULT_PASS_LINE

from .base import Base


class FiscalYear(Base):
    """A Buddhist-era fiscal year and its catalog settings."""

    __tablename__ = "fiscal_year"
    __table_args__ = (CheckConstraint("pass_line >= 0 AND pass_line <= 100", name="pass_line_range"),)

    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    pass_line: Mapped[float] = mapped_column(Float, default=DEFAULT_PASS_LINE)
    note: Mapped[str] = mapped_column(Text, default="")
    # Level cut-offs (ผ่านดีเยี่ยม / ผ่าน / ต้องปรับปรุง) are per-year data, soft from 2568 on.
    excellent_line: Mapped[float] = mapped_column(Float, default=95.0, server_default="95")
    good_line: Mapped[float] = mapped_column(Float, default=85.0, server_default="85")
    improve_line: Mapped[float] = mapped_column(Float, default=70.0, server_default="70")
    # Not confirmed: bundled as soft, or copied from an earlier year; the GUI shows a banner.
    soft: Mapped[bool] = mapped_column(Boolean, default=False, server_default="0")

    tools: Mapped[list["CriteriaTool"]] = relationship(
        back_populates="fiscal_year", cascade="all, delete-orphan", order_by="CriteriaTool.sort_order"
    )
    indicators: Mapped[list["CriteriaIndicator"]] = relationship(
        back_populates="fiscal_year", cascade="all, delete-orphan", order_by="CriteriaIndicator.number"
    )
    sub_indicators: Mapped[list["CriteriaSubIndicator"]] = relationship(
        back_populates="fiscal_year", cascade="all, delete-orphan", order_by="CriteriaSubIndicator.code"
    )
    items: Mapped[list["CriteriaItem"]] = relationship(
        back_populates="fiscal_year", cascade="all, delete-orphan", order_by="CriteriaItem.sort_order"
    )


class CriteriaTool(Base):
    """IIT / EIT / OIT, or a weighted part of one (EIT1, EIT2: ``parent_code`` set)."""

    __tablename__ = "criteria_tool"
    __table_args__ = (
        UniqueConstraint("year", "code"),
        CheckConstraint("weight >= 0 AND weight <= 100", name="weight_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(ForeignKey("fiscal_year.year", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(300))
    weight: Mapped[float] = mapped_column(Float)
    parent_code: Mapped[str | None] = mapped_column(String(10), nullable=True)
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    fiscal_year: Mapped[FiscalYear] = relationship(back_populates="tools")


class CriteriaIndicator(Base):
    __tablename__ = "criteria_indicator"
    __table_args__ = (UniqueConstraint("year", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(ForeignKey("fiscal_year.year", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(String(300))
    tool: Mapped[str] = mapped_column(String(10))
    aliases: Mapped[str] = mapped_column(Text, default="")  # one per line

    fiscal_year: Mapped[FiscalYear] = relationship(back_populates="indicators")


class CriteriaSubIndicator(Base):
    __tablename__ = "criteria_sub_indicator"
    __table_args__ = (UniqueConstraint("year", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(ForeignKey("fiscal_year.year", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(10))
    name: Mapped[str] = mapped_column(String(300))
    indicator: Mapped[int] = mapped_column(Integer)

    fiscal_year: Mapped[FiscalYear] = relationship(back_populates="sub_indicators")


class CriteriaItem(Base):
    __tablename__ = "criteria_item"
    __table_args__ = (UniqueConstraint("year", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(ForeignKey("fiscal_year.year", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(10))
    text: Mapped[str] = mapped_column(Text, default="")
    indicator: Mapped[int] = mapped_column(Integer)
    sub_indicator: Mapped[str | None] = mapped_column(String(10), nullable=True)
    text_known: Mapped[bool] = mapped_column(Boolean, default=True)
    topic: Mapped[str] = mapped_column(Text, default="", server_default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)

    fiscal_year: Mapped[FiscalYear] = relationship(back_populates="items")
