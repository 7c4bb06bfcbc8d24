"""Fund personas: an officer (Secretariat, TOTP), the IOM office in Mexico, a requester (the
Guatemalan authority of return) and the PPT (Panama) as exception approver, all with TOTP."""

import datetime
from decimal import Decimal

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

from secretaria.conftest import _persona
from secretaria.core.access import Role
from secretaria.fund.models import Category, FundRole, RequesterKind, Sex
from secretaria.fund.services import cases as case_services
from secretaria.fund.services import ledger as ledger_services

MARKER = "Zorblatt-Quixley"  # in every personal field of the sample case: must never leak


@pytest.fixture(autouse=True)
def _private_media(settings, tmp_path):
    settings.MEDIA_ROOT = str(tmp_path / "media")


def _totp(user):
    TOTP.activate(user, generate_totp_secret())
    return user


@pytest.fixture
def fund_officer(crm):
    user = _totp(_persona(crm, "fund_officer", Role.SECRETARIAT, country="CR", org="st", given="Fiona", family="Fondo"))
    FundRole.objects.create(user=user, kind=FundRole.Kind.OFFICER)
    return user


@pytest.fixture
def iom_mx(crm):
    user = _totp(_persona(crm, "iom_mx", Role.REGISTERED, org="iom", given="Ignacio", family="Oim"))
    FundRole.objects.create(user=user, kind=FundRole.Kind.IOM_OFFICE, country=crm["countries"]["MX"])
    return user


@pytest.fixture
def requester_gt(crm):
    user = _totp(_persona(crm, "requester_gt", Role.MEMBER, country="GT", given="Rita", family="Retorno"))
    FundRole.objects.create(user=user, kind=FundRole.Kind.REQUESTER, requester_kind=RequesterKind.RETURN_AUTHORITY)
    return user


@pytest.fixture
def ppt_approver(ppt_official):
    return _totp(ppt_official)


def case_data(crm, **overrides):
    c = crm["countries"]
    data = {
        "requester_kind": RequesterKind.RETURN_AUTHORITY,
        "country_present": c["MX"],
        "country_departure": c["MX"],
        "country_return": c["GT"],
        "category": Category.UNACCOMPANIED_MINOR,
        "sex": Sex.FEMALE,
        "given_names": f"{MARKER} Ana",
        "family_names": f"{MARKER} López",
        "date_of_birth": "2010-03-04",
        "nationality": f"{MARKER} guatemalteca",
        "identity_document": f"{MARKER}-DOC-123",
        "current_location": f"{MARKER} Tapachula",
        "destination": f"{MARKER} Quetzaltenango",
        "receiving_contact": f"{MARKER} tía",
        "category_justification": f"{MARKER} viaja sola",
        "travel_plan": f"{MARKER} bus",
    }
    data.update(overrides)
    return data


@pytest.fixture
def funded(fund_officer):
    """US$ 5,000 received from Mexico."""
    from secretaria.directory.models import Country

    return ledger_services.contribution_record(
        by=fund_officer, pledged_on=datetime.date(2004, 6, 1), amount=Decimal("5000"),
        country=Country.objects.get(iso2="MX"), received_on=datetime.date(2004, 7, 1),
    )  # fmt: skip


@pytest.fixture
def submitted_case(crm, requester_gt):
    case = case_services.case_create(
        by=requester_gt, data=case_data(crm), costs=[("transport", "400"), ("escort", "300")]
    )
    case_services.case_submit(case=case, by=requester_gt)
    return case
