"""Server-drawn SVG charts of a dashboard table: the geometry only (the template draws it with
SVG presentation attributes: no script, no inline style, so the CSP holds).

Charts plot the shown figures, never raw counts: a suppressed figure is left out (a gap in a
line, nothing in a stack) and its month is marked "*", exactly as in the table beside it.
"""

import math
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import mark_safe

from dashboards.figures import TableView

WIDTH, HEIGHT = 640, 280
LEFT, RIGHT, TOP, BOTTOM = 52, 12, 16, 44
TICKS = 5
SMALLEST_TOP = 5  # with 5 ticks, axes of counts step in whole numbers


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    colour: str
    label: str


@dataclass
class Line:
    colour: str
    label: str
    segments: list[str] = field(default_factory=list)  # "x,y x,y ..." polylines
    points: list[tuple[float, float]] = field(default_factory=list)


@dataclass
class Chart:
    kind: str
    width: int
    height: int
    bars: list[Bar]
    lines: list[Line]
    y_ticks: list[tuple[float, str]]  # (y, label)
    x_labels: list[tuple[float, str]]
    marks: list[tuple[float, float]]  # where "*" is written: a month with a suppressed figure
    baseline: float
    plot_left: int = LEFT
    plot_right: int = WIDTH - RIGHT
    legend: list[tuple[str, str]] = field(default_factory=list)  # (colour, label)


def nice_ceiling(value: float) -> float:
    """The smallest 1, 2 or 5 × 10ⁿ at or above `value` (an axis that reads well)."""
    if value <= 0:
        return 1
    power = 10 ** math.floor(math.log10(value))
    return next(step * power for step in (1, 2, 5, 10) if step * power >= value)


def _axis_label(value: float) -> str:
    return f"{value:g}"


def chart_for(view: TableView) -> Chart:
    plotted = [i for i, column in enumerate(view.columns) if not column.is_total]
    months = len(view.rows)
    band = (WIDTH - LEFT - RIGHT) / max(months, 1)
    plot_height = HEIGHT - TOP - BOTTOM
    if view.chart == "bar":
        heights = [sum(row.cells[i].value or 0 for i in plotted) for row in view.rows]
    else:
        heights = [row.cells[i].value or 0 for row in view.rows for i in plotted]
    top = max(nice_ceiling(max(heights, default=0)), SMALLEST_TOP)

    def y_of(value: float) -> float:
        return round(TOP + plot_height * (1 - value / top), 1)

    baseline = y_of(0)
    chart = Chart(
        kind=view.chart,
        width=WIDTH,
        height=HEIGHT,
        bars=[],
        lines=[],
        y_ticks=[(y_of(top * i / TICKS), _axis_label(top * i / TICKS)) for i in range(TICKS + 1)],
        x_labels=[],
        marks=[],
        baseline=baseline,
        legend=[(view.columns[i].colour, view.columns[i].label) for i in plotted],
    )
    every = max(1, math.ceil(months / 12))
    for index, row in enumerate(view.rows):
        centre = round(LEFT + band * (index + 0.5), 1)
        if index % every == 0 or index == months - 1:
            chart.x_labels.append((centre, f"{row.month:%b %y}"))
        if any(row.cells[i].display == "*" for i in plotted):
            chart.marks.append((centre, TOP + 10))
    if view.chart == "bar":
        _stack(chart, view, plotted, band, y_of)
    else:
        _lines(chart, view, plotted, band, y_of)
    return chart


def _stack(chart: Chart, view: TableView, plotted: list[int], band: float, y_of) -> None:
    width = round(band * 0.7, 1)
    for index, row in enumerate(view.rows):
        x = round(LEFT + band * index + (band - width) / 2, 1)
        running = 0.0
        for i in plotted:
            value = row.cells[i].value or 0
            if not value:
                continue
            bottom, top = y_of(running), y_of(running + value)
            column = view.columns[i]
            chart.bars.append(
                Bar(
                    x,
                    top,
                    width,
                    round(bottom - top, 1),
                    column.colour,
                    f"{row.month:%B %Y}, {column.label}: {row.cells[i].display}",
                )
            )
            running += value


def _lines(chart: Chart, view: TableView, plotted: list[int], band: float, y_of) -> None:
    for i in plotted:
        column = view.columns[i]
        line = Line(column.colour, column.label)
        segment: list[str] = []
        for index, row in enumerate(view.rows):
            value = row.cells[i].value
            if value is None:
                if segment:
                    line.segments.append(" ".join(segment))
                segment = []
                continue
            point = (round(LEFT + band * (index + 0.5), 1), y_of(value))
            line.points.append(point)
            segment.append(f"{point[0]},{point[1]}")
        if segment:
            line.segments.append(" ".join(segment))
        chart.lines.append(line)


def svg(view: TableView, chart: Chart) -> str:
    """The chart as SVG markup (escaped here: labels are our own, but never trusted). Drawn in
    Python rather than with template loops, which cost more than everything else on the page."""
    key = escape(view.key)
    kind = "Stacked bar" if chart.kind == "bar" else "Line"
    place = "beside" if len(view.columns) <= 3 else "below"
    out = [
        f'<svg viewBox="0 0 {chart.width} {chart.height}" width="100%" role="img" focusable="false" '
        f'aria-labelledby="chart-{key}-title chart-{key}-desc" xmlns="http://www.w3.org/2000/svg" font-size="12">',
        f'<title id="chart-{key}-title">{kind} chart: {escape(view.title)}</title>',
        f'<desc id="chart-{key}-desc">The same figures as the table {place} it, by month. Months marked * have a '
        "suppressed figure, which is left out of the chart.</desc>",
    ]
    for y, label in chart.y_ticks:
        out.append(
            f'<line x1="{chart.plot_left}" x2="{chart.plot_right}" y1="{y}" y2="{y}" '
            'stroke="#d8dde0" stroke-width="1"/>'
            f'<text x="{chart.plot_left - 6}" y="{y}" text-anchor="end" dominant-baseline="middle" fill="#4c6272">'
            f"{escape(label)}</text>"
        )
    for bar in chart.bars:
        out.append(
            f'<rect x="{bar.x}" y="{bar.y}" width="{bar.width}" height="{bar.height}" fill="{escape(bar.colour)}">'
            f"<title>{escape(bar.label)}</title></rect>"
        )
    for line in chart.lines:
        colour = escape(line.colour)
        out.extend(
            f'<polyline points="{segment}" fill="none" stroke="{colour}" stroke-width="2.5"/>'
            for segment in line.segments
        )
        out.extend(f'<circle cx="{x}" cy="{y}" r="3" fill="{colour}"/>' for x, y in line.points)
    out.append(
        f'<line x1="{chart.plot_left}" x2="{chart.plot_right}" y1="{chart.baseline}" y2="{chart.baseline}" '
        'stroke="#4c6272" stroke-width="1"/>'
    )
    out.extend(
        f'<text x="{x}" y="{y}" text-anchor="middle" fill="#212b32" font-weight="bold">*</text>' for x, y in chart.marks
    )
    out.extend(
        f'<text x="{x}" y="{chart.height - 24}" text-anchor="middle" fill="#4c6272">{escape(label)}</text>'
        for x, label in chart.x_labels
    )
    out.append("</svg>")
    return mark_safe("".join(out))  # noqa: S308 - every interpolated text above is escaped
