"""Each role reaches what it needs, from one staff entry point, and nothing else."""

from django.contrib.auth.models import Group

import pytest

from tests.staff.factories import UserFactory, member

pytestmark = pytest.mark.django_db


def perms(group_name):
    group = Group.objects.get(name=group_name)
    return {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}


def test_the_migration_creates_every_role_beside_the_dcst_ones():
    names = set(Group.objects.values_list("name", flat=True))
    assert {
        "DCST editors",
        "DCST approvers",
        "Shop editors",
        "Shop managers",
        "Plan viewers",
    } <= names
    assert Group.objects.filter(name="DCST editors").count() == 1


def test_shop_editors_keep_the_catalogue_and_approve_producers_changes():
    editor = perms("Shop editors")
    assert {
        "catalogue.change_product",
        "catalogue.change_category",
        "reviews.change_productreview",
        "catalogue.moderate_productchange",
        "staff.add_invitation",
    } <= editor
    assert not editor & {"order.view_order", "auditlog.view_logentry", "auth.change_user"}


def test_shop_managers_run_orders_producers_payments_and_read_the_audit_log():
    manager = perms("Shop managers")
    assert {
        "order.change_order",
        "partner.change_partner",
        "payment.view_source",
        "shipping.change_weightbased",
        "offer.change_conditionaloffer",
        "auditlog.view_logentry",
    } <= manager
    # Editing accounts would let a manager make anyone (themselves too) a superuser.
    assert "auth.change_user" not in manager
    assert "catalogue.change_product" not in manager


def test_plan_viewers_only_read_the_figures():
    assert perms("Plan viewers") == {
        "plan.view_villageyear",
        "plan.view_craftyear",
        "wagtailadmin.access_admin",
    }


def test_the_role_migration_can_run_again_and_be_reversed():
    from importlib import import_module

    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    migration = import_module("staff.migrations.0002_roles")
    state = MigrationExecutor(connection).loader.project_state(("staff", "0002_roles"))
    before = perms("Shop managers")
    migration.create_roles(state.apps, None)
    assert perms("Shop managers") == before
    migration.remove_roles(state.apps, None)
    assert not Group.objects.filter(name__in=["Shop editors", "Plan viewers"]).exists()
    assert Group.objects.filter(name="DCST editors").exists()
    migration.create_roles(state.apps, None)
    later = import_module("staff.migrations.0004_glossary_and_rates")
    later.grant(
        MigrationExecutor(connection)
        .loader.project_state(("staff", "0004_glossary_and_rates"))
        .apps,
        None,
    )
    assert perms("Shop managers") == before


def test_anonymous_visitors_are_sent_to_sign_in(client):
    response = client.get("/staff/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_an_account_without_a_role_is_refused(client):
    client.force_login(UserFactory())
    assert client.get("/staff/").status_code == 403


def test_a_shop_editor_reaches_products_not_orders(client):
    client.force_login(member("Shop editors"))
    page = client.get("/staff/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "/dashboard/catalogue/" in html
    assert "/dashboard/orders/" not in html
    assert "/staff/audit/" not in html
    assert "/staff/invite/" in html
    assert client.get("/dashboard/catalogue/").status_code == 200
    assert client.get("/dashboard/reviews/").status_code == 200
    assert client.get("/dashboard/orders/").status_code == 403
    assert client.get("/dashboard/partners/create/").status_code == 403
    assert client.get("/staff/audit/").status_code == 403


def test_a_shop_manager_reaches_orders_producers_and_the_audit_log(client):
    client.force_login(member("Shop managers"))
    html = client.get("/staff/").content.decode()
    for url in ["/dashboard/orders/", "/dashboard/partners/", "/staff/audit/"]:
        assert url in html
        assert client.get(url).status_code == 200
    assert "/dashboard/catalogue/" not in html
    assert client.get("/dashboard/catalogue/").status_code == 403
    assert client.get("/dashboard/shipping/weight-based/").status_code == 200


def test_a_plan_viewer_reads_the_figures_in_the_wagtail_admin_and_nothing_in_the_shop(client):
    client.force_login(member("Plan viewers"))
    html = client.get("/staff/").content.decode()
    assert "/admin/snippets/plan/villageyear/" in html
    assert "/dashboard/" not in html
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/snippets/plan/villageyear/").status_code == 200
    assert client.get("/admin/snippets/plan/villageyear/add/").status_code in (302, 403)
    assert client.get("/dashboard/").status_code == 403
    assert client.get("/staff/audit/").status_code == 403


def test_a_dcst_editor_reaches_the_wagtail_admin_but_not_the_shop(client):
    client.force_login(member("DCST editors"))
    html = client.get("/staff/").content.decode()
    assert "/admin/" in html
    assert "/dashboard/" not in html
    assert client.get("/admin/").status_code == 200
    assert client.get("/dashboard/orders/").status_code == 403


def test_a_producers_person_is_not_staff(client):
    from django.contrib.auth.models import Permission

    person = UserFactory()
    person.user_permissions.add(Permission.objects.get(codename="dashboard_access"))
    client.force_login(person)
    assert client.get("/staff/").status_code == 403


def reaches(client, path):
    """Whether the signed-in member gets the screen at `path` (Wagtail sends others away)."""
    response = client.get(path, follow=True)
    return response.status_code == 200 and response.request["PATH_INFO"].startswith(path)


@pytest.mark.parametrize(
    ("role", "glossary", "rates"),
    [
        ("DCST editors", True, False),
        ("DCST approvers", True, False),
        ("Shop managers", False, True),
        ("Shop editors", False, False),
    ],
)
def test_the_department_keeps_the_glossary_and_the_shop_managers_the_rates(
    client, home, role, glossary, rates
):
    client.force_login(member(role))
    assert reaches(client, "/admin/snippets/pages/placename/add/") == glossary
    assert reaches(client, "/admin/settings/pages/exchangerates/") == rates


def test_an_editor_adds_a_place_name_to_the_glossary(client, home):
    from pages.models import PlaceName

    client.force_login(member("DCST editors"))
    response = client.post(
        "/admin/snippets/pages/placename/add/",
        {
            "name": "Nà Phiêng",
            "kind": PlaceName._meta.get_field("kind").choices[0][0],
            "name_en": "Na Phieng",
            "name_zh_hans": "那平",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert PlaceName.objects.get(name="Nà Phiêng").name_zh_hans == "那平"
