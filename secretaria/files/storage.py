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
import shutil
import tempfile
import uuid
from collections.abc import Iterator
from contextlib import contextmanager

from django.conf import settings
from django.core.files.storage import FileSystemStorage, storages
from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils.functional import LazyObject, empty
from storages.backends.s3 import S3Storage
from storages.utils import clean_name


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


class PrivateS3Storage(S3Storage):
    """Restricted files in a private bucket (or prefix). ``url()`` raises like the local storage's;
    the download views call ``signed_url()`` (STORAGE_SERVE=redirect) or stream through
    ``open_range()`` (STORAGE_SERVE=proxy), after the access policy said yes."""

    def url(self, name, parameters=None, expire=None, http_method=None):
        raise ValueError("Private files have no URL; use the authorising download view.")

    def signed_url(self, name: str, *, expire: int, parameters: dict | None = None) -> str:
        return super().url(name, parameters=parameters, expire=expire)

    def open_range(self, name: str, start: int | None = None, end: int | None = None):
        """The object's body (a botocore StreamingBody), the bytes start..end inclusive if given."""
        key = self._normalize_name(clean_name(name))
        params = {"Bucket": self.bucket_name, "Key": key}
        if start is not None:
            params["Range"] = f"bytes={start}-{'' if end is None else end}"
        return self.connection.meta.client.get_object(**params)["Body"]


def is_local(storage) -> bool:
    try:
        storage.path("probe")
    except NotImplementedError:
        return False
    return True


@contextmanager
def local_path(fieldfile) -> Iterator[str]:
    """A path on this machine for a stored file: the file itself on local storage, a temporary
    copy (removed afterwards) on object storage. For tools that need a path (text extraction)."""
    storage = fieldfile.storage
    if is_local(storage):
        yield storage.path(fieldfile.name)
        return
    suffix = os.path.splitext(fieldfile.name)[1]
    with tempfile.NamedTemporaryFile(prefix="sv-", suffix=suffix) as copy:
        with storage.open(fieldfile.name, "rb") as source:
            shutil.copyfileobj(source, copy, length=1024 * 1024)
        copy.flush()
        yield copy.name


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
