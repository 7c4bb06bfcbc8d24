"""The interface exists in Spanish and English: catalogues complete, compiled, and used."""

import datetime
import decimal
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError
from django.template import Context, Template
from django.urls import reverse
from django.utils import formats, translation

from secretaria.core.management.commands.compilemessages_py import mo_matches_po, po_files

LOCALE = Path(settings.LOCALE_PATHS[0])
SPANISH_PO = LOCALE / "es" / "LC_MESSAGES" / "django.po"


def test_every_message_of_the_spanish_catalogue_is_translated_and_reviewed():
    catalog = polib.pofile(str(SPANISH_PO))
    untranslated = [e.msgid for e in catalog.untranslated_entries()]
    fuzzy = [e.msgid for e in catalog.fuzzy_entries()]
    assert untranslated == [], f"translate these in {SPANISH_PO}: {untranslated}"
    assert fuzzy == [], f"review these fuzzy entries in {SPANISH_PO}: {fuzzy}"
    assert catalog.percent_translated() == 100


def test_every_plural_message_has_all_the_spanish_plural_forms():
    catalog = polib.pofile(str(SPANISH_PO))
    forms = int(catalog.metadata["Plural-Forms"].split("nplurals=")[1].split(";")[0])
    short = [e.msgid for e in catalog if e.msgid_plural and sorted(e.msgstr_plural) != list(range(forms))]
    assert short == [], f"give all {forms} plural forms (msgstr[0] … msgstr[{forms - 1}]) of: {short}"


def test_the_english_catalogue_exists_and_leaves_messages_in_their_source_english():
    catalog = polib.pofile(str(LOCALE / "en" / "LC_MESSAGES" / "django.po"))
    spanish = {e.msgid for e in polib.pofile(str(SPANISH_PO)) if not e.obsolete}
    assert {e.msgid for e in catalog if not e.obsolete} == spanish
    assert [e.msgid for e in catalog if e.msgstr and e.msgstr != e.msgid] == []


@pytest.mark.parametrize("po_path", po_files(), ids=lambda p: str(p.relative_to(LOCALE)))
def test_every_compiled_catalogue_is_up_to_date_with_its_source(po_path):
    mo_path = po_path.with_suffix(".mo")
    assert mo_path.exists(), f"{mo_path} is missing: run `manage.py compilemessages_py`"
    assert mo_matches_po(mo_path, polib.pofile(str(po_path))), (
        f"{mo_path} is older than {po_path.name}: run `manage.py compilemessages_py`"
    )


def test_the_check_option_reports_a_stale_compiled_catalogue(tmp_path, settings):
    po_dir = tmp_path / "es" / "LC_MESSAGES"
    po_dir.mkdir(parents=True)
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "es"}
    po.append(polib.POEntry(msgid="Sign in", msgstr="Iniciar sesión"))
    po.save(str(po_dir / "django.po"))
    settings.LOCALE_PATHS = [tmp_path]

    call_command("compilemessages_py", stdout=open("/dev/null", "w"))  # noqa: SIM115
    call_command("compilemessages_py", "--check")

    po.append(polib.POEntry(msgid="Sign out", msgstr="Cerrar sesión"))
    po.save(str(po_dir / "django.po"))
    with pytest.raises(CommandError, match="Out of date"):
        call_command("compilemessages_py", "--check")


def test_compiling_a_broken_catalogue_names_the_file(tmp_path, settings):
    po_dir = tmp_path / "es" / "LC_MESSAGES"
    po_dir.mkdir(parents=True)
    (po_dir / "django.po").write_text('msgid "Sign in" msgstr "Iniciar sesión"\n', encoding="utf-8")
    settings.LOCALE_PATHS = [tmp_path]
    with pytest.raises(CommandError, match=r"django\.po: cannot be read as a \.po file: Syntax error"):
        call_command("compilemessages_py")
    assert not (po_dir / "django.mo").exists()


def test_compiling_refuses_a_translation_that_loses_a_placeholder(tmp_path, settings):
    po_dir = tmp_path / "es" / "LC_MESSAGES"
    po_dir.mkdir(parents=True)
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "es"}
    po.append(polib.POEntry(msgid="Welcome, %(name)s.", msgstr="Bienvenido, %(nombre)s.", flags=["python-format"]))
    po.save(str(po_dir / "django.po"))
    settings.LOCALE_PATHS = [tmp_path]
    with pytest.raises(CommandError, match=r"must use the placeholders %\(name\)s"):
        call_command("compilemessages_py")


def test_compiling_writes_a_catalogue_django_can_read(tmp_path, settings, capsys):
    call_command("compilemessages_py", "--check")  # the committed files are current
    po_dir = tmp_path / "es" / "LC_MESSAGES"
    po_dir.mkdir(parents=True)
    po = polib.POFile()
    po.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Language": "es"}
    po.append(polib.POEntry(msgid="Sign in", msgstr="Iniciar sesión"))
    po.append(polib.POEntry(msgid="Draft", msgstr="Borrador", flags=["fuzzy"]))
    po.save(str(po_dir / "django.po"))
    settings.LOCALE_PATHS = [tmp_path]
    call_command("compilemessages_py")
    assert "(1/2 translated)" in capsys.readouterr().out
    compiled = polib.mofile(str(po_dir / "django.mo"))
    assert [(e.msgid, e.msgstr) for e in compiled] == [("Sign in", "Iniciar sesión")]


@pytest.mark.django_db
def test_the_spanish_home_page_has_no_english_interface_text(client):
    html = client.get("/es/").content.decode()
    for spanish in [
        "Saltar al contenido principal",
        "Iniciar sesión",
        "Navegación principal",
        "Conferencia Regional sobre Migración",
        "Secretaría Técnica",
        "Presidencia Pro-Témpore",
        "Países miembros",
        "Mapa del sitio",
    ]:
        assert spanish in html
    for english in ["Skip to main content", "Sign in", "Main navigation", "Member countries", "Sitemap", "Contact"]:
        assert f">{english}<" not in html and f'"{english}"' not in html


@pytest.mark.django_db
def test_the_english_home_page_speaks_english(client):
    html = client.get("/en/").content.decode()
    assert 'lang="en"' in html
    assert "Skip to main content" in html
    assert "Sign in" in html
    assert "Saltar al contenido principal" not in html


@pytest.mark.django_db
def test_signed_in_visitors_see_members_area_and_sign_out_in_spanish(client_for, gt_official):
    html = client_for(gt_official).get("/es/").content.decode()
    assert "Área de miembros" in html
    assert "Cerrar sesión" in html


@pytest.mark.parametrize(
    ("name", "args", "spanish", "english"),
    [
        ("directory:countries", [], "/es/directorio/paises/", "/en/directory/countries/"),
        ("directory:country", ["GT"], "/es/directorio/paises/GT/", "/en/directory/countries/GT/"),
        ("directory:organizations", [], "/es/directorio/organizaciones/", "/en/directory/organizations/"),
        ("directory:presidency", [], "/es/directorio/presidencia/", "/en/directory/presidency/"),
        ("directory:secretariat", [], "/es/directorio/secretaria/", "/en/directory/secretariat/"),
        ("directory:post", ["coordinador"], "/es/directorio/cargos/coordinador/", "/en/directory/posts/coordinador/"),
        ("directory:groups", [], "/es/directorio/grupos/", "/en/directory/groups/"),
        ("portal:news_list", [], "/es/noticias/", "/en/news/"),
        ("portal:page", ["about"], "/es/paginas/about/", "/en/pages/about/"),
        ("portal:contact", [], "/es/contacto/", "/en/contact/"),
        ("members:dashboard", [], "/es/miembros/", "/en/members/"),
    ],
)
def test_url_paths_are_translated(name, args, spanish, english):
    with translation.override("es"):
        assert reverse(name, args=args) == spanish
    with translation.override("en"):
        assert reverse(name, args=args) == english


def test_dates_and_numbers_are_written_the_local_way():
    day = datetime.date(2004, 10, 18)
    template = Template("{{ day|date }} · {{ amount }}")
    context = Context({"day": day, "amount": decimal.Decimal("1000.50")})
    with translation.override("es"):
        assert formats.date_format(day) == "18 de octubre de 2004"
        assert template.render(context) == "18 de octubre de 2004 · 1000,50"
    with translation.override("en"):
        assert formats.date_format(day) == "Oct. 18, 2004"
        assert template.render(context) == "Oct. 18, 2004 · 1000.50"
