import factory

from tests.pages.factories import PageFactory, home_page
from tests.villages.factories import VillagePageFactory
from tours.models import TourIndexPage, TourPage, TourStop


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
