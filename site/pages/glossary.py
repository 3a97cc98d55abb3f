"""The glossary: each place's one name per language (PlaceName), for every page that writes one.

`name_of("xã Tràng Định")` is "Tràng Định commune" on the English pages and "长定乡" on the Chinese
ones; a name the glossary does not know, or has no translation for, stays as written. The whole
glossary (a few hundred names) is read in one query, kept as the menus are (pages/cache.py).
"""

from django.conf import settings
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel

from .cache import shared
from .memo import request_memo

SUFFIXES = {"en": "name_en", "zh-hans": "name_zh_hans"}


def _load():
    rows = PlaceName.objects.values("name", "kind", "name_en", "name_zh_hans")
    return {row["name"]: row for row in rows}


def glossary():
    memo = request_memo()
    if memo is None:
        return _load()
    if "glossary" not in memo:
        # Kept between requests like the menus: a change of a name drops every page ("tree").
        memo["glossary"] = shared("glossary", ("tree",), _load)
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


class PlaceName(models.Model):
    """One name in the glossary: a village, craft, commune or Geopark site in each language.

    Pages, search, structured data, maps, e-mails and the trace page write a name the glossary
    knows as the glossary writes it (pages/glossary.py), so a place is never spelt two ways.
    """

    class Kind(models.TextChoices):
        VILLAGE = "village", _("craft village")
        CRAFT = "craft", _("craft")
        COMMUNE = "commune", _("commune or ward")
        DISTRICT = "district", _("former district")
        GEOPARK_SITE = "geopark", _("Geopark site")
        PLACE = "place", _("other place")

    name = models.CharField(
        _("Vietnamese name"),
        max_length=200,
        unique=True,
        help_text=_("As the Vietnamese pages write it, e.g. xã Tràng Định or Nà Phiêng."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.PLACE)
    name_en = models.CharField(_("English name"), max_length=200, blank=True)
    name_zh_hans = models.CharField(_("Chinese name"), max_length=200, blank=True)

    panels = [
        FieldPanel("name"),
        FieldPanel("kind"),
        FieldPanel("name_en"),
        FieldPanel("name_zh_hans"),
    ]

    class Meta:
        verbose_name = _("glossary name")
        verbose_name_plural = _("glossary")
        ordering = ["kind", "name"]

    def __str__(self):
        return self.name
