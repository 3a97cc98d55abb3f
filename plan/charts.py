"""Bar charts drawn by the server as SVG: one bar a year with its value, a scale on the left and
dashed lines for the plan's targets."""

import math
from dataclasses import dataclass

from django.utils.formats import number_format

WIDTH, HEIGHT = 480, 240
LEFT, RIGHT, TOP, BOTTOM = 48, 96, 20, 28


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    label: str
    value: object
    centre: float = 0
    value_label: str = ""


@dataclass
class TargetLine:
    y: float
    label: str
    value: object


@dataclass
class Tick:
    y: float
    label: str


def nice_step(top, ticks=4):
    """A round step (1, 2 or 5 times a power of ten) cutting 0…top into about `ticks` parts."""
    raw = top / ticks
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if raw <= factor * power:
            return factor * power
    return 10 * power


def _number(value, suffix):
    digits = 0 if float(value).is_integer() else 1
    return f"{number_format(value, digits, use_l10n=True, force_grouping=True)}{suffix}"


def bar_chart(values_by_year, targets, unit="count"):
    """Geometry for `values_by_year` ({year: number or None}) against `targets` ({year: number})."""
    suffix = " %" if unit == "percent" else ""
    numbers = [value for value in values_by_year.values() if isinstance(value, int | float)]
    highest = max(numbers + list(targets.values()) + [1])
    if unit == "percent" and highest <= 100:
        step, top = 20, 100  # a share is read against the whole
    else:
        step = nice_step(highest * 1.1)
        top = step * math.ceil(highest * 1.1 / step)
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_width / max(len(values_by_year), 1)

    def y_of(value):
        return round(TOP + plot_height * (1 - value / top), 1)

    ticks = [
        Tick(y=y_of(step * index), label=_number(step * index, suffix))
        for index in range(int(round(top / step)) + 1)
    ]
    bars = []
    for index, (year, value) in enumerate(values_by_year.items()):
        known = isinstance(value, int | float)
        height = plot_height * value / top if known else 0
        x = LEFT + index * slot + slot * 0.2
        bars.append(
            Bar(
                x=round(x, 1),
                y=round(TOP + plot_height - height, 1),
                width=round(slot * 0.6, 1),
                height=round(height, 1),
                label=str(year),
                value=value,
                centre=round(x + slot * 0.3, 1),
                value_label=_number(value, suffix) if known else "—",
            )
        )
    lines = [
        TargetLine(y=y_of(value), label=str(year), value=_number(value, suffix))
        for year, value in targets.items()
    ]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "baseline": TOP + plot_height,
        "top": TOP,
        "bars": bars,
        "targets": lines,
        "ticks": ticks,
    }
