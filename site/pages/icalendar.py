"""One event as an RFC 5545 calendar (.ics): a workshop session or a festival, to add to a phone."""

import datetime

from django.utils import timezone


def _escape(text):
    return (
        str(text)
        .replace("\\", "\\\\")
        .replace(";", "\\;")
        .replace(",", "\\,")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
    )


def _fold(line):
    """Split a content line into pieces of at most 75 octets, never inside a UTF-8 character."""
    data = line.encode()
    pieces, limit = [], 75
    while len(data) > limit:
        cut = limit
        while (data[cut] & 0xC0) == 0x80:  # a continuation byte: step back to the start
            cut -= 1
        pieces.append(data[:cut])
        data = data[cut:]
        limit = 74  # later lines begin with a space
    pieces.append(data)
    return b"\r\n ".join(pieces).decode()


def _utc(moment):
    return moment.astimezone(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")


def _when(name, value, last_day=False):
    if isinstance(value, datetime.datetime):
        return f"{name}:{_utc(value)}"
    if last_day:  # an all-day event ends the day after its last day
        value += datetime.timedelta(days=1)
    return f"{name};VALUE=DATE:{value:%Y%m%d}"


def one_event(*, product, uid, starts, ends, title, place, description, url, position=None):
    """The calendar text of one VEVENT, lines folded and ending in CRLF. `starts` and `ends` are
    aware datetimes, or dates (the first and last day) for an all-day event; `position` is
    (latitude, longitude) or None."""
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//Lang nghe Lang Son//{product}//VI",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:{uid}",
        f"DTSTAMP:{_utc(timezone.now())}",
        _when("DTSTART", starts),
        _when("DTEND", ends, last_day=True),
        f"SUMMARY:{_escape(title)}",
        f"LOCATION:{_escape(place)}",
    ]
    if position:
        lines.append(f"GEO:{float(position[0]):.6f};{float(position[1]):.6f}")
    lines += [f"DESCRIPTION:{_escape(description)}", f"URL:{url}", "END:VEVENT", "END:VCALENDAR"]
    return "".join(_fold(line) + "\r\n" for line in lines)


def calendar_host(request):
    """The host part of events' UIDs."""
    return request.get_host().split(":")[0] or "langnghe"
