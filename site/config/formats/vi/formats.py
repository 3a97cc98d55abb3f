# 4 tháng 12 năm 2026 · 04/12/2026 · 04/12/2026 14:00 · Tháng 12 năm 2026 (as official papers write)
DATE_FORMAT = "j \\t\\h\\á\\n\\g n \\n\\ă\\m Y"
SHORT_DATE_FORMAT = "d/m/Y"
DATETIME_FORMAT = "H:i, j \\t\\h\\á\\n\\g n \\n\\ă\\m Y"
SHORT_DATETIME_FORMAT = "d/m/Y H:i"
MONTH_DAY_FORMAT = "j \\t\\h\\á\\n\\g n"
YEAR_MONTH_FORMAT = "\\T\\h\\á\\n\\g n \\n\\ă\\m Y"
