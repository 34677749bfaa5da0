"""Reusable widgets: QPainter charts and the panels of the คะแนน tab."""
