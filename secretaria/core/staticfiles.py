"""Static files as WhiteNoise serves them (hashed names, gzip and Brotli copies), without source maps.

Source maps are for the developers of a library, not for the site's visitors: the CKEditor build
brings an 8 MB map that doubled the time of every `collectstatic` (compressing it twice). They are
not collected (``ignore_patterns``), so their ``sourceMappingURL`` comments are left as written
instead of being resolved to a hashed name, which would fail.
"""

from django.apps import apps
from django.contrib.staticfiles.storage import ManifestStaticFilesStorage
from whitenoise.storage import CompressedManifestStaticFilesStorage


def _without_source_maps(patterns):
    kept = []
    for extension, rules in patterns:
        rules = [r for r in rules if "sourceMappingURL" not in (r if isinstance(r, str) else r[0])]
        kept.append((extension, rules))
    return tuple(kept)


def ignore_source_maps() -> None:
    """Called from CoreConfig.ready(). ``django.contrib.staticfiles`` stays in INSTALLED_APPS under its
    own name (pytest-django's live server and other tools look for that string), so the pattern is
    added to its app config here rather than through a subclass."""
    config = apps.get_app_config("staticfiles")
    if "*.map" not in config.ignore_patterns:
        config.ignore_patterns = [*config.ignore_patterns, "*.map"]


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    patterns = _without_source_maps(ManifestStaticFilesStorage.patterns)
