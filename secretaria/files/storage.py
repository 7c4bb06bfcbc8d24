"""Where restricted files live: storage that no URL serves.

``settings.STORAGES["private"]`` chooses it: by default ``PrivateStorage``, a directory
(MEDIA_ROOT/private) with generated names; with object storage configured (STORAGE_URL, see
settings.py and docs/admin/scale-out.md), a private S3 bucket prefix. Either way the only way to
read a file over HTTP is a download view that asks the access policy first (files/serving.py),
and ``url()`` of the local storage raises on purpose.

``private_storage`` follows the setting lazily, so tests that override STORAGES (the moto
server) reach the same models' fields.
"""

import os
import uuid

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty


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


class _PrivateStorageProxy(LazyObject):
    def _setup(self):
        self._wrapped = storages["private"]


private_storage = _PrivateStorageProxy()


@receiver(setting_changed)
def _follow_storages_setting(*, setting, **kwargs):
    if setting == "STORAGES":
        private_storage._wrapped = empty


def get_private_storage():
    """The storage of every restricted FileField (named in migrations: keep the name)."""
    return private_storage


def generated_name(extension: str) -> str:
    """A name that reveals nothing about the document and cannot be guessed."""
    return f"documents/{uuid.uuid4().hex[:2]}/{uuid.uuid4().hex}{extension}"
