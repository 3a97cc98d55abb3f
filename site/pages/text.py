"""Vietnamese text as people type it: accents and đ optional."""

import unicodedata

from django.utils.text import slugify as django_slugify
from django.utils.translation import pgettext

from anyascii import anyascii


def fold(text):
    """Lower-case `text` without diacritics, with đ as d: `Đồng Đăng` → `dong dang`."""
    decomposed = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(char for char in decomposed if not unicodedata.combining(char))
    return unicodedata.normalize("NFC", stripped).lower()


def slugify(value, allow_unicode=False):
    """An ASCII slug for any of our languages: `Áo chàm` → `ao-cham`, `八角` → `bajiao`."""
    if allow_unicode:
        return django_slugify(value, allow_unicode=True)
    return django_slugify(anyascii(str(value)))


def listed(items):
    """`items` joined as the active language writes a list: `a, b` in Vietnamese and English,
    `a、b` in Chinese (the separator is a translated string)."""
    return pgettext("between the items of a list", ", ").join(str(item) for item in items)
