"""Oscar's class loader, except that `search.*` comes only from our own app.

Oscar's loader imports its own module before looking for an override, which would pull in
`oscar.apps.search` and django-haystack even though we replace them.
"""

from importlib import import_module

from oscar.core.exceptions import ClassNotFoundError
from oscar.core.loading import default_class_loader


def class_loader(module_label, classnames, module_prefix):
    if module_prefix == "oscar.apps" and module_label.split(".")[0] == "search":
        module = import_module(module_label)
        try:
            return [getattr(module, name) for name in classnames]
        except AttributeError as error:
            raise ClassNotFoundError(f"{module_label}: {error}") from error
    return default_class_loader(module_label, classnames, module_prefix)
