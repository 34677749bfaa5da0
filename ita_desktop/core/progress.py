"""How far long work has come, as a fraction, and how it is stopped; no Qt.

Long work (a document, a backup, a workbook) takes an optional ``progress`` callable and calls
it with the fraction done, ``0.0`` .. ``1.0``, after each page, row, section or file. Stopping is
the callable's business: when the clerk pressed ยกเลิก it raises (``ita_desktop.ui.tasks.Cancelled``
in the program), and the work lets the exception pass after removing what it half wrote.

Code that builds a document through layers that do not pass ``progress`` on (a tab's builder
calling a service calling a writer) may set the progress for the current thread instead:
``with reporting(progress): build(...)``; the document engines use :func:`current` when they
were given no ``progress`` of their own.

Files are written with :func:`atomic_target`: under a temporary name beside the target, renamed
over it only when complete, so stopped or failed work leaves no file and an earlier file of that
name unchanged.
"""

from __future__ import annotations

import os
import uuid
from contextlib import contextmanager
from contextvars import ContextVar
from pathlib import Path
from typing import Any, Callable, Iterator

Progress = Callable[[float], None]

_current: ContextVar[Progress | None] = ContextVar("ita_progress", default=None)


def _ignore(fraction: float) -> None:
    return None


def current() -> Progress | None:
    """The progress set for this thread by :func:`reporting`, if any."""
    return _current.get()


@contextmanager
def reporting(progress: Progress | None) -> Iterator[None]:
    """Make ``progress`` the one document engines report to on this thread inside the block."""
    token = _current.set(progress)
    try:
        yield
    finally:
        _current.reset(token)


def resolve(progress: Progress | None) -> Progress:
    """``progress``, else the thread's :func:`current` one, else one that ignores every report."""
    return progress or current() or _ignore


def part(progress: Progress | None, start: float, end: float) -> Progress:
    """A progress for one stage of the work: its 0..1 becomes ``start``..``end`` of ``progress``."""
    report = resolve(progress)
    return lambda fraction: report(start + (end - start) * min(max(fraction, 0.0), 1.0))


def monotonic(progress: Progress | None) -> Progress:
    """Reports only fractions above the last one reported (estimates may step back)."""
    report = resolve(progress)
    seen = [-1.0]

    def forward(fraction: float) -> None:
        fraction = min(max(fraction, 0.0), 1.0)
        if fraction > seen[0]:
            seen[0] = fraction
            report(fraction)

    return forward


class Counter:
    """``total`` steps of work; :meth:`step` reports done/total."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        self.report = resolve(progress)
        self.total = max(int(total), 1)
        self.done = 0

    def step(self, count: int = 1) -> None:
        self.done = min(self.done + count, self.total)
        self.report(self.done / self.total)


def in_percent(report: Callable[[int, str], None], text: str = "") -> Progress:
    """A fraction progress that calls ``report(percent, text)`` each time the whole percent grows.

    ``report`` is a background task's progress (it raises once the task was cancelled); calling
    it only when the figure shown changes keeps the signals few on long row loops.
    """
    shown = [-1]

    def fraction_done(fraction: float) -> None:
        percent = int(min(max(fraction, 0.0), 1.0) * 100)
        if percent > shown[0]:
            shown[0] = percent
            report(percent, text)

    return fraction_done


@contextmanager
def atomic_target(path: str | os.PathLike) -> Iterator[Path]:
    """Yield a temporary path beside ``path`` (same suffix) that becomes ``path`` on success.

    On any exception (ยกเลิก, a full disk, a bug) the temporary file is removed and a file that
    already had the name is left as it was.
    """
    target = Path(path)
    tmp = target.with_name(f".{target.stem}.part-{uuid.uuid4().hex[:8]}{target.suffix}")
    try:
        yield tmp
        os.replace(tmp, target)
    finally:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass


def write_atomically(write: Callable[[Path], Any], path: str | os.PathLike, progress: Progress) -> Any:
    """``write(temporary path)`` with ``progress`` set for the thread, renamed to ``path`` when complete;
    returns what ``write`` returned.

    A write error names the clerk's file, not the temporary one."""
    temporary = ""
    try:
        with atomic_target(path) as tmp, reporting(progress):
            temporary = tmp.name
            result = write(tmp)
            progress(1.0)
    except OSError as exc:
        if exc.filename and temporary and Path(exc.filename).name == temporary:
            raise OSError(exc.errno, exc.strerror, str(path)) from exc
        raise
    return result
