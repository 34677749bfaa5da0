"""Constraints and cascades of the schema, on SQLite and (when available) PostgreSQL."""

import pytest
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from ita_desktop.models import (
    Assessment,
    CriteriaIndicator,
    CriteriaItem,
    Dimension,
    FiscalYear,
    IndicatorScore,
    ItemScore,
    Measure,
    MeasureSet,
    Office,
    Plan,
    Project,
    ProjectBudget,
    ResultReport,
    ResultRow,
    Signatory,
)
from ita_desktop.models.db import init_db


@pytest.fixture
def db(db_url):
    database = init_db(db_url)
    yield database
    database.dispose()


def _office_with_scores(s, name="องค์การบริหารส่วนตำบลทดสอบ"):
    fy = s.get(FiscalYear, 2566) or FiscalYear(year=2566)
    ind = CriteriaIndicator(number=1, name="การปฏิบัติหน้าที่", tool="IIT")
    item = CriteriaItem(code="i1", text="ข้อคำถาม", indicator=1)
    fy.indicators.append(ind)
    fy.items.append(item)
    office = Office(name=name, kind="องค์การบริหารส่วนตำบล")
    office.signatories.append(Signatory(role="mayor", name="นายทดสอบ", position="นายก"))
    s.add_all([fy, office])
    s.flush()
    a = Assessment(office_id=office.id, year=2566, official_total=75.47)
    a.indicator_scores.append(IndicatorScore(indicator_id=ind.id, score=90.63))
    a.item_scores.append(ItemScore(item_id=item.id, score=64.6))
    s.add(a)
    s.flush()
    return office, item


def _count(s, model):
    return s.scalar(select(func.count()).select_from(model))


def test_score_above_100_is_refused_by_the_database(db):
    with pytest.raises(IntegrityError):
        with db.session() as s:
            office, item = _office_with_scores(s)
            a = s.scalar(select(Assessment))
            a.item_scores[0].score = 105
    with db.session() as s:
        assert _count(s, Office) == 0  # the whole transaction was rolled back


def test_office_name_is_unique(db):
    with db.session() as s:
        s.add(Office(name="เทศบาลตำบลวังไผ่", kind="เทศบาลตำบล"))
    with pytest.raises(IntegrityError):
        with db.session() as s:
            s.add(Office(name="เทศบาลตำบลวังไผ่", kind="เทศบาลตำบล"))


def test_one_assessment_per_office_and_year(db):
    with pytest.raises(IntegrityError):
        with db.session() as s:
            office, _ = _office_with_scores(s)
            s.add(Assessment(office_id=office.id, year=2566))
            s.flush()


def test_deleting_an_office_cascades_to_everything_it_owns(db):
    with db.session() as s:
        office, _ = _office_with_scores(s)
        ms = MeasureSet(office_id=office.id, year=2567)
        ms.measures.append(Measure(issue="i19"))
        rep = ResultReport(office_id=office.id, year=2567)
        rep.rows.append(ResultRow(measure="No Gift Policy"))
        plan = Plan(office_id=office.id, start_year=2566, end_year=2570)
        dim = Dimension(number=1, name="การสร้างวัฒนธรรมสุจริต")
        project = Project(name="โครงการอบรม")
        project.budgets.append(ProjectBudget(year=2566, amount=10000))
        dim.projects.append(project)
        plan.dimensions.append(dim)
        s.add_all([ms, rep, plan])
    with db.session() as s:
        s.delete(s.scalar(select(Office)))
    with db.session() as s:
        for model in (Assessment, IndicatorScore, ItemScore, Signatory, MeasureSet, Measure, ResultReport,
                      ResultRow, Plan, Dimension, Project, ProjectBudget):
            assert _count(s, model) == 0, model.__name__
        assert _count(s, CriteriaItem) == 1  # the catalog is not the office's


def test_a_criteria_item_with_scores_cannot_be_deleted(db):
    with pytest.raises(IntegrityError):
        with db.session() as s:
            _, item = _office_with_scores(s)
            s.execute(CriteriaItem.__table__.delete().where(CriteriaItem.id == item.id))


def test_plan_years_must_be_in_order(db):
    with pytest.raises(IntegrityError):
        with db.session() as s:
            office, _ = _office_with_scores(s)
            s.add(Plan(office_id=office.id, start_year=2570, end_year=2566))
            s.flush()


def test_sqlite_pragmas_are_set(tmp_path):
    database = init_db(f"sqlite:///{tmp_path / 'p.sqlite3'}")
    with database.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
    database.dispose()
