from decimal import Decimal

import factory

from tests.pages.factories import PageFactory, home_page
from villages.models import (
    CraftIndexPage,
    CraftPage,
    CraftspersonPage,
    EventIndexPage,
    EventPage,
    GeoparkIndexPage,
    GeoparkSitePage,
    MapPage,
    ShowroomIndexPage,
    ShowroomPage,
    VillageIndexPage,
    VillagePage,
)


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


class CraftIndexPageFactory(PageFactory):
    title = "Nghề thủ công"
    slug = factory.Sequence(lambda n: f"nghe-{n}")
    parent = factory.LazyFunction(home_page)

    class Meta:
        model = CraftIndexPage


class CraftPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Nghề số {n}")
    slug = factory.Sequence(lambda n: f"nghe-so-{n}")
    parent = factory.LazyFunction(lambda: CraftIndexPage.objects.first() or CraftIndexPageFactory())

    class Meta:
        model = CraftPage


class CraftspersonPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Nghệ nhân số {n}")
    slug = factory.Sequence(lambda n: f"nghe-nhan-{n}")
    parent = factory.LazyFunction(lambda: VillagePageFactory())
    honour = CraftspersonPage.Title.SKILLED_WORKER

    class Meta:
        model = CraftspersonPage


class EventIndexPageFactory(PageFactory):
    title = "Lễ hội"
    slug = factory.Sequence(lambda n: f"le-hoi-{n}")
    parent = factory.LazyFunction(home_page)

    class Meta:
        model = EventIndexPage


class EventPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Lễ hội số {n}")
    slug = factory.Sequence(lambda n: f"le-hoi-so-{n}")
    parent = factory.LazyFunction(lambda: EventIndexPage.objects.first() or EventIndexPageFactory())
    place = "Bắc Sơn"
    recurrence = EventPage.Recurrence.LUNAR_YEARLY
    lunar_month = 1
    lunar_day = 8
    latitude = Decimal("21.900100")
    longitude = Decimal("106.323000")

    class Meta:
        model = EventPage


class ShowroomIndexPageFactory(PageFactory):
    title = "Điểm trưng bày"
    slug = factory.Sequence(lambda n: f"diem-trung-bay-{n}")
    parent = factory.LazyFunction(home_page)

    class Meta:
        model = ShowroomIndexPage


class ShowroomPageFactory(PageFactory):
    title = factory.Sequence(lambda n: f"Điểm bán số {n}")
    slug = factory.Sequence(lambda n: f"diem-ban-{n}")
    parent = factory.LazyFunction(
        lambda: ShowroomIndexPage.objects.first() or ShowroomIndexPageFactory()
    )
    address = "Chợ Đông Kinh"
    opening_hours = "7:00–18:00"
    latitude = Decimal("21.846700")
    longitude = Decimal("106.758800")

    class Meta:
        model = ShowroomPage


class MapPageFactory(PageFactory):
    title = "Bản đồ"
    slug = factory.Sequence(lambda n: f"ban-do-{n}")
    parent = factory.LazyFunction(home_page)

    class Meta:
        model = MapPage
