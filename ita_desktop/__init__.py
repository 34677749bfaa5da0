"""ITA Desktop: offline ITA workbook for Thai local government offices."""

__version__ = "0.1.0"
