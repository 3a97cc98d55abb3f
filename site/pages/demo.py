"""Shared helpers of `load_demo`, and the site-wide part of the demo: home page, settings, accounts.

Every app with sample content has a `demo.py` whose `load(demo)` adds it; `load_demo` calls them
in order. Everything is found before it is made, so running the command twice adds nothing.

The content itself (names, texts in each language, places, prices) is data, in JSON files in each
app's `demo_data/` folder, read by `read_demo_data`; the `demo.py` modules only make objects of it.
Pages are given as `{"slug": …, "vi": {fields}, "en": {…}, "zh-hans": {…}}`, the form `Demo.page`
takes; `demo_data/site.json` here holds the home page, the site's name and the footer's contact.
"""

import io
import json
import random
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.sites.models import Site as DjangoSite
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone

from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.images import get_image_model
from wagtail.models import Locale, Page, Site

from .models import (
    ExchangeRates,
    FooterItem,
    HomePage,
    MenuItem,
    PlaceName,
    SiteSettings,
    StandardPage,
)

LANGUAGES = ("vi", "en", "zh-hans")
TRANSLATIONS = ("en", "zh-hans")

PALETTES = {
    "indigo": ["#1d3557", "#274c77", "#6096ba", "#a3cef1", "#e7ecef"],
    "earth": ["#6b2d1a", "#a44a3f", "#d4a373", "#faedcd", "#3d405b"],
    "forest": ["#1b4332", "#2d6a4f", "#52b788", "#b7e4c7", "#f1faee"],
    "anise": ["#5f0f40", "#9a031e", "#e36414", "#fb8b24", "#fff3e0"],
    "stone": ["#2b2d42", "#5c677d", "#8d99ae", "#c9ccd5", "#edf2f4"],
}
DEMO_PASSWORD_NOTE = "Sample account for the demonstration site."


def read_demo_data(app_label, name):
    """The sample content `name` of an app: `demo_data/<name>.json` in the app's folder."""
    path = Path(apps.get_app_config(app_label).path) / "demo_data" / f"{name}.json"
    with path.open(encoding="utf-8") as file:
        return json.load(file)


def by_language(spec):
    """The fields of a page spec that differ by language, by language code."""
    return {code: spec[code] for code in LANGUAGES}


@dataclass
class Demo:
    """What the demo steps share: where to write, how big, and the pages made so far."""

    stdout: object
    scale: int = 0
    rng: random.Random = field(default_factory=lambda: random.Random(2026))
    pages: dict = field(default_factory=dict)

    def say(self, message):
        self.stdout.write(message)

    @cached_property
    def locales(self):
        return {code: Locale.objects.get_or_create(language_code=code)[0] for code in LANGUAGES}

    # --- pages ------------------------------------------------------------------------------

    def page(self, parent, model, slug, translations, **fields):
        """The live page `slug` under `parent`, made and translated if missing.

        `translations` maps a language code to the fields that differ in that language
        (title, introduction, body…); `fields` are the same in every language.
        """
        page = model.objects.child_of(parent).filter(slug=slug).first()
        if page is None:
            # Lists are many-to-many relations: set once the page exists in memory.
            relations = {name: value for name, value in fields.items() if isinstance(value, list)}
            plain = {name: value for name, value in fields.items() if name not in relations}
            page = model(slug=slug, is_sample=True, **plain, **translations["vi"])
            for name, value in relations.items():
                setattr(page, name, value)
            parent.add_child(instance=page)
            page.save_revision().publish()
        for code in TRANSLATIONS:
            self.translate(page, code, translations.get(code, {}))
        return page

    def translate(self, page, code, values):
        locale = self.locales[code]
        if page.get_translation_or_none(locale) is not None:
            return
        copy = page.copy_for_translation(locale, copy_parents=True)
        for name, value in values.items():
            setattr(copy, name, value)
        copy.save_revision().publish()

    # --- images -----------------------------------------------------------------------------

    def image(self, title, palette, motif, alt):
        """A Wagtail image drawn here by Pillow (nothing is downloaded), reused if it exists."""
        Image = get_image_model()
        existing = Image.objects.filter(title=title).first()
        if existing:
            return existing
        content = ContentFile(draw(palette, motif, seed=title), name=f"{slugify_name(title)}.jpg")
        return Image.objects.create(title=title, description=alt, file=content)


def slugify_name(text):
    from .text import slugify

    return slugify(text)[:60] or "image"


def draw(palette, motif, seed, size=(1600, 1000)):
    """A JPEG of a simple pattern: mountains, brocade diamonds, roof tiles or rows of sticks."""
    rng = random.Random(seed)
    colours = PALETTES[palette]
    width, height = size
    picture = PILImage.new("RGB", size, colours[-1])
    pen = ImageDraw.Draw(picture)
    if motif == "mountains":
        for layer, colour in enumerate(colours[:4]):
            base = height * (0.45 + 0.15 * layer)
            points = [(0, height)]
            for x in range(0, width + 200, 200):
                points.append((x, base - rng.randint(40, 260)))
            points.append((width, height))
            pen.polygon(points, fill=colour)
    elif motif == "brocade":
        step = 100
        for row, y in enumerate(range(-step, height + step, step // 2)):
            for x in range(-step, width + step, step):
                offset = (row % 2) * step // 2
                colour = colours[(row + x // step) % 4]
                cx, cy = x + offset, y
                pen.polygon(
                    [(cx, cy - 45), (cx + 45, cy), (cx, cy + 45), (cx - 45, cy)], fill=colour
                )
    elif motif == "tiles":
        for row, y in enumerate(range(0, height + 80, 70)):
            for x in range(-80 * (row % 2), width + 160, 160):
                pen.pieslice(
                    (x, y, x + 160, y + 140), 180, 360, fill=colours[row % 4], outline=colours[4]
                )
    else:  # sticks: incense, bamboo, rattan
        for x in range(0, width, 18):
            top = rng.randint(0, height // 3)
            pen.rectangle((x, top, x + 8, height), fill=colours[rng.randrange(4)])
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=82, optimize=True)
    return buffer.getvalue()


# --- the site-wide part of the demo -----------------------------------------------------------


@transaction.atomic
def load(demo):
    data = read_demo_data("pages", "site")
    spec = data["home"]
    vi = demo.locales["vi"]
    site = Site.objects.filter(is_default_site=True).first()
    home = HomePage.objects.filter(locale=vi).first()
    if home is None:
        root = Page.get_first_root_node()
        picture = spec["image"]
        home = HomePage(
            slug=spec["slug"],
            is_sample=True,
            hero_image=demo.image(
                picture["title"], picture["palette"], picture["motif"], picture["alt"]
            ),
            **spec["vi"],
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        old_root = site.root_page if site else None
        if site is None:
            site = Site.objects.create(
                hostname="localhost", port=80, root_page=home, is_default_site=True
            )
        else:
            site.root_page = home
            site.site_name = data["site_name"]
        # Canonical and sitemap addresses use the site's host: the one SITE_URL names.
        address = urlsplit(settings.WAGTAILADMIN_BASE_URL)
        site.hostname = address.hostname or "localhost"
        site.port = address.port or (443 if address.scheme == "https" else 80)
        site.save()
        # Oscar's e-mails build their links from Django's own Site record: the same address.
        DjangoSite.objects.update_or_create(
            pk=settings.SITE_ID,
            defaults={"domain": address.netloc or "localhost", "name": data["site_name"]},
        )
        # The page Wagtail made first (never the tree's root, which holds the new home too).
        if (
            old_root
            and old_root.depth > 1
            and old_root.pk != home.pk
            and old_root.specific_class is not HomePage
        ):
            old_root.delete()
    for code in TRANSLATIONS:
        demo.translate(home, code, spec[code])
    demo.pages["home"] = home
    demo.say("Home page ready")
    load_rules(demo, home)


def load_rules(demo, home):
    """The pages a Vietnamese shop must show (returns, privacy, who sells): sample text."""
    for spec in read_demo_data("pages", "rules"):
        translations = {
            code: {**fields, "body": [("paragraph", f"<p>{text}</p>") for text in fields["body"]]}
            for code, fields in by_language(spec).items()
        }
        demo.pages[spec["slug"]] = demo.page(home, StandardPage, spec["slug"], translations)
    demo.say("Shop rules pages ready")


def load_settings(demo):
    """Footer contact and main navigation, once the section pages exist."""
    site = Site.objects.get(is_default_site=True)
    site_settings = SiteSettings.for_site(site)
    contact = read_demo_data("pages", "site")["settings"]
    site_settings.address = contact["address"]
    site_settings.address_en = contact["address_en"]
    site_settings.address_zh_hans = contact["address_zh_hans"]
    site_settings.email = contact["email"]
    site_settings.save()
    # Sample rates for the approximate amounts beside prices on the English and Chinese pages.
    rates = ExchangeRates.load()
    for name, value in read_demo_data("pages", "site")["exchange_rates"].items():
        setattr(rates, name, value)
    rates.rates_date = rates.rates_date or timezone.localdate()
    rates.save()
    # The glossary: each place's one name per language (an editor's later change is kept).
    for entry in read_demo_data("pages", "glossary"):
        PlaceName.objects.get_or_create(
            name=entry["name"],
            defaults={
                "kind": entry["kind"],
                "name_en": entry["en"],
                "name_zh_hans": entry["zh-hans"],
            },
        )
    if not MenuItem.objects.filter(settings=site_settings).exists():
        for order, key in enumerate(
            ("villages", "crafts", "geopark", "events", "tours", "experiences", "map")
        ):
            MenuItem.objects.create(settings=site_settings, page=demo.pages[key], sort_order=order)
    if not FooterItem.objects.filter(settings=site_settings).exists():
        # The plan's progress is the province's report, not a visitor's section.
        FooterItem.objects.create(settings=site_settings, page=demo.pages["plan"], sort_order=0)
    # The shop's rules, in the footer of every page (added to a demo loaded before they existed).
    for order, spec in enumerate(read_demo_data("pages", "rules"), start=1):
        FooterItem.objects.get_or_create(
            settings=site_settings, page=demo.pages[spec["slug"]], defaults={"sort_order": order}
        )
    demo.say("Site settings ready")


def load_accounts(demo):
    """An editor and a producer account; their passwords are in the README."""
    User = get_user_model()
    editor, created = User.objects.get_or_create(
        username="bientapvien",
        defaults={
            "email": "bientapvien@langnghe.example",
            "first_name": "Biên tập viên",
            "is_staff": True,
        },
    )
    if created:
        editor.set_password("langnghe-bientap")
        editor.save()
    editor.groups.add(Group.objects.get(name="DCST editors"))
    approver, created = User.objects.get_or_create(
        username="duyetbai",
        defaults={
            "email": "duyetbai@langnghe.example",
            "first_name": "Người duyệt",
            "is_staff": True,
        },
    )
    if created:
        approver.set_password("langnghe-duyetbai")
        approver.save()
    approver.groups.add(Group.objects.get(name="DCST approvers"))
    admin, created = User.objects.get_or_create(
        username="quantri",
        defaults={
            "email": "quantri@langnghe.example",
            "first_name": "Quản trị",
            "is_staff": True,
            "is_superuser": True,
        },
    )
    if created:
        admin.set_password("langnghe-quantri")
        admin.save()
    demo.say("Accounts ready: bientapvien (editor), duyetbai (approver), quantri (administrator)")
