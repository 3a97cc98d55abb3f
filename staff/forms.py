from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from oscar.apps.customer.utils import normalise_email
from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

from .models import Invitation

User = get_user_model()


class InvitationForm(forms.ModelForm):
    """A shop editor or manager invites a person to look after a producer's listings."""

    language = forms.ChoiceField(
        label=_("Language of the e-mail and of the page it links to"),
        choices=settings.LANGUAGES,
    )

    class Meta:
        model = Invitation
        fields = ["email", "name", "partner", "language"]
        help_texts = {
            "partner": _("The producer (cooperative, household or company) the person works for."),
        }

    def clean_email(self):
        email = normalise_email(self.cleaned_data["email"])
        if User.objects.filter(email__iexact=email, is_active=True).exists():
            raise forms.ValidationError(
                _(
                    "This address already has an account: add that account to the producer "
                    "from the dashboard's producer page instead."
                )
            )
        return email


class AdminLoginForm(WagtailLoginForm):
    """Wagtail's sign-in form with a translated label on the password (Wagtail leaves it unnamed,
    so Django shows the field's name, "Password", in every language)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Password")
