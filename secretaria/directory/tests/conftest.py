"""Fixtures of the directory's tests: the seed's posts and their 2004 holders."""

import datetime

import pytest

from secretaria.directory import services
from secretaria.directory.models import Organization, Person, Post

D = datetime.date


@pytest.fixture
def seed_posts(crm):
    """The ST coordination (Pascua until May 2004, Monzón from late July) and IOM's representative."""
    st, iom = crm["orgs"]["st"], crm["orgs"]["iom"]
    people = {
        "pascua": Person.objects.create(given_name="Gerard", family_name="Pascua", organization=st, is_public=True),
        "monzon": Person.objects.create(
            given_name="Luis", family_name="Monzón", organization=st, is_public=True,
            email="luis.monzon@st.example.org", phone="+506 0000 0001",
        ),
        "kozak": Person.objects.create(given_name="Roberto", family_name="Kozak", organization=iom, is_public=True),
        "pires": Person.objects.create(given_name="José", family_name="Pires", organization=iom, is_public=True),
    }  # fmt: skip
    coordinator = Post.objects.create(
        slug="st-coordinator", title_es="Coordinador de la Secretaría Técnica",
        title_en="Coordinator of the Technical Secretariat", organization=st, is_public=True,
    )  # fmt: skip
    services.term_start(post=coordinator, person=people["pascua"], start=D(2001, 1, 1))
    services.term_end(term=coordinator.terms.get(), end=D(2004, 5, 31))
    services.term_start(post=coordinator, person=people["monzon"], start=D(2004, 7, 26))
    iom_rep = Post.objects.create(
        slug="iom-regional-representative",
        title_es="Representante Regional de la OIM para Centroamérica y México",
        title_en="IOM Regional Representative for Central America and Mexico", organization=iom, is_public=True,
    )  # fmt: skip
    services.term_start(post=iom_rep, person=people["kozak"], start=D(2000, 1, 1))
    services.term_start(post=iom_rep, person=people["pires"], start=D(2004, 8, 1))
    gt_agency = Organization.objects.create(
        kind="government", name_es="Dirección General de Migración", name_en="General Directorate of Migration",
        country=crm["countries"]["GT"],
    )  # fmt: skip
    liaison = Post.objects.create(
        slug="gt-liaison-consular", title_es="Funcionario de enlace de Guatemala",
        title_en="Liaison officer of Guatemala", organization=gt_agency, country=crm["countries"]["GT"],
        group=crm["groups"]["consular"], is_focal_point=True,
    )  # fmt: skip
    people["liaison"] = Person.objects.create(
        given_name="Carlos", family_name="Méndez", country=crm["countries"]["GT"], organization=gt_agency,
        email="carlos.mendez@gt.example.org", phone="+502 0000 0002",
    )  # fmt: skip
    services.term_start(post=liaison, person=people["liaison"], start=D(2003, 1, 1))
    return {
        "people": people,
        "coordinator": coordinator,
        "iom_rep": iom_rep,
        "liaison": liaison,
        "gt_agency": gt_agency,
    }
