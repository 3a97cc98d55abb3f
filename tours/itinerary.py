"""A tour's legs and what a visitor needs at each stop, and its route drawn as an SVG picture.

Distances an editor typed are road distances; the others are worked out from the positions and
said to be "as the crow flies". The picture is drawn here, on the server, from the stops alone:
no map tiles, so it prints and works offline.
"""

import math

from django.utils.html import escape
from django.utils.translation import gettext as _

from pages.geo import distance_km

ROAD = "road"
CROW = "crow"


def measure_legs(stops):
    """Give each stop `.leg_km` and `.leg_measure` (ROAD, CROW or None) for the leg leading to it."""
    previous = None
    for stop in stops:
        stop.leg_km, stop.leg_measure = None, None
        if previous is not None:
            if stop.travel_km is not None:
                stop.leg_km, stop.leg_measure = float(stop.travel_km), ROAD
            elif previous.point is not None and stop.point is not None:
                stop.leg_km = round(distance_km(previous.point, stop.point), 1)
                stop.leg_measure = CROW
        previous = stop
    return stops


def visit_facts(place):
    """What a visitor needs to find a place and get in: address, opening hours, contact."""
    if place is None:
        return {}
    address = (
        getattr(place, "address", "")
        or getattr(place, "commune", "")
        or getattr(place, "place", "")
    )
    contact = " · ".join(
        part
        for part in (
            getattr(place, "contact_name", ""),
            getattr(place, "contact_phone", "") or getattr(place, "phone", ""),
        )
        if part
    )
    return {
        "address": address,
        "opening_hours": getattr(place, "opening_hours", ""),
        "contact": contact,
        "phone": getattr(place, "contact_phone", "") or getattr(place, "phone", ""),
    }


WIDTH, HEIGHT, MARGIN = 640, 420, 48
LABEL_PX = 20


def _fit(text, room):
    """`text`, cut with an ellipsis where it would run off the picture (about 0.55 em a letter)."""
    letters = max(4, int(room / (LABEL_PX * 0.55)))
    return text if len(text) <= letters else text[: letters - 1].rstrip() + "…"


def route_svg(title, stops):
    """The stops, numbered, and the legs between them as an SVG document (north up)."""
    points = [(stop, stop.point) for stop in stops if stop.point is not None]
    # Outside the f-strings below, where makemessages cannot find them.
    heading = _("Route map: %(title)s") % {"title": title}
    legend = _("N ↑ · dashed: as the crow flies")
    lines = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {HEIGHT}" '
        f'width="{WIDTH}" height="{HEIGHT}" role="img" aria-labelledby="route-title">',
        f'<title id="route-title">{escape(heading)}</title>',
        f'<rect width="{WIDTH}" height="{HEIGHT}" fill="#f7f3ea"/>',
    ]
    if points:
        lats = [float(point[0]) for _stop, point in points]
        lngs = [float(point[1]) for _stop, point in points]
        # Degrees of longitude are shorter than degrees of latitude away from the equator.
        shrink = math.cos(math.radians(sum(lats) / len(lats)))
        span_x = max((max(lngs) - min(lngs)) * shrink, 1e-6)
        span_y = max(max(lats) - min(lats), 1e-6)
        scale = min((WIDTH - 2 * MARGIN) / span_x, (HEIGHT - 2 * MARGIN) / span_y)
        left = (WIDTH - span_x * scale) / 2
        top = (HEIGHT - span_y * scale) / 2

        def place(lat, lng):
            return (
                round(left + (lng - min(lngs)) * shrink * scale, 1),
                round(top + (max(lats) - lat) * scale, 1),
            )

        xy = [place(lat, lng) for lat, lng in zip(lats, lngs, strict=True)]
        for (stop, _point), start, end in zip(points[1:], xy, xy[1:], strict=False):
            dashes = ' stroke-dasharray="8 6"' if stop.leg_measure == CROW else ""
            lines.append(
                f'<line x1="{start[0]}" y1="{start[1]}" x2="{end[0]}" y2="{end[1]}" '
                f'stroke="#9a3412" stroke-width="4" stroke-linecap="round"{dashes}/>'
            )
        for number, ((stop, _point), (x, y)) in enumerate(zip(points, xy, strict=True), start=1):
            anchor = "end" if x > WIDTH / 2 else "start"
            dx = -24 if anchor == "end" else 24
            room = (x - 24 if anchor == "end" else WIDTH - x - 24) - 8
            name = _fit(stop.title, room)
            lines += [
                f'<circle cx="{x}" cy="{y}" r="17" fill="#1d3557" stroke="#fff" stroke-width="3"/>',
                f'<text x="{x}" y="{y + 6}" text-anchor="middle" font-size="18" '
                f'font-family="sans-serif" font-weight="700" fill="#fff">{number}</text>',
                f'<text x="{x + dx}" y="{y + 7}" text-anchor="{anchor}" font-size="{LABEL_PX}" '
                f'font-family="sans-serif" fill="#111" stroke="#f7f3ea" stroke-width="4" '
                f'paint-order="stroke">{escape(name)}</text>',
            ]
        lines.append(
            f'<text x="{WIDTH - 12}" y="{HEIGHT - 12}" text-anchor="end" font-size="16" '
            f'font-family="sans-serif" fill="#444">{escape(legend)}'
            "</text>"
        )
    lines.append("</svg>")
    return "\n".join(lines)
