"""collectstatic leaves library source maps out and does not try to resolve their references."""

from django.apps import apps
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage

from secretaria.core.staticfiles import StaticFilesStorage


def test_source_maps_are_not_collected():
    assert "*.map" in apps.get_app_config("staticfiles").ignore_patterns


def test_a_script_naming_a_missing_source_map_is_still_hashed_and_compressed(tmp_path, settings):
    source = FileSystemStorage(location=tmp_path / "src")
    source.save("lib/bundle.js", ContentFile(b"console.log(1);\n//# sourceMappingURL=bundle.js.map\n"))
    target = StaticFilesStorage(location=tmp_path / "out")
    target.save("lib/bundle.js", source.open("lib/bundle.js"))
    processed = list(target.post_process({"lib/bundle.js": (source, "lib/bundle.js")}))
    assert not [error for _name, _hashed, error in processed if isinstance(error, Exception)]
    hashed = target.stored_name("lib/bundle.js")
    assert hashed != "lib/bundle.js"
    assert b"sourceMappingURL=bundle.js.map" in (tmp_path / "out" / hashed).read_bytes()
