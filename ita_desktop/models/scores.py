"""An office's ITA result for a year: official figures, indicator, tool and item scores."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, Float, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, utcnow

_SCORE_RANGE = "score >= 0 AND score <= 100"


class SourceFile(Base):
    """An imported file, recognised again by its hash."""

    __tablename__ = "source_file"

    id: Mapped[int] = mapped_column(primary_key=True)
    file_name: Mapped[str] = mapped_column(String(500))
    sha256: Mapped[str] = mapped_column(String(64), index=True)
    kind: Mapped[str] = mapped_column(String(40), default="")
    imported_at: Mapped[datetime] = mapped_column(default=utcnow)


class Assessment(Base):
    """One office in one fiscal year: the official total and level as published."""

    __tablename__ = "assessment"
    __table_args__ = (
        UniqueConstraint("office_id", "year"),
        CheckConstraint("official_total IS NULL OR (official_total >= 0 AND official_total <= 100)", name="total_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id", ondelete="CASCADE"))  # unique (office_id, year)
    year: Mapped[int] = mapped_column(ForeignKey("fiscal_year.year", ondelete="RESTRICT"), index=True)
    official_total: Mapped[float | None] = mapped_column(Float, nullable=True)
    official_level: Mapped[str] = mapped_column(String(50), default="")
    note: Mapped[str] = mapped_column(Text, default="")
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    indicator_scores: Mapped[list["IndicatorScore"]] = relationship(
        back_populates="assessment", cascade="all, delete-orphan", passive_deletes=True
    )
    item_scores: Mapped[list["ItemScore"]] = relationship(
        back_populates="assessment", cascade="all, delete-orphan", passive_deletes=True
    )
    tool_scores: Mapped[list["ToolScore"]] = relationship(
        back_populates="assessment", cascade="all, delete-orphan", passive_deletes=True
    )


class IndicatorScore(Base):
    __tablename__ = "indicator_score"
    __table_args__ = (
        UniqueConstraint("assessment_id", "indicator_id"),
        CheckConstraint(_SCORE_RANGE, name="score_range"),
        # A year's scores read from the index alone (the overview of 7,850 offices, migration 0011).
        Index("ix_indicator_score_reading", "assessment_id", "indicator_id", "score"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessment.id", ondelete="CASCADE"))  # leads the unique
    indicator_id: Mapped[int] = mapped_column(ForeignKey("criteria_indicator.id", ondelete="RESTRICT"), index=True)
    score: Mapped[float] = mapped_column(Float)
    note: Mapped[str] = mapped_column(Text, default="")  # e.g. ประเด็นที่นำไปใช้พัฒนา
    source_file_id: Mapped[int | None] = mapped_column(ForeignKey("source_file.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    assessment: Mapped[Assessment] = relationship(back_populates="indicator_scores")


class ItemScore(Base):
    __tablename__ = "item_score"
    __table_args__ = (
        UniqueConstraint("assessment_id", "item_id"),
        CheckConstraint(_SCORE_RANGE, name="score_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessment.id", ondelete="CASCADE"))  # leads the unique
    item_id: Mapped[int] = mapped_column(ForeignKey("criteria_item.id", ondelete="RESTRICT"), index=True)
    score: Mapped[float] = mapped_column(Float)
    guideline: Mapped[str] = mapped_column(Text, default="")  # แนวทางการพัฒนา
    source_file_id: Mapped[int | None] = mapped_column(ForeignKey("source_file.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    assessment: Mapped[Assessment] = relationship(back_populates="item_scores")


class ToolScore(Base):
    """An official tool (or tool part) score where the result sheet gives one."""

    __tablename__ = "tool_score"
    __table_args__ = (
        UniqueConstraint("assessment_id", "tool_code"),
        CheckConstraint(_SCORE_RANGE, name="score_range"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    assessment_id: Mapped[int] = mapped_column(ForeignKey("assessment.id", ondelete="CASCADE"))  # leads the unique
    tool_code: Mapped[str] = mapped_column(String(10))
    score: Mapped[float] = mapped_column(Float)
    version: Mapped[int] = mapped_column(Integer, default=1, server_default="1")

    assessment: Mapped[Assessment] = relationship(back_populates="tool_scores")
