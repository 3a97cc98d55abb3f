"""Experience sessions: added, changed and cancelled by their host, on sale at once."""

from django.contrib import messages
from django.db.models import Count, Prefetch, Q
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.generic import TemplateView

from oscar.core.loading import get_model

from checkout.statuses import CANCELLED
from tours.booking import seats_booked
from tours.sessions import SessionRefused, add_session, cancel_session, change_session

from ..forms import SessionForm
from .base import ProducerMixin

ExperienceSession = get_model("tours", "ExperienceSession")
Booking = get_model("tours", "Booking")
BookingGuest = get_model("tours", "BookingGuest")


class ExperienceListView(ProducerMixin, TemplateView):
    """Each experience it hosts with its sessions of today and to come (a session under way is
    where the host opens the guest list): seats, seats booked, seats left."""

    template_name = "producers/experience_list.html"

    def get_context_data(self, **kwargs):
        today = timezone.localtime().replace(hour=0, minute=0, second=0, microsecond=0)
        upcoming = (
            ExperienceSession.objects.filter(starts_at__gte=today)
            .annotate(booked=seats_booked())
            .order_by("starts_at")
        )
        experiences = list(
            self.experiences()
            .annotate(past_count=Count("sessions", filter=Q(sessions__starts_at__lt=today)))
            .prefetch_related(Prefetch("sessions", queryset=upcoming, to_attr="upcoming"))
            .order_by("title")
        )
        for experience in experiences:
            for session in experience.upcoming:
                session.left = max(0, session.seats - session.booked)
        return super().get_context_data(experiences=experiences, **kwargs)


def save_session(request, form, change, success):
    """Make `change(starts_at, seats)` from a valid form; the redirect to the list, or None
    (the form then carries the errors, the schedule's refusals included)."""
    if form.is_valid():
        try:
            change(form.cleaned_data["starts_at"], form.cleaned_data["seats"])
        except SessionRefused as refusal:
            form.add_error(refusal.field, refusal.message)
        else:
            messages.success(request, success)
            return redirect("producer:experience-list")
    messages.error(request, _("Nothing was saved: please correct what is marked below."))
    return None


class SessionCreateView(ProducerMixin, TemplateView):
    """A new session: on sale at once (no editor's approval, like price and stock)."""

    template_name = "producers/session_form.html"

    def get(self, request, pk):
        experience = get_object_or_404(self.experiences(), pk=pk)
        return self.render_to_response(
            self.get_context_data(experience=experience, form=SessionForm())
        )

    def post(self, request, pk):
        experience = get_object_or_404(self.experiences(), pk=pk)
        form = SessionForm(request.POST)
        done = save_session(
            request,
            form,
            lambda starts_at, seats: add_session(experience, request.user, starts_at, seats),
            _("Session added. Visitors can book it now.")
            if experience.live
            else _("Session added. Visitors see it once an editor publishes the experience."),
        )
        return done or self.render_to_response(
            self.get_context_data(experience=experience, form=form)
        )


class SessionEditView(ProducerMixin, TemplateView):
    """A session's day, time and seats, changed at once; or the session cancelled."""

    template_name = "producers/session_form.html"

    def get_session(self):
        session = get_object_or_404(
            self.sessions().select_related("experience").annotate(booked=seats_booked()),
            pk=self.kwargs["pk"],
        )
        if session.has_started:
            messages.error(self.request, _("This session has begun: it can no longer be changed."))
            return None
        return session

    def get(self, request, pk):
        session = self.get_session()
        if session is None:
            return redirect("producer:experience-list")
        form = SessionForm.for_session(session, booked=session.booked)
        return self.render_to_response(self.get_context_data(session=session, form=form))

    def get_context_data(self, session, **kwargs):
        return super().get_context_data(
            session=session,
            experience=session.experience,
            seats_left=max(0, session.seats - session.booked),
            **kwargs,
        )

    def post(self, request, pk):
        session = self.get_session()
        if session is None:
            return redirect("producer:experience-list")
        form = SessionForm(request.POST, booked=session.booked)
        done = save_session(
            request,
            form,
            lambda starts_at, seats: change_session(session, request.user, starts_at, seats),
            _("Session saved. Visitors see the change now.")
            if session.experience.live
            else _("Session saved. Visitors see it once an editor publishes the experience."),
        )
        return done or self.render_to_response(self.get_context_data(session=session, form=form))


class SessionCancelView(SessionEditView):
    """POST only: a session nobody has booked is removed (one with bookings stays)."""

    http_method_names = ["post"]

    def post(self, request, pk):
        session = self.get_session()
        if session is None:
            return redirect("producer:experience-list")
        try:
            cancel_session(session, request.user)
        except SessionRefused as refusal:
            messages.error(request, refusal.message)
            return redirect("producer:session-edit", pk=session.pk)
        messages.success(request, _("Session cancelled."))
        return redirect("producer:experience-list")


class GuestListView(SessionEditView):
    """A session's guests for the host on the day: each booking's party, lead phone and whether
    it is paid, each guest ticked off on arrival (a POST per guest, no JavaScript needed)."""

    template_name = "producers/guest_list.html"

    def get_session(self):
        return get_object_or_404(self.sessions().select_related("experience"), pk=self.kwargs["pk"])

    def get_context_data(self, session, **kwargs):
        from tours.tickets import is_paid

        bookings = list(
            session.bookings.filter(cancelled_at__isnull=True)
            .exclude(line__order__status=CANCELLED)
            .select_related("line__order")
            .prefetch_related("guests")
        )
        for booking in bookings:
            booking.paid = is_paid(booking)
        return super(SessionEditView, self).get_context_data(
            session=session,
            experience=session.experience,
            bookings=bookings,
            party_total=sum(booking.party_size for booking in bookings),
            arrived_total=sum(
                1 for booking in bookings for guest in booking.guests.all() if guest.arrived_at
            ),
            **kwargs,
        )

    def get(self, request, pk):
        session = self.get_session()
        return self.render_to_response(self.get_context_data(session=session))

    def post(self, request, pk):
        session = self.get_session()
        guest = get_object_or_404(
            BookingGuest.objects.filter(booking__session=session), pk=request.POST.get("guest")
        )
        guest.arrived_at = timezone.now() if request.POST.get("arrived") == "1" else None
        guest.save(update_fields=["arrived_at"])
        return redirect(
            reverse("producer:guest-list", args=[session.pk]) + f"#booking-{guest.booking_id}"
        )


class BookingScanView(ProducerMixin, TemplateView):
    """What the host's phone opens from a ticket's QR code: the booking in its guest list."""

    def get(self, request, code):
        booking = get_object_or_404(
            Booking.objects.filter(session__in=self.sessions()), code=code.upper()
        )
        return redirect(
            reverse("producer:guest-list", args=[booking.session_id]) + f"#booking-{booking.pk}"
        )
