"""The multi-year anti-corruption action plan (แผนปฏิบัติการป้องกันการทุจริต) and its monitoring."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, CheckConstraint, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Base, utcnow


class Plan(Base):
    __tablename__ = "plan"
    __table_args__ = (CheckConstraint("end_year >= start_year", name="year_order"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    office_id: Mapped[int] = mapped_column(ForeignKey("office.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(Text, default="")
    start_year: Mapped[int] = mapped_column(Integer)
    end_year: Mapped[int] = mapped_column(Integer)
    intro_json: Mapped[str] = mapped_column(Text, default="{}")  # rationale, objectives, goals, parts
    objectives: Mapped[str] = mapped_column(Text, default="")  # the plan's objectives, one per line
    version: Mapped[int] = mapped_column(Integer, default=1)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    dimensions: Mapped[list["Dimension"]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="Dimension.number"
    )
    targets: Mapped[list["PlanTarget"]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="PlanTarget.year"
    )
    risks: Mapped[list["Risk"]] = relationship(
        back_populates="plan", cascade="all, delete-orphan", order_by="Risk.sort_order"
    )
    rounds: Mapped[list["MonitoringRound"]] = relationship(back_populates="plan", cascade="all, delete-orphan")


class Dimension(Base):
    """มิติ of the plan; names vary by office, so they are data."""

    __tablename__ = "dimension"
    __table_args__ = (UniqueConstraint("plan_id", "number"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    name: Mapped[str] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)

    plan: Mapped[Plan] = relationship(back_populates="dimensions")
    projects: Mapped[list["Project"]] = relationship(
        back_populates="dimension", cascade="all, delete-orphan", order_by="Project.sort_order"
    )


class Project(Base):
    """A project, activity or measure of the plan with its 9-part detail."""

    __tablename__ = "project"

    id: Mapped[int] = mapped_column(primary_key=True)
    dimension_id: Mapped[int] = mapped_column(ForeignKey("dimension.id", ondelete="CASCADE"), index=True)
    code: Mapped[str] = mapped_column(String(20), default="")
    name: Mapped[str] = mapped_column(Text)
    kind: Mapped[str] = mapped_column(String(20), default="โครงการ")  # โครงการ/กิจกรรม/มาตรการ/แนวปฏิบัติ
    remark: Mapped[str] = mapped_column(Text, default="")
    rationale: Mapped[str] = mapped_column(Text, default="")
    objectives: Mapped[str] = mapped_column(Text, default="")  # one per line
    target_group: Mapped[str] = mapped_column(Text, default="")
    method: Mapped[str] = mapped_column(Text, default="")
    period: Mapped[str] = mapped_column(Text, default="")
    budget_text: Mapped[str] = mapped_column(Text, default="")
    responsible: Mapped[str] = mapped_column(Text, default="")
    outputs_outcomes: Mapped[str] = mapped_column(Text, default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    no_budget: Mapped[bool] = mapped_column(Boolean, default=False)  # ไม่ใช้งบประมาณ
    run_years: Mapped[str] = mapped_column(Text, default="")  # "2566,2567"; empty = every plan year
    quarters: Mapped[str] = mapped_column(Text, default="")  # "1,2"; empty = not given
    target_groups: Mapped[str] = mapped_column(Text, default="")  # e-PlanNACC groups, one per line
    version: Mapped[int] = mapped_column(Integer, default=1)

    dimension: Mapped[Dimension] = relationship(back_populates="projects")
    budgets: Mapped[list["ProjectBudget"]] = relationship(
        back_populates="project", cascade="all, delete-orphan", order_by="ProjectBudget.year"
    )


class ProjectBudget(Base):
    __tablename__ = "project_budget"
    __table_args__ = (
        UniqueConstraint("project_id", "year"),
        CheckConstraint("amount >= 0", name="amount_positive"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    amount: Mapped[float] = mapped_column(Float, default=0.0)

    project: Mapped[Project] = relationship(back_populates="budgets")


class PlanTarget(Base):
    __tablename__ = "plan_target"
    __table_args__ = (UniqueConstraint("plan_id", "year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    ita_target: Mapped[float | None] = mapped_column(Float, nullable=True)
    other: Mapped[str] = mapped_column(Text, default="")
    fewer_cases_percent: Mapped[float | None] = mapped_column(Float, nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1)

    plan: Mapped[Plan] = relationship(back_populates="targets")


class Risk(Base):
    """A row of the corruption risk assessment."""

    __tablename__ = "risk"

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    process: Mapped[str] = mapped_column(Text, default="")
    risk: Mapped[str] = mapped_column(Text, default="")
    level: Mapped[str] = mapped_column(String(40), default="")
    controls: Mapped[str] = mapped_column(Text, default="")
    sort_order: Mapped[int] = mapped_column(Integer, default=0)
    version: Mapped[int] = mapped_column(Integer, default=1)

    plan: Mapped[Plan] = relationship(back_populates="risks")


class MonitoringRound(Base):
    """The 6-month (October-March) or 12-month report on the plan in one fiscal year."""

    __tablename__ = "monitoring_round"
    __table_args__ = (
        UniqueConstraint("plan_id", "year", "months"),
        CheckConstraint("months IN (6, 12)", name="months_6_or_12"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    plan_id: Mapped[int] = mapped_column(ForeignKey("plan.id", ondelete="CASCADE"), index=True)
    year: Mapped[int] = mapped_column(Integer)
    months: Mapped[int] = mapped_column(Integer)
    finished: Mapped[bool] = mapped_column(Boolean, default=False)  # แล้วเสร็จ: locked against edits
    finished_at: Mapped[datetime | None] = mapped_column(nullable=True)
    version: Mapped[int] = mapped_column(Integer, default=1)

    plan: Mapped[Plan] = relationship(back_populates="rounds")
    reports: Mapped[list["ProjectReport"]] = relationship(back_populates="round", cascade="all, delete-orphan")


class ProjectReport(Base):
    """One project's line in a monitoring round (NACC e-plan fields)."""

    __tablename__ = "project_report"
    __table_args__ = (UniqueConstraint("round_id", "project_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("monitoring_round.id", ondelete="CASCADE"), index=True)
    project_id: Mapped[int] = mapped_column(ForeignKey("project.id", ondelete="CASCADE"), index=True)
    budget_in_plan: Mapped[float | None] = mapped_column(Float, nullable=True)
    budget_in_act: Mapped[float | None] = mapped_column(Float, nullable=True)  # ข้อบัญญัติ/เทศบัญญัติ
    disbursed: Mapped[float | None] = mapped_column(Float, nullable=True)
    no_budget: Mapped[bool] = mapped_column(default=False)
    status: Mapped[str] = mapped_column(String(60), default="")  # อยู่ระหว่างดำเนินการ / ดำเนินการแล้วเสร็จ / ไม่สามารถดำเนินการได้
    reason: Mapped[str] = mapped_column(Text, default="")
    remark: Mapped[str] = mapped_column(Text, default="")
    in_act_plan: Mapped[bool] = mapped_column(Boolean, default=False)  # บรรจุไว้ในข้อบัญญัติ/เทศบัญญัติ/แผนการดำเนินงาน
    reason_text: Mapped[str] = mapped_column(Text, default="")  # the words after อื่นๆ
    version: Mapped[int] = mapped_column(Integer, default=1)

    round: Mapped[MonitoringRound] = relationship(back_populates="reports")
