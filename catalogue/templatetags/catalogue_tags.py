"""Products for the pages of other apps: the home page, a village, a showroom."""

from django import template

from oscar.core.loading import get_model

register = template.Library()

Product = get_model("catalogue", "Product")


@register.simple_tag
def newest_products(count):
    return Product.objects.browsable().base_queryset().order_by("-date_created")[:count]


@register.simple_tag
def village_products(village, count):
    """The first `count` products of `village` (any of its translations) by title."""
    return (
        Product.objects.browsable()
        .base_queryset()
        .filter(village__translation_key=village.translation_key)
        .order_by("title")[:count]
    )


@register.simple_tag
def showroom_products(showroom):
    """The products on display at `showroom`, by title."""
    return showroom.products.browsable().base_queryset().order_by("title")


@register.inclusion_tag("oscar/catalogue/partials/product_picture.html")
def product_picture(image, alt, sizes="(min-width: 60em) 36em, 100vw", eager=False):
    """A product photo in WebP with a JPEG/PNG fallback, each at 480, 960 and 1440 px wide, as the
    CMS's images are (`srcset_image … format-webp`)."""
    return {"image": image, "alt": alt, "sizes": sizes, "eager": eager, "widths": (480, 960, 1440)}
