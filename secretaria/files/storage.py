"""Where document files live: a private directory that no URL serves.

Files sit under MEDIA_ROOT/private with generated names; the only way to read one over
HTTP is a download view that asks the access policy first. ``url()`` raises on purpose.
"""

import os
import uuid

from django.conf import settings
from django.core.files.storage import FileSystemStorage


class PrivateStorage(FileSystemStorage):
    # Properties, not the parent's cached values, so a changed MEDIA_ROOT (tests) is followed.
    @property
    def base_location(self):
        return os.path.join(settings.MEDIA_ROOT, "private")

    @property
    def location(self):
        return os.path.abspath(self.base_location)

    @property
    def base_url(self):
        return None

    def url(self, name):
        raise ValueError("Private files have no URL; use the documents download view.")


private_storage = PrivateStorage()


def get_private_storage():
    return private_storage


def generated_name(extension: str) -> str:
    """A name that reveals nothing about the document and cannot be guessed."""
    return f"documents/{uuid.uuid4().hex[:2]}/{uuid.uuid4().hex}{extension}"
