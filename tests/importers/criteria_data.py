"""A FY 2566 criteria catalog built in the tests (the shipped JSON may not exist yet)."""

from __future__ import annotations

from ita_desktop.core.criteria import Criteria, criteria_from_dict

INDICATOR_NAMES = {
    1: ("การปฏิบัติหน้าที่", "IIT"),
    2: ("การใช้งบประมาณ", "IIT"),
    3: ("การใช้อำนาจ", "IIT"),
    4: ("การใช้ทรัพย์สินของราชการ", "IIT"),
    5: ("การแก้ไขปัญหาการทุจริต", "IIT"),
    6: ("คุณภาพการดำเนินงาน", "EIT"),
    7: ("ประสิทธิภาพการสื่อสาร", "EIT"),
    8: ("การปรับปรุงการทำงาน", "EIT"),
    9: ("การเปิดเผยข้อมูล", "OIT"),
    10: ("การป้องกันการทุจริต", "OIT"),
}

KNOWN_TEXTS = {
    "i7": "ท่านทราบข้อมูลเกี่ยวกับงบประมาณของหน่วยงานหรือของส่วนงานที่ท่านปฏิบัติหน้าที่ มากน้อยเพียงใด",
    "i8": "ท่านเคยเข้าไปมีส่วนร่วมในกระบวนการงบประมาณมากน้อยเพียงใด",
    "i9": "หน่วยงานของท่าน ใช้จ่ายงบประมาณ เป็นไปตามวัตถุประสงค์และคุ้มค่า มากน้อยเพียงใด",
    "i19": "ท่านรู้แนวปฏิบัติของหน่วยงานของท่านเกี่ยวกับการใช้ทรัพย์สินของราชการที่ถูกต้องมากน้อยเพียงใด",
    "e10": "หน่วยงานมีช่องทางที่ท่านสามารถแจ้งให้ข้อมูล หรือร้องเรียน ในกรณีที่พบว่ามีเจ้าหน้าที่มีการเรียกรับสินบน หรือทุจริตต่อหน้าที่หรือไม่",
    "o10": "นโยบายคุ้มครองข้อมูลส่วนบุคคล",
    "o36": "แผนปฏิบัติการป้องกันการทุจริต",
}


def item_indicator(code: str) -> int:
    """Indicator of an item in the test catalog (6 IIT items, 5 EIT items per indicator)."""
    letter, n = code[0], int(code[1:])
    if letter == "i":
        return (n - 1) // 6 + 1
    if letter == "e":
        return (n - 1) // 5 + 6
    return 9 if n <= 30 else 10


ITEM_CODES = [f"i{n}" for n in range(1, 31)] + [f"e{n}" for n in range(1, 16)] + [f"o{n}" for n in range(1, 44)]


def criteria_2566_dict(year: int = 2566) -> dict:
    """The test catalog as the JSON-like dict that criteria_from_dict reads."""
    return {
        "year": year,
        "tools": [
            {"code": "IIT", "name": "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน", "weight": 30},
            {"code": "EIT", "name": "แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก", "weight": 30},
            {"code": "OIT", "name": "แบบวัดการเปิดเผยข้อมูลสาธารณะ", "weight": 40},
        ],
        "indicators": [
            {"number": n, "name": name, "tool": tool,
             **({"aliases": ["การปรับปรุงระบบการทำงาน"]} if n == 8 else {})}
            for n, (name, tool) in INDICATOR_NAMES.items()
        ],
        "items": [
            {"code": c, "text": KNOWN_TEXTS.get(c, f"ข้อคำถาม {c}"), "indicator": item_indicator(c)}
            for c in ITEM_CODES
        ],
    }


def criteria_2566(year: int = 2566) -> Criteria:
    """The test catalog for ``year`` (same content, any year)."""
    return criteria_from_dict(criteria_2566_dict(year))
