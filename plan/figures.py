"""Yearly figures of plan 244/KH-UBND: what each village and craft reports each year.

The plan's indicators are computed from these (indicators.py), never typed. They sit below the
indicators and the yearly report, which the progress page shows (models.py, which imports them).
"""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from villages.models import CraftPage, VillagePage


class PublicFigures(models.QuerySet):
    """Figures of places the public may see: a village's or craft's page live and not private."""

    page_field = ""

    def public(self):
        pages = {"village": VillagePage, "craft": CraftPage}[self.page_field]
        return self.filter(**{f"{self.page_field}__in": pages.objects.live().public()})


class VillageFigures(PublicFigures):
    page_field = "village"


class CraftFigures(PublicFigures):
    page_field = "craft"


YEAR_VALIDATORS = [MinValueValidator(2000), MaxValueValidator(2100)]
PLAN_START = 2021  # the first year the plan counts


class VillageYear(models.Model):
    village = models.ForeignKey(
        "villages.VillagePage",
        verbose_name=_("village"),
        on_delete=models.CASCADE,
        related_name="yearly_figures",
        limit_choices_to={"locale__language_code": "vi"},
    )
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    households = models.PositiveIntegerField(_("households in the craft"))
    workers = models.PositiveIntegerField(_("workers"))
    workers_trained = models.PositiveIntegerField(
        _("workers trained"), help_text=_("In craft skills, work safety and basic IT.")
    )
    production_value = models.PositiveBigIntegerField(_("production value (VND)"))
    recognised = models.BooleanField(_("recognised craft village"), default=False)
    working_effectively = models.BooleanField(_("working effectively"), default=False)
    trademark_protected = models.BooleanField(
        _("protected trademark or geographical indication"), default=False
    )
    environment_compliant = models.BooleanField(_("meets environmental rules"), default=False)
    linked_to_tourism = models.BooleanField(_("linked to tourism"), default=False)
    is_sample = models.BooleanField(_("sample figures"), default=False)

    objects = VillageFigures.as_manager()

    class Meta:
        verbose_name = _("village's yearly figures")
        verbose_name_plural = _("villages' yearly figures")
        ordering = ["year", "village__title"]
        constraints = [
            models.UniqueConstraint(
                fields=["village", "year"], name="one_figure_set_per_village_year"
            )
        ]

    def __str__(self):
        return f"{self.village} – {self.year}"

    def clean(self):
        if (
            self.workers_trained is not None
            and self.workers is not None
            and self.workers_trained > self.workers
        ):
            raise ValidationError({"workers_trained": _("More workers trained than workers.")})


class CraftYear(models.Model):
    craft = models.ForeignKey(
        "villages.CraftPage",
        verbose_name=_("craft"),
        on_delete=models.CASCADE,
        related_name="yearly_figures",
        limit_choices_to={"locale__language_code": "vi"},
    )
    former_district = models.CharField(_("former district"), max_length=120)
    year = models.PositiveSmallIntegerField(_("year"), validators=YEAR_VALIDATORS)
    at_risk = models.BooleanField(_("at risk of being lost"), default=False)
    restored = models.BooleanField(_("restored or preserved this year"), default=False)
    commodity_production = models.BooleanField(_("produced as a commodity"), default=False)
    recognised = models.BooleanField(_("recognised as a traditional craft"), default=False)
    decision_number = models.CharField(_("decision number"), max_length=60, blank=True)
    decision_year = models.PositiveSmallIntegerField(
        _("year of the decision"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    is_sample = models.BooleanField(_("sample figures"), default=False)

    objects = CraftFigures.as_manager()

    class Meta:
        verbose_name = _("craft's yearly figures")
        verbose_name_plural = _("crafts' yearly figures")
        ordering = ["year", "former_district", "craft__title"]
        constraints = [
            models.UniqueConstraint(
                fields=["craft", "former_district", "year"],
                name="one_figure_set_per_craft_district_year",
            )
        ]

    def __str__(self):
        return f"{self.craft} – {self.former_district} – {self.year}"

    def clean(self):
        if self.recognised and not self.decision_year:
            raise ValidationError(
                {"decision_year": _("A recognition needs the year of its decision.")}
            )


class ReportHeader(models.Model):
    """The official header of one year's report, as the issuing body signs it."""

    year = models.PositiveSmallIntegerField(_("year"), unique=True, validators=YEAR_VALIDATORS)
    issuing_body = models.CharField(
        _("issuing body"),
        max_length=200,
        default="UBND TỈNH LẠNG SƠN\nSỞ NÔNG NGHIỆP VÀ MÔI TRƯỜNG",
        help_text=_("One line per level, as at the top left of the document."),
    )
    document_number = models.CharField(
        _("document number"), max_length=60, blank=True, help_text=_("For example 25/BC-SNNMT")
    )
    place = models.CharField(_("place"), max_length=60, default="Lạng Sơn")
    issued_on = models.DateField(_("date of issue"), null=True, blank=True)
    signer_title = models.CharField(_("signer's title"), max_length=120, blank=True)
    signer_name = models.CharField(_("signer's name"), max_length=120, blank=True)

    class Meta:
        verbose_name = _("report header")
        verbose_name_plural = _("report headers")
        ordering = ["-year"]

    def __str__(self):
        return str(self.year)

    def issuing_lines(self):
        return [line.strip() for line in self.issuing_body.splitlines() if line.strip()]
