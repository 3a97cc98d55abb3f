"""Settings shared by every environment; everything that differs between machines comes from the environment."""

import importlib.util
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

from django.utils.translation import gettext_lazy as _

import environ
from oscar.defaults import *  # noqa: F403  (Oscar's defaults first, our OSCAR_* overrides below)

from catalogue.access import can_moderate
from config.caching import cache_config
from staff.access import can_open_staff_area

BASE_DIR = Path(__file__).resolve().parents[3]
SITE_DIR = BASE_DIR / "site"
VAR_DIR = BASE_DIR / "var"

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env("SECRET_KEY", default="")
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

# --- Applications ----------------------------------------------------------------------------

DJANGO_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.flatpages",
    "django.contrib.sitemaps",
    "django.contrib.humanize",
]

WAGTAIL_APPS = [
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "staff.apps.WagtailUsersConfig",  # Wagtail's users app; its forms count roles in passwords
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "wagtail.api.v2",
    "rest_framework",
    "modelcluster",
    "taggit",
    # The queue of background tasks (search index updates, Wagtail's own) in production.
    "django_tasks_db",
]

# Oscar's own list, with our forks written in place of its entries and haystack left out:
# our `search` app (label `search`) replaces Oscar's haystack-based one.
OSCAR_APPS = [
    "config.shop.Shop",
    "oscar.apps.analytics.apps.AnalyticsConfig",
    "checkout.apps.CheckoutConfig",
    "oscar.apps.address.apps.AddressConfig",
    "shipping.apps.ShippingConfig",
    "catalogue.apps.CatalogueConfig",
    "oscar.apps.catalogue.reviews.apps.CatalogueReviewsConfig",
    "oscar.apps.communication.apps.CommunicationConfig",
    "partner.apps.PartnerConfig",
    "basket.apps.BasketConfig",
    "oscar.apps.payment.apps.PaymentConfig",
    "offer.apps.OfferConfig",
    "oscar.apps.order.apps.OrderConfig",
    "oscar.apps.customer.apps.CustomerConfig",
    "search.apps.SearchConfig",
    "oscar.apps.voucher.apps.VoucherConfig",
    "oscar.apps.wishlists.apps.WishlistsConfig",
    "dashboard.apps.DashboardConfig",
    "oscar.apps.dashboard.reports.apps.ReportsDashboardConfig",
    "oscar.apps.dashboard.users.apps.UsersDashboardConfig",
    "oscar.apps.dashboard.orders.apps.OrdersDashboardConfig",
    "dashboard.catalogue.apps.CatalogueDashboardConfig",
    "oscar.apps.dashboard.offers.apps.OffersDashboardConfig",
    "oscar.apps.dashboard.partners.apps.PartnersDashboardConfig",
    "oscar.apps.dashboard.pages.apps.PagesDashboardConfig",
    "oscar.apps.dashboard.ranges.apps.RangesDashboardConfig",
    "oscar.apps.dashboard.reviews.apps.ReviewsDashboardConfig",
    "oscar.apps.dashboard.vouchers.apps.VouchersDashboardConfig",
    "oscar.apps.dashboard.communications.apps.CommunicationsDashboardConfig",
    "oscar.apps.dashboard.shipping.apps.ShippingDashboardConfig",
    "widget_tweaks",
    "treebeard",
    "django_tables2",
    "sorl.thumbnail",
]

LOCAL_APPS = [
    "pages",
    "villages",
    "tours",
    "plan",
    "themes",
    "staff",
    "notifications",
    "producers",
]

# Sign-in throttling and the audit log of shop changes (see staff/).
SECURITY_APPS = ["axes", "auditlog"]

INSTALLED_APPS = LOCAL_APPS + WAGTAIL_APPS + OSCAR_APPS + DJANGO_APPS + SECURITY_APPS

MIDDLEWARE = [
    # First: a page served from the cache runs nothing else. It keeps the response as the other
    # middleware finished it (security and CSP headers included) and sees every cookie they set.
    "pages.cache.PageCacheMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "csp.middleware.CSPMiddleware",
    "staff.middleware.StaffAreaPolicyMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Records the signed-in user as the author of audited changes.
    "auditlog.middleware.AuditlogMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Inside the messages: the offer to update translations a publish left behind.
    "pages.middleware.OfferTranslationUpdatesMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "oscar.apps.basket.middleware.BasketMiddleware",
    "django.contrib.flatpages.middleware.FlatpageFallbackMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: turns a locked-out sign-in into its "try again later" page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
SITE_ID = 1

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # Our templates come from the `themes` app, listed before Wagtail's and Oscar's apps. Not
        # in DIRS as well: found twice, a template that extends its Oscar namesake would extend
        # itself once more and repeat every `{{ block.super }}`.
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "oscar.apps.communication.notifications.context_processors.notifications",
                "oscar.apps.checkout.context_processors.checkout",
                "oscar.core.context_processors.metadata",
                # After Oscar's: the site's name in the visitor's language as `shop_name`.
                "pages.context_processors.site_name",
                "search.context_processors.search_form",
            ],
            # Our price display (đồng per language, ≈ the visitor's currency) in Oscar's place.
            "libraries": {"currency_filters": "themes.templatetags.prices"},
        },
    },
]

# --- Data ------------------------------------------------------------------------------------

DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{VAR_DIR / 'db.sqlite3'}")}
DATABASES["default"].setdefault("CONN_MAX_AGE", env.int("CONN_MAX_AGE", default=0))
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

# A cache shared by every app server in production (Redis); this process's memory by default.
# Redis down or slow is a slower site, never a broken one (config/caching.py).
_cache_url = env("CACHE_URL", default="") or env("REDIS_URL", default="") or "locmemcache://"
CACHES = {"default": cache_config(_cache_url)}
# Sessions live in the database, read through the shared cache: any app server can serve any visitor.
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# Whole public pages kept for anonymous visitors (pages/cache.py); 0 turns the page cache off.
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=600)
# Parts many pages show alike (menus, footer, the home page's lists), kept under the same
# generations for pages rendered afresh: signed-in visitors, baskets, pages just changed.
FRAGMENT_CACHE_SECONDS = env.int("FRAGMENT_CACHE_SECONDS", default=600)
# The pages a change drops are made again by a task (pages/tasks.py), so visitors find them kept.
PAGE_CACHE_RENDER_AGAIN = env.bool("PAGE_CACHE_RENDER_AGAIN", default=True)

# --- Search ----------------------------------------------------------------------------------

# Set: products, tours and pages are searched in this Elasticsearch cluster, with the database
# index kept as well and answering whenever the cluster cannot. Unset: in the database.
ELASTICSEARCH_URL = env("ELASTICSEARCH_URL", default="")
ELASTICSEARCH_INDEX_PREFIX = env("ELASTICSEARCH_INDEX_PREFIX", default="langnghe")
ELASTICSEARCH_REPLICAS = env.int("ELASTICSEARCH_REPLICAS", default=1)
# A cluster with its own certificate authority, and an API key instead of a password in the URL.
ELASTICSEARCH_CA_CERTS = env("ELASTICSEARCH_CA_CERTS", default="")
ELASTICSEARCH_API_KEY = env("ELASTICSEARCH_API_KEY", default="")
# Background tasks (Django's tasks framework backport, as Wagtail uses it): run at once, in the
# request, unless production's settings queue them for `manage.py db_worker`.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# What changed is announced when its transaction commits (pages/changes.py); the index and the page
# cache follow. The test suite, whose transactions never commit, announces changes at once.
CONTENT_CHANGES_AFTER_COMMIT = True
SEARCH_INDEX_UPDATES = True
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}

# --- Languages, time, money ------------------------------------------------------------------

LANGUAGE_CODE = "vi"
LANGUAGES = [
    ("vi", "Tiếng Việt"),
    ("en", "English"),
    ("zh-hans", "简体中文"),
]
# Our own strings, then translations that Oscar's catalogues lack (they win over Oscar's own).
LOCALE_PATHS = [BASE_DIR / "locale", BASE_DIR / "locale_overrides"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
# Dates as each language writes them: config/formats/.
FORMAT_MODULE_PATH = ["config.formats"]
USE_TZ = True

WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
# No Gravatar (the CSP forbids it, and staff e-mails stay here): Wagtail's own default avatar.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILADMIN_USER_LOGIN_FORM = "staff.forms.AdminLoginForm"
WAGTAIL_ALLOW_UNICODE_SLUGS = False

# --- Files -----------------------------------------------------------------------------------

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
# Leaflet's own files, as django-leaflet ships them (its Django app needs GDAL, which we don't use).
LEAFLET_STATIC = Path(importlib.util.find_spec("leaflet").origin).parent / "static"
STATICFILES_DIRS = [BASE_DIR / "themes" / "static", LEAFLET_STATIC]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=VAR_DIR / "media")
# Producers' photos awaiting approval and batch certificates: outside MEDIA_ROOT, never served by
# the web server, only through views that check who asks (catalogue/storage.py).
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=VAR_DIR / "private")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "private": {"BACKEND": "catalogue.storage.PrivateStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000
# Forms take at most 10 photos at a time (catalogue/photos.py); a request with more files than
# this is refused before any is read.
DATA_UPLOAD_MAX_NUMBER_FILES = 20
FILE_UPLOAD_PERMISSIONS = 0o644

# --- Email -----------------------------------------------------------------------------------

# EMAIL_URL such as smtp+tls://user:password@host:587 sets EMAIL_BACKEND, EMAIL_HOST and the rest.
globals().update(env.email_url("EMAIL_URL", default="consolemail://"))
DEFAULT_FROM_EMAIL = env(
    "DEFAULT_FROM_EMAIL", default="Làng nghề Lạng Sơn <no-reply@langnghe.example>"
)
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# Alerts and one-time codes (notifications/): a channel's backend. SMS goes through eSMS.vn once
# ESMS_API_KEY is set; without it (development, tests) SMS and Zalo are written to the console.
ESMS_API_KEY = env("ESMS_API_KEY", default="")
ESMS_SECRET_KEY = env("ESMS_SECRET_KEY", default="")
ESMS_BRANDNAME = env("ESMS_BRANDNAME", default="")
ESMS_UNICODE = env.bool("ESMS_UNICODE", default=False)
ESMS_SANDBOX = env.bool("ESMS_SANDBOX", default=False)
NOTIFICATION_BACKENDS = {
    "email": "notifications.backends.EmailBackend",
    "sms": "notifications.backends.ESMSBackend"
    if ESMS_API_KEY
    else "notifications.backends.ConsoleBackend",
    "zalo": "notifications.backends.ConsoleBackend",
}

# --- Accounts --------------------------------------------------------------------------------

AUTHENTICATION_BACKENDS = [
    # First: refuses sign-ins for an account locked out by repeated failures (django-axes).
    "staff.backends.LoginThrottleBackend",
    "oscar.apps.customer.auth_backends.EmailBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # Staff (is_staff, superusers, the staff roles) and producers' people: at least 12 characters.
    {"NAME": "staff.validators.AccountPasswordLengthValidator", "OPTIONS": {"min_length": 12}},
]
# Wagtail's catch-all would answer Django's default /accounts/login/ with a 404.
LOGIN_URL = "customer:login"
LOGIN_REDIRECT_URL = "customer:summary"
# Repeated failed sign-ins (Wagtail's admin, the shop's and the dashboard's logins) lock that
# user name from that address for a while; the lockout page says until when (staff/views.py).
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MINUTES", default=15))
# One counter per account, whatever the form or the spelling (staff/backends.py), from any address.
AXES_LOCKOUT_PARAMETERS = ["username"]
AXES_USERNAME_CALLABLE = "staff.backends.account_key"
# axes warns when addresses are not counted: rotating user agents or cookies cannot help a guesser
# here (the account is counted, whatever else changes), and counting addresses would lock out every
# phone behind a carrier's shared address after five mistakes among thousands of people.
# templates.W003: `currency_filters` is ours on purpose (TEMPLATES' "libraries", Oscar's replaced).
SILENCED_SYSTEM_CHECKS = ["axes.W006", "templates.W003"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "staff.views.locked_out"
# Behind a load balancer every request comes from its address: set how many trusted proxies add
# to X-Forwarded-For, so that one visitor's failures don't lock everyone else out.
TRUSTED_PROXY_COUNT = env.int("TRUSTED_PROXY_COUNT", default=0)
AXES_CLIENT_IP_CALLABLE = "staff.backends.client_ip"
# Invitation links for producers' people (staff/) work once, for this many days.
STAFF_INVITATION_DAYS = 7

# --- Wagtail ---------------------------------------------------------------------------------

WAGTAIL_SITE_NAME = "Làng nghề Lạng Sơn"
WAGTAILADMIN_BASE_URL = env("SITE_URL", default="http://127.0.0.1:8000")
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "xlsx", "zip"]
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp"]
WAGTAILEMBEDS_RESPONSIVE_HTML = True
WAGTAILIMAGES_IMAGE_FORM_BASE = "pages.forms.ImageForm"

# --- Maps ------------------------------------------------------------------------------------

# Tiles come from this address (none in tests: markers and the list still show).
MAP_TILE_URL = env("MAP_TILE_URL", default="https://tile.openstreetmap.org/{z}/{x}/{y}.png")
MAP_TILE_ATTRIBUTION = env("MAP_TILE_ATTRIBUTION", default="© OpenStreetMap contributors")

# --- Content-Security-Policy (django-csp) ----------------------------------------------------

# Public pages run only scripts served from this host: no inline script, no `on…=` handler (JSON-LD
# data blocks are not scripts). Wagtail's admin and Oscar's dashboard need inline scripts and are
# left out of the policy, under every language prefix.
_STAFF_PREFIXES = ["/admin/", "/django-admin/", "/dashboard/"]
_MAP_TILE_HOST = urlsplit(MAP_TILE_URL.replace("{s}", "*")).hostname
CONTENT_SECURITY_POLICY = {
    "EXCLUDE_URL_PREFIXES": _STAFF_PREFIXES
    + [f"/{code}{prefix}" for code, _name in LANGUAGES for prefix in _STAFF_PREFIXES],
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "script-src-attr": ["'none'"],
        # Leaflet and Wagtail's rich text set style attributes.
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:", "blob:"]
        + ([f"https://{_MAP_TILE_HOST}", f"http://{_MAP_TILE_HOST}"] if _MAP_TILE_HOST else [])
        + env.list("CSP_IMG_HOSTS", default=[]),
        "font-src": ["'self'", "data:"],
        "connect-src": ["'self'"],
        "frame-src": [
            "'self'",
            "https://www.youtube.com",
            "https://www.youtube-nocookie.com",
            "https://player.vimeo.com",
        ],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        # Checkout may hand the buyer over to the payment gateway.
        "form-action": ["'self'", "https://sandbox.vnpayment.vn", "https://pay.vnpay.vn"],
        "frame-ancestors": ["'self'"],
    },
}

# --- Oscar -----------------------------------------------------------------------------------

OSCAR_SHOP_NAME = WAGTAIL_SITE_NAME
OSCAR_SHOP_TAGLINE = _("Craft villages of Lạng Sơn")
OSCAR_HOMEPAGE = "/"
OSCAR_DEFAULT_CURRENCY = "VND"
# VND has no minor unit: offer discounts are whole đồng (see offer/benefits.py).
OSCAR_OFFER_ROUNDING_FUNCTION = "offer.benefits.round_discount"
OSCAR_FROM_EMAIL = DEFAULT_FROM_EMAIL
OSCAR_ALLOW_ANON_CHECKOUT = True
OSCAR_ALLOW_ANON_REVIEWS = False
OSCAR_MODERATE_REVIEWS = True
OSCAR_PRODUCTS_PER_PAGE = 24
OSCAR_THUMBNAILER = "oscar.core.thumbnails.SorlThumbnail"
# Our own picture for a product without a photo, with no words (Oscar's says "Image Not Available").
OSCAR_MISSING_IMAGE_URL = "no-photo.jpg"
# Vietnamese titles need transliteration: Oscar's default turns "Đồi chè" into "u0110oi-che".
OSCAR_SLUG_FUNCTION = "pages.text.slugify"
# Only our `search` modules are loaded for `search.*`: Oscar's haystack views are never imported.
OSCAR_DYNAMIC_CLASS_LOADER = "search.loading.class_loader"
# Both parts of a name: in vi and zh the first box holds the family name (see locale_overrides).
# Addresses since July 2025: line1 street and house, line4 commune or ward, state the province
# (no district); a Vietnamese phone number to call on delivery.
OSCAR_REQUIRED_ADDRESS_FIELDS = (
    "first_name",
    "last_name",
    "line1",
    "line4",
    "state",
    "country",
    "phone_number",
)
PHONENUMBER_DEFAULT_REGION = "VN"
OSCAR_URL_SCHEMA = env("URL_SCHEME", default="http")
OSCAR_SEARCH_FACETS = {"fields": {}, "queries": {}}
# Cash on delivery orders start "Pending" ("Awaiting confirmation" for a guest, until the link in
# the e-mail or staff confirm it); bank transfers "Awaiting transfer" until staff see the money
# arrive and set "Paid"; VNPay orders "Awaiting payment" until the gateway's signed callback, which
# may leave a payment it suspects "Under review" for staff.
# Cancelling an order releases the stock it held; `checkout.fulfilment.mark_shipped` ships lines.
# Buyers read these stored names as the translated labels of `checkout/statuses.py`.
OSCAR_INITIAL_ORDER_STATUS = "Pending"
OSCAR_INITIAL_LINE_STATUS = "Pending"
OSCAR_ORDER_STATUS_PIPELINE = {
    "Awaiting confirmation": ("Pending", "Being processed", "Cancelled"),
    "Pending": ("Being processed", "Shipped", "Cancelled"),
    "Awaiting transfer": ("Paid", "Cancelled"),
    "Awaiting payment": ("Paid", "Under review", "Cancelled"),
    "Under review": ("Paid", "Cancelled"),
    "Paid": ("Being processed", "Shipped", "Cancelled"),
    "Being processed": ("Shipped", "Cancelled"),
    "Shipped": ("Complete",),
    "Complete": (),
    "Cancelled": (),
}
OSCAR_LINE_STATUS_PIPELINE = {
    "Pending": ("Being processed", "Shipped", "Cancelled"),
    "Being processed": ("Shipped", "Cancelled"),
    "Shipped": (),
    "Cancelled": (),
}
OSCAR_ORDER_STATUS_CASCADE = {
    "Being processed": "Being processed",
    "Shipped": "Shipped",
    "Cancelled": "Cancelled",
}
# Shop editors' queue of producers' changes (catalogue/moderation.py) in the dashboard's menu,
# and the way back to the staff area (/staff/), where the Wagtail admin is linked too.
OSCAR_DASHBOARD_NAVIGATION = [
    *OSCAR_DASHBOARD_NAVIGATION,
    {
        "label": _("Producers' changes"),
        "icon": "fas fa-check-double",
        "url_name": "moderation:queue",
        "access_fn": can_moderate,
    },
    {
        "label": _("Staff area"),
        "icon": "fas fa-door-open",
        "url_name": "staff:index",
        "access_fn": can_open_staff_area,
    },
]

THUMBNAIL_KVSTORE = "sorl.thumbnail.kvstores.cached_db_kvstore.KVStore"
THUMBNAIL_PRESERVE_FORMAT = True

# --- Shipping and payment (the shop's own settings) -------------------------------------------

SHOP_FREE_SHIPPING_FROM = env.int("SHOP_FREE_SHIPPING_FROM", default=1_000_000)
# Orders hold stock before they are paid (checkout/holds.py): at most this many of one product in
# an order, this many open unpaid orders per e-mail address or phone number, this many orders an
# hour from one internet address; a guest's unconfirmed cash-on-delivery order is cancelled after
# this many hours by `cancel_unpaid_orders`.
SHOP_MAX_QUANTITY_PER_ORDER = env.int("SHOP_MAX_QUANTITY_PER_ORDER", default=10)
SHOP_UNPAID_ORDERS_PER_CONTACT = env.int("SHOP_UNPAID_ORDERS_PER_CONTACT", default=3)
SHOP_ORDERS_PER_ADDRESS_PER_HOUR = env.int("SHOP_ORDERS_PER_ADDRESS_PER_HOUR", default=10)
SHOP_UNCONFIRMED_ORDER_HOURS = env.int("SHOP_UNCONFIRMED_ORDER_HOURS", default=24)
# Wrong guesses of an order's phone or e-mail on the order-following page, per address and number.
SHOP_ORDER_LOOKUPS_PER_HOUR = env.int("SHOP_ORDER_LOOKUPS_PER_HOUR", default=5)
# Bank transfer by VietQR is offered only when the receiving account is set.
VIETQR_BANK_BIN = env("VIETQR_BANK_BIN", default="")  # NAPAS bank BIN, e.g. 970436
VIETQR_ACCOUNT_NUMBER = env("VIETQR_ACCOUNT_NUMBER", default="")
VIETQR_ACCOUNT_NAME = env("VIETQR_ACCOUNT_NAME", default="")
VIETQR_BANK_NAME = env("VIETQR_BANK_NAME", default="")  # shown to buyers; by the BIN if empty
VIETQR_MESSAGE_PREFIX = env("VIETQR_MESSAGE_PREFIX", default="LANGNGHE")
# VNPay is offered only when the merchant's terminal code and secret are set.
VNPAY_TMN_CODE = env("VNPAY_TMN_CODE", default="")
VNPAY_HASH_SECRET = env("VNPAY_HASH_SECRET", default="")
VNPAY_PAYMENT_URL = env(
    "VNPAY_PAYMENT_URL", default="https://sandbox.vnpayment.vn/paymentv2/vpcpay.html"
)

# --- Logging ---------------------------------------------------------------------------------

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {
        "django.db.backends": {"level": "WARNING"},
        "oscar.alerts": {"level": "WARNING"},
        "django_tasks": {"level": "WARNING"},
        "axes": {"level": "WARNING"},
    },
}
