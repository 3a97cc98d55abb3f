"""The monthly statement: a producer's orders of a month and who holds their money, on screen,
printable and as a spreadsheet; staff read every producer's."""

import datetime
from io import BytesIO

from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.generic import TemplateView, View

from oscar.core.loading import get_model

from .. import sales
from ..access import producer_of

Partner = get_model("partner", "Partner")
Line = get_model("order", "Line")
ExperiencePage = get_model("tours", "ExperiencePage")

VND_FORMAT = '#,##0 "₫"'


def reads_all_statements(user):
    """Staff who run orders (shop managers, superusers) read every producer's statement."""
    return user.is_staff and user.has_perm("order.view_order")


def month_of(year, month):
    try:
        return datetime.date(year, month, 1)
    except ValueError as error:
        raise Http404 from error


def month_label(month):
    return date_format(month, "YEAR_MONTH_FORMAT")


class StatementAccessMixin(LoginRequiredMixin):
    """The producer's own statement; staff name the producer (?producer=<id>)."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.for_staff = False
        wanted = request.GET.get("producer", "")
        if wanted and reads_all_statements(request.user):
            if not wanted.isdigit():
                raise Http404
            self.producer = get_object_or_404(Partner, pk=wanted)
            self.for_staff = True
        else:
            self.producer = producer_of(request.user)
            if self.producer is None:
                if reads_all_statements(request.user):
                    today = timezone.localdate()
                    return HttpResponseRedirect(
                        reverse("producer:statement-staff", args=[today.year, today.month])
                    )
                raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def lines(self):
        return Line.objects.filter(partner=self.producer)

    def query(self):
        return f"?producer={self.producer.pk}" if self.for_staff else ""


class StatementLatestView(StatementAccessMixin, View):
    """The statement of the latest month with orders (this month when there are none)."""

    def get(self, request):
        months = sales.months_with_orders(self.lines())
        month = months[0] if months else timezone.localdate().replace(day=1)
        url = reverse("producer:statement", args=[month.year, month.month])
        return HttpResponseRedirect(url + self.query())


class StatementView(StatementAccessMixin, TemplateView):
    template_name = "producers/statement.html"

    def get_context_data(self, **kwargs):
        month = month_of(kwargs.pop("year"), kwargs.pop("month"))
        months = sales.months_with_orders(self.lines())
        if month not in months:
            months = sorted([*months, month], reverse=True)
        query = self.query()
        return super().get_context_data(
            producer=self.producer,
            for_staff=self.for_staff,
            base_template="producers/statement_staff_base.html"
            if self.for_staff
            else "producers/base.html",
            statement=sales.statement(self.producer, month),
            now=timezone.localtime(),
            month=month,
            months=[
                (
                    m,
                    reverse("producer:statement", args=[m.year, m.month]) + query,
                )
                for m in months
            ],
            xlsx_url=reverse("producer:statement-xlsx", args=[month.year, month.month]) + query,
            staff_url=reverse("producer:statement-staff", args=[month.year, month.month])
            if self.for_staff
            else "",
            hosts_experiences=False
            if self.for_staff
            else ExperiencePage.objects.filter(producer=self.producer).exists(),
            **kwargs,
        )


class StatementXlsxView(StatementAccessMixin, View):
    """The statement as a spreadsheet: the figures, then one row per order line."""

    def get(self, request, year, month):
        from openpyxl import Workbook
        from openpyxl.styles import Alignment, Font

        month = month_of(year, month)
        statement = sales.statement(self.producer, month)
        book = Workbook()
        sheet = book.active
        sheet.title = _("Statement")[:31]
        bold = Font(bold=True)
        sheet.append([_("Monthly statement"), month_label(month)])
        sheet.append([_("Producer"), self.producer.name])
        sheet["A1"].font = Font(bold=True, size=14)
        sheet.append([])
        figures = [
            (_("Ordered (not cancelled)"), statement.ordered),
            (_("Collected by the site on your behalf"), statement.collected_by_site),
            (
                _("Collected by you (cash on delivery, pay on the day)"),
                statement.collected_by_producer,
            ),
            (_("Cash still to be collected"), statement.to_collect),
            (_("Awaiting transfer or online payment"), statement.awaiting),
            (_("Cancelled"), statement.cancelled),
            (_("Owed to you by the site"), statement.owed),
        ]
        for label, amount in figures:
            sheet.append([label, int(amount)])
            sheet.cell(sheet.max_row, 2).number_format = VND_FORMAT
        sheet.cell(sheet.max_row, 1).font = bold
        sheet.cell(sheet.max_row, 2).font = bold
        sheet.append([])
        headings = [
            _("Date"),
            _("Order"),
            _("Status"),
            _("Payment"),
            _("Who holds the money"),
            _("Product"),
            _("Quantity"),
            _("Amount"),
        ]
        sheet.append(headings)
        heading_row = sheet.max_row
        for cell in sheet[heading_row]:
            cell.font = bold
            cell.alignment = Alignment(wrap_text=True, vertical="top")
        holders = {
            sales.BY_SITE: pgettext("who holds the money", "the site"),
            sales.BY_PRODUCER: pgettext("who holds the money", "you"),
            None: "",
        }
        for order in statement.orders:
            holder = (
                pgettext("who holds the money", "cancelled")
                if order.cancelled
                else holders[order.holder]
            )
            for title, quantity, amount in order.lines:
                sheet.append(
                    [
                        order.placed.replace(tzinfo=None),
                        order.number,
                        order.status,
                        order.method,
                        holder,
                        title,
                        quantity,
                        int(amount),
                    ]
                )
                row = sheet.max_row
                sheet.cell(row, 1).number_format = "DD/MM/YYYY HH:MM"
                sheet.cell(row, 8).number_format = VND_FORMAT
        sheet.freeze_panes = sheet.cell(heading_row + 1, 1)
        widths = {"A": 44, "B": 16, "C": 26, "D": 24, "E": 20, "F": 44, "G": 10, "H": 16}
        for column, width in widths.items():
            sheet.column_dimensions[column].width = width
        out = BytesIO()
        book.save(out)
        response = HttpResponse(
            out.getvalue(),
            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        filename = f"statement-{self.producer.pk}-{month:%Y-%m}.xlsx"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        return response


class StaffStatementListView(LoginRequiredMixin, TemplateView):
    """Every producer with orders in the month, and the figures of each statement."""

    template_name = "producers/statement_staff.html"

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        if not reads_all_statements(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        month = month_of(kwargs.pop("year"), kwargs.pop("month"))
        start, end = sales.month_bounds(month)
        in_month = Q(
            order_lines__order__date_placed__gte=start, order_lines__order__date_placed__lt=end
        )
        producers = Partner.objects.filter(in_month).distinct().order_by("name")
        months = sales.months_with_orders(Line.objects.filter(partner__isnull=False))
        if month not in months:
            months = sorted([*months, month], reverse=True)
        return super().get_context_data(
            month=month,
            months=[
                (m, reverse("producer:statement-staff", args=[m.year, m.month])) for m in months
            ],
            statements=[
                (
                    sales.statement(producer, month),
                    reverse("producer:statement", args=[month.year, month.month])
                    + f"?producer={producer.pk}",
                )
                for producer in producers
            ],
            **kwargs,
        )
