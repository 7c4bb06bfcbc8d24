"""Static files as WhiteNoise serves them (hashed names, gzip and Brotli copies), without source maps.

Source maps are for the developers of a library, not for the site's visitors: the CKEditor build
brings an 8 MB map that doubled the time of every `collectstatic` (compressing it twice). They are
not collected (``ignore_patterns``), so their ``sourceMappingURL`` comments are left as written
instead of being resolved to a hashed name, which would fail.
"""

from django.contrib.staticfiles.apps import StaticFilesConfig as DjangoStaticFilesConfig
from django.contrib.staticfiles.storage import ManifestStaticFilesStorage
from whitenoise.storage import CompressedManifestStaticFilesStorage


def _without_source_maps(patterns):
    kept = []
    for extension, rules in patterns:
        rules = [r for r in rules if "sourceMappingURL" not in (r if isinstance(r, str) else r[0])]
        kept.append((extension, rules))
    return tuple(kept)


class StaticFilesConfig(DjangoStaticFilesConfig):
    ignore_patterns = [*DjangoStaticFilesConfig.ignore_patterns, "*.map"]


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    patterns = _without_source_maps(ManifestStaticFilesStorage.patterns)
