"""Sessions become rows of their own: the rows (and their tickets and bookings) stay as they are;
the copies of them stored in the experience pages' revisions are dropped, so that publishing an
older revision can no longer bring a session back or remove one."""

import django.db.models.deletion
from django.db import migrations, models


def drop_sessions_from_revisions(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    content_type = ContentType.objects.filter(app_label="tours", model="experiencepage").first()
    if content_type is None:
        return
    revisions = Revision.objects.filter(base_content_type__isnull=False).filter(
        content_type=content_type
    )
    for revision in revisions.iterator():
        if isinstance(revision.content, dict) and "sessions" in revision.content:
            revision.content.pop("sessions")
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("contenttypes", "0002_remove_content_type_name"),
        ("tours", "0004_experiences"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AlterField(
            model_name="experiencesession",
            name="experience",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.CASCADE,
                related_name="sessions",
                to="tours.experiencepage",
                verbose_name="craft experience",
            ),
        ),
        migrations.RunPython(drop_sessions_from_revisions, migrations.RunPython.noop),
    ]
