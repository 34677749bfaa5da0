"""SQLAlchemy ORM models, engine set-up and Alembic migrations."""

from . import change_counter  # noqa: F401  (counts committed writes)
from .base import Base
from .criteria import CriteriaIndicator, CriteriaItem, CriteriaSubIndicator, CriteriaTool, FiscalYear
from .guidelines import Guideline
from .measures import Measure, MeasureSet, ResultReport, ResultRow
from .office import Division, Office, Signatory
from .plans import Dimension, MonitoringRound, Plan, PlanTarget, Project, ProjectBudget, ProjectReport, Risk
from .records import Attachment, AuditEntry, ChangeCounter, MemoDraft, Setting
from .scores import Assessment, IndicatorScore, ItemScore, SourceFile, ToolScore

__all__ = [
    "Base", "FiscalYear", "CriteriaTool", "CriteriaIndicator", "CriteriaSubIndicator", "CriteriaItem",
    "Office", "Division", "Signatory", "SourceFile", "Assessment", "IndicatorScore", "ItemScore",
    "ToolScore", "MeasureSet", "Measure", "ResultReport", "ResultRow", "Plan", "Dimension", "Project",
    "ProjectBudget", "PlanTarget", "Risk", "MonitoringRound", "ProjectReport", "Attachment",
    "MemoDraft", "AuditEntry", "Setting", "ChangeCounter", "Guideline",
]
