"""Sample villages and Geopark sites of Lạng Sơn for `load_demo` (marked as sample content).

The content is in `demo_data/`: the section pages (`sections.json`), crafts, villages, Geopark
sites, craftspeople, events and showrooms, each a list of page specs, and the pattern of the extra
villages made for `--scale` (`scaled.json`). A spec's `image` is the motif and palette of the
picture drawn for it (with its alt text when it is not the title); a village's `body` is its
paragraphs, with a quote after the first one and a timeline at the end where it has them.
"""

from decimal import Decimal

from pages.demo import by_language, read_demo_data

from .models import (
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

SECTIONS = read_demo_data("villages", "sections")
CRAFTS = read_demo_data("villages", "crafts")
VILLAGES = read_demo_data("villages", "villages")
GEOPARK_SITES = read_demo_data("villages", "geopark_sites")
CRAFTSPEOPLE = read_demo_data("villages", "craftspeople")
# Lunar-calendar festivals: their solar date is worked out each year by lunar_vn.
EVENTS = read_demo_data("villages", "events")
SHOWROOMS = read_demo_data("villages", "showrooms")
SCALED = read_demo_data("villages", "scaled")

# The section pages under the home page that hold the pages below, made first in this order.
SECTION_MODELS = {
    "crafts": CraftIndexPage,
    "events": EventIndexPage,
    "showrooms": ShowroomIndexPage,
    "map": MapPage,
}


def story(paragraphs, quote=None, timeline=None):
    """A page body (StreamField blocks) from its paragraphs, quote and timeline."""
    body = [("paragraph", f"<p>{text}</p>") for text in paragraphs]
    if quote:
        body.insert(1, ("quote", {"text": quote["text"], "attribution": quote["attribution"]}))
    if timeline:
        body.append(
            (
                "timeline",
                {"entries": [{"when": entry["when"], "what": entry["what"]} for entry in timeline]},
            )
        )
    return body


def texts(spec):
    """A spec's fields in each language, its body (if any) as blocks."""
    result = {}
    for code, fields in by_language(spec).items():
        result[code] = dict(fields)
        if "body" in fields:
            result[code]["body"] = story(**fields["body"])
    return result


def load(demo):
    home = demo.pages["home"]
    for key, model in SECTION_MODELS.items():
        spec = SECTIONS[key]
        demo.pages[key] = demo.page(home, model, spec["slug"], by_language(spec))
    crafts = {}
    for spec in CRAFTS:
        title = spec["vi"]["title"]
        crafts[spec["slug"]] = demo.page(
            demo.pages["crafts"],
            CraftPage,
            spec["slug"],
            by_language(spec),
            status=spec["status"],
            hero_image=demo.image(title, spec["image"]["palette"], spec["image"]["motif"], title),
        )
    villages = demo.page(
        home, VillageIndexPage, SECTIONS["villages"]["slug"], by_language(SECTIONS["villages"])
    )
    geopark = demo.page(
        home, GeoparkIndexPage, SECTIONS["geopark"]["slug"], by_language(SECTIONS["geopark"])
    )
    demo.pages.update(villages=villages, geopark=geopark)
    by_slug = {}
    for spec in VILLAGES + extra_villages(demo):
        page = _place(
            demo,
            villages,
            VillagePage,
            spec,
            commune=spec["commune"],
            former_district=spec["former_district"],
            crafts=[crafts[slug] for slug in spec["crafts"]],
            **spec["plan"],
        )
        by_slug[spec["slug"]] = page
        demo.pages.setdefault("village_list", []).append(page)
    for spec in GEOPARK_SITES:
        page = _place(demo, geopark, GeoparkSitePage, spec, kind=spec["kind"])
        demo.pages.setdefault("geopark_list", []).append(page)
    for spec in CRAFTSPEOPLE:
        title = spec["vi"]["title"]
        demo.page(
            by_slug[spec["village"]],
            CraftspersonPage,
            spec["slug"],
            by_language(spec),
            honour=spec["honour"],
            craft=crafts[spec["craft"]],
            teaches=spec["teaches"],
            hosts_visitors=spec["hosts_visitors"],
            hero_image=demo.image(title, spec["image"]["palette"], spec["image"]["motif"], title),
        )
    sites = {page.slug: page for page in demo.pages["geopark_list"]}
    for spec in EVENTS:
        _place(
            demo,
            demo.pages["events"],
            EventPage,
            spec,
            kind=spec["kind"],
            recurrence=spec["recurrence"],
            lunar_month=spec["lunar_month"],
            lunar_day=spec["lunar_day"],
            duration_days=spec["duration_days"],
            village=by_slug.get(spec["village"]),
            geopark_site=sites.get(spec["geopark_site"]),
        )
    for spec in SHOWROOMS:
        _place(
            demo,
            demo.pages["showrooms"],
            ShowroomPage,
            spec,
            address=spec["address"],
            opening_hours=spec["opening_hours"],
        )
    demo.say(
        f"Villages: {len(demo.pages['village_list'])}, Geopark sites: {len(demo.pages['geopark_list'])}, crafts: {len(crafts)}"
    )


def link_showroom_products(demo):
    """Showrooms carry some of the sample products (called once the catalogue's demo has run)."""
    from catalogue.models import Product

    products = list(Product.objects.filter(is_sample=True).order_by("upc")[:6])
    for showroom in ShowroomPage.objects.filter(locale__language_code="vi", is_sample=True):
        if not showroom.products.exists() and products:
            showroom.products.set(products)
            showroom.save_revision().publish()


def _place(demo, parent, model, spec, **fields):
    """A page on the map: its picture, latitude and longitude, and `fields`."""
    picture = spec["image"]
    title = spec["vi"]["title"]
    image = demo.image(
        picture.get("title", title), picture["palette"], picture["motif"], picture.get("alt", title)
    )
    return demo.page(
        parent,
        model,
        spec["slug"],
        texts(spec),
        hero_image=image,
        latitude=Decimal(spec["latitude"]),
        longitude=Decimal(spec["longitude"]),
        **fields,
    )


def extra_villages(demo):
    """For `--scale N`: one more sample village per hundred products beyond the first five."""
    count = max(0, demo.scale // 100 - len(VILLAGES))
    pattern = SCALED["village"]
    picture = pattern["image"]
    specs = []
    for number in range(1, count + 1):
        variant = number % len(picture["motifs"])
        specs.append(
            {
                "slug": pattern["slug"].format(number=number),
                "commune": pattern["commune"].format(number=number),
                "former_district": pattern["former_districts"][
                    number % len(pattern["former_districts"])
                ],
                "latitude": f"{21.5 + (number % 80) / 100:.4f}",
                "longitude": f"{106.2 + (number % 90) / 100:.4f}",
                "image": {
                    "motif": picture["motifs"][variant],
                    "palette": picture["palette"],
                    "alt": picture["alt"],
                    "title": picture["title"].format(variant=variant),
                },
                "crafts": [CRAFTS[number % len(CRAFTS)]["slug"]],
                "plan": {},
                **{
                    code: {name: text.format(number=number) for name, text in fields.items()}
                    for code, fields in by_language(pattern).items()
                },
            }
        )
    return specs
