"""The shop's and the plan's staff roles, beside the DCST roles of pages/0003_editorial_roles.

Shop editors keep the catalogue (products, categories, batches, reviews) and approve producers'
changes; shop managers run orders, producers, payments, shipping, offers and read the audit log;
plan viewers read the plan's yearly figures in the Wagtail admin. Members of the two shop roles
need `is_staff` for Oscar's dashboard (its views show staff every producer's items, and partner
users only their own); the permissions below then decide which of its sections they see.
Running it again adds what is missing and nothing else; reversing it removes these three roles.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

ALL = ("add", "change", "delete", "view")

SHOP_EDITORS = {
    "catalogue": {
        "product": ALL,
        "productclass": ("view",),
        "category": ALL,
        "productcategory": ALL,
        "productimage": ALL,
        "productattribute": ("view",),
        "productattributevalue": ALL,
        "attributeoption": ("view",),
        "attributeoptiongroup": ("view",),
        "option": ("view",),
        "productrecommendation": ALL,
        "batch": ALL,
        "batchstep": ALL,
        "batchcertificate": ALL,
        "productchange": ("view", "change"),
        "pendingproductimage": ("view", "change"),
    },
    "partner": {"partner": ("view",), "stockrecord": ("add", "change", "view")},
    "reviews": {"productreview": ("change", "delete", "view")},
    "staff": {"invitation": ("add", "view")},
}
# Granted when the catalogue defines them (producers' changes waiting for approval).
SHOP_EDITOR_EXTRA = [("catalogue", "moderate_productchange")]

SHOP_MANAGERS = {
    "order": {
        "order": ("change", "view"),
        "line": ("change", "view"),
        "ordernote": ALL,
        "orderstatuschange": ("view",),
        "shippingaddress": ("change", "view"),
        "billingaddress": ("view",),
        "shippingevent": ("add", "view"),
        "shippingeventtype": ("view",),
        "shippingeventquantity": ("add", "view"),
        "paymentevent": ("add", "view"),
        "paymenteventtype": ("view",),
        "paymenteventquantity": ("add", "view"),
        "communicationevent": ("view",),
        "lineprice": ("view",),
        "lineattribute": ("view",),
        "orderdiscount": ("view",),
        "orderlinediscount": ("view",),
        "surcharge": ("view",),
    },
    "partner": {
        "partner": ALL,
        "partneraddress": ALL,
        "stockrecord": ALL,
        "stockalert": ("change", "view"),
    },
    "payment": {"source": ("change", "view"), "sourcetype": ("view",), "transaction": ("view",)},
    "shipping": {"orderanditemcharges": ALL, "weightbased": ALL, "weightband": ALL},
    "offer": {
        "conditionaloffer": ALL,
        "benefit": ALL,
        "condition": ALL,
        "range": ALL,
        "rangeproduct": ALL,
    },
    "voucher": {"voucher": ALL, "voucherset": ALL, "voucherapplication": ("view",)},
    "analytics": {"userrecord": ("view",)},
    # Customers can be looked up, never edited: Django's change_user would let a staff member
    # edit any account in /django-admin/, their own staff flags included.
    "auth": {"user": ("view",)},
    "auditlog": {"logentry": ("view",)},
    "staff": {"invitation": ("add", "view")},
}

PLAN_VIEWERS = {
    "plan": {"villageyear": ("view",), "craftyear": ("view",)},
}

ROLES = {
    "Shop editors": (SHOP_EDITORS, SHOP_EDITOR_EXTRA),
    "Shop managers": (SHOP_MANAGERS, []),
    "Plan viewers": (PLAN_VIEWERS, [("wagtailadmin", "access_admin")]),
}


def _codenames(spec):
    for app_label, models in spec.items():
        for model, actions in models.items():
            for action in actions:
                yield app_label, f"{action}_{model}"


def create_roles(apps, schema_editor):
    # Permissions are normally made after all migrations; these roles need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, (spec, extra) in ROLES.items():
        group, _ = Group.objects.get_or_create(name=name)
        wanted = list(_codenames(spec))
        for app_label, codename in wanted:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )
        for app_label, codename in extra:
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if permission is not None:
                group.permissions.add(permission)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=list(ROLES)).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("staff", "0001_invitation"),
        ("pages", "0003_editorial_roles"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("catalogue", "0035_product_changes"),
        ("partner", "0008_producer_details"),
        ("order", "0021_billingaddress_code_shippingaddress_code"),
        ("payment", "0005_auto_20200801_0817"),
        ("shipping", "0003_auto_20181115_1953"),
        ("offer", "0013_range_excluded_categories"),
        ("voucher", "0010_auto_20210224_0712"),
        ("reviews", "0005_productreview_code"),
        ("analytics", "0003_auto_20200801_0817"),
        ("plan", "0001_initial"),
        ("auditlog", "0017_add_actor_email"),
        ("wagtailadmin", "0006_formstate"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]
