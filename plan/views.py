from django import forms
from django.contrib.auth.decorators import permission_required
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from . import importing


class SheetForm(forms.Form):
    kind = forms.ChoiceField(
        label=_("Figures of"),
        choices=[("villages", _("villages")), ("crafts", _("crafts"))],
        initial="villages",
    )
    sheet = forms.FileField(
        label=_("Sheet (CSV or XLSX)"),
        help_text=_("First row: the column names. One row per village and year."),
    )

    def clean_sheet(self):
        sheet = self.cleaned_data["sheet"]
        if not sheet.name.lower().endswith((".csv", ".xlsx")):
            raise forms.ValidationError(_("Send a .csv or .xlsx file."))
        if sheet.size > 5 * 1024 * 1024:
            raise forms.ValidationError(_("The sheet is larger than 5 MB."))
        return sheet


@permission_required("plan.add_villageyear", raise_exception=True)
def import_figures(request):  # the admin page; the work is importing.import_figures
    """Upload villages' yearly figures; every wrong row is listed and nothing is imported."""
    result = None
    form = SheetForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        sheet = form.cleaned_data["sheet"]
        result = importing.import_figures(sheet, sheet.name, kind=form.cleaned_data["kind"])
    return render(
        request,
        "plan/admin/import.html",
        {
            "form": form,
            "result": result,
            "columns": {kind: spec[0] for kind, spec in importing.SHEETS.items()},
        },
    )
