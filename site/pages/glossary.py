"""The glossary: each place's one name per language (PlaceName), for every page that writes one.

`name_of("xã Tràng Định")` is "Tràng Định commune" on the English pages and "长定乡" on the Chinese
ones; a name the glossary does not know, or has no translation for, stays as written. The whole
glossary (a few hundred names) is read in one query, once per request that writes a name.
"""

from django.conf import settings
from django.utils.translation import get_language

from .prices import request_memo

SUFFIXES = {"en": "name_en", "zh-hans": "name_zh_hans"}


def _load():
    from .models import PlaceName

    rows = PlaceName.objects.values("name", "kind", "name_en", "name_zh_hans")
    return {row["name"]: row for row in rows}


def glossary():
    memo = request_memo()
    if memo is None:
        return _load()
    if "glossary" not in memo:
        memo["glossary"] = _load()
    return memo["glossary"]


def name_of(name, language=None):
    """`name` as the glossary writes it in `language` (the active one), else unchanged."""
    if not name:
        return name
    language = (language or get_language() or settings.LANGUAGE_CODE).lower()
    field = SUFFIXES.get(language)
    if field is None:
        return name
    row = glossary().get(name.strip())
    return (row and row[field]) or name


def names(language=None):
    """Every name of the glossary in `language` and in Vietnamese (the test of every page reads
    them as the proper names a page may write)."""
    table = glossary()
    field = SUFFIXES.get((language or "").lower())
    found = set(table)
    if field:
        found |= {row[field] for row in table.values() if row[field]}
    return found
