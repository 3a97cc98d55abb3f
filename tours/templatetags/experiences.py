"""What an order says about the craft-experience sessions it books."""

from django import template
from django.utils.translation import gettext, pgettext

from wagtail.models import Locale

from tours.models import Booking, ExperiencePage, ExperienceSession
from tours.party import GUESTS_OPTION, LANGUAGE_OPTION, OPTIONS, PHONE_OPTION

register = template.Library()


@register.simple_tag
def order_bookings(order):
    """The order's ticket lines, each with its session and the experience page in the visitor's
    language (`.page`, `.calendar_url`): three queries whatever their number."""
    lines = {line.product_id: line for line in order.lines.all() if line.product_id}
    sessions = list(
        ExperienceSession.objects.filter(product_id__in=lines)
        .select_related("experience")
        .order_by("starts_at")
    )
    if not sessions:
        return []
    local = {
        page.translation_key: page
        for page in ExperiencePage.objects.live().filter(
            locale=Locale.get_active(),
            translation_key__in=[session.experience.translation_key for session in sessions],
        )
    }
    from tours.tickets import ticket_path

    booked = {booking.line_id: booking for booking in Booking.objects.filter(line__order=order)}
    bookings = []
    for session in sessions:
        page = local.get(session.experience.translation_key, session.experience)
        session.experience = page
        bookings.append(
            {
                "line": lines[session.product_id],
                "session": session,
                "page": page,
                "calendar_url": page.url + page.reverse_subpage("calendar", args=(session.pk,)),
                "ticket_url": ticket_path(booked[lines[session.product_id].pk])
                if lines[session.product_id].pk in booked
                else "",
            }
        )
    return bookings


@register.filter
def line_summary(line, show_phone=False):
    """`{{ line|line_summary }}`: a basket or order line in the visitor's language, the product's
    title then, for a workshop ticket, its party ("Guests: … · Language: …"); the lead guest's
    phone only with `line_summary:True`, on the buyer's own pages. Other options as Oscar says."""
    codes_by_name = {name: code for code, name in OPTIONS.items()}
    party, others = {}, []
    for attribute in line.attributes.all():
        option = getattr(attribute, "option", None)
        # An order line keeps the option's name at order time (`type`); the option may be gone.
        code = option.code if option else codes_by_name.get(getattr(attribute, "type", ""))
        if code in OPTIONS:
            party[code] = attribute.value
        else:
            others.append(attribute)
    if not party:
        return line.description
    product = line.product
    parts = []
    if names := party.get(GUESTS_OPTION):
        names = ", ".join(str(name) for name in names) if isinstance(names, list) else names
        parts.append(pgettext("a workshop ticket's party", "Guests: %(names)s") % {"names": names})
    if show_phone and (phone := party.get(PHONE_OPTION)):
        parts.append(gettext("Lead guest's phone: %(phone)s") % {"phone": phone})
    if language := party.get(LANGUAGE_OPTION):
        name = dict(Booking.Language.choices).get(language, language)
        parts.append(gettext("Language: %(language)s") % {"language": name})
    for attribute in others:
        name = attribute.option.name if getattr(attribute, "option", None) else attribute.type
        parts.append(f"{name} = '{attribute.value}'")
    title = product.get_title() if product else line.title
    return f"{title} ({' · '.join(parts)})"
