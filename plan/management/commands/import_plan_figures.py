from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from plan.importing import SHEETS, import_figures


class Command(BaseCommand):
    help = "Import villages' or crafts' yearly figures from a CSV or XLSX sheet; a sheet with any wrong row imports nothing."

    def add_arguments(self, parser):
        parser.add_argument("sheet", type=Path)
        parser.add_argument(
            "--kind",
            choices=sorted(SHEETS),
            default="villages",
            help="Figures of villages or crafts.",
        )

    def handle(self, *args, sheet, kind, **options):
        if not sheet.exists():
            raise CommandError(f"No such file: {sheet}")
        with sheet.open("rb") as upload:
            result = import_figures(upload, sheet.name, kind=kind)
        if not result.ok:
            for number, messages in result.errors:
                for message in messages:
                    self.stderr.write(f"row {number}: {message}")
            raise CommandError(f"{len(result.errors)} wrong row(s): nothing was imported.")
        self.stdout.write(self.style.SUCCESS(f"{result.saved} row(s) imported."))
