"""What a change in the shop's catalogue touches (pages/changes.py): products and their pieces."""

from django.conf import settings
from django.utils import translation

from oscar.core.loading import get_model

from pages.changes import Shown, page_path, register
from pages.models import HomePage
from villages.models import CraftspersonPage, ShowroomPage, VillagePage

Product = get_model("catalogue", "Product")
Category = get_model("catalogue", "Category")
ProductCategory = get_model("catalogue", "ProductCategory")
ProductImage = get_model("catalogue", "ProductImage")
Batch = get_model("catalogue", "Batch")
BatchStep = get_model("catalogue", "BatchStep")
BatchCertificate = get_model("catalogue", "BatchCertificate")


def products_shown_at(products):
    """A product's own page in each language, the home page, its village's pages and the
    showrooms that display it; every listing and search result."""
    paths = product_pages(products)
    ids = [product.pk for product in products if product.pk]
    villages = VillagePage.objects.filter(products__in=ids).values("translation_key")
    showrooms = ShowroomPage.objects.filter(products__in=ids).values("translation_key")
    pages = [
        *HomePage.objects.all(),
        *VillagePage.objects.filter(translation_key__in=villages),
        *ShowroomPage.objects.filter(translation_key__in=showrooms),
    ]
    paths |= {page_path(page) for page in pages}
    return Shown(paths=paths - {None}, groups={"catalogue", "search"})


def product_pages(products):
    """Each product's own page, in every language."""
    paths = set()
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            paths |= {product.get_absolute_url() for product in products}
    return paths


def made_in(village_keys):
    """The product pages of the villages with these translation keys: each shows its village's
    name, story and craftspeople, and the tours through it."""
    return Shown(
        paths=product_pages(Product.objects.filter(village__translation_key__in=village_keys))
    )


def of_product(pieces):
    return [piece.product for piece in pieces if piece.product_id]


register(Product, shown_at=products_shown_at)
# The pages a product page shows (its village, the village's craftspeople, the showrooms where it
# can be picked up): their change drops the product pages that show them, not every product page.
register(
    VillagePage, shown_at=lambda villages: made_in({page.translation_key for page in villages})
)
register(
    CraftspersonPage,
    shown_at=lambda people: made_in(
        # A craftsperson's page sits under its village: the parent's tree path, no query each.
        VillagePage.objects.filter(
            path__in=[person.path[: -VillagePage.steplen] for person in people if person.path]
        ).values("translation_key")
    ),
)
register(ShowroomPage, shown_at=lambda showrooms: Shown(groups={"products"}))
register(ProductCategory, part_of=of_product)
register(ProductImage, part_of=of_product)
register(Batch, part_of=of_product)
register(BatchStep, part_of=lambda steps: [step.batch for step in steps])
register(BatchCertificate, part_of=lambda certificates: [each.batch for each in certificates])
# A category's name is shown on product pages, listings and search results, and is part of each
# of its products' search documents (their category facet).
register(
    Category,
    part_of=lambda categories: Product.objects.filter(categories__in=categories).distinct(),
    shown_at=lambda categories: Shown(groups={"catalogue", "search", "products"}),
)
