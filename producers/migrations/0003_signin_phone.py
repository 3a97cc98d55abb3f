from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("producers", "0002_signin_code"),
    ]

    operations = [
        migrations.CreateModel(
            name="SignInPhone",
            fields=[
                ("phone", models.CharField(max_length=20, primary_key=True, serialize=False)),
            ],
        ),
    ]
