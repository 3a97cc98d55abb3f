"""Vietnamese text as people type it: accents and đ optional."""

import unicodedata

from django.utils.text import slugify as django_slugify

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
