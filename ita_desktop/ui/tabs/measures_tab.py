"""มาตรการ: measures for the year and the report of what was carried out."""

from .base import PlaceholderTab


class MeasuresTab(PlaceholderTab):
    title = "มาตรการ"
    description = (
        "มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน และรายงานผลการดำเนินการตามมาตรการ"
    )
