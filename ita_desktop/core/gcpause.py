"""Pausing Python's cyclic garbage collector over a burst of many small objects.

A national sheet (7,850 offices, 78,500 scores) or a national year's overview makes hundreds of
thousands of tuples, dicts and small objects, none of them in reference cycles (plain reference
counting frees them). The cyclic collector still walks the whole heap each time enough of them
were made: measured, a sixth of an import's time. :func:`collector_paused` switches it off for the
burst and back on after, when the last of nested or concurrent pauses ends.
"""

from __future__ import annotations

import gc
import threading
from contextlib import contextmanager
from typing import Iterator

_lock = threading.Lock()
_depth = 0
_was_enabled = True


@contextmanager
def collector_paused() -> Iterator[None]:
    global _depth, _was_enabled
    with _lock:
        if _depth == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _depth += 1
    try:
        yield
    finally:
        with _lock:
            _depth -= 1
            if _depth == 0 and _was_enabled:
                gc.enable()


_frozen = False


def freeze_long_lived() -> None:
    """Move every object alive now (modules, the window, the catalogs: kept for the program's
    life) out of the collector's sight, so that its passes over the heap stay short. Once per
    process (the program's start). The young generations are collected first (a millisecond);
    a full collection (some 40 ms on a national database, at a moment the clerk may click)
    found nothing to free at this point when measured."""
    global _frozen
    if _frozen:
        return
    _frozen = True
    gc.collect(1)
    gc.freeze()
