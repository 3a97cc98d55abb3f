"""Factories for Wagtail pages: a page is added under its parent and published."""

import factory
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Locale, Page, Site

from pages.models import HomePage, MenuItem, SiteSettings, StandardPage


def tree_root():
    """Wagtail's root node; made again where a transactional test has emptied the database."""
    return Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))


class PageFactory(factory.django.DjangoModelFactory):
    """Adds the page under `parent` in the tree and publishes it."""

    title = factory.Sequence(lambda n: f"Trang {n}")
    slug = factory.LazyAttribute(lambda page: f"trang-{page.title.lower().replace(' ', '-')}")

    class Meta:
        abstract = True

    @classmethod
    def _create(cls, model_class, *args, parent=None, **kwargs):
        page = model_class(*args, **kwargs)
        (parent or tree_root()).add_child(instance=page)
        page.save_revision().publish()
        return page


def home_page():
    """The site's home page in the default language, made and set as the site root if missing."""
    home = HomePage.objects.filter(locale=Locale.get_default()).first()
    if home is None:
        home = HomePageFactory()
    return home


class HomePageFactory(PageFactory):
    title = "Làng nghề Lạng Sơn"
    slug = factory.Sequence(lambda n: f"trang-chu-{n}")

    class Meta:
        model = HomePage

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        home = super()._create(model_class, *args, **kwargs)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            Site.objects.create(hostname="localhost", root_page=home, is_default_site=True)
        else:
            site.root_page = home
            site.save()
        return home


class StandardPageFactory(PageFactory):
    parent = factory.LazyFunction(home_page)

    class Meta:
        model = StandardPage


class SiteSettingsFactory(factory.django.DjangoModelFactory):
    site = factory.LazyFunction(lambda: Site.objects.get(is_default_site=True))

    class Meta:
        model = SiteSettings
        django_get_or_create = ("site",)


class MenuItemFactory(factory.django.DjangoModelFactory):
    settings = factory.SubFactory(SiteSettingsFactory)
    page = factory.LazyFunction(lambda: StandardPageFactory())
    sort_order = factory.Sequence(int)

    class Meta:
        model = MenuItem


def translate(page, language_code, **fields):
    """Publish `page` in another language, with `fields` translated (its parents follow)."""
    locale, _ = Locale.objects.get_or_create(language_code=language_code)
    existing = page.get_translation_or_none(locale)
    if existing is not None:
        return existing.specific
    copy = page.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    return copy


class ImageFactory(factory.django.DjangoModelFactory):
    """A small real PNG in the media folder, described for screen readers."""

    title = factory.Sequence(lambda n: f"Ảnh {n}")
    description = "Một bó hương phơi nắng"
    file = factory.LazyFunction(get_test_image_file)

    class Meta:
        model = get_image_model()
