"""Qt table models (QAbstractTableModel subclasses with column constants) and their filters."""
