"""The service worker that keeps a trip for offline use (signal in the mountain villages is patchy).

Served from the site's root, /sw.js, so that it may answer for every page: the visitor's "Save for
offline" on a tour stores the tour, its itinerary, its route picture and its stops' pages; the
booking confirmations and tickets the visitor opens are kept as they are seen. Nothing outside the
site is fetched.
"""

import json

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.templatetags.static import static
from django.views.decorators.http import require_safe

# Pages a visitor opens under these paths (in every language) are kept for offline use.
TICKET_PATHS = ("tickets/", "checkout/thank-you/", "accounts/orders/")
VERSION = "trip-1"


def ticket_prefixes():
    languages = [""] + [f"{code}/" for code, _name in settings.LANGUAGES[1:]]
    return [f"/{language}{path}" for language in languages for path in TICKET_PATHS]


@require_safe
def service_worker(request):
    body = render_to_string(
        "tours/sw.js",
        {
            "version": VERSION,
            "assets": json.dumps(
                [
                    static("themes/css/site.css"),
                    static("themes/css/print.css"),
                    static("themes/js/site.js"),
                    static("themes/js/trip.js"),
                ]
            ),
            "keep_visited": json.dumps(ticket_prefixes()),
        },
    )
    response = HttpResponse(body, content_type="application/javascript; charset=utf-8")
    response["Service-Worker-Allowed"] = "/"
    # A new version must reach visitors at once: browsers check the script on each visit.
    response["Cache-Control"] = "no-cache"
    return response
