"""Sample craft experiences with sessions in the coming weeks, for `load_demo`.

Runs after the catalogue's demo, whose producers sell the tickets. Running it again adds nothing,
except new sessions for an experience whose sample sessions have all gone by.

The content is in `demo_data/`: the experiences (`experiences.json`) and their section page
(`sections.json`). Each session is given by how many days from today it is, its local starting time
and its seats; `host`, `village` and `producer` are the slugs and code of pages and a producer made
by the earlier steps.
"""

import datetime
from decimal import Decimal

from django.utils import timezone

from oscar.core.loading import get_model

from pages.demo import by_language, read_demo_data
from villages.models import CraftspersonPage, VillagePage

from .booking import sync_session_products
from .models import ExperienceIndexPage, ExperiencePage, ExperienceSession

Partner = get_model("partner", "Partner")

EXPERIENCES = read_demo_data("tours", "experiences")
INDEX = read_demo_data("tours", "sections")["experiences"]


def sample_sessions(spec, today=None):
    """The spec's sessions, dated from `today` in Lạng Sơn time."""
    today = today or timezone.localdate()
    sessions = []
    for order, session in enumerate(spec["sessions"]):
        day = today + datetime.timedelta(days=session["in_days"])
        time = datetime.time.fromisoformat(session["time"])
        starts = timezone.make_aware(datetime.datetime.combine(day, time))
        sessions.append(
            ExperienceSession(starts_at=starts, seats=session["seats"], sort_order=order)
        )
    return sessions


def load(demo):
    index = demo.page(demo.pages["home"], ExperienceIndexPage, INDEX["slug"], by_language(INDEX))
    demo.pages["experiences"] = index
    vi = demo.locales["vi"]
    for spec in EXPERIENCES:
        host = CraftspersonPage.objects.get(slug=spec["host"], locale=vi)
        village = VillagePage.objects.get(slug=spec["village"], locale=vi)
        producer = Partner.objects.filter(code=spec["producer"]).first()
        title = spec["vi"]["title"]
        page = demo.page(
            index,
            ExperiencePage,
            spec["slug"],
            by_language(spec),
            host=host,
            village=village,
            producer=producer,
            price=spec["price"],
            duration_minutes=spec["duration_minutes"],
            languages=spec["languages"],
            group_min=spec["group_min"],
            group_max=spec["group_max"],
            latitude=Decimal(spec["latitude"]),
            longitude=Decimal(spec["longitude"]),
            hero_image=demo.image(title, spec["image"]["palette"], spec["image"]["motif"], title),
        )
        if not page.sessions.filter(starts_at__gt=timezone.now()).exists():
            # A new demo, or one loaded weeks ago whose sessions have gone by: offer new ones.
            for session in sample_sessions(spec):
                session.experience = page
                session.save()
            sync_session_products(page)
    demo.say(f"Experiences: {ExperiencePage.objects.filter(locale=vi).count()}")
