"""The office's anti-corruption action plans, as far as other screens need them."""

from __future__ import annotations

from sqlalchemy import select

from ita_desktop.models import Plan, PlanTarget


def ita_targets(ctx, office_id: int) -> dict[int, float]:
    """The office's yearly ITA score targets ``{year: target}`` from all its plans.

    Where two plans give a target for the same year, the later plan (by start year) wins.
    Years without a target are left out.
    """
    with ctx.db.session() as s:
        rows = s.execute(
            select(PlanTarget.year, PlanTarget.ita_target)
            .join(Plan, PlanTarget.plan_id == Plan.id)
            .where(Plan.office_id == office_id, PlanTarget.ita_target.is_not(None))
            .order_by(Plan.start_year, Plan.id, PlanTarget.year)
        )
        return {int(year): float(target) for year, target in rows}
