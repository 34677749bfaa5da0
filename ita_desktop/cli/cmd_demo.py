"""ita-cli demo: load the sample data of the seed documents."""

from .common import add_data_options


def register(sub) -> None:
    p = sub.add_parser("demo", help="โหลดข้อมูลตัวอย่าง (หน่วยงานและคะแนนจากเอกสารจริง)",
                       description="โหลดข้อมูลตัวอย่างจากเอกสารจริงของ อบต./เทศบาล ลงในฐานข้อมูล")
    add_data_options(p, suppress=True)
    p.set_defaults(handler=run, writes=True)


def run(args, ctx) -> int:
    from ita_desktop.services.demo import load_sample_data

    summary = load_sample_data(ctx)
    print(summary.message_th())
    return 0
