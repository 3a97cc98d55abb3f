"""Who keeps the glossary and the exchange rates.

The glossary of place names (pages.PlaceName, a snippet) is the Department's: its editors add and
correct names, its approvers may also delete one. The approximate rates shown beside VND prices
(pages.ExchangeRates, a setting in the Wagtail admin) are the shop managers': they reach the
Wagtail admin for that setting only. Reversing takes these permissions away again.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

GRANTS = {
    "DCST editors": [("pages", "add_placename"), ("pages", "change_placename")],
    "DCST approvers": [
        ("pages", "add_placename"),
        ("pages", "change_placename"),
        ("pages", "delete_placename"),
    ],
    "Shop managers": [("pages", "change_exchangerates"), ("wagtailadmin", "access_admin")],
}


def _permissions(apps):
    # Permissions are normally made after all migrations; these grants need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Permission = apps.get_model("auth", "Permission")
    for group in apps.get_model("auth", "Group").objects.filter(name__in=GRANTS):
        for app_label, codename in GRANTS[group.name]:
            yield (
                group,
                Permission.objects.get(content_type__app_label=app_label, codename=codename),
            )


def grant(apps, schema_editor):
    for group, permission in _permissions(apps):
        group.permissions.add(permission)


def revoke(apps, schema_editor):
    for group, permission in _permissions(apps):
        group.permissions.remove(permission)


class Migration(migrations.Migration):
    dependencies = [
        ("staff", "0003_translation_permissions"),
        ("pages", "0007_glossary"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
