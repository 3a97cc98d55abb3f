from decimal import Decimal

import factory

from tests.pages.factories import PageFactory, home_page
from villages.models import GeoparkIndexPage, GeoparkSitePage, VillageIndexPage, VillagePage


class VillageIndexPageFactory(PageFactory):
    title = "Làng nghề"
    slug = factory.Sequence(lambda n: f"lang-nghe-{n}")
    parent = factory.LazyFunction(home_page)

    class Meta:
        model = VillageIndexPage


class VillagePageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Làng hương số {n}")
    slug = factory.Sequence(lambda n: f"lang-huong-{n}")
    parent = factory.LazyFunction(
        lambda: VillageIndexPage.objects.first() or VillageIndexPageFactory()
    )
    commune = "xã Tràng Định"
    former_district = "Tràng Định"
    crafts = "Làm hương"
    latitude = Decimal("22.285600")
    longitude = Decimal("106.460100")

    class Meta:
        model = VillagePage


class GeoparkIndexPageFactory(PageFactory):
    title = "Công viên địa chất"
    slug = factory.Sequence(lambda n: f"cong-vien-dia-chat-{n}")
    parent = factory.LazyFunction(home_page)

    class Meta:
        model = GeoparkIndexPage


class GeoparkSitePageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Hang số {n}")
    slug = factory.Sequence(lambda n: f"hang-{n}")
    parent = factory.LazyFunction(
        lambda: GeoparkIndexPage.objects.first() or GeoparkIndexPageFactory()
    )
    kind = GeoparkSitePage.Kind.GEOLOGICAL
    latitude = Decimal("21.941000")
    longitude = Decimal("106.388000")

    class Meta:
        model = GeoparkSitePage
