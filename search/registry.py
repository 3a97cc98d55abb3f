"""What can be found: one small adapter per kind of item, registered here.

An adapter turns one object (a product, a page) into the `Item`s the backends index — one per
language it is shown in — or into none when it must not be found (unpublished, private, not for
sale). Adding a kind of item (events, experiences…) is a matter of registering one more adapter. Which
changes re-index an object is not said here but where its model's app registers what its changes
touch (pages/changes.py).
"""

from dataclasses import dataclass, field, replace
from datetime import datetime

from django.apps import apps
from django.conf import settings
from django.utils import translation
from django.utils.html import strip_tags

from .text import clean

LANGUAGES = [code for code, _name in settings.LANGUAGES]


@dataclass
class Item:
    """One searchable thing in one language, as both backends index it."""

    kind: str
    object_id: str
    language: str
    title: str
    url: str
    body: str = ""
    summary: str = ""
    image_url: str = ""
    price: int | None = None
    rating: float | None = None
    published_at: datetime | None = None
    facets: dict[str, list[str]] = field(default_factory=dict)
    # the item's names in every language it is written in, so that any of them finds it
    names: list[str] = field(default_factory=list)
    # shown in another language than `language`, which it is not translated into
    fallback: bool = False
    # the language `title` is written in (`language` unless `fallback`)
    written_in: str = ""
    ocop_stars: int | None = None
    buyable: bool = False

    def __post_init__(self):
        self.written_in = self.written_in or self.language


@dataclass(frozen=True)
class Facet:
    """A way to narrow results (`category`, `ocop_stars`…); values are shown as stored unless labelled."""

    name: str
    label: str
    labels: dict = field(default_factory=dict)
    order_by_value: bool = False

    def label_for(self, value):
        return str(self.labels.get(value, value))


class Adapter:
    """How one model is indexed. Subclasses set `kind`, `label`, `model` and `facets`."""

    kind = ""
    label = ""
    model = ""  # "app_label.ModelName"
    facets = ()

    def get_model(self):
        return apps.get_model(self.model)

    def queryset(self):
        """Everything that may be found, for a rebuild (items() still has the last word)."""
        return self.get_model()._default_manager.all()

    def items(self, obj):
        """The object's items, one per language; none if it must not be found."""
        raise NotImplementedError


class PageAdapter(Adapter):
    """A Wagtail page, found in its own language only while it is live and public."""

    text_fields = ()

    def queryset(self):
        return (
            self.get_model()
            .objects.live()
            .public()
            .select_related("locale", "hero_image")
            .order_by("path")
        )

    def items(self, page):
        """The page's item in its language, its names in every language it is translated into,
        and, if it is the first of its translations (in the order of LANGUAGES), its item again
        in each language it is not translated into, so that every language finds it."""
        if not page.live or page.get_view_restrictions().exists():
            return []
        language = page.locale.language_code
        with translation.override(language):
            url = page.get_url()
        if not url:
            return []
        translations = live_translations(page)
        extra = [str(getattr(page, name, "") or "") for name in self.text_fields]
        item = Item(
            kind=self.kind,
            object_id=str(page.pk),
            language=language,
            title=page.title,
            url=url,
            body=clean(" ".join([page.introduction, *extra, stream_text(page.body)])),
            summary=clean(page.search_description or page.introduction)[:300],
            image_url=rendition_url(page.hero_image),
            # A tour's price only once it can be booked (TourPage.is_bookable).
            price=getattr(page, "price_from", None) if getattr(page, "is_bookable", True) else None,
            published_at=page.first_published_at,
            facets={name: values for name, values in self.page_facets(page).items() if values},
            names=list(translations.values()),
        )
        items = [item]
        if next(iter(translations), language) == language:
            items += [
                replace(item, language=other, fallback=True, written_in=language)
                for other in LANGUAGES
                if other not in translations
            ]
        return items

    def page_facets(self, page):
        return {}


def live_translations(page):
    """{language: title} of the page and its live, public translations, in the order of LANGUAGES."""
    found = dict(
        page.get_translations(inclusive=True)
        .live()
        .public()
        .values_list("locale__language_code", "title")
    )
    found[page.locale.language_code] = page.title
    return {code: found[code] for code in LANGUAGES if code in found}


def stream_text(value):
    """The words of a StreamField, without rendering its templates."""
    found = []

    def walk(node):
        if isinstance(node, str):
            found.append(strip_tags(node))
        elif isinstance(node, dict):
            for key, child in node.items():
                if key not in ("type", "id"):
                    walk(child)
        elif isinstance(node, list | tuple):
            for child in node:
                walk(child)

    walk(list(getattr(value, "raw_data", None) or []))
    return " ".join(found)


def rendition_url(image, spec="fill-400x260-c70"):
    if image is None:
        return ""
    try:
        return image.get_rendition(spec).url
    except Exception:  # noqa: BLE001 - a missing file must not stop the index
        return ""


_adapters = {}


def register(adapter_class):
    """Class decorator: make a kind of item searchable (skipped while its model does not exist)."""
    adapter = adapter_class()
    try:
        adapter.get_model()
    except LookupError:
        return adapter_class
    _adapters[adapter.kind] = adapter
    return adapter_class


def adapters():
    return list(_adapters.values())


def adapter(kind):
    return _adapters.get(kind)


def adapter_for_model(model):
    label = model._meta.label_lower
    for candidate in _adapters.values():
        if candidate.model.lower() == label:
            return candidate
    return None


def items_of(model_label, pk):
    """The kind and the items an object is found as now (none if deleted or not public)."""
    model = apps.get_model(model_label)
    adapter = adapter_for_model(model)
    if adapter is None:
        return None, []
    obj = model._default_manager.filter(pk=pk).first()
    return adapter.kind, (adapter.items(obj) if obj is not None else [])


def all_facets():
    """Every facet of every kind, by name (a facet shared by kinds is listed once)."""
    found = {}
    for candidate in _adapters.values():
        for facet in candidate.facets:
            found.setdefault(facet.name, facet)
    return found


def facets_for(kind=None):
    if kind and kind in _adapters:
        return list(_adapters[kind].facets)
    return list(all_facets().values())
