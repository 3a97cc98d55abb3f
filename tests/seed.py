"""What the migrations put in an empty database, put back after a transactional test empties it.

When a test process has its database (a copy of the migrated template, tests/databases.py), the
rows of every table the migrations filled are read once (`remember`): roles with their permissions,
the moderation workflow, locales, Django's and Wagtail's sites, the page tree's and the media's
root nodes. After a transactional test, the tables it wrote to are emptied
(`databases.empty_written_tables`) and these rows are written back, ids and all (`reseed`), so the
next test, of whichever kind and in whichever order xdist hands them out, finds what it would
find in a fresh copy.
"""

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.contrib.sites.models import Site

from tests.databases import Rows

_migrated = []


def remember():
    """Read what the migrations put in this process's fresh database."""
    _migrated[:] = [Rows()]


def reseed():
    """Write back what `remember` read (the tables are empty: a transactional test just ended)."""
    _migrated[0].write()
    # What Django keeps in memory of rows it read before they were emptied.
    ContentType.objects.clear_cache()
    Site.objects.clear_cache()


def roles():
    """The staff groups and their permissions, as `app_label.codename`."""
    return {
        group.name: sorted(
            f"{permission.content_type.app_label}.{permission.codename}"
            for permission in group.permissions.select_related("content_type")
        )
        for group in Group.objects.prefetch_related("permissions")
    }
