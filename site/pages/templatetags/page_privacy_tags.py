from django import template
from django.utils.translation import gettext as _

from ..translations import followers, language_names, source_of

register = template.Library()


@register.simple_tag
def privacy_of_translations(page):
    """What the privacy dialog of `page` does to its translations, for the editor to read."""
    translations = followers(page)
    if translations:
        return _("Its translations get the same privacy: %(languages)s.") % {
            "languages": language_names(translations)
        }
    source = source_of(page)
    if source.pk != page.pk:
        return _(
            "This is a translation: its privacy is its own. To change it in every language, "
            "set the privacy of the page in %(language)s."
        ) % {"language": language_names([source])}
    return ""
