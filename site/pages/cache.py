"""The page cache: whole pages kept for anonymous visitors, dropped when what they show changes.

A response is kept only when the visitor is anonymous in every way (no session, basket or messages
cookie), the view is one of the public pages named in GENERATIONS, and the page sets no cookie but the
CSRF one. A form's CSRF token belongs to one visitor, so the kept copy holds a slot instead of the
token, and each visitor served from the cache gets a token of their own there (and the CSRF cookie
that goes with it), as Django's CSRF middleware would have given them.

Each cached page sits under a *generation*: a token per address (a Wagtail page, a product) or per
group of addresses (the shop's listings, search results). Changing a page, a price or a stock level
replaces the generations of exactly the addresses that show it, so their old copies are never
served again: each copy carries the generations it was made under, read with it in one round trip,
and the next visitor's copy replaces it. Which addresses show a change is not decided here: the
cache follows the change event, after the commit (pages/changes.py).
"""

import functools
import hashlib
import hmac
import re
import uuid
from urllib.parse import parse_qsl, urlencode

from django.conf import settings
from django.core.cache import caches
from django.dispatch import receiver
from django.http import HttpResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

from .changes import content_changed, shown_at
from .memo import request_memo
from .tasks import render_again

HEADER = "X-Page-Cache"
# A form's token in a rendered page, and what stands in its place in the kept copy.
TOKEN_FIELD = re.compile(rb'(name="csrfmiddlewaretoken" value=")[A-Za-z0-9]{64}(")')
# Query parameters some page reads (each app names its own: `keep_parameters`). A request with
# any other parameter (utm_source, junk) is answered afresh and not kept, so made-up parameters
# cannot fill the cache; copies are keyed on the parameters in a stable order.
_parameters = set()


def keep_parameters(*names):
    """Say that a page reads these query parameters: copies differ by their values."""
    _parameters.update(names)


@functools.cache
def _token_slot():
    """What stands in a kept copy's token field: secret to this deployment, token-shaped, and
    replaced only inside that field, so no page text can receive a visitor's token."""
    return hmac.new(settings.SECRET_KEY.encode(), b"page-cache-slot", "sha256").hexdigest().encode()


def _token_field(token):
    """A form's token field as it reads in a page, holding `token` (bytes)."""
    return b'name="csrfmiddlewaretoken" value="' + token + b'"'


@functools.cache
def _slot_field():
    return _token_field(_token_slot())


def with_slots(content):
    """`content` (bytes) with a slot in place of each form's token: what every visitor may get."""
    return TOKEN_FIELD.sub(rb"\g<1>" + _token_slot() + rb"\g<2>", content)


def with_token(content, request):
    """`content` (bytes) with the token of `request`'s visitor in each slot (and the CSRF
    cookie to go with it set on the response, as `get_token` does)."""
    return content.replace(_slot_field(), _token_field(get_token(request).encode()))


# Views whose pages are shared by every anonymous visitor, with the generations their copies are
# kept under: "path" (the page's own address) and named groups. A copy is read only while every
# one of its generations is unchanged.
# Every copy is also kept under "tree": a page moved, renamed, deleted or made private can change
# any address and any menu, so such a change drops them all.
GENERATIONS = {
    "wagtail_serve": ("tree", "path"),
    # A product page also shows its village, the tours through it, its craftspeople and the
    # showrooms: their changes drop it by its path (catalogue/changes.py, tours/changes.py), the
    # showrooms' by the group "products" (every product page lists them).
    "catalogue:detail": ("tree", "path", "products"),
    "catalogue:index": ("tree", "catalogue"),
    "catalogue:category": ("tree", "catalogue"),
    "catalogue:village": ("tree", "catalogue"),
    "catalogue:producer": ("tree", "catalogue"),
    "catalogue:ocop": ("tree", "catalogue"),
    "catalogue:ocop-stars": ("tree", "catalogue"),
    "search:search": ("tree", "search"),
    "search:suggest": ("tree", "search"),
}
# "pages" changes with every publish: only shared parts (`shared` below: menus, the home page's
# lists) are kept under it.
GROUP_NAMES = sorted(
    {name for names in GENERATIONS.values() for name in names} - {"path"} | {"pages"}
)


def _cache():
    return caches[getattr(settings, "PAGE_CACHE_ALIAS", "default")]


def _timeout():
    return getattr(settings, "PAGE_CACHE_SECONDS", 0)


def _generation_key(name):
    return f"pagecache:gen:{name}"


def _private(request):
    names = {
        settings.SESSION_COOKIE_NAME,
        settings.OSCAR_BASKET_COOKIE_OPEN,
        settings.OSCAR_RECENTLY_VIEWED_COOKIE_NAME,
        "messages",
    }
    return any(name in request.COOKIES for name in names)


def _owners(path):
    """The addresses that may own `path`: itself and each address above it. A page's own
    sub-addresses (a tour's printable itinerary, the plan's yearly report) show the page, and
    are kept under its generation (`owner_of`)."""
    cut = [index + 1 for index, letter in enumerate(path) if letter == "/"]
    return {path, *(path[:end] for end in cut)}


def _generation_keys(request):
    """The cache key of every generation this address could be kept under."""
    return [
        *(_generation_key(f"path:{owner}") for owner in _owners(request.path)),
        *(_generation_key(f"group:{group}") for group in GROUP_NAMES),
    ]


def owner_of(request, path):
    """Say that the page at `path` answers this request (its own address or one of its
    sub-addresses): a copy of the answer is dropped with that page's."""
    request.page_cache_owner = path


def _page_key(request):
    """The key of this address's copy (per query string). The scheme is part of it: a copy made
    over HTTPS is never served to a plain-HTTP request, which the security middleware must still
    redirect."""
    query = hashlib.md5(_read_query(request).encode()).hexdigest()
    return f"pagecache:page:{request.scheme}:{request.get_host()}:{request.path}:{query}"


def _read_query(request):
    """The query string in a stable order, or None when it has a parameter no page reads."""
    pairs = parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)
    if any(name not in _parameters for name, _value in pairs):
        return None
    return urlencode(sorted(pairs))


def _signature(names, owner, found):
    """The values of the generations `names` in `found`, "path" standing for the generation of
    the page that answers this address, at `owner`."""
    keys = (
        _generation_key(f"path:{owner}" if name == "path" else f"group:{name}") for name in names
    )
    return ".".join(found.get(key, "0") for key in keys)


def _lookup(request):
    """The cached response for this request (or None), and the generations found, in one round
    trip: the kept copy, with the generations it was made under, and every generation it could
    be kept under (its address's, the addresses' above it, each group's). A copy is served only
    while those are still the current ones."""
    page_key = _page_key(request)
    found = _cache().get_many([page_key, *_generation_keys(request)])
    kept = found.pop(page_key, None)
    if kept is None:
        return None, found
    signature, names, owner, response = kept
    return (response if signature == _signature(names, owner, found) else None), found


def _store(request, names, found, response):
    """Keep the page with the generations read *before* it was rendered: if a change committed
    meanwhile, its generations are already newer, and this copy (perhaps of the old content) is
    never served."""
    owner = getattr(request, "page_cache_owner", None)
    if owner not in _owners(request.path):
        owner = request.path
    signature = _signature(names, owner, found)
    _cache().set(_page_key(request), (signature, names, owner, shared_copy(response)), _timeout())


def _generations_of(request):
    """The generations the view that answered keeps its pages under, or None: not kept."""
    match = getattr(request, "resolver_match", None)
    return GENERATIONS.get(match.view_name) if match is not None else None


class PageCacheMiddleware:
    """Serve anonymous GETs of public pages from the cache, and keep what may be shared."""

    def __init__(self, get_response):
        self.get_response = get_response
        # Static files and uploads are served by WhiteNoise or the web server, never from here.
        self.files = tuple(prefix for prefix in (settings.STATIC_URL, settings.MEDIA_URL) if prefix)
        # Gives a visitor served from the cache a CSRF token and cookie, as it would have.
        self.csrf = CsrfViewMiddleware(get_response)

    def __call__(self, request):
        if (
            not _timeout()
            or request.method not in ("GET", "HEAD")
            or request.path.startswith(self.files)
            or _private(request)
            or _read_query(request) is None
        ):
            return self.get_response(request)
        # Which view answers is known only after URL resolution; the group is remembered per address.
        cached, found = _lookup(request)
        if cached is not None:
            cached[HEADER] = "hit"
            return self._with_own_token(request, cached)
        response = self.get_response(request)
        names = _generations_of(request)
        if names is not None and self._shareable(response):
            _store(request, names, found, response)
            response[HEADER] = "miss"
        return response

    def _with_own_token(self, request, response):
        slot_field = _slot_field()
        if slot_field not in response.content:
            return response
        self.csrf.process_request(request)  # the visitor's own secret, from their cookie
        response.content = with_token(response.content, request)
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
        return self.csrf.process_response(request, response)  # sets or renews the cookie

    @staticmethod
    def _shareable(response):
        return (
            response.status_code == 200
            and not response.streaming
            and set(response.cookies) <= {settings.CSRF_COOKIE_NAME}
            and "private" not in response.get("Cache-Control", "")
            and "no-store" not in response.get("Cache-Control", "")
        )


def shared_copy(response):
    """What every visitor may be given: the page without its CSRF cookie, a slot for each token."""
    content = with_slots(response.content)
    shared = HttpResponse(content, status=response.status_code, headers=dict(response.items()))
    if shared.has_header("Content-Length"):
        shared["Content-Length"] = str(len(content))
    return shared


# --- Fragments: what many pages show alike, kept under the same generations ----------------------


def _fragment_timeout():
    return getattr(settings, "FRAGMENT_CACHE_SECONDS", 0)


def _group_generations():
    """Every group's generation, read once per request (one round trip)."""
    memo = request_memo()
    if memo is not None and "page-cache-groups" in memo:
        return memo["page-cache-groups"]
    keys = [_generation_key(f"group:{group}") for group in GROUP_NAMES]
    found = _cache().get_many(keys)
    generations = {group: found.get(key, "0") for group, key in zip(GROUP_NAMES, keys, strict=True)}
    if memo is not None:
        memo["page-cache-groups"] = generations
    return generations


def shared(name, groups, make, *vary, request=None):
    """What `make()` returns (HTML, or the data of a menu) for a part that every visitor of many
    pages sees alike (menus, the footer, the home page's lists): kept for FRAGMENT_CACHE_SECONDS
    per language and per `vary`, under the generations of `groups` read before it is made (a
    change committed meanwhile has already replaced them, so a copy of the old content is never
    read). Nothing in it may belong to one visitor (a basket) or to a draft. A form's token does:
    HTML holding one is kept with a slot in its place, filled with the token of `request`'s
    visitor on the way out (as the page cache does), or not kept at all without a request.
    With FRAGMENT_CACHE_SECONDS 0, made every time."""
    timeout = _fragment_timeout()
    if not timeout:
        return make()
    generations = _group_generations()
    generation = ".".join(generations[group] for group in groups)
    parts = ":".join(str(part) for part in vary)
    key = f"pagecache:fragment:{name}:{get_language()}:{parts}:{generation}"
    cache = _cache()
    kept = cache.get(key)
    if isinstance(kept, bytes):  # HTML with a slot for each token
        return mark_safe(with_token(kept, request).decode())
    if kept is not None:
        return kept
    made = make()
    slotted = with_slots(made.encode()) if isinstance(made, str) else None
    if slotted is None or _slot_field() not in slotted:
        cache.set(key, made, timeout)
    elif request is not None:
        cache.set(key, slotted, timeout)  # kept as bytes: each visitor's token goes in when read
    return made


# --- Invalidation: the subscriber of the change event (pages/changes.py) ------------------------


def forget_paths(paths):
    """Drop the cached copies of these addresses (every query string of each), in one round trip
    (a village's publish drops its products' pages: thousands at scale)."""
    fresh = {_generation_key(f"path:{path}"): uuid.uuid4().hex for path in set(paths) if path}
    if fresh:
        _cache().set_many(fresh, None)


def forget_groups(*groups):
    cache = _cache()
    for group in groups:
        cache.set(_generation_key(f"group:{group}"), uuid.uuid4().hex, None)


@receiver(content_changed, dispatch_uid="page-cache")
def forget_what_changed(sender, changes, **kwargs):
    """Drop every copy showing what changed; with the page and fragment caches off this costs
    nothing."""
    if not _timeout() and not _fragment_timeout():
        return
    shown = shown_at(changes)
    forget_paths(shown.paths)
    forget_groups(*sorted(shown.groups))
    if _timeout() and settings.PAGE_CACHE_RENDER_AGAIN:
        # Shortest addresses first: a village before its products.
        paths = sorted((path for path in shown.paths if path), key=lambda path: (len(path), path))
        render_again.enqueue(paths)
