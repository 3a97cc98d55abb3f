"""Delivery off the request, after the commit; retried while the provider is unavailable."""

import datetime
import logging
from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils import timezone

from django_tasks import default_task_backend, task

from .backends import Message, Refused, Unavailable, backend_for
from .models import Notification

logger = logging.getLogger("notifications")

# Minutes to wait before each new try; `manage.py send_notifications` sends what is left pending.
RETRY_MINUTES = (1, 5, 30, 120, 720)


def queue(channel, to, text, subject="", owner=None, sensitive=False):
    """Write the message now (in the caller's transaction) and deliver it once that commits."""
    notification = Notification.objects.create(
        channel=channel,
        to=to,
        text=text,
        subject=subject,
        sensitive=sensitive,
        owner_type=ContentType.objects.get_for_model(owner) if owner is not None else None,
        owner_id=owner.pk if owner is not None else None,
    )
    transaction.on_commit(partial(enqueue, notification.pk))
    return notification


def enqueue(pk, attempt=0, run_after=None):
    try:
        job = deliver.using(run_after=run_after) if run_after else deliver
        job.enqueue(pk, attempt)
    except Exception:  # noqa: BLE001 - the message is kept pending; the command sends it later
        logger.exception("Could not queue notification %s", pk)


@task()
def deliver(pk, attempt=0):
    notification = Notification.objects.filter(pk=pk, state=Notification.State.PENDING).first()
    if notification is None:
        return
    backend = backend_for(notification.channel)
    notification.attempts += 1
    try:
        if backend is None:
            raise Refused(f"no backend for {notification.channel}")
        notification.provider_id = backend.send(
            Message(notification.to, notification.text, notification.subject, f"n{notification.pk}")
        )[:100]
    except Unavailable as error:
        notification.error = str(error)[:300]
        notification.save(update_fields=["attempts", "error"])
        if attempt < len(RETRY_MINUTES) and default_task_backend.supports_defer:
            wait = datetime.timedelta(minutes=RETRY_MINUTES[attempt])
            logger.warning("Notification %s failed (%s); again in %s", pk, error, wait)
            enqueue(pk, attempt + 1, run_after=timezone.now() + wait)
        elif attempt >= len(RETRY_MINUTES):
            notification.state = Notification.State.FAILED
            notification.save(update_fields=["state"])
            logger.error("Notification %s could not be sent: %s", pk, error)
        return
    except Refused as error:
        notification.state = Notification.State.FAILED
        notification.error = str(error)[:300]
        notification.save(update_fields=["attempts", "error", "state"])
        logger.error("Notification %s refused: %s", pk, error)
        return
    notification.state = Notification.State.SENT
    notification.sent_at = timezone.now()
    notification.error = ""
    if notification.sensitive:
        notification.text = "…"
    notification.save()
