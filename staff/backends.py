from django.contrib.auth import get_user_model
from django.db.models import Q

from axes.backends import AxesStandaloneBackend


class LoginThrottleBackend(AxesStandaloneBackend):
    """django-axes' lockout check for every sign-in made through a web request.

    Every login form (Wagtail's, Oscar's customer and dashboard logins, Django's admin) passes the
    request to `authenticate`; calls without one (Django's test client, shell scripts) are not
    web sign-ins and are left to the next backend rather than refused.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is None:
            return None
        return super().authenticate(request, username=username, password=password, **kwargs)


def client_ip(request):
    """The visitor's address for django-axes, behind TRUSTED_PROXY_COUNT proxies.

    Each proxy (the load balancer…) appends the address it received the request from to
    X-Forwarded-For; the one appended by the outermost trusted proxy is the visitor's. Addresses
    further left are whatever the visitor sent and are not trusted.
    """
    from django.conf import settings

    count = getattr(settings, "TRUSTED_PROXY_COUNT", 0)
    forwarded = [
        a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if a.strip()
    ]
    if count and len(forwarded) >= count:
        return forwarded[-count]
    return request.META.get("REMOTE_ADDR")


def account_key(request, credentials=None):
    """The one name django-axes counts failures under: the account's, however it was typed.

    The Wagtail and Django admins ask for the user name, the shop and the dashboard for the e-mail
    address, in any mix of capitals; all of them count against the same account, so a lockout on
    one form holds on every other. A name that matches no account is counted in lower case.
    """
    given = (credentials or {}).get("username") or ""
    if not given and request is not None:
        given = request.POST.get("username") or request.POST.get("login-username") or ""
    given = given.strip()
    if not given:
        return given
    account = (
        get_user_model()
        ._default_manager.filter(Q(username__iexact=given) | Q(email__iexact=given))
        .order_by("pk")
        .first()
    )
    return account.get_username() if account else given.lower()
