"""The DCST moderation workflow and its task take Vietnamese names: the admin shows them as stored
("Gửi duyệt (Kiểm duyệt của Sở VHTTDL)"), never through gettext."""

from django.db import migrations

NAMES = {
    "Workflow": ("DCST moderation", "Kiểm duyệt của Sở VHTTDL"),
    "Task": ("DCST approval", "Phê duyệt của Sở VHTTDL"),
}


def rename(apps, schema_editor, backwards=False):
    for model, (english, vietnamese) in NAMES.items():
        old, new = (vietnamese, english) if backwards else (english, vietnamese)
        apps.get_model("wagtailcore", model).objects.filter(name=old).update(name=new)


def rename_back(apps, schema_editor):
    rename(apps, schema_editor, backwards=True)


class Migration(migrations.Migration):
    dependencies = [("pages", "0004_footer_links")]

    operations = [migrations.RunPython(rename, rename_back)]
