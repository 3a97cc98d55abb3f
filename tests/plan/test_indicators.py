"""The plan's indicators, on figures whose results were worked out by hand."""

import pytest

from plan.indicators import INDICATORS, indicator_table
from tests.plan.factories import CraftYearFactory, VillageYearFactory
from tests.villages.factories import CraftPageFactory, VillagePageFactory


@pytest.fixture
def figures(home):
    a = VillagePageFactory(title="A", recognition="craft_village", recognition_year=2022)
    b = VillagePageFactory(
        title="B", recognition="traditional_craft_village", recognition_year=2019
    )
    c = VillagePageFactory(title="C")
    yes = {"recognised": True}
    VillageYearFactory(
        village=a,
        year=2021,
        workers=100,
        workers_trained=40,
        production_value=1_000_000_000,
        working_effectively=True,
        environment_compliant=True,
        linked_to_tourism=True,
        **yes,
    )
    VillageYearFactory(
        village=b,
        year=2021,
        workers=50,
        workers_trained=50,
        production_value=500_000_000,
        trademark_protected=True,
        **yes,
    )
    VillageYearFactory(
        village=c, year=2021, workers=20, workers_trained=0, production_value=100_000_000
    )
    VillageYearFactory(
        village=a,
        year=2025,
        workers=120,
        workers_trained=90,
        production_value=1_464_100_000,
        working_effectively=True,
        trademark_protected=True,
        environment_compliant=True,
        linked_to_tourism=True,
        **yes,
    )
    VillageYearFactory(
        village=b,
        year=2025,
        workers=60,
        workers_trained=30,
        production_value=732_050_000,
        trademark_protected=True,
        environment_compliant=True,
        linked_to_tourism=True,
        **yes,
    )
    incense, tiles = CraftPageFactory(title="Làm hương"), CraftPageFactory(title="Ngói âm dương")
    CraftYearFactory(craft=incense, year=2022, restored=True)
    CraftYearFactory(craft=incense, year=2023, restored=True, recognised=True, decision_year=2023)
    CraftYearFactory(
        craft=tiles, year=2024, restored=True, former_district="Văn Quan", commodity_production=True
    )
    CraftYearFactory(craft=incense, year=2025, commodity_production=True)
    CraftYearFactory(craft=tiles, year=2025, commodity_production=True)
    CraftYearFactory(
        craft=incense, year=2025, former_district="Văn Quan", commodity_production=True
    )


@pytest.mark.django_db
def test_indicators_for_2025_match_the_hand_worked_figures(figures):
    values = {indicator.key: by_year[2025] for indicator, by_year in indicator_table([2025])}
    assert values == {
        "crafts_restored": 2,  # incense (2022, 2023) and tiles (2024), each counted once
        "recognitions": 2,  # village A (2022) and the incense craft (2023); B was recognised in 2019
        "villages_linked_to_tourism": 2,
        "share_effective": 50.0,  # A of A, B
        "share_trademark": 100.0,
        "share_workers_trained": 66.7,  # (90 + 30) / (120 + 60)
        "share_compliant": 100.0,
        "production_growth": 10.0,  # 1.5 bn → 2.19615 bn in four years: 1.1⁴
        "commodity_crafts_per_district": {"Bắc Sơn": 2, "Văn Quan": 1},
    }


@pytest.mark.django_db
def test_indicators_for_the_first_year(figures):
    values = {indicator.key: by_year[2021] for indicator, by_year in indicator_table([2021])}
    assert values["share_workers_trained"] == 60.0  # (40 + 50) / 150, recognised villages only
    assert values["production_growth"] is None  # no growth before a second year
    assert values["recognitions"] == 0


def test_every_indicator_has_the_plans_2030_target():
    targets = {indicator.key: indicator.targets.get(2030) for indicator in INDICATORS}
    assert targets["share_trademark"] == 50
    assert targets["share_workers_trained"] == 100
    assert targets["production_growth"] == 10
    assert all(target is not None for target in targets.values())
