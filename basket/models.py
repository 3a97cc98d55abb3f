"""Oscar's basket, whose lines are read with everything the basket page, the offers and the
delivery fee ask of them: a basket of eight lines costs the queries of a basket of two."""

from oscar.apps.basket.abstract_models import AbstractBasket, AbstractLine

from tours import party


class Basket(AbstractBasket):
    def all_lines(self):
        if self.id is None:
            return self.lines.model.objects.none()
        if self._lines is None:
            self._lines = (
                self.lines.select_related(
                    "product__product_class",
                    "product__parent__product_class",
                    "product__producer",
                    "stockrecord",
                )
                .prefetch_related(
                    "attributes__option",
                    "product__images",
                    "product__attribute_values__attribute",
                )
                .order_by(self._meta.pk.name)
            )
        return self._lines


class Line(AbstractLine):
    @property
    def description(self):
        """A workshop ticket's party in the visitor's language ("Guests: … · Language: …")
        wherever Oscar shows a line; other lines as Oscar writes them."""
        return party.line_summary(self) or super().description


from oscar.apps.basket.models import *  # noqa: E402, F403  (Oscar's other basket models)
