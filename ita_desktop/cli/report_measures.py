"""``ita-cli report measures|results``: the measures document and the results report (.pdf or .xlsx)."""

from __future__ import annotations

from ita_desktop.services.errors import UserError

MEASURE_LAYOUTS = ("001", "002")
RESULT_LAYOUTS = ("000", "003")


def _office(ctx, args) -> int:
    from ita_desktop.services import offices

    if not getattr(args, "org", None):
        raise UserError("ต้องระบุหน่วยงานด้วย --org เช่น --org อบต.ตะโกทอง")
    if not getattr(args, "year", None):
        raise UserError("ต้องระบุปีงบประมาณด้วย --year เช่น --year 2567")
    return offices.find_office(ctx, args.org).id


def _layout(args, allowed: tuple[str, ...]) -> str:
    layout = getattr(args, "layout", None) or allowed[0]
    if layout not in allowed:
        raise UserError(f"รูปแบบ '{layout}' ใช้กับรายงานนี้ไม่ได้ (เลือกได้: {', '.join(allowed)})")
    return layout


def measures(ctx, args) -> int:
    """The measures of ``--year`` in seed 001's (default) or seed 002's layout."""
    from ita_desktop.services import measure_documents

    office = _office(ctx, args)
    path = measure_documents.write_measures_report(ctx, office, args.year, args.out, _layout(args, MEASURE_LAYOUTS))
    print(f"สร้างเอกสารมาตรการแล้ว: {path}")
    return 0


def results(ctx, args) -> int:
    """The report of what was done in ``--year`` in seed 000's (default) or seed 003's layout."""
    from ita_desktop.services import measure_documents

    office = _office(ctx, args)
    path = measure_documents.write_results_report(ctx, office, args.year, args.out, _layout(args, RESULT_LAYOUTS))
    print(f"สร้างรายงานผลการดำเนินการแล้ว: {path}")
    return 0
