"""Run hourly or daily by the scheduler: each workshop booking is reminded once, the day before."""

from django.core.management.base import BaseCommand

from tours.tickets import send_reminders


class Command(BaseCommand):
    help = "E-mail the guests of workshop sessions starting within a day and a half, once each."

    def handle(self, *args, **options):
        sent = send_reminders()
        self.stdout.write(f"{sent} reminder(s) sent.")
