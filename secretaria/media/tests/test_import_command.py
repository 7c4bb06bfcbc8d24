"""manage.py import_media: a folder into a gallery, each refused file named with its reason."""

import pytest
from django.core.management import CommandError, call_command
from django.test import TestCase

from secretaria.media import generate
from secretaria.media.models import Gallery


def test_it_imports_a_folder_and_names_what_it_refused(seminar, tmp_path, capsys):
    folder = tmp_path / "fotos"
    folder.mkdir()
    (folder / "a.jpg").write_bytes(generate.photo(hue=1, width=400, height=300))
    (folder / "b.png").write_bytes(generate.photo(hue=2, width=400, height=300, fmt="PNG"))
    (folder / "c.mp4").write_bytes(generate.video(seconds=1.0))
    (folder / "falsa.jpg").write_bytes(b"not really a photo")
    (folder / "notas.txt").write_text("ignored")
    with pytest.raises(CommandError, match="1 file"), TestCase.captureOnCommitCallbacks(execute=True):
        call_command("import_media", str(folder), meeting=seminar.slug, title="Sesión de apertura")
    out = capsys.readouterr()
    assert "refused falsa.jpg" in out.err
    gallery = Gallery.objects.get(title_es="Sesión de apertura")
    assert gallery.meeting == seminar and gallery.access_level == seminar.access_level
    assert sorted(gallery.items.values_list("original_name", "state")) == [
        ("a.jpg", "ready"), ("b.png", "ready"), ("c.mp4", "ready"),
    ]  # fmt: skip


def test_it_says_what_is_wrong_with_its_arguments(db, tmp_path):
    with pytest.raises(CommandError, match="not a folder"):
        call_command("import_media", str(tmp_path / "none"), title="x")
    with pytest.raises(CommandError, match="--title"):
        call_command("import_media", str(tmp_path))
    with pytest.raises(CommandError, match="no meeting"):
        call_command("import_media", str(tmp_path), title="x", meeting="nope")
