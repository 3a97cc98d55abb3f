"""Sign in with a code sent to the phone (producers/signin.py); the password stays the fallback."""

from django import forms
from django.contrib.auth import login
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.decorators import method_decorator
from django.utils.formats import time_format
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views import View
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from axes.handlers.proxy import AxesProxyHandler
from axes.helpers import get_lockout_response

from .. import signin
from ..access import producer_of

PHONE_KEY = "producer_signin_phone"
NEXT_KEY = "producer_signin_next"


class PhoneForm(forms.Form):
    phone = forms.CharField(
        label=_("Your phone number"),
        max_length=30,
        help_text=_("As you write it, e.g. 0912 345 678."),
        widget=forms.TextInput(attrs={"inputmode": "tel", "autocomplete": "tel", "type": "tel"}),
    )

    def clean_phone(self):
        phone = signin.normalise(self.cleaned_data["phone"])
        if phone is None:
            raise forms.ValidationError(
                _("This is not a phone number we can send to: check its digits.")
            )
        return phone


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("The 6-digit code"),
        max_length=12,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "one-time-code", "pattern": "[0-9 ]*"}
        ),
    )


def safe_next(request, url):
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return ""


@method_decorator(never_cache, name="dispatch")
class PhoneSignInView(View):
    """Step 1: the phone number. The same answer whether or not it belongs to someone."""

    template_name = "producers/signin_phone.html"

    def get(self, request):
        next_url = safe_next(request, request.GET.get("next", ""))
        return render(request, self.template_name, {"form": PhoneForm(), "next": next_url})

    def post(self, request):
        form = PhoneForm(request.POST)
        next_url = safe_next(request, request.POST.get("next", ""))
        if form.is_valid():
            phone = form.cleaned_data["phone"]
            try:
                signin.send_code(phone)
            except signin.Throttled as throttled:
                form.add_error(
                    None,
                    _(
                        "%(count)s codes were asked for this number in the last %(minutes)s "
                        "minutes. Ask for a new one after %(time)s, or sign in with your password."
                    )
                    % {
                        "count": signin.codes_per_window(),
                        "minutes": int(signin.window().total_seconds() // 60),
                        "time": time_format(timezone.localtime(throttled.retry_at), "H:i"),
                    },
                )
            else:
                request.session[PHONE_KEY] = phone
                request.session[NEXT_KEY] = next_url
                return HttpResponseRedirect(reverse("producer:signin-code"))
        return render(request, self.template_name, {"form": form, "next": next_url})


@method_decorator(never_cache, name="dispatch")
@method_decorator(sensitive_post_parameters("code"), name="dispatch")
class CodeSignInView(View):
    """Step 2: the code. Right: signed in. Wrong: tries left. Too many: locked."""

    template_name = "producers/signin_code.html"

    def context(self, request, form, **extra):
        return {
            "form": form,
            "phone": request.session.get(PHONE_KEY, ""),
            "minutes": signin.code_minutes(),
            **extra,
        }

    def get(self, request):
        if not request.session.get(PHONE_KEY):
            return HttpResponseRedirect(reverse("producer:signin-phone"))
        return render(request, self.template_name, self.context(request, CodeForm()))

    def post(self, request):
        phone = request.session.get(PHONE_KEY)
        if not phone:
            return HttpResponseRedirect(reverse("producer:signin-phone"))
        form = CodeForm(request.POST)
        if not form.is_valid():
            return render(request, self.template_name, self.context(request, form))
        outcome = signin.check_code(phone, form.cleaned_data["code"])
        if outcome.user is not None:
            credentials = {"username": outcome.user.get_username()}
            # An account locked by password guesses (django-axes) stays locked on every form.
            if AxesProxyHandler.is_locked(request, credentials):
                return get_lockout_response(request, credentials=credentials)
            next_url = request.session.pop(NEXT_KEY, "")
            request.session.pop(PHONE_KEY, None)
            login(request, outcome.user, backend="django.contrib.auth.backends.ModelBackend")
            if not next_url:
                next_url = reverse(
                    "producer:home" if producer_of(outcome.user) else "customer:summary"
                )
            return HttpResponseRedirect(next_url)
        if outcome.locked:
            form.add_error(
                None,
                _(
                    "Too many wrong codes: this code no longer works. Ask for a new code, "
                    "or sign in with your password."
                ),
            )
        elif outcome.expired:
            form.add_error(
                None,
                _("This code has expired or was already used. Ask for a new code."),
            )
        else:
            form.add_error(
                "code",
                _("This is not the code we sent. Tries left: %(left)s.")
                % {"left": outcome.tries_left},
            )
        return render(
            request,
            self.template_name,
            self.context(request, form, ask_again=outcome.locked or outcome.expired),
        )
