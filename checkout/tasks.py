"""The buyer's order e-mails, sent off the request after the order commits (django-tasks).

A mail server that is down never fails a checkout or a shipment: the e-mail is tried again later
where the task backend can wait (production's database queue), and the failure is logged.
"""

import datetime
import logging
import smtplib

from django.utils import timezone

from django_tasks import default_task_backend, task
from oscar.core.loading import get_model

from . import emails

logger = logging.getLogger("checkout")

Order = get_model("order", "Order")
ShippingEvent = get_model("order", "ShippingEvent")

PLACED, SHIPPED, CANCELLED = "placed", "shipped", "cancelled"
# Minutes to wait before each new try; after the last, staff see the failure in the log.
RETRY_MINUTES = (1, 5, 30, 120, 720)


def send_later(kind, object_id):
    """Queue the e-mail; called once the order or its shipment is committed."""
    try:
        send_order_email.enqueue(kind, object_id)
    except Exception:  # noqa: BLE001 - the order is saved; only its e-mail is at stake
        logger.exception("Could not queue the %s e-mail of %s", kind, object_id)


@task()
def send_order_email(kind, object_id, attempt=0):
    try:
        if kind == PLACED:
            emails.send_order_placed(Order.objects.get(pk=object_id))
        elif kind == CANCELLED:
            emails.send_order_cancelled(Order.objects.get(pk=object_id))
        else:
            emails.send_order_shipped(
                ShippingEvent.objects.select_related("order").get(pk=object_id)
            )
    except (smtplib.SMTPException, OSError) as error:
        try_again(kind, object_id, attempt, error)


def try_again(kind, object_id, attempt, error):
    if attempt < len(RETRY_MINUTES) and default_task_backend.supports_defer:
        wait = datetime.timedelta(minutes=RETRY_MINUTES[attempt])
        logger.warning(
            "The %s e-mail of %s failed (%s); trying again in %s", kind, object_id, error, wait
        )
        send_order_email.using(run_after=timezone.now() + wait).enqueue(
            kind, object_id, attempt + 1
        )
    else:
        logger.error("The %s e-mail of %s could not be sent: %s", kind, object_id, error)
