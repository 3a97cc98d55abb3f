from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("catalogue", "0039_product_adults_only"),
    ]

    operations = [
        migrations.AddField(
            model_name="product",
            name="most_per_order",
            field=models.PositiveSmallIntegerField(
                blank=True,
                help_text=(
                    "How many one order may hold; empty: the shop's limit. A workshop's ticket "
                    "takes the largest group it welcomes."
                ),
                null=True,
                verbose_name="at most per order",
            ),
        ),
    ]
