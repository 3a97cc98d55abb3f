"""The Department's editors and approvers translate pages with wagtail-localize.

Its "Can submit translations" permission shows "Translate this page" and "Sync translated pages"
on a page's edit screen and in the page list. Editing a translation needs only the page permissions
the roles already hold on the tree's root (every language's pages are under it); publishing one
stays with the approvers (publish_page). Reversing removes the permission from the two roles.
"""

from django.db import migrations

ROLES = ("DCST editors", "DCST approvers")


def _permission(apps):
    return (
        apps.get_model("auth", "Permission")
        .objects.filter(content_type__app_label="wagtail_localize", codename="submit_translation")
        .first()
    )


def grant(apps, schema_editor):
    permission = _permission(apps)
    if permission is None:
        return
    for group in apps.get_model("auth", "Group").objects.filter(name__in=ROLES):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    permission = _permission(apps)
    if permission is None:
        return
    for group in apps.get_model("auth", "Group").objects.filter(name__in=ROLES):
        group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("staff", "0002_roles"),
        ("pages", "0003_editorial_roles"),
        ("wagtail_localize", "0006_create_submit_translation_permission"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
