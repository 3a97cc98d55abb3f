import datetime
from decimal import Decimal

from django.utils import timezone

import factory

from tests.pages.factories import PageFactory, home_page
from tests.villages.factories import CraftspersonPageFactory, VillagePageFactory
from tours.models import (
    ExperienceIndexPage,
    ExperiencePage,
    ExperienceSession,
    TourIndexPage,
    TourPage,
    TourStop,
)


class TourIndexPageFactory(PageFactory):
    title = "Tuyến du lịch"
    slug = factory.Sequence(lambda n: f"tuyen-du-lich-{n}")
    parent = factory.LazyFunction(home_page)

    class Meta:
        model = TourIndexPage


class TourPageFactory(PageFactory):
    """A tour with one stop (a village) unless `stops` gives other places."""

    title = factory.Sequence(lambda n: f"Tuyến số {n}")
    slug = factory.Sequence(lambda n: f"tuyen-{n}")
    parent = factory.LazyFunction(lambda: TourIndexPage.objects.first() or TourIndexPageFactory())
    length = TourPage.Length.ONE_DAY
    price_from = 650000

    class Meta:
        model = TourPage

    @classmethod
    def _create(cls, model_class, *args, stops=None, **kwargs):
        tour = model_class(*args, **{k: v for k, v in kwargs.items() if k != "parent"})
        for order, place in enumerate(stops or [VillagePageFactory()]):
            tour.stops.add(
                TourStop(place=place, minutes=90, activity="Xem làm nghề", sort_order=order)
            )
        kwargs["parent"].add_child(instance=tour)
        tour.save_revision().publish()
        return tour


class TourStopFactory(factory.django.DjangoModelFactory):
    tour = factory.SubFactory(TourPageFactory)
    place = factory.SubFactory(VillagePageFactory)
    minutes = 60
    sort_order = factory.Sequence(int)

    class Meta:
        model = TourStop


class ExperienceIndexPageFactory(PageFactory):
    title = "Trải nghiệm"
    slug = factory.Sequence(lambda n: f"trai-nghiem-{n}")
    parent = factory.LazyFunction(home_page)

    class Meta:
        model = ExperienceIndexPage


class ExperiencePageFactory(PageFactory):
    """A workshop hosted in a village, with the sessions given as (start, seats) pairs.

    Publishing it puts each session on sale as a ticket product.
    """

    title = factory.Sequence(lambda n: f"Se hương số {n}")
    slug = factory.Sequence(lambda n: f"se-huong-{n}")
    parent = factory.LazyFunction(
        lambda: ExperienceIndexPage.objects.first() or ExperienceIndexPageFactory()
    )
    introduction = "Se hương hồi cùng nghệ nhân."
    village = factory.LazyFunction(VillagePageFactory)
    host = factory.LazyAttribute(lambda page: CraftspersonPageFactory(parent=page.village))
    duration_minutes = 150
    languages = ["vi", "tay"]
    group_min = 1
    group_max = 8
    meeting_point = "Nhà văn hóa bản Nà Phiêng"
    latitude = Decimal("22.285400")
    longitude = Decimal("106.460600")
    price = 350000

    class Meta:
        model = ExperiencePage

    @classmethod
    def _create(cls, model_class, *args, sessions=(), **kwargs):
        page = model_class(*args, **{k: v for k, v in kwargs.items() if k != "parent"})
        kwargs["parent"].add_child(instance=page)
        for order, (starts_at, seats) in enumerate(sessions):
            ExperienceSession.objects.create(
                experience=page, starts_at=starts_at, seats=seats, sort_order=order
            )
        page.save_revision().publish()
        return page


def in_days(days, hour=8, minute=30):
    """A moment `days` from now at the given Lạng Sơn time."""
    day = timezone.localdate() + datetime.timedelta(days=days)
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time(hour, minute)))
