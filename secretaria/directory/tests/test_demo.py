import io

from django.core.management.color import no_style
from django.urls import reverse
from django.utils import timezone, translation

from secretaria.directory import demo
from secretaria.directory.models import Country, Group, Membership, Organization, Person, Post, PresidencyTerm, Term
from secretaria.directory.selectors import presidency_on

MODELS = [Country, Organization, Person, Post, Term, Group, Membership, PresidencyTerm]


def _load() -> str:
    out = io.StringIO()
    demo.load(stdout=out, style=no_style())
    return out.getvalue()


def _counts():
    return {model.__name__: model.objects.count() for model in MODELS}


def test_loading_the_demo_twice_changes_nothing(db):
    summary = _load()
    first = _counts()
    _load()
    assert _counts() == first
    assert "\n" not in summary.strip() and "16 countries" in summary
    assert Country.objects.filter(status="member").count() == 11
    assert Country.objects.filter(status="observer").count() == 5


def test_the_demo_follows_2004_panama_holds_the_presidency(db):
    _load()
    assert presidency_on(timezone.localdate()).country.iso2 == "PA"
    assert list(PresidencyTerm.objects.order_by("start").values_list("country__iso2", flat=True)) == ["GT", "MX", "PA"]


def test_every_member_state_has_its_migration_agency(db):
    _load()
    for country in Country.objects.filter(status="member"):
        assert country.organizations.filter(kind="government").exists(), country.iso2
    assert Organization.objects.filter(name_es="Instituto Nacional de Migración", country__iso2="MX").exists()


def test_the_demo_has_the_people_the_demo_accounts_are_tied_to(db):
    _load()
    for given, family in [("Luis", "Monzón"), ("Ana María", "Ríos"), ("Carlos", "Méndez"), ("Hilda", "Zelaya"),
                          ("Olga", "Ruiz"), ("Rosa", "Pérez"), ("Ada", "Castro")]:  # fmt: skip
        assert Person.objects.filter(given_name=given, family_name=family).count() == 1
    mendez = Person.objects.get(family_name="Méndez")
    assert set(mendez.memberships.values_list("group__slug", flat=True)) >= {
        "red-trafico-trata",
        "red-proteccion-consular",
    }


def test_the_coordinators_page_shows_pascua_then_monzon(db, client):
    _load()
    with translation.override("es"):
        path = reverse("directory:post", args=["st-coordinator"])
    content = client.get(path).content.decode()
    timeline = content[content.index('class="timeline"') :]
    assert timeline.index("Gerard Pascua") < timeline.index("Luis Monzón")


def test_the_secretariat_page_shows_the_2004_people(db, client):
    _load()
    with translation.override("en"):
        content = client.get(reverse("directory:secretariat")).content.decode()
    assert "Luis Monzón" in content and "José Pires" in content and "San José" in content
