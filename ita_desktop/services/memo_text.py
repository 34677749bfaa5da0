"""The memo body as one editable plain text, and back.

The clerk edits the body sections (เรื่องเดิม, ข้อเท็จจริง, ...) in a single text box::

    [เรื่องเดิม]
    first paragraph

    second paragraph

    [ข้อกฎหมาย]
    - first bullet
    - second bullet

A line ``[heading]`` starts a section; paragraphs are separated by blank lines (the lines
of one paragraph are joined with a space); lines starting with ``- `` are bullets. A
section whose items are all bullets prints as a bullet list, otherwise every item prints
as an indented paragraph (a stray ``- `` is then kept as typed). Text before the first
heading forms a section without a heading. Pure functions: no Qt, no database.
"""

from __future__ import annotations

import re

from ita_desktop.documents.memo import MemoSection

BULLET = "- "
_HEADING = re.compile(r"^\[(.*)\]$")


def sections_to_text(sections: tuple[MemoSection, ...] | list[MemoSection]) -> str:
    """The editable text of ``sections`` (see the module docstring for the form)."""
    blocks = []
    for index, section in enumerate(sections):
        lines = [] if index == 0 and not section.heading else [f"[{section.heading}]"]
        items = [_one_line(p) for p in section.paragraphs]
        if section.bullets:
            lines += [BULLET + item for item in items]
        elif items:
            lines.append("\n\n".join(items))
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + ("\n" if blocks else "")


def text_to_sections(text: str) -> tuple[MemoSection, ...]:
    """Sections read back from the editable text; empty leading content is dropped."""
    sections: list[MemoSection] = []
    heading: str | None = None
    body: list[str] = []
    for line in text.splitlines():
        match = _HEADING.match(line.strip())
        if match:
            _close_section(sections, heading, body)
            heading, body = match.group(1).strip(), []
        else:
            body.append(line)
    _close_section(sections, heading, body)
    return tuple(sections)


def _close_section(sections: list[MemoSection], heading: str | None, body: list[str]) -> None:
    items = _items(body)
    if heading is None and not items:
        return
    bullets = bool(items) and all(kind == "bullet" for kind, _ in items)
    paragraphs = [text if bullets or kind == "paragraph" else BULLET + text for kind, text in items]
    sections.append(MemoSection(heading or "", paragraphs, bullets))


def _items(lines: list[str]) -> list[tuple[str, str]]:
    """(kind, text) pairs: a bullet per ``- `` line, a paragraph per block of other lines."""
    items: list[tuple[str, list[str]]] = []
    open_item = False
    for raw in lines:
        line = raw.strip()
        if not line:
            open_item = False
        elif _is_bullet(line):
            items.append(("bullet", [line[1:].strip()]))
            open_item = True
        elif open_item:
            items[-1][1].append(line)
        else:
            items.append(("paragraph", [line]))
            open_item = True
    return [(kind, " ".join(part for part in parts if part)) for kind, parts in items
            if any(parts)]


def _is_bullet(line: str) -> bool:
    return line == BULLET.strip() or line.startswith(BULLET)


def _one_line(paragraph: str) -> str:
    """A paragraph on one line (a line break inside it would split it on the way back)."""
    return " ".join(part.strip() for part in paragraph.splitlines() if part.strip())
