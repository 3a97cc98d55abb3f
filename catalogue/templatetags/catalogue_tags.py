"""Products for the pages of other apps: the home page, a village, a showroom."""

import logging

from django import template

from oscar.core.loading import get_model
from oscar.core.thumbnails import get_thumbnailer

register = template.Library()
logger = logging.getLogger(__name__)

WIDTHS = (480, 960, 1440)

Product = get_model("catalogue", "Product")


@register.simple_tag
def newest_products(count):
    return Product.objects.browsable().cards().order_by("-date_created")[:count]


@register.simple_tag
def village_products(village, count):
    """The first `count` products of `village` (any of its translations) by title."""
    return (
        Product.objects.browsable()
        .cards()
        .filter(village__translation_key=village.translation_key)
        .order_by("title")[:count]
    )


@register.simple_tag
def showroom_products(showroom):
    """The products on display at `showroom`, by title."""
    return showroom.products.browsable().cards().order_by("title")


@register.inclusion_tag("oscar/catalogue/partials/product_picture.html")
def product_picture(image, alt, sizes="(min-width: 60em) 36em, 100vw", eager=False):
    """A product photo in WebP with a JPEG/PNG fallback, each at 480, 960 and 1440 px wide, as the
    CMS's images are (`srcset_image … format-webp`). A photo whose file cannot be read (lost from
    storage, unreadable) is left out rather than failing the page."""
    picture = {"alt": alt, "sizes": sizes, "eager": eager, "webp": [], "fallback": []}
    if not image:
        return picture
    thumbnailer = get_thumbnailer()
    try:
        for width in WIDTHS:
            size = f"{width}x{width * 2}"
            picture["webp"].append(
                (width, thumbnailer.generate_thumbnail(image.original, size=size, format="WEBP"))
            )
            picture["fallback"].append(
                (width, thumbnailer.generate_thumbnail(image.original, size=size))
            )
    except Exception:  # sorl raises whatever the storage or the image library raised
        logger.exception("product photo %s could not be resized", image.original.name)
        return picture
    made = [thumbnail for _width, thumbnail in picture["webp"] + picture["fallback"]]
    if any(getattr(thumbnail, "size", None) is None for thumbnail in made):
        # sorl gives back an empty thumbnail when it could not read the file
        logger.warning("product photo %s could not be read", image.original.name)
        return picture
    picture["shown"] = picture["fallback"][1][1]
    return picture
