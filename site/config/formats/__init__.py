"""Dates as each language writes them (FORMAT_MODULE_PATH); what is not set here is Django's.

Templates and code name a format ("DATE_FORMAT", "SHORT_DATETIME_FORMAT"…), never spell one out,
so a Chinese visitor reads 2026年12月4日 and an English one 4 Dec 2026, never 12/04/2026.
"""
