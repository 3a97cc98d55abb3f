"""Photos: checked, turned upright and stripped of EXIF, whoever uploads them.

One place for the rules, used by every form that takes a product photo from a producer: a real
JPEG, PNG, WebP or HEIC image, at most 10 MB and 40 megapixels, at most 10 at a time. The file kept
is re-encoded from the pixels (`reencoded`), so no EXIF (GPS position, camera serial) survives;
HEIC, which browsers cannot show, becomes JPEG.

Images editors upload (Wagtail's, and product images in Oscar's dashboard) go through the same
re-encoding when they are saved with metadata in them (`strip_metadata_on_save`), whatever form
or code saved them.
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
MAX_FILES = 10  # photos in one request: each is decoded and re-encoded while the producer waits
# Pillow's format name → the format and file extension we keep.
KEPT_AS = {
    "JPEG": ("JPEG", "jpg"),
    "MPO": ("JPEG", "jpg"),  # phones' JPEGs with a depth map
    "PNG": ("PNG", "png"),
    "WEBP": ("WEBP", "webp"),
    "HEIF": ("JPEG", "jpg"),
}
ORIENTATION = 0x0112  # the EXIF tag saying which way up the camera was held
# Editors' images are rewritten in their own format (Wagtail also takes AVIF; a GIF is left alone).
REWRITTEN_AS = {**KEPT_AS, "AVIF": ("AVIF", "avif")}
# What Pillow reads into `info` that says where, when or with what a picture was taken.
METADATA_KEYS = {"xmp", "XML:com.adobe.xmp", "photoshop", "iptc", "comment", "mp"}
ACCEPT = "image/jpeg,image/png,image/webp,image/heic,image/heif,.heic,.heif"

NOT_AN_IMAGE = _(
    "This file is not a photo we can read. Please choose a JPEG, PNG, WebP or HEIC photo."
)
TOO_LARGE = _("This photo is larger than 10 MB. Please choose a smaller one.")
TOO_MANY_PIXELS = _("This photo has more than 40 megapixels. Please choose a smaller one.")
TOO_MANY_FILES = _(
    "You chose %(count)d photos: at most %(limit)d can be added at a time. Please add the others "
    "after saving these."
)


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
    return reencoded(image, upright, KEPT_AS[image.format], upload.name)


def reencoded(image, upright, kept_as, name, orientation=None):
    """The picture `upright` (drawn from `image`) written afresh as a file named after `name`.

    Only what is needed to draw it right is kept (its colour profile, and the EXIF orientation
    alone when one is given); EXIF, XMP, IPTC, comments and text chunks are left behind. The one
    function every upload path strips metadata with.
    """
    kept_format, extension = kept_as
    if kept_format == "JPEG" and upright.mode not in ("RGB", "L"):
        upright = upright.convert("RGB")
    options = {"icc_profile": image.info["icc_profile"]} if image.info.get("icc_profile") else {}
    if orientation and orientation != 1:
        exif = Image.Exif()
        exif[ORIENTATION] = orientation
        options["exif"] = exif.tobytes()
    if kept_format == "JPEG":
        options.update(quality=90, optimize=True)
    upright.info = {}
    output = io.BytesIO()
    upright.save(output, format=kept_format, **options)
    stem = slugify(os.path.splitext(os.path.basename(name or ""))[0]) or "anh"
    return ContentFile(output.getvalue(), name=f"{stem[:60]}.{extension}")


def carries_metadata(image):
    """Whether an opened image holds EXIF (beyond which way up it is), XMP, IPTC, comments or
    text (PNG) beside its pixels."""
    if set(image.getexif()) - {ORIENTATION} or METADATA_KEYS & set(image.info):
        return True
    return bool(getattr(image, "text", None))  # a PNG's text chunks, wherever they are


def without_metadata(file, turn_upright=True):
    """A clean copy (ContentFile) of a stored or uploaded image that carries metadata, or None:
    already clean, a format we leave as it is (GIF, SVG), or not an image Pillow can read.

    A new upload is turned upright; an image stored long ago (`turn_upright=False`) keeps its
    pixels and its orientation tag as they are, so its size, focal point and crops still fit.
    """
    file.seek(0)
    try:
        image = Image.open(file)
        if image.format not in REWRITTEN_AS or not carries_metadata(image):
            return None
        image.load()
        orientation = None if turn_upright else image.getexif().get(ORIENTATION)
        upright = ImageOps.exif_transpose(image) if turn_upright else image
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        logger.warning("Could not read %s to strip its metadata", getattr(file, "name", file))
        return None
    finally:
        file.seek(0)
    return reencoded(image, upright, REWRITTEN_AS[image.format], file.name, orientation)


def strip_metadata_on_save(field_name):
    """A pre_save receiver that rewrites a model's new image file (`field_name`) without metadata.

    Catches every way an image is added (Wagtail's single and multiple uploads, Oscar's dashboard,
    code), not only the forms we know of. Only a new file is read: an upload not stored yet, or a
    file stored just before its row is first saved (Wagtail's "upload now, describe later").
    """

    def receiver(sender, instance, raw=False, update_fields=None, **kwargs):
        if raw or (update_fields is not None and field_name not in update_fields):
            return
        fieldfile = getattr(instance, field_name)
        if not fieldfile or (fieldfile._committed and not instance._state.adding):
            return
        stored = fieldfile.name if fieldfile._committed else None
        source = fieldfile.storage.open(stored, "rb") if stored else fieldfile.file
        try:
            cleaned = without_metadata(source)
        finally:
            if stored:
                source.close()
        if cleaned is None:
            return
        setattr(instance, field_name, cleaned)  # an ImageField re-reads width and height
        if stored:
            getattr(instance, field_name).save(cleaned.name, cleaned, save=False)
            fieldfile.storage.delete(stored)
        if hasattr(instance, "_set_image_file_metadata"):
            instance._set_image_file_metadata()  # Wagtail's size and hash, of the file kept

    return receiver


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
        if len(uploads) > MAX_FILES:
            raise ValidationError(
                TOO_MANY_FILES,
                params={"count": len(uploads), "limit": MAX_FILES},
                code="too_many_files",
            )
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
