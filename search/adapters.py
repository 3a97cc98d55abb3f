"""Today's searchable kinds: products, villages, crafts, craftspeople, showrooms, Geopark sites,
events, tours and craft experiences."""

from django.utils import translation
from django.utils.translation import gettext_lazy as _

from oscar.core.loading import get_class

from tours.models import ExperiencePage, TourPage
from villages.models import CraftPage, CraftspersonPage, GeoparkSitePage

from .registry import LANGUAGES, Adapter, Facet, Item, PageAdapter, register
from .text import clean

# Upper bounds in đồng, and the facet value each band is stored under.
PRICE_BANDS = [
    (100_000, "0-100000", _("Under 100,000 ₫")),
    (300_000, "100000-300000", _("100,000 – 300,000 ₫")),
    (1_000_000, "300000-1000000", _("300,000 – 1,000,000 ₫")),
    (None, "1000000-", _("Over 1,000,000 ₫")),
]


def price_band(price):
    for upper, value, _label in PRICE_BANDS:
        if upper is None or price < upper:
            return value
    return None


@register
class ProductAdapter(Adapter):
    kind = "product"
    label = _("Products")
    model = "catalogue.Product"
    facets = (
        Facet("ocop_stars", _("OCOP stars"), order_by_value=True),
        Facet("category", _("Category")),
        Facet("village", _("Village")),
        Facet("producer", _("Producer")),
        Facet(
            "price_band",
            _("Price"),
            labels={value: label for _upper, value, label in PRICE_BANDS},
            order_by_value=True,
        ),
    )

    def queryset(self):
        return (
            self.get_model()
            .objects.browsable()
            .select_related("product_class", "parent", "village", "producer")
            .prefetch_related("stockrecords__partner", "categories", "images")
            .order_by("pk")
        )

    def items(self, product):
        if not product.is_public or product.parent_id:
            return []
        strategy = get_class("partner.strategy", "Selector")().strategy()
        info = strategy.fetch_for_product(product) if not product.is_parent else None
        if info is None or not info.availability.is_available_to_buy:
            return []
        price = int(info.price.incl_tax) if info.price.exists else None
        producer = product.producer or (info.stockrecord.partner if info.stockrecord else None)
        image = product.primary_image()
        image_url = thumbnail_url(image) if getattr(image, "pk", None) else ""
        listing_keys = listing_facets(product, producer)
        names = []
        for language in LANGUAGES:
            with translation.override(language):
                names.append(product.get_title())
        # Straight into the basket from a result card, unless the buyer must choose options.
        buyable = not product.has_options
        items = []
        for language, title in zip(LANGUAGES, names, strict=True):
            with translation.override(language):
                description = clean(product.get_description() or "")
                body = clean(" ".join([description, product.upc or ""]))
                facets = {
                    **listing_keys,
                    "ocop_stars": [str(product.ocop_stars)] if product.ocop_stars else [],
                    "category": sorted(
                        {category.get_name() for category in product.categories.all()}
                    ),
                    "village": [village] if (village := village_name(product)) else [],
                    "producer": [producer.name] if producer else [],
                    "price_band": [price_band(price)] if price is not None else [],
                }
                items.append(
                    Item(
                        kind=self.kind,
                        object_id=str(product.pk),
                        language=language,
                        title=title,
                        url=product.get_absolute_url(),
                        body=body,
                        summary=description[:300],
                        image_url=image_url,
                        price=price,
                        rating=product.rating,
                        published_at=product.date_created,
                        facets={name: values for name, values in facets.items() if values},
                        names=names,
                        ocop_stars=product.ocop_stars or None,
                        buyable=buyable,
                    )
                )
        return items


def listing_facets(product, producer):
    """Facets the catalogue's listings narrow by, whatever the language: ids, not names.

    Not offered on the search page (no adapter lists them), only asked for by listing views.
    """
    paths = set()
    for category in product.categories.all():
        # A category page lists its sub-categories' products too: index every ancestor's tree
        # path (a prefix of the category's own), which needs no query.
        step = category.steplen
        paths |= {category.path[:end] for end in range(step, len(category.path) + 1, step)}
    village = product.village
    return {
        "category_path": sorted(paths),
        "village_key": [str(village.translation_key)] if village else [],
        "producer_code": [producer.code] if producer and producer.code else [],
    }


def village_name(product):
    """The product's village, in the active language where the page is translated."""
    village = product.localized_village()
    return village.title if village else None


def thumbnail_url(image):
    thumbnailer = get_class("oscar.core.thumbnails", "get_thumbnailer")()
    try:
        return thumbnailer.generate_thumbnail(image.original, size="400x400", crop="center").url
    except Exception:  # noqa: BLE001 - a missing picture must not stop the index
        return ""


@register
class VillageAdapter(PageAdapter):
    kind = "village"
    label = _("Craft villages")
    model = "villages.VillagePage"
    text_fields = ("commune", "former_district", "card_meta")
    facets = (Facet("craft", _("Craft")),)

    def page_facets(self, page):
        # The village's craft pages, in the village's language.
        return {"craft": sorted({craft.title for craft in page.local_crafts})}


@register
class GeoparkSiteAdapter(PageAdapter):
    kind = "geopark_site"
    label = _("Geopark sites")
    model = "villages.GeoparkSitePage"
    facets = (Facet("site_kind", _("Kind of site"), labels=dict(GeoparkSitePage.Kind.choices)),)

    def page_facets(self, page):
        return {"site_kind": [page.kind] if page.kind else []}


@register
class TourAdapter(PageAdapter):
    kind = "tour"
    label = _("Tours")
    model = "tours.TourPage"
    text_fields = ("starting_point",)
    facets = (
        Facet("length", _("Length"), labels=dict(TourPage.Length.choices)),
        Facet("theme", _("Theme"), labels=dict(TourPage.Theme.choices)),
    )

    def page_facets(self, page):
        return {"length": [page.length] if page.length else [], "theme": sorted(page.themes)}


@register
class EventAdapter(PageAdapter):
    kind = "event"
    label = _("Festivals and events")
    model = "villages.EventPage"
    text_fields = ("place",)
    facets = (Facet("event_kind", _("Kind of event")),)

    def page_facets(self, page):
        return {"event_kind": [page.get_kind_display()] if page.kind else []}


@register
class ShowroomAdapter(PageAdapter):
    kind = "showroom"
    label = _("Showrooms")
    model = "villages.ShowroomPage"
    text_fields = ("address", "opening_hours")


@register
class CraftAdapter(PageAdapter):
    kind = "craft"
    label = _("Crafts")
    model = "villages.CraftPage"
    facets = (
        Facet("craft_status", _("State of the craft"), labels=dict(CraftPage.Status.choices)),
    )

    def page_facets(self, page):
        return {"craft_status": [page.status] if page.status else []}


@register
class CraftspersonAdapter(PageAdapter):
    kind = "craftsperson"
    label = _("Craftspeople")
    model = "villages.CraftspersonPage"
    text_fields = ("card_meta", "craft_title", "village_title")
    facets = (
        Facet("honour", _("Honour"), labels=dict(CraftspersonPage.Title.choices)),
        Facet("craft", _("Craft")),
    )

    def items(self, page):
        # The craft and the village are searched by name too: `ren dong dang` finds the smith.
        page.craft_title = page.local_craft.title if page.local_craft else ""
        page.village_title = page.get_parent().title
        return super().items(page)

    def page_facets(self, page):
        return {
            "honour": [page.honour] if page.honour else [],
            "craft": [page.craft_title] if page.craft_title else [],
        }


@register
class ExperienceAdapter(PageAdapter):
    kind = "experience"
    label = _("Craft experiences")
    model = "tours.ExperiencePage"
    text_fields = ("meeting_point", "included", "host_title", "village_title")
    facets = (
        Facet("spoken", _("Language spoken"), labels=dict(ExperiencePage.Language.choices)),
        Facet("village", _("Village")),
    )

    def items(self, page):
        # Found by its host's and its village's names too, in the page's language.
        with translation.override(page.locale.language_code):
            page.host_title = page.host.localized.title if page.host_id else ""
            page.village_title = page.village.localized.title if page.village_id else ""
        items = super().items(page)
        for item in items:
            item.price = page.price
        return items

    def page_facets(self, page):
        return {
            "spoken": list(page.languages),
            "village": [page.village_title] if page.village_title else [],
        }
