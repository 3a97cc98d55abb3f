# 4 tháng 12 năm 2026 · 4/12/2026 · 4/12/2026 14:00 · Tháng 12 năm 2026
DATE_FORMAT = "j \\t\\h\\á\\n\\g n \\n\\ă\\m Y"
SHORT_DATE_FORMAT = "j/n/Y"
DATETIME_FORMAT = "H:i, j \\t\\h\\á\\n\\g n \\n\\ă\\m Y"
SHORT_DATETIME_FORMAT = "j/n/Y H:i"
MONTH_DAY_FORMAT = "j \\t\\h\\á\\n\\g n"
YEAR_MONTH_FORMAT = "\\T\\h\\á\\n\\g n \\n\\ă\\m Y"
