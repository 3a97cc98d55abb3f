from django.utils.translation import gettext_lazy as _

from wagtail.images.forms import BaseImageForm


class ImageForm(BaseImageForm):
    """Wagtail's image form, where describing the picture (its alt text) is required.

    Required once the image exists: the uploader first saves the file, then asks for its details,
    so the description is asked for at that second step and on every later edit.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "description" in self.fields and self.instance.pk:
            self.fields["description"].required = True
            self.fields["description"].help_text = _(
                "Say what the picture shows, for people who cannot see it (its alt text)."
            )
