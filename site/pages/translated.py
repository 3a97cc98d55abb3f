"""A field in the visitor's language, or its Vietnamese source marked as such where not translated.

Models that keep their translations beside the Vietnamese field (`title`, `title_en`,
`title_zh_hans`: products, batches, the site's settings) are read through `in_language`; templates
show the result with `{% translated obj "field" %}` (themes/templatetags/chrome.py), which marks an
untranslated text with lang="vi" and a small note in the page's language.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language

SUFFIXES = {"en": "_en", "zh-hans": "_zh_hans"}


@dataclass(frozen=True)
class Translated:
    text: str
    # The language the text is in: the page's, or the source's (Vietnamese) as a fallback.
    language: str
    fallback: bool = False

    def __str__(self):
        return self.text


def in_language(instance, field, language=None):
    """`instance.<field>` in `language` (the active one by default), else its Vietnamese text."""
    language = (language or get_language() or settings.LANGUAGE_CODE).lower()
    source = getattr(instance, field, "") or ""
    suffix = SUFFIXES.get(language)
    if suffix is None:
        return Translated(source, language)
    text = getattr(instance, field + suffix, "") or ""
    if text:
        return Translated(text, language)
    return Translated(source, settings.LANGUAGE_CODE, fallback=bool(source))
