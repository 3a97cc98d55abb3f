"""Sample tours through the sample villages and Geopark sites, for `load_demo`.

The content is in `demo_data/`: the tours' section page (`sections.json`), the tours and the place
they all start from (`tours.json`), and the pattern of the extra tours made for `--scale`
(`scaled.json`). A stop is a page, by its slug (`page`), or a named point (`name`, `latitude`,
`longitude`), with the minutes spent there.
"""

from decimal import Decimal

from pages.demo import by_language, read_demo_data
from villages.models import distance_km

from .models import TourIndexPage, TourPage, TourStop

SECTIONS = read_demo_data("tours", "sections")
_DATA = read_demo_data("tours", "tours")
# A place with no page of its own, the same in every language: the city centre.
START = _DATA["start"]
TOURS = _DATA["tours"]
SCALED = read_demo_data("tours", "scaled")


def load(demo):
    home = demo.pages["home"]
    section = SECTIONS["tours"]
    index = demo.page(home, TourIndexPage, section["slug"], by_language(section))
    demo.pages["tours"] = index
    places = {page.slug: page for page in demo.pages["village_list"] + demo.pages["geopark_list"]}
    for spec in TOURS + extra_tours(demo):
        picture = spec["image"]
        tour = TourPage.objects.child_of(index).filter(slug=spec["slug"]).first()
        if tour is None:
            tour = TourPage(
                slug=spec["slug"],
                is_sample=True,
                length=spec["length"],
                themes=spec.get("themes", ["craft"]),
                seasons=spec.get("seasons", []),
                difficulty=spec.get("difficulty", "easy"),
                price_from=spec["price_from"],
                hero_image=demo.image(
                    picture.get("title", spec["vi"]["title"]),
                    picture["palette"],
                    picture["motif"],
                    spec["vi"]["title"],
                ),
                **spec["vi"],
            )
            # Every sample tour starts from the city centre, a point with no page of its own.
            start = (Decimal(START["latitude"]), Decimal(START["longitude"]))
            tour.stops.add(
                TourStop(
                    name=START["name"],
                    latitude=start[0],
                    longitude=start[1],
                    minutes=START["minutes"],
                    sort_order=0,
                )
            )
            previous = start
            for order, where in enumerate(spec["stops"], start=1):
                if "page" in where:
                    place = places[where["page"]].specific
                    stop = TourStop(place=place)
                    here = (place.latitude, place.longitude)
                else:
                    stop = TourStop(
                        name=where["name"],
                        latitude=Decimal(where["latitude"]),
                        longitude=Decimal(where["longitude"]),
                    )
                    here = (stop.latitude, stop.longitude)
                # Sample travel time: about two minutes per straight-line kilometre on mountain roads.
                stop.travel_minutes = max(10, round(distance_km(previous, here) * 2))
                stop.minutes, stop.sort_order = where["minutes"], order
                tour.stops.add(stop)
                previous = here
            index.add_child(instance=tour)
            tour.save_revision().publish()
        for code in ("en", "zh-hans"):
            demo.translate(tour, code, spec[code])
    demo.say(f"Tours: {TourPage.objects.filter(locale__language_code='vi').count()}")


def extra_tours(demo):
    """For `--scale N`: one more sample tour per two hundred products beyond the first three."""
    count = max(0, demo.scale // 200 - len(TOURS))
    slugs = [page.slug for page in demo.pages["village_list"]]
    pattern = SCALED["tour"]
    specs = []
    for number in range(1, count + 1):
        stops = [
            {"page": slugs[(number + step) % len(slugs)], "minutes": 60 + 30 * step}
            for step in range(3)
        ]
        specs.append(
            {
                "slug": pattern["slug"].format(number=number),
                "length": pattern["lengths"][number % len(pattern["lengths"])],
                "price_from": 300000 + 50000 * (number % 10),
                "stops": stops,
                "image": pattern["image"],
                **{
                    code: {name: text.format(number=number) for name, text in fields.items()}
                    for code, fields in by_language(pattern).items()
                },
            }
        )
    return specs
