"""Qt's item data roles as plain constants.

PySide6 looks an enum member such as ``Qt.DisplayRole`` up at some microseconds each time, and a
view asks its model about ten roles for every cell on every sizing and paint: a table of 100 rows
spent most of its first showing on these lookups. Models and delegates compare with these.
"""

from PySide6.QtCore import Qt

DISPLAY = Qt.DisplayRole
EDIT = Qt.EditRole
TOOLTIP = Qt.ToolTipRole
ALIGNMENT = Qt.TextAlignmentRole
BACKGROUND = Qt.BackgroundRole
FOREGROUND = Qt.ForegroundRole
FONT = Qt.FontRole
USER = Qt.UserRole
