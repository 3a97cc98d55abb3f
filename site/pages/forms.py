from django.utils.translation import gettext_lazy as _

from wagtail.images.forms import BaseImageForm

FOCAL_POINT_FIELDS = ("focal_point_x", "focal_point_y", "focal_point_width", "focal_point_height")


class ImageForm(BaseImageForm):
    """Wagtail's image form, where an image needs its description (alt text) and a focal point.

    Both are asked for once the image exists: the uploader first saves the file, then asks for its
    details, so they are required at that second step and on every later edit. The focal point is
    required where the form shows Wagtail's focal-point chooser (the image's edit page).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "description" in self.fields and self.instance.pk:
            self.fields["description"].required = True
            self.fields["description"].help_text = _(
                "Say what the picture shows, for people who cannot see it (its alt text)."
            )

    def clean(self):
        data = super().clean()
        chooses_focal_point = all(name in self.fields for name in FOCAL_POINT_FIELDS)
        if self.instance.pk and chooses_focal_point and data.get("focal_point_x") is None:
            self.add_error(
                None,
                _(
                    "Choose the focal point: drag over the main subject, so that crops keep it in view."
                ),
            )
        return data
