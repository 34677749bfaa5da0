"""คะแนน: indicator, tool and item scores of the chosen office and year."""

from .base import PlaceholderTab


class ScoresTab(PlaceholderTab):
    title = "คะแนน"
    description = "คะแนนรายตัวชี้วัด รายเครื่องมือ และรายข้อคำถาม ของหน่วยงานและปีงบประมาณที่เลือก"
