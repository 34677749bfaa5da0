"""Windows sized for the screen they open on: the usual office PC has 1366x768 pixels."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

# Room the window manager takes around a window (title bar, borders), which Qt's size excludes.
FRAME_WIDTH = 16
FRAME_HEIGHT = 40


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize ``window`` to ``width`` x ``height``, or less so that it, with its frame, fits the screen."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(width, height)
        return
    room = screen.availableGeometry()
    window.resize(min(width, room.width() - FRAME_WIDTH), min(height, room.height() - FRAME_HEIGHT))
