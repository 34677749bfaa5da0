"""วิเคราะห์จุดอ่อน: indicators and items below the pass line, with development guidelines."""

from .base import PlaceholderTab


class AnalysisTab(PlaceholderTab):
    title = "วิเคราะห์จุดอ่อน"
    description = (
        "การวิเคราะห์ผลการประเมิน: ข้อบกพร่องหรือจุดอ่อนที่ต้องแก้ไขโดยเร่งด่วน "
        "ประเด็นที่ต้องพัฒนาให้ดีขึ้น และประเด็นที่รักษามาตรฐาน พร้อมแนวทางการพัฒนา"
    )
