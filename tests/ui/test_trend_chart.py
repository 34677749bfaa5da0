"""The trend chart's value labels: never on top of each other, a point, the year row or the edge.

Each label that is drawn prints its own point's value next to that point; with room to spare every
labelled point gets its label. Run with the default font and with the bundled Thai UI font.
"""

from __future__ import annotations

import itertools

import pytest
from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QFont, QFontMetricsF

from ita_desktop.ui import fonts
from ita_desktop.ui.widgets.charts import (
    LABEL_GAP,
    MARKER_RADIUS,
    Series,
    TrendChart,
    ValueLabel,
    place_value_labels,
)

YEARS = [2564, 2565, 2566, 2567, 2568]
# Close together (82.11 and 82.50 in 2564), near 100 in 2567 and near the bottom in 2568.
TOTAL = {2564: 82.11, 2565: 88.40, 2566: 95.20, 2567: 99.60, 2568: 62.30}
IIT = {2564: 82.50, 2565: 90.10, 2566: 96.00, 2567: 99.90, 2568: 58.10}
EIT = {2564: 79.30, 2565: 86.20, 2566: 94.80, 2567: 98.70, 2568: 61.90}
OIT = {2564: 84.00, 2565: 88.00, 2566: 93.00, 2567: 100.00, 2568: 70.00}
TARGET = {2564: 85.00, 2565: 88.00, 2566: 90.00, 2567: 92.00, 2568: 95.00}
DRAWN_POINT_RADIUS = 3.5 + 0.75  # the ellipse and half its outline


def crowded_series(all_labelled: bool, years=YEARS) -> list[Series]:
    def only(values):
        return {y: v for y, v in values.items() if y in years}

    return [
        Series("คะแนนรวม", QColor("#1f3c88"), only(TOTAL), width=3.0, labelled=True),
        Series("IIT", QColor("#2a9d8f"), only(IIT), width=1.6, labelled=all_labelled),
        Series("EIT", QColor("#8e44ad"), only(EIT), width=1.6, labelled=all_labelled),
        Series("OIT", QColor("#e76f51"), only(OIT), width=1.6, labelled=all_labelled),
        Series("เป้าหมายตามแผน", QColor("#555555"), only(TARGET), dashed=True, labelled=all_labelled),
    ]


@pytest.fixture(params=["default font", "Thai UI font"])
def font(request, qapp) -> QFont:
    if request.param == "default font":
        return QFont(qapp.font())
    family = fonts.register_fonts()
    if not family:
        pytest.skip("the bundled Thai font is not available")
    return QFont(family, fonts.UI_POINT_SIZE)


def make_chart(qtbot, font: QFont, years, series, width: int, height: int = 320) -> TrendChart:
    chart = TrendChart()
    qtbot.addWidget(chart)
    chart.setFont(font)
    chart.set_data(years, series)
    chart.resize(width, height)
    return chart


def point_of(chart: TrendChart, series: Series, year: int) -> QPointF:
    """Where the chart puts ``series``' point of ``year``, worked out from its axes."""
    area = chart.plot_rect()
    low, high = chart.value_range()
    return QPointF(chart.x_of(area, year), chart.y_of(area, series.values[year], low, high))


def label_problems(chart: TrendChart, rects: list[QRectF]) -> list[str]:
    """Every way the label ``rects`` break the rules: overlaps, off the plot, over a point or the years."""
    area, widget = chart.plot_rect(), QRectF(chart.rect())
    year_boxes = [rect for _, rect in chart.year_label_rects()]
    year_row = QRectF(0, area.bottom(), chart.width(), max(r.bottom() for r in year_boxes) - area.bottom())
    legend = [rect for *_, rect in chart.legend_rects()]
    points = [point_of(chart, s, y) for s in chart.series for y in s.values if y in chart.years]
    r = DRAWN_POINT_RADIUS
    dots = [QRectF(p.x() - r, p.y() - r, 2 * r, 2 * r) for p in points]
    problems = []
    for a, b in itertools.combinations(rects, 2):
        if a.intersects(b):
            problems.append(f"labels overlap: {a} {b}")
    for rect in rects:
        if not widget.contains(rect):
            problems.append(f"label leaves the widget: {rect}")
        if not area.contains(rect):
            problems.append(f"label leaves the plot area: {rect}")
        if rect.intersects(year_row) or any(rect.intersects(y) for y in year_boxes):
            problems.append(f"label on the year row: {rect}")
        if any(rect.intersects(box) for box in legend):
            problems.append(f"label on the legend: {rect}")
        if any(rect.intersects(dot) for dot in dots):
            problems.append(f"label on a point: {rect}")
    return problems


def placed(labels: list[ValueLabel]) -> list[ValueLabel]:
    return [label for label in labels if label.rect is not None]


@pytest.mark.parametrize("width", [600, 380])
@pytest.mark.parametrize("years", [YEARS, [2564, 2565, 2566], [2568]], ids=["5 years", "3 years", "1 year"])
@pytest.mark.parametrize("all_labelled", [False, True], ids=["total labelled", "all labelled"])
def test_crowded_labels_never_overlap_and_stay_in_the_plot(qtbot, font, width, years, all_labelled):
    chart = make_chart(qtbot, font, years, crowded_series(all_labelled, years), width)
    labels = chart.value_labels()
    assert len(labels) == (5 if all_labelled else 1) * len(years)
    shown = placed(labels)
    assert shown, "crowded data still gets labels"
    assert label_problems(chart, [label.rect for label in shown]) == []
    if not all_labelled:  # the total alone always finds a spot, sliding along the plot's edge near 100
        assert len(shown) == len(labels)


def test_each_drawn_label_prints_its_own_points_value_beside_it(qtbot, font, monkeypatch):
    chart = make_chart(qtbot, font, YEARS, crowded_series(True), 600)
    drawn = []
    original = TrendChart._draw_value_label

    def record(self, painter, label):
        drawn.append(label)
        original(self, painter, label)

    monkeypatch.setattr(TrendChart, "_draw_value_label", record)
    assert not chart.grab().isNull()
    expected = placed(chart.value_labels())
    assert len(expected) >= 10
    assert [(d.series.name, d.year, d.text, d.rect) for d in drawn] == \
        [(e.series.name, e.year, e.text, e.rect) for e in expected]
    reach = MARKER_RADIUS + LABEL_GAP + 0.5
    for label in drawn:
        assert label.text == f"{label.series.values[label.year]:.2f}"
        point = point_of(chart, label.series, label.year)
        assert label.anchor == point
        assert not label.rect.contains(point)
        assert label.rect.adjusted(-reach, -reach, reach, reach).contains(point), "the label sits by its point"


@pytest.mark.parametrize("width", [600, 380])
def test_well_separated_points_all_get_their_labels(qtbot, font, width):
    series = [
        Series("คะแนนรวม", QColor("#1f3c88"), {2566: 62.0, 2567: 71.5, 2568: 80.25}, width=3.0, labelled=True),
        Series("เป้าหมายตามแผน", QColor("#555555"), {2566: 95.0, 2567: 95.0, 2568: 95.0}, dashed=True),
    ]
    chart = make_chart(qtbot, font, [2566, 2567, 2568], series, width)
    labels = chart.value_labels()
    assert [(label.year, label.text) for label in labels] == [(2566, "62.00"), (2567, "71.50"), (2568, "80.25")]
    assert all(label.rect is not None for label in labels)
    assert label_problems(chart, [label.rect for label in labels]) == []


def test_the_checks_catch_the_old_placement_under_every_point(qtbot, font):
    """The old chart printed each value in a 60x18 box 4 px under its point whatever was there."""
    chart = make_chart(qtbot, font, YEARS, crowded_series(True), 380)
    old = [QRectF(label.anchor.x() - 30, label.anchor.y() + 4, 60, 18) for label in chart.value_labels()]
    problems = label_problems(chart, old)
    assert any("labels overlap" in p for p in problems)
    assert any("label on a point" in p for p in problems)


def test_place_value_labels_rules_on_plain_rects(qapp):
    metrics = QFontMetricsF(QFont(qapp.font()))
    bounds = QRectF(0, 0, 300, 200)
    same = QPointF(150, 100)
    spots = place_value_labels([(same, f"{n}.00") for n in range(10, 16)], metrics, bounds, markers=[same])
    rects = [s.rect for s in spots if s.rect is not None]
    # Below, above, right and left of one point; the rest are left out rather than stacked.
    assert [s.rect is not None for s in spots] == [True, True, True, True, False, False]
    assert rects[0].top() > same.y() and rects[1].bottom() < same.y()
    assert rects[2].left() > same.x() and rects[3].right() < same.x()
    assert not any(a.intersects(b) for a, b in itertools.combinations(rects, 2))
    # Near a corner the label slides along the edge or is left out; it never leaves the bounds.
    for corner in (QPointF(1, 1), QPointF(299, 199), QPointF(299, 1), QPointF(1, 199)):
        (spot,) = place_value_labels([(corner, "100.00")], metrics, bounds)
        assert spot.rect is None or bounds.contains(spot.rect)
    # A line through the spot below sends the label above; the text is the one asked for.
    (spot,) = place_value_labels([(same, "82.11")], metrics, bounds,
                                 lines=[[QPointF(0, 115), QPointF(300, 115)]])
    assert spot.text == "82.11" and spot.rect.bottom() < same.y() and not spot.crosses_line
    # Lines everywhere around: the label still goes below, drawn on a white backing.
    box = [[QPointF(0, y), QPointF(300, y)] for y in range(0, 200, 4)]
    (spot,) = place_value_labels([(same, "82.11")], metrics, bounds, lines=box)
    assert spot.crosses_line and spot.rect.top() > same.y()


@pytest.mark.parametrize("size", [(600, 320), (380, 320), (320, 240)])
def test_legend_and_years_fit_the_widget_with_thai_names_uncut(qtbot, font, size):
    series = crowded_series(False) + [Series("ผลสูงสุดของจังหวัด", QColor("#999999"), {2568: 97.0})]
    chart = make_chart(qtbot, font, YEARS, series, *size)
    widget = QRectF(chart.rect())
    metrics = chart.label_metrics()
    legend = chart.legend_rects()
    assert [name for _, name, _ in legend] == [s.name for s in series]
    for _, name, rect in legend:
        assert widget.contains(rect)
        assert rect.height() >= metrics.height(), "the full line height, so Thai marks above and below show"
        assert rect.width() - 24 >= metrics.horizontalAdvance(name)
    assert not any(a.intersects(b) for (_, _, a), (_, _, b) in itertools.combinations(legend, 2))
    years = [rect for _, rect in chart.year_label_rects()]
    assert all(widget.contains(rect) and rect.top() > chart.plot_rect().bottom() for rect in years)
    assert max(r.bottom() for r in years) <= min(r.top() for r in [rect for *_, rect in legend])
    assert not chart.grab().isNull()
