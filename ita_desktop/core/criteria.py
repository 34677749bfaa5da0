"""The criteria catalog of one fiscal year: tools, indicators, OIT sub-indicators, items.

Codes and texts change between years, so a catalog is data (resources/forms/criteria_YYYY.json,
then the database), never hard-coded rules. These frozen dataclasses are the plain form that
services hand to core, documents and the GUI.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from ita_desktop.core.levels import (
    DEFAULT_LEVEL_RULES,
    LevelRules,
    level_rules_from_dict,
    level_rules_to_dict,
)

DEFAULT_PASS_LINE = 85.0
CRITERIA_FILE_PATTERN = "criteria_{year}.json"
_CANONICAL_CODE = re.compile(r"^[ieo][1-9][0-9]*$")


@dataclass(frozen=True)
class ToolPart:
    """A weighted part of a tool (EIT ส่วนที่ ๑ / ส่วนที่ ๒ in FY 2566)."""

    code: str  # "EIT1"
    name: str
    weight: float  # percent of the total


@dataclass(frozen=True)
class Tool:
    code: str  # "IIT", "EIT", "OIT"
    name: str  # แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน
    weight: float  # percent of the total, e.g. 30.0
    parts: tuple[ToolPart, ...] = ()


@dataclass(frozen=True)
class Indicator:
    number: int  # 1..10
    name: str
    tool: str  # tool code
    aliases: tuple[str, ...] = ()  # other spellings seen in documents


@dataclass(frozen=True)
class SubIndicator:
    code: str  # "9.1"
    name: str
    indicator: int


@dataclass(frozen=True)
class Item:
    code: str  # lower-case, Arabic digits: "i19", "e6", "o10"
    text: str
    indicator: int
    sub_indicator: str | None = None  # OIT only
    text_known: bool = True  # False where the year's text is not known yet
    topic: str = ""  # short hint (e.g. an older year's topic) where the text is unknown


@dataclass(frozen=True)
class Criteria:
    year: int  # Buddhist-era fiscal year
    tools: tuple[Tool, ...]
    indicators: tuple[Indicator, ...]
    sub_indicators: tuple[SubIndicator, ...] = ()
    items: tuple[Item, ...] = ()
    pass_line: float = DEFAULT_PASS_LINE
    note: str = ""
    level_rules: LevelRules = DEFAULT_LEVEL_RULES
    _by_code: dict = field(default=None, init=False, repr=False, compare=False, hash=False)

    def tool(self, code: str) -> Tool:
        return next(t for t in self.tools if t.code == code)

    def indicator(self, number: int) -> Indicator:
        return next(i for i in self.indicators if i.number == number)

    def item(self, code: str) -> Item | None:
        if self._by_code is None:
            object.__setattr__(self, "_by_code", {i.code: i for i in self.items})
        return self._by_code.get(code)

    def items_of(self, indicator: int) -> tuple[Item, ...]:
        return tuple(i for i in self.items if i.indicator == indicator)

    def indicators_of(self, tool: str) -> tuple[Indicator, ...]:
        return tuple(i for i in self.indicators if i.tool == tool)

    def sub_indicators_of(self, indicator: int) -> tuple[SubIndicator, ...]:
        return tuple(s for s in self.sub_indicators if s.indicator == indicator)

    def items_of_sub(self, sub_code: str) -> tuple[Item, ...]:
        return tuple(i for i in self.items if i.sub_indicator == sub_code)

    def tool_weight(self, code: str) -> float:
        """Weight of a tool in the total: the sum of its parts where it has parts."""
        tool = self.tool(code)
        return sum(p.weight for p in tool.parts) if tool.parts else tool.weight

    def find_indicator(self, name: str) -> Indicator | None:
        """The indicator whose name or alias matches ``name`` (spaces ignored)."""
        wanted = _squash(name)
        for ind in self.indicators:
            if wanted in {_squash(n) for n in (ind.name, *ind.aliases)}:
                return ind
        return None


def _squash(text: str) -> str:
    # Documents break Thai names with stray spaces ("การปรับปรุง ระบบการทำงาน").
    return re.sub(r"\s+", "", text)


def criteria_from_dict(data: dict) -> Criteria:
    """Build a catalog from the JSON form used in resources/forms/criteria_YYYY.json."""
    tools = tuple(
        Tool(
            code=t["code"],
            name=t["name"],
            weight=float(t["weight"]),
            parts=tuple(ToolPart(p["code"], p["name"], float(p["weight"])) for p in t.get("parts", ())),
        )
        for t in data["tools"]
    )
    indicators = tuple(
        Indicator(int(i["number"]), i["name"], i["tool"], tuple(i.get("aliases", ())))
        for i in data["indicators"]
    )
    subs = tuple(
        SubIndicator(s["code"], s["name"], int(s["indicator"])) for s in data.get("sub_indicators", ())
    )
    items = tuple(
        Item(
            code=i["code"],
            text=i.get("text", ""),
            indicator=int(i["indicator"]),
            sub_indicator=i.get("sub_indicator"),
            text_known=bool(i.get("text_known", True)),
            topic=i.get("topic", ""),
        )
        for i in data.get("items", ())
    )
    return Criteria(
        year=int(data["year"]),
        tools=tools,
        indicators=indicators,
        sub_indicators=subs,
        items=items,
        pass_line=float(data.get("pass_line", DEFAULT_PASS_LINE)),
        note=data.get("note", ""),
        level_rules=level_rules_from_dict(data.get("level_rules")),
    )


def criteria_to_dict(c: Criteria) -> dict:
    """Inverse of :func:`criteria_from_dict`."""
    return {
        "year": c.year,
        "pass_line": c.pass_line,
        "note": c.note,
        "level_rules": level_rules_to_dict(c.level_rules),
        "tools": [
            {
                "code": t.code,
                "name": t.name,
                "weight": t.weight,
                **({"parts": [{"code": p.code, "name": p.name, "weight": p.weight} for p in t.parts]} if t.parts else {}),
            }
            for t in c.tools
        ],
        "indicators": [
            {"number": i.number, "name": i.name, "tool": i.tool, **({"aliases": list(i.aliases)} if i.aliases else {})}
            for i in c.indicators
        ],
        "sub_indicators": [{"code": s.code, "name": s.name, "indicator": s.indicator} for s in c.sub_indicators],
        "items": [
            {
                "code": i.code,
                "text": i.text,
                "indicator": i.indicator,
                **({"sub_indicator": i.sub_indicator} if i.sub_indicator else {}),
                **({} if i.text_known else {"text_known": False}),
                **({"topic": i.topic} if i.topic else {}),
            }
            for i in c.items
        ],
    }


def load_criteria_file(path: Path) -> Criteria:
    """Read one catalog file (UTF-8 JSON in the :func:`criteria_from_dict` shape)."""
    return criteria_from_dict(json.loads(Path(path).read_text(encoding="utf-8")))


def available_years(directory: Path | None = None) -> tuple[int, ...]:
    """Fiscal years (BE) with a bundled catalog file, ascending."""
    folder = Path(directory) if directory is not None else _forms_dir()
    years = []
    for path in folder.glob(CRITERIA_FILE_PATTERN.format(year="*")):
        stem = path.stem.removeprefix("criteria_")
        if stem.isdigit():
            years.append(int(stem))
    return tuple(sorted(years))


def load_criteria_year(year: int, directory: Path | None = None) -> Criteria:
    """The bundled catalog of fiscal year ``year`` (BE); FileNotFoundError if there is none."""
    folder = Path(directory) if directory is not None else _forms_dir()
    return load_criteria_file(folder / CRITERIA_FILE_PATTERN.format(year=year))


def _forms_dir() -> Path:
    # Imported late: paths pulls in platformdirs, which core callers may not need.
    from ita_desktop.paths import forms_dir

    return forms_dir()


def validate_criteria(c: Criteria) -> list[str]:
    """Problems in a catalog (e.g. one a clerk edited), as Thai messages; empty when sound."""
    return [
        *_check_weights(c),
        *_check_indicators(c),
        *_check_sub_indicators(c),
        *_check_items(c),
    ]


def _check_weights(c: Criteria) -> list[str]:
    problems = []
    for tool in c.tools:
        if tool.parts and abs(sum(p.weight for p in tool.parts) - tool.weight) > 1e-9:
            problems.append(f"น้ำหนักส่วนย่อยของ {tool.code} รวมกันไม่เท่ากับน้ำหนักของแบบวัด")
    total = sum(c.tool_weight(t.code) for t in c.tools)
    if abs(total - 100) > 1e-9:
        problems.append(f"น้ำหนักแบบวัดรวมกันได้ {total:g} ไม่เท่ากับ 100")
    return problems


def _check_indicators(c: Criteria) -> list[str]:
    tools = {t.code for t in c.tools}
    numbers = [i.number for i in c.indicators]
    problems = [f"ตัวชี้วัดที่ {n} ซ้ำกัน" for n in sorted({n for n in numbers if numbers.count(n) > 1})]
    problems += [f"ตัวชี้วัดที่ {i.number} อ้างถึงแบบวัด {i.tool} ที่ไม่มี" for i in c.indicators if i.tool not in tools]
    return problems


def _check_sub_indicators(c: Criteria) -> list[str]:
    numbers = {i.number for i in c.indicators}
    codes = [s.code for s in c.sub_indicators]
    problems = [f"ตัวชี้วัดย่อย {code} ซ้ำกัน" for code in sorted({x for x in codes if codes.count(x) > 1})]
    problems += [
        f"ตัวชี้วัดย่อย {s.code} อ้างถึงตัวชี้วัดที่ {s.indicator} ที่ไม่มี" for s in c.sub_indicators if s.indicator not in numbers
    ]
    return problems


def _check_items(c: Criteria) -> list[str]:
    indicators = {i.number: i for i in c.indicators}
    subs = {s.code: s for s in c.sub_indicators}
    codes = [i.code for i in c.items]
    problems = [f"ข้อคำถาม {code} ซ้ำกัน" for code in sorted({x for x in codes if codes.count(x) > 1})]
    for item in c.items:
        problems += _check_item(item, indicators, subs)
    return problems


def _check_item(item: Item, indicators: dict, subs: dict) -> list[str]:
    if not _CANONICAL_CODE.match(item.code):
        return [f"รหัสข้อคำถาม {item.code!r} ต้องเป็นอักษรตัวเล็ก i/e/o ตามด้วยเลขอารบิก"]
    indicator = indicators.get(item.indicator)
    if indicator is None:
        return [f"ข้อ {item.code} อ้างถึงตัวชี้วัดที่ {item.indicator} ที่ไม่มี"]
    problems = []
    if _TOOL_OF_LETTER[item.code[0]] != indicator.tool:
        problems.append(f"ข้อ {item.code} อยู่ในตัวชี้วัดที่ {indicator.number} ซึ่งเป็นของแบบวัด {indicator.tool}")
    if item.sub_indicator is not None:
        sub = subs.get(item.sub_indicator)
        if sub is None or sub.indicator != item.indicator:
            problems.append(f"ข้อ {item.code} อ้างถึงตัวชี้วัดย่อย {item.sub_indicator} ที่ไม่ตรงกับตัวชี้วัด")
    elif subs and any(s.indicator == item.indicator for s in subs.values()):
        problems.append(f"ข้อ {item.code} ไม่ได้ระบุตัวชี้วัดย่อย")
    return problems


# The letter of an item code names its tool; codes are lower-case by the catalog rule.
_TOOL_OF_LETTER = {"i": "IIT", "e": "EIT", "o": "OIT"}
