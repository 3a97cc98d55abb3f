"""Importing yearly figures from a spreadsheet: every row is checked, and a sheet with any wrong
row imports nothing."""

import csv
import io
from dataclasses import dataclass, field

from django import forms
from django.db import transaction
from django.utils.translation import gettext as _

from villages.models import CraftPage, VillagePage

from .figures import CraftYear, VillageYear

COLUMNS = [
    "village",
    "year",
    "households",
    "workers",
    "workers_trained",
    "production_value",
    "recognised",
    "working_effectively",
    "trademark_protected",
    "environment_compliant",
    "linked_to_tourism",
]
TRUE_WORDS = {"1", "x", "yes", "true", "có", "co", "đúng", "dung", "是"}
FALSE_WORDS = {"", "0", "no", "false", "không", "khong", "sai", "否"}


class SheetBooleanField(forms.Field):
    """Yes/no as people write it in a sheet: 1/0, x, yes/no, có/không."""

    def to_python(self, value):
        if isinstance(value, bool):
            return value
        word = str(value if value is not None else "").strip().lower()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        raise forms.ValidationError(
            _("Write 1 or 0 (yes or no), not “%(value)s”.") % {"value": value}
        )


class VillageYearRow(forms.ModelForm):
    village = forms.CharField()
    recognised = SheetBooleanField(required=False)
    working_effectively = SheetBooleanField(required=False)
    trademark_protected = SheetBooleanField(required=False)
    environment_compliant = SheetBooleanField(required=False)
    linked_to_tourism = SheetBooleanField(required=False)

    class Meta:
        model = VillageYear
        fields = COLUMNS

    def clean_village(self):
        slug = str(self.cleaned_data["village"]).strip()
        village = VillagePage.objects.filter(locale__language_code="vi", slug=slug).first()
        if village is None:
            raise forms.ValidationError(
                _("No village with the address name “%(slug)s”.") % {"slug": slug}
            )
        return village

    def clean(self):
        data = super().clean()
        # A row may update the figures already saved for its village and year.
        existing = VillageYear.objects.filter(
            village=data.get("village"), year=data.get("year")
        ).first()
        if existing is not None:
            self.instance = existing
        return data


CRAFT_COLUMNS = [
    "craft",
    "former_district",
    "year",
    "at_risk",
    "restored",
    "commodity_production",
    "recognised",
    "decision_number",
    "decision_year",
]


class CraftYearRow(forms.ModelForm):
    craft = forms.CharField()
    at_risk = SheetBooleanField(required=False)
    restored = SheetBooleanField(required=False)
    commodity_production = SheetBooleanField(required=False)
    recognised = SheetBooleanField(required=False)

    class Meta:
        model = CraftYear
        fields = CRAFT_COLUMNS

    def clean_craft(self):
        slug = str(self.cleaned_data["craft"]).strip()
        craft = CraftPage.objects.filter(locale__language_code="vi", slug=slug).first()
        if craft is None:
            raise forms.ValidationError(
                _("No craft with the address name “%(slug)s”.") % {"slug": slug}
            )
        return craft

    def clean(self):
        data = super().clean()
        # A row may update the figures already saved for its craft, district and year.
        existing = CraftYear.objects.filter(
            craft=data.get("craft"),
            former_district=data.get("former_district"),
            year=data.get("year"),
        ).first()
        if existing is not None:
            self.instance = existing
        return data


# What a sheet can hold: its columns, the form that checks a row, and the fields naming a row.
SHEETS = {
    "villages": (COLUMNS, VillageYearRow, ("village", "year")),
    "crafts": (CRAFT_COLUMNS, CraftYearRow, ("craft", "former_district", "year")),
}


@dataclass
class ImportResult:
    saved: int = 0
    errors: list = field(
        default_factory=list
    )  # [(row number in the sheet, ["column: message", …])]

    @property
    def ok(self):
        return not self.errors


def read_rows(upload, filename):
    """The sheet's rows as dicts keyed by its header, with their row numbers (the header is row 1)."""
    if filename.lower().endswith(".xlsx"):
        # Not a circle: openpyxl takes about 0.2 s to import, paid only when a workbook comes.
        from openpyxl import load_workbook

        sheet = load_workbook(upload, read_only=True, data_only=True).worksheets[0]
        rows = sheet.iter_rows(values_only=True)
        header = [str(cell or "").strip() for cell in next(rows, [])]
        body = [["" if cell is None else cell for cell in row] for row in rows]
    else:
        text = upload.read()
        text = text.decode("utf-8-sig") if isinstance(text, bytes) else text
        reader = csv.reader(io.StringIO(text))
        header = [cell.strip() for cell in next(reader, [])]
        body = list(reader)
    for number, values in enumerate(body, start=2):
        if any(str(value).strip() for value in values):
            yield number, dict(zip(header, values, strict=False))


def import_village_figures(upload, filename, sample=False):
    return import_figures(upload, filename, kind="villages", sample=sample)


def import_craft_figures(upload, filename, sample=False):
    return import_figures(upload, filename, kind="crafts", sample=sample)


def import_figures(upload, filename, kind="villages", sample=False):
    """Check every row; save them all (adding or updating each row's year) only if all are right."""
    columns, row_form, key_fields = SHEETS[kind]
    result = ImportResult()
    valid = []
    rows = list(read_rows(upload, filename))
    if not rows:
        result.errors.append((1, [_("The sheet has no rows of figures.")]))
    missing = [column for column in columns if rows and column not in rows[0][1]]
    if missing:
        result.errors.append(
            (1, [_("Missing columns: %(columns)s") % {"columns": ", ".join(missing)}])
        )
        return result
    seen = set()
    for number, row in rows:
        form = row_form(data=row)
        if not form.is_valid():
            result.errors.append(
                (
                    number,
                    [
                        f"{column}: {message}"
                        for column, messages in form.errors.items()
                        for message in messages
                    ],
                )
            )
            continue
        key = tuple(
            getattr(form.cleaned_data[name], "pk", form.cleaned_data[name]) for name in key_fields
        )
        if key in seen:
            result.errors.append(
                (number, [_("This row repeats an earlier one for the same year.")])
            )
            continue
        seen.add(key)
        valid.append(form)
    if result.errors:
        return result
    with transaction.atomic():
        for form in valid:
            figures = form.save(commit=False)
            figures.is_sample = sample
            figures.save()
            result.saved += 1
    return result
