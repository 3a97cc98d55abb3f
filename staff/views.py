"""The staff area: one entry point listing what a role can reach, the audit log, invitations."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import get_user_model, login
from django.contrib.auth.decorators import login_required, permission_required
from django.contrib.auth.forms import SetPasswordForm
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.core.mail import send_mail
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import NoReverseMatch, reverse
from django.utils import timezone, translation
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache

from auditlog.models import LogEntry
from oscar.apps.customer.forms import generate_username
from oscar.apps.dashboard.nav import default_access_fn

from plan.models import PlanProgressPage

from .audit import audited_content_types
from .forms import InvitationForm
from .models import Invitation

User = get_user_model()

# The Oscar dashboard's sections shown in the staff area; each appears to those its own
# permission check (Oscar's, the one its views use) lets in.
DASHBOARD_SECTIONS = [
    (_("Products"), "dashboard:catalogue-product-list"),
    (_("Categories"), "dashboard:catalogue-category-list"),
    (_("Reviews"), "dashboard:reviews-list"),
    (_("Orders"), "dashboard:order-list"),
    (_("Order statistics"), "dashboard:order-stats"),
    (_("Producers (partners)"), "dashboard:partner-list"),
    (_("Customers"), "dashboard:users-index"),
    (_("Offers"), "dashboard:offer-list"),
    (_("Vouchers"), "dashboard:voucher-list"),
    (_("Shipping charges"), "dashboard:shipping-method-list"),
]
# The producers' changes waiting for approval, if the catalogue provides a queue under one of
# these names.
MODERATION_URL_NAMES = [
    "dashboard:catalogue-moderation-list",
    "dashboard:moderation-list",
    "catalogue:moderation",
    "moderation:queue",
]


def _dashboard_areas(user):
    # Producers' people reach their own items in their space (/producer/), not from here.
    if not user.is_staff:
        return []
    areas = []
    for label, url_name in DASHBOARD_SECTIONS:
        try:
            if default_access_fn(user, url_name):
                areas.append({"label": label, "url": reverse(url_name)})
        except (NoReverseMatch, KeyError):
            continue
    return areas


def _moderation_url(user):
    if not user.has_perm("catalogue.moderate_productchange"):
        return None
    for url_name in MODERATION_URL_NAMES:
        try:
            return reverse(url_name)
        except NoReverseMatch:
            continue
    return None


def _plan_areas(user):
    areas = []
    if user.has_perm("plan.view_villageyear"):
        areas.append(
            {
                "label": _("Villages' yearly figures"),
                "url": reverse("wagtailsnippets_plan_villageyear:list"),
            }
        )
    if user.has_perm("plan.view_craftyear"):
        areas.append(
            {
                "label": _("Crafts' yearly figures"),
                "url": reverse("wagtailsnippets_plan_craftyear:list"),
            }
        )
    if areas:
        page = PlanProgressPage.objects.live().order_by("path").first()
        if page is not None:
            areas.append({"label": _("Progress of the plan (public page)"), "url": page.url})
    return areas


@never_cache
def index(request):
    """Every area of the Wagtail admin and Oscar's dashboard the signed-in account may open."""
    if not request.user.is_authenticated:
        return redirect(f"{reverse('wagtailadmin_login')}?next={request.path}")
    user = request.user
    context = {
        "wagtail_admin": user.has_perm("wagtailadmin.access_admin"),
        "dashboard_areas": _dashboard_areas(user),
        "moderation_url": _moderation_url(user),
        "plan_areas": _plan_areas(user),
        "audit_log": user.has_perm("auditlog.view_logentry"),
        "can_invite": user.has_perm("staff.add_invitation"),
        "roles": user.groups.order_by("name").values_list("name", flat=True),
    }
    if not any(
        [
            context["wagtail_admin"],
            context["dashboard_areas"],
            context["plan_areas"],
            context["audit_log"],
            context["can_invite"],
        ]
    ):
        raise PermissionDenied(_("This account has no staff role."))
    return render(request, "staff/index.html", context)


@never_cache
@login_required(login_url="wagtailadmin_login")
@permission_required("auditlog.view_logentry", raise_exception=True)
def audit_log(request):
    """Who changed which product, price, stock level or order status, and when."""
    content_types = sorted(audited_content_types(), key=lambda ct: str(ct))
    entries = LogEntry.objects.filter(content_type__in=content_types).select_related(
        "actor", "content_type"
    )
    filters = {
        "type": request.GET.get("type", ""),
        "object": request.GET.get("object", "").strip(),
        "actor": request.GET.get("actor", "").strip(),
    }
    if filters["type"].isdigit():
        entries = entries.filter(content_type_id=int(filters["type"]))
    if filters["object"]:
        if filters["object"].isdigit():
            entries = entries.filter(object_pk=filters["object"])
        else:
            entries = entries.filter(object_repr__icontains=filters["object"])
    if filters["actor"]:
        entries = entries.filter(
            Q(actor__username__icontains=filters["actor"])
            | Q(actor__email__icontains=filters["actor"])
        )
    page = Paginator(entries.order_by("-timestamp"), 50).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "staff/audit_log.html",
        {
            "page_obj": page,
            "content_types": content_types,
            "filters": filters,
            "query": query.urlencode(),
        },
    )


def _send_invitation(request, invitation):
    with translation.override(invitation.language):
        link = request.build_absolute_uri(reverse("staff:accept", args=[invitation.token()]))
        context = {"invitation": invitation, "link": link, "site_name": settings.WAGTAIL_SITE_NAME}
        subject = render_to_string("staff/email/invitation_subject.txt", context).strip()
        body = render_to_string("staff/email/invitation_body.txt", context)
    send_mail(subject, body, settings.DEFAULT_FROM_EMAIL, [invitation.email])


@never_cache
@login_required(login_url="wagtailadmin_login")
@permission_required("staff.add_invitation", raise_exception=True)
def invite(request):
    """Invite a producer's person by e-mail, in the language they read (Vietnamese first)."""
    form = InvitationForm(
        request.POST or None, initial={"language": get_language() or settings.LANGUAGE_CODE}
    )
    if request.method == "POST" and form.is_valid():
        invitation = form.save(commit=False)
        invitation.invited_by = request.user
        invitation.save()
        _send_invitation(request, invitation)
        messages.success(
            request,
            _("An invitation was sent to %(email)s.") % {"email": invitation.email},
        )
        return redirect("staff:invite")
    invitations = Invitation.objects.select_related("partner", "invited_by")[:20]
    return render(
        request,
        "staff/invite.html",
        {"form": form, "invitations": invitations, "now": timezone.now()},
    )


def _invalid(request, reason, status):
    return render(request, "staff/invitation_invalid.html", {"reason": reason}, status=status)


def _producer_home(language):
    """The producer's own space, in the invitation's language."""
    with translation.override(language):
        return reverse("producer:home")


@never_cache
def accept(request, token):
    """The invited person sets a password; the account then belongs to the producer."""
    try:
        invitation = Invitation.from_token(token)
    except signing.SignatureExpired:
        return _invalid(request, "expired", 410)
    except signing.BadSignature:
        return _invalid(request, "invalid", 404)
    translation.activate(invitation.language)
    request.LANGUAGE_CODE = invitation.language
    if invitation.accepted_at is not None:
        return _invalid(request, "used", 410)
    user = User(
        username=generate_username(),
        email=invitation.email,
        first_name=invitation.name[:150],
        is_active=True,
    )
    form = SetPasswordForm(user, request.POST or None)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            # A second click racing the first finds the invitation used.
            invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
            if invitation.accepted_at is not None:
                return _invalid(request, "used", 410)
            user = form.save()
            # Membership is all a producer needs: its space (/producer/) checks Partner.users. No
            # `partner.dashboard_access`, whose product form would publish text without moderation.
            invitation.partner.users.add(user)
            invitation.accepted_at = timezone.now()
            invitation.user = user
            invitation.save(update_fields=["accepted_at", "user"])
        login(request, user, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(
            request,
            _("Welcome! Your account now manages the listings of %(producer)s.")
            % {"producer": invitation.partner.name},
        )
        return redirect(_producer_home(invitation.language))
    return render(request, "staff/accept.html", {"form": form, "invitation": invitation})


def locked_out(request, original_response=None, credentials=None):
    """What a visitor sees after too many failed sign-ins (django-axes' AXES_LOCKOUT_CALLABLE)."""
    cooloff = settings.AXES_COOLOFF_TIME
    minutes = int(cooloff.total_seconds() // 60) if cooloff else None
    retry_at = timezone.localtime() + cooloff if cooloff else None
    response = render(
        request,
        "staff/locked_out.html",
        {"minutes": minutes, "retry_at": retry_at},
        status=settings.AXES_HTTP_RESPONSE_CODE,
    )
    if cooloff:
        response["Retry-After"] = str(int(cooloff.total_seconds()))
    return response
