"""What the migrations put in an empty database, put back after a transactional test empties it.

A transactional test (a browser journey, a race on PostgreSQL) ends with Django flushing every
table; content types and permissions come back by themselves (post_migrate), the rest here: the
default locale, Django's and Wagtail's default sites, the page tree's and the media's root nodes, and the staff roles with their
permissions and the DCST moderation workflow.
"""

import importlib

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site

from wagtail.models import Collection, Locale
from wagtail.models import Site as WagtailSite

from tests.pages.factories import tree_root

# The data migrations that give the roles, their permissions and the workflow's names, replayed in
# order: a role missing a later grant (translating, the glossary) fails only the tests that happen to
# run after a flush.
SEEDING_MIGRATIONS = (
    ("pages.migrations.0003_editorial_roles", "create_roles"),
    ("staff.migrations.0002_roles", "create_roles"),
    # A permission on a content type with no model: a flush takes it and post_migrate never remakes it.
    (
        "wagtail_localize.migrations.0006_create_submit_translation_permission",
        "create_submit_translation_permission",
    ),
    ("staff.migrations.0003_translation_permissions", "grant"),
    ("staff.migrations.0004_glossary_and_rates", "grant"),
    ("pages.migrations.0005_workflow_names_vi", "rename"),
)


def reseed():
    ContentType.objects.clear_cache()  # the flush gave content types new ids
    Site.objects.clear_cache()
    # Django's own site (Oscar stamps it on orders), usually remade by post_migrate after a flush.
    Site.objects.get_or_create(
        pk=settings.SITE_ID, defaults={"domain": "example.com", "name": "example.com"}
    )
    Locale.objects.get_or_create(language_code=settings.LANGUAGE_CODE)
    root = tree_root()
    if not WagtailSite.objects.exists():
        # Wagtail's first migration makes a default site; its settings (SiteSettings) hang on it.
        WagtailSite.objects.create(hostname="localhost", root_page=root, is_default_site=True)
    if not Collection.get_first_root_node():
        Collection.add_root(name="Root")
    for module, step in SEEDING_MIGRATIONS:
        getattr(importlib.import_module(module), step)(apps, None)
