"""Bringing the window that holds a data folder forward when a second start is refused."""

from __future__ import annotations

import hashlib
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtNetwork import QLocalServer, QLocalSocket


def server_name(data_dir: Path) -> str:
    """A local socket name per data folder (a named pipe on Windows, a socket file elsewhere)."""
    digest = hashlib.sha256(str(Path(data_dir).resolve()).encode("utf-8")).hexdigest()[:16]
    return f"ita-desktop-{digest}"


def ask_to_raise(data_dir: Path, timeout_ms: int = 500) -> bool:
    """Ask the window that holds ``data_dir`` to come forward; False when none answers."""
    socket = QLocalSocket()
    socket.connectToServer(server_name(data_dir))
    if not socket.waitForConnected(timeout_ms):
        return False
    socket.write(b"raise\n")
    socket.waitForBytesWritten(timeout_ms)
    socket.disconnectFromServer()
    return True


def listen(data_dir: Path, window) -> QLocalServer:
    """Raise ``window`` whenever a second start asks for it."""
    server = QLocalServer(window)
    name = server_name(data_dir)
    QLocalServer.removeServer(name)  # a socket file left by a window that died
    server.listen(name)

    def _raise() -> None:
        conn = server.nextPendingConnection()
        if conn is not None:
            conn.disconnected.connect(conn.deleteLater)
        window.setWindowState((window.windowState() & ~Qt.WindowMinimized) | Qt.WindowActive)
        window.show()
        window.raise_()
        window.activateWindow()

    server.newConnection.connect(_raise)
    return server
