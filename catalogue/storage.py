"""Files the web server never serves: producers' photos awaiting approval, batch certificates.

They live in the `private` storage (`STORAGES["private"]`: a folder outside MEDIA_ROOT,
`PRIVATE_MEDIA_ROOT`, or a private bucket in production) and have no address of their own: a view
that checks who is asking streams them (`file_response`), with headers that keep a browser from
running what it downloads.
"""

import os

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.db import models, transaction
from django.http import FileResponse

# What a file's extension says it is; anything else is downloaded as opaque bytes.
CONTENT_TYPES = {
    ".pdf": "application/pdf",
    ".jpg": "image/jpeg",
    ".jpeg": "image/jpeg",
    ".png": "image/png",
    ".webp": "image/webp",
}
# Pictures open in the browser; a PDF, or anything else, is saved as a file.
INLINE_TYPES = {"image/jpeg", "image/png", "image/webp"}


class PrivateStorage(FileSystemStorage):
    """Files under PRIVATE_MEDIA_ROOT (read each time, so tests can move it), with no URL."""

    def __init__(self, **kwargs):
        kwargs.pop("location", None)
        kwargs.pop("base_url", None)
        super().__init__(**kwargs)

    @property
    def base_location(self):
        return settings.PRIVATE_MEDIA_ROOT

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None

    def url(self, name):
        raise ValueError("A private file has no public address: link to the view that serves it.")


def private_storage():
    """The storage of private files (a callable, so a model's migrations do not name a backend)."""
    return storages["private"]


def file_response(fieldfile, download_name):
    """Stream a stored file: a picture shown inline, anything else as an attachment.

    The type comes from the extension we stored it under, never from the bytes
    (`X-Content-Type-Options: nosniff`), and the sandbox policy keeps a file that is opened from
    running scripts on this site.
    """
    extension = os.path.splitext(fieldfile.name)[1].lower()
    content_type = CONTENT_TYPES.get(extension, "application/octet-stream")
    name = f"{download_name}{extension}" if download_name else os.path.basename(fieldfile.name)
    response = FileResponse(
        fieldfile.open("rb"),
        as_attachment=content_type not in INLINE_TYPES,
        filename=name,
        content_type=content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "default-src 'none'; sandbox"
    return response


def delete_private_files(sender, instance, **kwargs):
    """post_delete receiver: a row's private files go with it, once the deletion has committed."""
    for field in instance._meta.fields:
        if not isinstance(field, models.FileField):
            continue
        if getattr(field, "_storage_callable", None) is not private_storage:
            continue
        fieldfile = getattr(instance, field.attname)
        if fieldfile and fieldfile.name:
            storage, name = fieldfile.storage, fieldfile.name
            transaction.on_commit(lambda storage=storage, name=name: storage.delete(name))
