"""Bar charts drawn by the server as SVG: one bar a year, dashed lines for the plan's targets."""

from dataclasses import dataclass

WIDTH, HEIGHT = 480, 220
LEFT, RIGHT, TOP, BOTTOM = 44, 12, 16, 28


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    value: object


@dataclass
class TargetLine:
    y: float
    label: str
    value: object


def bar_chart(values_by_year, targets):
    """Geometry for `values_by_year` ({year: number or None}) against `targets` ({year: number})."""
    numbers = [value for value in values_by_year.values() if isinstance(value, int | float)]
    top = max(numbers + list(targets.values()) + [1]) * 1.15
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_width / max(len(values_by_year), 1)

    def y_of(value):
        return TOP + plot_height * (1 - value / top)

    bars = []
    for index, (year, value) in enumerate(values_by_year.items()):
        height = plot_height * (value or 0) / top if isinstance(value, int | float) else 0
        bars.append(
            Bar(
                x=round(LEFT + index * slot + slot * 0.2, 1),
                y=round(TOP + plot_height - height, 1),
                width=round(slot * 0.6, 1),
                height=round(height, 1),
                label=str(year),
                value=value,
            )
        )
    lines = [
        TargetLine(y=round(y_of(value), 1), label=str(year), value=value)
        for year, value in targets.items()
    ]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "baseline": TOP + plot_height,
        "bars": bars,
        "targets": lines,
    }
