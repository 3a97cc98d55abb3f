"""Product photos from producers' phones: checked, turned upright and stripped of EXIF.

One place for the rules, used by every form that takes a product photo: a real JPEG, PNG, WebP or
HEIC image, at most 10 MB and 40 megapixels. The file kept is re-encoded from the pixels, so no
EXIF (GPS position, camera serial) survives; HEIC, which browsers cannot show, becomes JPEG.
"""

import io
import logging
import os
from pathlib import Path

from django import forms
from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _

from PIL import Image, ImageOps, UnidentifiedImageError
from pillow_heif import register_heif_opener

from pages.text import slugify

logger = logging.getLogger("catalogue")

register_heif_opener()

MAX_BYTES = 10 * 1024 * 1024
MAX_PIXELS = 40_000_000
# Pillow's format name → the format and file extension we keep.
KEPT_AS = {
    "JPEG": ("JPEG", "jpg"),
    "MPO": ("JPEG", "jpg"),  # phones' JPEGs with a depth map
    "PNG": ("PNG", "png"),
    "WEBP": ("WEBP", "webp"),
    "HEIF": ("JPEG", "jpg"),
}
ACCEPT = "image/jpeg,image/png,image/webp,image/heic,image/heif,.heic,.heif"

NOT_AN_IMAGE = _(
    "This file is not a photo we can read. Please choose a JPEG, PNG, WebP or HEIC photo."
)
TOO_LARGE = _("This photo is larger than 10 MB. Please choose a smaller one.")
TOO_MANY_PIXELS = _("This photo has more than 40 megapixels. Please choose a smaller one.")


def clean_photo(upload):
    """The upload as a clean image file (ContentFile), or ValidationError with a plain message."""
    if upload.size is not None and upload.size > MAX_BYTES:
        raise ValidationError(TOO_LARGE, code="too_large")
    upload.seek(0)
    try:
        image = Image.open(upload)
        if image.format not in KEPT_AS:
            raise ValidationError(NOT_AN_IMAGE, code="format")
        # Checked before decoding: a small file can hold a huge image (a decompression bomb).
        if image.width * image.height > MAX_PIXELS:
            raise ValidationError(TOO_MANY_PIXELS, code="too_many_pixels")
        image.load()
        upright = ImageOps.exif_transpose(image)
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        raise ValidationError(NOT_AN_IMAGE, code="invalid") from None

    kept_format, extension = KEPT_AS[image.format]
    if kept_format == "JPEG" and upright.mode not in ("RGB", "L"):
        upright = upright.convert("RGB")
    # Only what is needed to draw the picture right; EXIF, XMP and text chunks are left behind.
    options = {"icc_profile": image.info["icc_profile"]} if image.info.get("icc_profile") else {}
    if kept_format == "JPEG":
        options.update(quality=90, optimize=True)
    upright.info = {}
    output = io.BytesIO()
    upright.save(output, format=kept_format, **options)
    stem = slugify(os.path.splitext(os.path.basename(upload.name or ""))[0]) or "anh"
    return ContentFile(output.getvalue(), name=f"{stem[:60]}.{extension}")


class PhotoInput(forms.ClearableFileInput):
    """A file input that offers the phone's camera and photo library."""

    def __init__(self, attrs=None):
        super().__init__({"accept": ACCEPT, **(attrs or {})})


class PhotoField(forms.FileField):
    """A form field whose cleaned value is the checked, cleaned photo (see `clean_photo`)."""

    widget = PhotoInput

    def to_python(self, data):
        upload = super().to_python(data)
        return clean_photo(upload) if upload else upload


class MultiplePhotoInput(PhotoInput):
    allow_multiple_selected = True


class MultiplePhotoField(PhotoField):
    """Several photos at once; each is checked and the first bad one names itself."""

    widget = MultiplePhotoInput

    def clean(self, data, initial=None):
        uploads = data if isinstance(data, list | tuple) else [data] if data else []
        if self.required and not uploads:
            raise ValidationError(self.error_messages["required"], code="required")
        cleaned = []
        for upload in uploads:
            try:
                cleaned.append(super().clean(upload, initial))
            except ValidationError as error:
                raise ValidationError(
                    _("%(name)s: %(problem)s"),
                    params={
                        "name": getattr(upload, "name", ""),
                        "problem": " ".join(error.messages),
                    },
                    code="invalid",
                ) from None
        return cleaned


def ensure_missing_image():
    """Put Oscar's "no photo yet" picture into MEDIA_ROOT ahead of any request.

    Oscar links it there the first time a page shows a product without a photo; two requests doing
    that at once made the second fail with a server error. Made once here, at start-up; a folder
    that cannot be written is left to Oscar, as before.
    """
    name = settings.OSCAR_MISSING_IMAGE_URL
    target = Path(settings.MEDIA_ROOT) / name
    source = finders.find(f"oscar/img/{name}")
    if not settings.MEDIA_ROOT or target.exists() or source is None:
        return
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        target.symlink_to(source)
    except FileExistsError:
        pass  # another process made it meanwhile
    except OSError:
        logger.warning("Could not link Oscar's missing-image picture into %s", target.parent)
