"""The festival calendar: a month of days with the festivals on them, and a festival as an
iCalendar file. Lunar-calendar festivals fall on the solar dates EventPage.next_dates works out."""

import calendar
import datetime

from django.utils import timezone
from django.utils.dates import WEEKDAYS_ABBR

from lunar_vn import solar_to_lunar

from pages.icalendar import calendar_host, one_event


def chosen_month(value, today=None):
    """The first day of the month `value` names ("2026-12"), or of this month."""
    today = today or timezone.localdate()
    try:
        year, month = (int(part) for part in (value or "").split("-"))
        return datetime.date(year, month, 1) if 2000 <= year <= 2100 else today.replace(day=1)
    except ValueError:
        return today.replace(day=1)


def shift_month(first, months):
    index = first.year * 12 + first.month - 1 + months
    return datetime.date(index // 12, index % 12 + 1, 1)


def month_calendar(first, events):
    """Weeks (Monday first) of days for the month beginning `first`; each day in the month has
    its festivals and its lunar date. Returns (weeks, weekday names, the month's festivals)."""
    last = shift_month(first, 1) - datetime.timedelta(days=1)
    in_month = []
    for event in events:
        dates = event.next_dates(today=first)
        if dates and dates[0] <= last:
            event.month_dates = dates
            in_month.append(event)
    in_month.sort(key=lambda event: event.month_dates[0])
    weeks = []
    for week in calendar.Calendar(firstweekday=0).monthdatescalendar(first.year, first.month):
        days = []
        for day in week:
            if day.month != first.month:
                days.append(None)
                continue
            lunar = solar_to_lunar(day)
            days.append(
                {
                    "date": day,
                    "lunar": f"{lunar.day}/{lunar.month}" if lunar.day in (1, 15) else lunar.day,
                    "events": [
                        event
                        for event in in_month
                        if event.month_dates[0] <= day <= event.month_dates[1]
                    ],
                }
            )
        weeks.append(days)
    return weeks, [WEEKDAYS_ABBR[number] for number in range(7)], in_month


def festival_ics(request, event):
    """The festival's coming occurrence as an all-day VEVENT (RFC 5545), or None when it is over."""
    dates = event.next_dates()
    if not dates:
        return None
    return one_event(
        product="Festivals",
        uid=f"festival-{event.translation_key}-{dates[0].year}@{calendar_host(request)}",
        starts=dates[0],
        ends=dates[1],
        title=event.title,
        place=event.place,
        description=event.introduction,
        url=event.get_full_url(request),
        position=(event.latitude, event.longitude) if event.has_position else None,
    )
