import factory

from plan.models import CraftYear, VillageYear
from tests.villages.factories import CraftPageFactory, VillagePageFactory


class VillageYearFactory(factory.django.DjangoModelFactory):
    village = factory.SubFactory(VillagePageFactory)
    year = 2025
    households = 40
    workers = 100
    workers_trained = 50
    production_value = 1_000_000_000

    class Meta:
        model = VillageYear


class CraftYearFactory(factory.django.DjangoModelFactory):
    craft = factory.SubFactory(CraftPageFactory)
    former_district = "Bắc Sơn"
    year = 2025

    class Meta:
        model = CraftYear
