"""schema.org `Product` markup for a product page: what the page shows, for search engines.

The template writes it out with the `ld_json` filter, as every page's JSON-LD.
"""

from django.utils.html import strip_tags

AVAILABILITY = {True: "https://schema.org/InStock", False: "https://schema.org/OutOfStock"}


def product_json_ld(request, product, purchase_info):
    """A `Product` with an `Offer` in VND and an `AggregateRating` from approved reviews (their
    number annotated as `approved_reviews` by the product page's query)."""
    data = {
        "@context": "https://schema.org",
        "@type": "Product",
        "name": product.get_title(),
        "url": request.build_absolute_uri(product.get_absolute_url()),
    }
    description = strip_tags(product.get_description()).strip()
    if description:
        data["description"] = description
    image = product.primary_image()
    if getattr(image, "pk", None):
        data["image"] = [request.build_absolute_uri(image.original.url)]
    if product.upc:
        data["sku"] = product.upc
    if product.gtin:
        data["gtin14"] = product.gtin
    if product.producer_id:
        data["brand"] = {"@type": "Brand", "name": product.producer.display_name}
    price = purchase_info.price
    if price.exists and price.incl_tax:
        data["offers"] = {
            "@type": "Offer",
            "url": data["url"],
            "price": str(int(price.incl_tax)),
            "priceCurrency": price.currency,
            "availability": AVAILABILITY[purchase_info.availability.is_available_to_buy],
        }
    if product.approved_reviews and product.rating is not None:
        data["aggregateRating"] = {
            "@type": "AggregateRating",
            "ratingValue": round(product.rating, 1),
            "reviewCount": product.approved_reviews,
            "bestRating": 5,
            "worstRating": 0,
        }
    return data
