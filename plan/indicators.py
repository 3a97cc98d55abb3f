"""The indicators of plan 244/KH-UBND (section II.2), computed from the yearly figures.

Counts are cumulative from the plan's first year (2021); shares are of the villages recognised in
that year; growth is the average yearly growth of production value since 2021.
"""

from dataclasses import dataclass, field

from django.db.models import Count, Q, Sum
from django.utils.translation import gettext_lazy as _

from villages.models import VillagePage

from .figures import PLAN_START, CraftYear, VillageYear

TARGET_YEARS = (2025, 2030)


@dataclass(frozen=True)
class Indicator:
    key: str
    label: str
    unit: str  # "count", "percent" or "per_district"
    targets: dict = field(default_factory=dict)  # year → target; a year left out has no figure

    def value(self, year):
        return COMPUTE[self.key](year)


def _share(part, whole):
    return round(100 * part / whole, 1) if whole else None


def crafts_restored(year):
    return (
        CraftYear.objects.public()
        .filter(restored=True, year__gte=PLAN_START, year__lte=year)
        .values("craft")
        .distinct()
        .count()
    )


def recognitions(year):
    crafts = (
        CraftYear.objects.public()
        .filter(recognised=True, decision_year__gte=PLAN_START, decision_year__lte=year)
        .values("craft")
        .distinct()
        .count()
    )
    villages = (
        VillagePage.objects.filter(
            locale__language_code="vi", recognition_year__gte=PLAN_START, recognition_year__lte=year
        )
        .exclude(recognition=VillagePage.Recognition.NONE)
        .count()
    )
    return crafts + villages


def villages_linked_to_tourism(year):
    return VillageYear.objects.public().filter(year=year, linked_to_tourism=True).count()


def _recognised_shares(year):
    return (
        VillageYear.objects.public()
        .filter(year=year, recognised=True)
        .aggregate(
            total=Count("pk"),
            effective=Count("pk", filter=Q(working_effectively=True)),
            trademark=Count("pk", filter=Q(trademark_protected=True)),
            compliant=Count("pk", filter=Q(environment_compliant=True)),
            workers=Sum("workers"),
            trained=Sum("workers_trained"),
        )
    )


def share_effective(year):
    figures = _recognised_shares(year)
    return _share(figures["effective"], figures["total"])


def share_trademark(year):
    figures = _recognised_shares(year)
    return _share(figures["trademark"], figures["total"])


def share_compliant(year):
    figures = _recognised_shares(year)
    return _share(figures["compliant"], figures["total"])


def share_workers_trained(year):
    figures = _recognised_shares(year)
    return _share(figures["trained"] or 0, figures["workers"] or 0)


def production_growth(year):
    """Average yearly growth (%) of the production value of villages reporting in 2021 and in `year`."""
    if year <= PLAN_START:
        return None
    first = dict(
        VillageYear.objects.public()
        .filter(year=PLAN_START)
        .values_list("village", "production_value")
    )
    last = dict(
        VillageYear.objects.public().filter(year=year).values_list("village", "production_value")
    )
    both = first.keys() & last.keys()
    start, end = sum(first[village] for village in both), sum(last[village] for village in both)
    if not start or not end:
        return None
    return round(100 * ((end / start) ** (1 / (year - PLAN_START)) - 1), 1)


def commodity_crafts_per_district(year):
    """{former district: number of crafts produced as commodities there} in `year`."""
    rows = (
        CraftYear.objects.public()
        .filter(year=year, commodity_production=True)
        .values("former_district")
        .annotate(crafts=Count("craft", distinct=True))
        .order_by("former_district")
    )
    return {row["former_district"]: row["crafts"] for row in rows}


COMPUTE = {
    "crafts_restored": crafts_restored,
    "recognitions": recognitions,
    "villages_linked_to_tourism": villages_linked_to_tourism,
    "share_effective": share_effective,
    "share_trademark": share_trademark,
    "share_workers_trained": share_workers_trained,
    "share_compliant": share_compliant,
    "production_growth": production_growth,
    "commodity_crafts_per_district": commodity_crafts_per_district,
}

INDICATORS = [
    Indicator(
        "crafts_restored", _("Crafts at risk restored or preserved"), "count", {2025: 1, 2030: 2}
    ),
    Indicator(
        "recognitions", _("Crafts and craft villages recognised"), "count", {2025: 1, 2030: 2}
    ),
    Indicator(
        "villages_linked_to_tourism",
        _("Craft villages linked to tourism"),
        "count",
        {2025: 1, 2030: 2},
    ),
    Indicator(
        "share_effective", _("Recognised villages working effectively (%)"), "percent", {2030: 50}
    ),
    Indicator(
        "share_trademark",
        _("Recognised villages with a protected trademark (%)"),
        "percent",
        {2030: 50},
    ),
    Indicator(
        "share_workers_trained",
        _("Workers of recognised villages trained (%)"),
        "percent",
        {2030: 100},
    ),
    Indicator(
        "share_compliant",
        _("Recognised villages meeting environmental rules (%)"),
        "percent",
        {2025: 100, 2030: 100},
    ),
    Indicator(
        "production_growth",
        _("Average yearly growth of production value (%)"),
        "percent",
        {2030: 10},
    ),
    Indicator(
        "commodity_crafts_per_district",
        _("Crafts produced as commodities, in each former district"),
        "per_district",
        {2025: 2, 2030: 3},
    ),
]


def indicator_table(years):
    """[(indicator, {year: value})] for the given years."""
    return [
        (indicator, {year: indicator.value(year) for year in years}) for indicator in INDICATORS
    ]


STATUS_LABELS = {
    "met": _("met"),
    "not_yet": _("not yet met"),
    "missed": _("missed"),
}


def target_status(value, target, year, target_year):
    """ "met", "not_yet" (the target's year is still to come) or "missed"; None without a figure."""
    if target is None or not isinstance(value, int | float):
        return None
    if value >= target:
        return "met"
    return "not_yet" if year < target_year else "missed"


def against_targets(indicator, value, year):
    """[{year, target, status, status_label}] for each of the plan's target years."""
    rows = []
    for target_year in TARGET_YEARS:
        target = indicator.targets.get(target_year)
        status = target_status(value, target, year, target_year)
        rows.append(
            {
                "year": target_year,
                "target": target,
                "status": status,
                "status_label": STATUS_LABELS.get(status, ""),
            }
        )
    return rows
