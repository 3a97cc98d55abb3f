"""The page editor's form: what a page chooses among other pages is in the page's own language."""

from django import forms
from django.utils.translation import get_language_info
from django.utils.translation import gettext as _

from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.models import Page

from .translations import local_pages, page_relations


class PageForm(WagtailAdminPageForm):
    """Checkboxes and lists of pages offer only the pages in the edited page's language (a village's
    crafts: five, not five in each of three languages); a page chosen in another language is
    replaced by its translation, and refused where it has none."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.locale = self.instance.locale if self.instance.locale_id else None
        if self.locale is None and self.parent_page is not None:
            self.locale = self.parent_page.locale
        if self.locale is None:
            return
        for relation in page_relations(type(self.instance)):
            field = self.fields.get(relation.name)
            if field is None:
                continue
            if isinstance(field, forms.ModelMultipleChoiceField):
                field.queryset = field.queryset.filter(locale=self.locale)
                chosen = self.initial.get(relation.name)
                if chosen:
                    pages = field.queryset.model._default_manager.filter(
                        pk__in=[getattr(page, "pk", page) for page in chosen]
                    )
                    self.initial[relation.name] = [
                        page.pk for page in local_pages(pages, self.locale.pk)
                    ]
            elif self.initial.get(relation.name):
                # One page, chosen in a modal that lists every language: shown in the local one.
                chosen = Page.objects.filter(pk=self.initial[relation.name]).first()
                if chosen is not None:
                    self.initial[relation.name] = local_pages([chosen], self.locale.pk)[0].pk

    def clean(self):
        data = super().clean()
        if self.locale is None:
            return data
        for relation in page_relations(type(self.instance)):
            chosen = data.get(relation.name)
            if relation.name not in self.fields or not isinstance(chosen, Page):
                continue
            local = local_pages([chosen], self.locale.pk)[0]
            if local.locale_id != self.locale.pk:
                self.add_error(
                    relation.name,
                    _("“%(page)s” has no page in %(language)s yet: translate it first.")
                    % {
                        "page": chosen.get_admin_display_title(),
                        "language": get_language_info(self.locale.language_code)["name_translated"],
                    },
                )
            else:
                data[relation.name] = local
        return data
