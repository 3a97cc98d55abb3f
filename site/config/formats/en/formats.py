# 4 December 2026 · 4 Dec 2026 · 4 Dec 2026, 14:00: day first, never 12/04/2026, for visitors from
# anywhere.
DATE_FORMAT = "j F Y"
SHORT_DATE_FORMAT = "j M Y"
DATETIME_FORMAT = "j F Y, H:i"
SHORT_DATETIME_FORMAT = "j M Y, H:i"
MONTH_DAY_FORMAT = "j F"
YEAR_MONTH_FORMAT = "F Y"
