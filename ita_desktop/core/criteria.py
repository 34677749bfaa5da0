"""The criteria catalog of one fiscal year: tools, indicators, OIT sub-indicators, items.

Codes and texts change between years, so a catalog is data (resources/forms/criteria_YYYY.json,
then the database), never hard-coded rules. These frozen dataclasses are the plain form that
services hand to core, documents and the GUI.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

DEFAULT_PASS_LINE = 85.0


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


@dataclass(frozen=True)
class Criteria:
    year: int  # Buddhist-era fiscal year
    tools: tuple[Tool, ...]
    indicators: tuple[Indicator, ...]
    sub_indicators: tuple[SubIndicator, ...] = ()
    items: tuple[Item, ...] = ()
    pass_line: float = DEFAULT_PASS_LINE
    note: str = ""
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
    )


def criteria_to_dict(c: Criteria) -> dict:
    """Inverse of :func:`criteria_from_dict`."""
    return {
        "year": c.year,
        "pass_line": c.pass_line,
        "note": c.note,
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
            }
            for i in c.items
        ],
    }


def load_criteria_file(path: Path) -> Criteria:
    return criteria_from_dict(json.loads(Path(path).read_text(encoding="utf-8")))
