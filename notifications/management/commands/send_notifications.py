from django.core.management.base import BaseCommand

from notifications.models import Notification
from notifications.tasks import RETRY_MINUTES, deliver


class Command(BaseCommand):
    help = "Send the notifications still waiting (a provider or the task worker was down)."

    def handle(self, *args, **options):
        pending = Notification.objects.filter(state=Notification.State.PENDING).order_by("pk")
        count = 0
        for pk, attempts in pending.values_list("pk", "attempts"):
            deliver.call(pk, min(attempts, len(RETRY_MINUTES)))
            count += 1
        self.stdout.write(f"{count} notification(s) tried.")
