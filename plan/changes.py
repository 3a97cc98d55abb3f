"""What a change of the plan's figures touches (pages/changes.py): the progress page, whose
indicators, charts and yearly reports are computed from them, in every language."""

from pages.changes import register

from .models import CraftYear, PlanProgressPage, VillageYear


def progress_pages(figures):
    return list(PlanProgressPage.objects.all())


register(VillageYear, part_of=progress_pages)
register(CraftYear, part_of=progress_pages)
