"""A score file's cells read in a second process while ``ita-cli import`` loads the program.

``ita-cli import`` spends its first half second loading SQLAlchemy and the models on one core
of a machine that has two. :func:`start` forks a child process before that; the child opens
the file and reads every sheet's cells (:func:`reader.read_cells`) and sends them back through a
pipe; the reader takes them (:meth:`ReadAhead.cells`) instead of reading the sheets itself,
provided they were read from the same bytes. The child changes nothing and prints nothing.

Whenever this cannot help or goes wrong, the file is read in the program itself as before and
the result is the same: no ``fork`` on this system (Windows), a thread already running, a small
file, a child that fails, dies or takes longer than ``WAIT_SECONDS``.
"""

from __future__ import annotations

import logging
import os
import pickle
import select
import signal
import sys
import threading
import time
from pathlib import Path

log = logging.getLogger(__name__)

WORTH_BYTES = 256 * 1024  # smaller files are read in less time than a process takes to start
WAIT_SECONDS = 60.0


class ReadAhead:
    """The child reading one file; :meth:`cells` waits for its answer (once)."""

    def __init__(self, pid: int, fd: int):
        self._pid: int | None = pid  # None once reaped (its number may then belong to another process)
        self._fd: int | None = fd
        self._done = False
        self._cells = None

    def cells(self):
        """The child's :class:`reader.SheetCells`, or None when it could not read them."""
        if not self._done:
            self._done = True
            pid, started = self._pid, time.perf_counter()
            self._cells = self._receive()
            log.info("cells read ahead by process %d: %s after waiting %.3f s", pid,
                     "received" if self._cells is not None else "none (the file is read here)",
                     time.perf_counter() - started)
        return self._cells

    def close(self) -> None:
        """Stop and reap the child if it still runs (the import ended before it was needed, or
        Ctrl+C came while waiting for it)."""
        self._done = True
        self._stop()

    def _receive(self):
        chunks, deadline = [], time.monotonic() + WAIT_SECONDS
        try:
            while True:
                left = deadline - time.monotonic()
                if left <= 0 or not select.select([self._fd], [], [], left)[0]:
                    self._stop()  # too slow: the file is read here
                    return None
                chunk = os.read(self._fd, 1 << 20)
                if not chunk:
                    break
                chunks.append(chunk)
            self._close_pipe()
            if self._reap() != 0 or not chunks:
                return None
            return pickle.loads(b"".join(chunks))
        except Exception:  # noqa: BLE001 - an answer that cannot be read: read the file here
            self._stop()
            return None

    def _stop(self) -> None:
        if self._pid is not None:
            try:
                os.kill(self._pid, signal.SIGKILL)
            except OSError:
                pass
        self._close_pipe()
        self._reap()

    def _close_pipe(self) -> None:
        if self._fd is not None:
            try:
                os.close(self._fd)
            except OSError:
                pass
            self._fd = None

    def _reap(self) -> int | None:
        """The child's exit status, once (None when it cannot be known)."""
        if self._pid is None:
            return None
        try:
            status = os.waitpid(self._pid, 0)[1]
        except OSError:
            status = None
        self._pid = None
        return status


def start(path: str | os.PathLike, min_bytes: int = WORTH_BYTES) -> ReadAhead | None:
    """Start reading ``path``'s cells in a child process, or None where that cannot help."""
    if not hasattr(os, "fork") or threading.active_count() > 1:
        return None  # Windows; or a thread a fork would leave behind in a half state
    try:
        if Path(path).stat().st_size < min_bytes:
            return None
        read_fd, write_fd = os.pipe()
    except OSError:
        return None
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()  # nothing the parent has buffered is written twice
        except (OSError, ValueError, AttributeError):
            pass
    try:
        pid = os.fork()
    except OSError:
        os.close(read_fd)
        os.close(write_fd)
        return None
    if pid == 0:  # the child: never returns
        os.close(read_fd)
        _child(str(path), write_fd)
    os.close(write_fd)
    return ReadAhead(pid, read_fd)


def _child(path: str, fd: int) -> None:
    status = 1
    try:
        signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl+C ends it quietly with the parent
        quiet = os.open(os.devnull, os.O_WRONLY)  # what the file makes openpyxl warn, the parent says
        os.dup2(quiet, 1)
        os.dup2(quiet, 2)
        import warnings

        warnings.simplefilter("ignore")
        from ita_desktop.importers.reader import read_cells

        data = pickle.dumps(read_cells(path), protocol=pickle.HIGHEST_PROTOCOL)
        view = memoryview(data)
        while view:
            view = view[os.write(fd, view):]
        status = 0
    except BaseException:  # noqa: BLE001 - any failure: the parent reads the file itself
        pass
    finally:
        os._exit(status)
