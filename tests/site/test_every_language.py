"""Every page type of the sitemap and every trace page of the demo, on /en/ and /zh-hans/, read as
a visitor reads them: no interface string left in Vietnamese (or, on the Chinese pages, in
English), and no Vietnamese word outside the proper names the pages are about and the content an
editor has not translated yet, which is shown marked lang="vi" (issue 17).

The demo is loaded once for the module; one page of each page type per language is read (the
sitemap's first of each), plus the shop's listing, a product, the basket and every trace page.
"""

import re

import pytest

from tests import demo
from tests.conftest import built_once_per_module
from tests.site.untranslated import proper_names, untranslated

LANGUAGES = ("en", "zh-hans")


world = built_once_per_module(demo.load)


def addresses(client, language):
    """One page of each page type in `language` that the sitemap lists, a product's page, the
    shop's listing and basket, and every batch's trace page."""
    from wagtail.models import Page

    from catalogue.models import Batch

    xml = client.get("/sitemap.xml").content.decode()
    listed = {re.sub(r"^https?://[^/]+", "", url) for url in re.findall(r"<loc>([^<]+)</loc>", xml)}
    by_type = {}
    for page in Page.objects.live().filter(locale__language_code=language).order_by("path"):
        page = page.specific
        if page.url in listed:
            by_type.setdefault(type(page).__name__, page.url)
    product = sorted(path for path in listed if path.startswith(f"/{language}/catalogue/"))[:1]
    shop = [f"/{language}/catalogue/", f"/{language}/basket/", *product]
    trace = [f"/{language}{batch.get_absolute_url()}" for batch in Batch.objects.order_by("pk")]
    return sorted(by_type.values()) + shop + trace


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
def test_no_untranslated_interface_string_on_any_page_type_or_trace_page(world, client, language):
    names = proper_names()
    problems = []
    read = 0
    for path in addresses(client, language):
        response = client.get(path)
        assert response.status_code == 200, path
        read += 1
        found = untranslated(response.content.decode(), language, names)
        problems += [f"{path}: {p}" for p in found]
    assert read > 10
    assert problems == [], "\n".join(problems)
