"""Sample yearly figures for 2021–2025 (marked as sample), and the public progress page.

The page's texts are in `demo_data/sections.json`; the figures are worked out here, year by year.
"""

import datetime

from pages.demo import by_language, read_demo_data
from villages.models import CraftPage, VillagePage

from .figures import ReportHeader
from .models import CraftYear, PlanProgressPage, VillageYear

YEARS = range(2021, 2026)


def load(demo):
    spec = read_demo_data("plan", "sections")["plan"]
    demo.pages["plan"] = demo.page(
        demo.pages["home"], PlanProgressPage, spec["slug"], by_language(spec)
    )
    villages = list(
        VillagePage.objects.filter(locale__language_code="vi", is_sample=True).order_by("pk")[:5]
    )
    for number, village in enumerate(villages):
        workers = 60 + 40 * number
        value = 800_000_000 + 400_000_000 * number
        for offset, year in enumerate(YEARS):
            VillageYear.objects.get_or_create(
                village=village,
                year=year,
                defaults={
                    "households": 20 + 10 * number + offset,
                    "workers": workers + 5 * offset,
                    "workers_trained": min(workers + 5 * offset, workers // 3 + 12 * offset),
                    "production_value": round(value * (1.08 + 0.01 * number) ** offset, -6),
                    "recognised": village.recognition != VillagePage.Recognition.NONE,
                    "working_effectively": number % 2 == 0 and offset >= 2,
                    "trademark_protected": bool(
                        village.geographical_indication or village.collective_trademark
                    ),
                    "environment_compliant": offset >= number,
                    "linked_to_tourism": village.linked_to_tourism and offset >= 1,
                    "is_sample": True,
                },
            )
    for craft in CraftPage.objects.filter(locale__language_code="vi", is_sample=True):
        district = craft.villages.values_list("former_district", flat=True).first() or "Cao Lộc"
        for year in YEARS:
            CraftYear.objects.get_or_create(
                craft=craft,
                former_district=district,
                year=year,
                defaults={
                    "at_risk": craft.status in ("at_risk", "restoring"),
                    "restored": craft.status == "restoring" and year == 2024,
                    "commodity_production": craft.status == "thriving",
                    "is_sample": True,
                },
            )
    # A sample header (its number says so): the report for 2025 prints as an official signs it.
    ReportHeader.objects.get_or_create(
        year=2025,
        defaults={
            "document_number": "00/BC-MẪU",
            "issued_on": datetime.date(2026, 1, 15),
            "signer_title": "Giám đốc (mẫu)",
            "signer_name": "Nguyễn Văn Mẫu",
        },
    )
    demo.say(f"Plan figures: {VillageYear.objects.filter(is_sample=True).count()} village-years")
