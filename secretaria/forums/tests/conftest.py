"""Forums for the personas of secretaria/conftest.py: the consular network's, the GRCM's,
the members' forum and a public one, and a thread in the network's forum."""

import pytest

from secretaria.core.access import AccessLevel
from secretaria.forums import services


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def forums(crm):
    groups = crm["groups"]
    return {
        "consular": services.forum_save(
            slug="red-proteccion-consular",
            kind="group",
            group=groups["consular"],
            name_es="Foro de la Red de Protección Consular",
            name_en="Consular Protection Network forum",
        ),
        "grcm": services.forum_save(
            slug="grcm", kind="group", group=groups["grcm"], name_es="Foro del GRCM", name_en="GRCM forum"
        ),
        "members": services.forum_save(
            slug="miembros",
            kind="members",
            name_es="Foro de los países miembros",
            name_en="Member countries' forum",
            access_level=AccessLevel.MEMBERS,
        ),
        "public": services.forum_save(slug="publico", kind="public", name_es="Foro abierto", name_en="Open forum"),
    }


@pytest.fixture
def thread(forums, st_officer, gt_official):
    """“Preparación de las reuniones de diciembre”, started by the Secretariat in the consular network."""
    return services.thread_create(
        forum=forums["consular"],
        author=st_officer,
        title="Preparación de las reuniones de diciembre de 2004 en Panamá",
        body="Las agendas preliminares y anotadas están en revisión por la Presidencia Pro-Témpore.",
        notify=False,
    )
