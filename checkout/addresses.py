"""Provinces and their communes and wards since July 2025, from the `vietnam-provinces` package.

Addresses store names, as before: the province as the delivery zones name it (shipping/zones.py),
the commune or ward as the package names it. A commune is matched to its province by name, with
case and diacritics ignored, so addresses typed before the list existed still match.
"""

from functools import cache

from vietnam_provinces import Province, Ward

from pages.text import fold
from shipping.zones import PROVINCES

CITY = "Thành phố "


@cache
def _codes():
    """Province name as the shop stores it → the package's province code."""
    by_name = {}
    for province in Province.iter_all():
        by_name[fold(province.name)] = province.code
        by_name[fold(province.name.removeprefix(CITY))] = province.code
    return {name: by_name[fold(name)] for name in PROVINCES}


@cache
def communes_of(province):
    """The official names of the communes and wards of `province` (a stored name), sorted."""
    code = _codes().get(province)
    if code is None:
        return ()
    return tuple(sorted((ward.name for ward in Ward.iter_by_province(code)), key=fold))


def commune_in(province, text):
    """The official name of the commune or ward `text` of `province`, or None if it is not one."""
    wanted = fold(" ".join(str(text).split()))
    for name in communes_of(province):
        if fold(name) == wanted:
            return name
    return None
