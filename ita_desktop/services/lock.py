"""One window per data folder: a lock file holding the process id and host.

The lock is an operating-system lock on ``ita-desktop.lock`` held for the life of the window
(fcntl on POSIX, msvcrt on Windows), so a window that dies (power cut, kill) leaves no lock
behind: the next start takes the file over. The file also says who holds it, for the Thai
message of a second start. ``ita-cli`` does not take the lock: commands may run beside a window.
"""

from __future__ import annotations

import json
import os
import socket
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .errors import UserError

LOCK_NAME = "ita-desktop.lock"
LOCK_OFFSET = 1 << 20  # Windows locks a byte range; the holder text stays readable


class AlreadyOpenError(UserError):
    """The data folder is open in another window."""

    def __init__(self, message: str, holder: dict):
        super().__init__(message)
        self.holder = holder


def _try_lock(fd: int) -> bool:
    if os.name == "nt":
        import msvcrt

        try:
            os.lseek(fd, LOCK_OFFSET, os.SEEK_SET)  # beyond the text, which others still read
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False
    except OSError:  # a file system without locks: fall back to the process id check
        return None  # type: ignore[return-value]


def _unlock(fd: int) -> None:
    try:
        if os.name == "nt":
            import msvcrt

            os.lseek(fd, LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_UN)
    except OSError:
        pass


def pid_alive(pid: int) -> bool:
    if pid <= 0:
        return False
    if os.name == "nt":
        import ctypes

        handle = ctypes.windll.kernel32.OpenProcess(0x1000, False, pid)  # type: ignore[attr-defined]
        if not handle:
            return False
        ctypes.windll.kernel32.CloseHandle(handle)  # type: ignore[attr-defined]
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def read_holder(data_dir: Path) -> dict:
    try:
        return json.loads((Path(data_dir) / LOCK_NAME).read_text(encoding="utf-8") or "{}")
    except (OSError, ValueError):
        return {}


def _message(data_dir: Path, holder: dict) -> str:
    host = holder.get("host") or "?"
    where = "เครื่องนี้" if host == socket.gethostname() else f"เครื่อง {host}"
    since = holder.get("started", "")
    return (f"ITA Desktop เปิดโฟลเดอร์ข้อมูล {data_dir} อยู่แล้วใน{where} (โปรเซส {holder.get('pid', '?')}"
            f"{', ตั้งแต่ ' + since if since else ''}) ใช้หน้าต่างที่เปิดอยู่นั้น หรือปิดก่อนแล้วเปิดใหม่")


@dataclass
class FolderLock:
    path: Path
    fd: int

    def release(self) -> None:
        if self.fd < 0:
            return
        try:
            os.ftruncate(self.fd, 0)
        except OSError:
            pass
        _unlock(self.fd)
        os.close(self.fd)
        self.fd = -1


def acquire(data_dir: str | Path) -> FolderLock:
    """Take the data folder's lock, or raise :class:`AlreadyOpenError` with a Thai message."""
    from .backups import os_error

    data_dir = Path(data_dir)
    path = data_dir / LOCK_NAME
    try:
        data_dir.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise os_error(exc, data_dir) from exc
    locked = _try_lock(fd)
    holder = read_holder(data_dir)
    if locked is False:
        os.close(fd)
        raise AlreadyOpenError(_message(data_dir, holder), holder)
    if locked is None and holder and holder.get("host") == socket.gethostname() \
            and holder.get("pid") != os.getpid() and pid_alive(int(holder.get("pid", 0))):
        os.close(fd)
        raise AlreadyOpenError(_message(data_dir, holder), holder)
    me = {"pid": os.getpid(), "host": socket.gethostname(),
          "started": datetime.now().strftime("%Y-%m-%d %H:%M")}
    data = json.dumps(me).encode()
    try:
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, data)
        os.fsync(fd)
    except OSError as exc:
        _unlock(fd)
        os.close(fd)
        raise os_error(exc, data_dir) from exc
    return FolderLock(path, fd)
