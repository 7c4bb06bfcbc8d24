"""Who sees what, through HTTP: fund roles see their cases, everyone else gets a 404 for the
fund's pages, and a crawl of every page and API route finds no trace of a case."""

import contextlib
import re
from decimal import Decimal

import pytest
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.exceptions import NoReverseMatch

from secretaria.api import api
from secretaria.conftest import _persona
from secretaria.core.access import Role
from secretaria.fund.models import AccessLogEntry, FundRole
from secretaria.fund.services import cases as s
from secretaria.fund.tests.conftest import MARKER, case_data

pytestmark = pytest.mark.django_db


def _page(client, url, **kw):
    response = client.get(url, **kw)
    return response, response.content.decode(errors="replace")


def test_the_requester_sees_its_case_by_code_but_not_its_personal_data_until_it_gives_a_reason(
    client_for, submitted_case, requester_gt
):
    client = client_for(requester_gt)
    response, html = _page(client, reverse("fund:case", args=[submitted_case.code]))
    assert response.status_code == 200
    assert submitted_case.code in html
    assert MARKER not in html
    response = client.post(reverse("fund:case_reveal", args=[submitted_case.code]), {"reason": ""})
    assert response.status_code == 400 and MARKER not in response.content.decode()
    assert not AccessLogEntry.objects.exists()
    response = client.post(reverse("fund:case_reveal", args=[submitted_case.code]), {"reason": "Preparar el viaje"})
    assert response.status_code == 200 and MARKER in response.content.decode()
    entry = AccessLogEntry.objects.get()
    assert (entry.user, entry.action, entry.case, entry.reason) == (
        requester_gt,
        "reveal",
        submitted_case,
        "Preparar el viaje",
    )


def test_the_access_log_is_append_only(submitted_case, requester_gt):
    entry = AccessLogEntry.objects.create(user=requester_gt, action="reveal", case=submitted_case, reason="x")
    with pytest.raises(ValueError, match="append-only"):
        entry.save()
    with pytest.raises(ValueError, match="append-only"):
        entry.delete()


def test_the_iom_office_of_another_country_and_another_requester_get_404(crm, client_for, submitted_case):
    other_iom = _persona(crm, "iom_hn", Role.REGISTERED, org="iom")
    TOTP.activate(other_iom, generate_totp_secret())
    FundRole.objects.create(user=other_iom, kind=FundRole.Kind.IOM_OFFICE, country=crm["countries"]["HN"])
    other_req = _persona(crm, "req_sv", Role.MEMBER, country="SV")
    TOTP.activate(other_req, generate_totp_secret())
    FundRole.objects.create(user=other_req, kind=FundRole.Kind.REQUESTER, requester_kind="departure")
    for user in (other_iom, other_req):
        client = client_for(user)
        assert client.get(reverse("fund:case", args=[submitted_case.code])).status_code == 404
        response, html = _page(client, reverse("fund:cases"))
        assert response.status_code == 200 and submitted_case.code not in html


def test_the_ppt_sees_only_the_cases_it_must_approve_and_never_the_identity(
    client_for, crm, requester_gt, iom_mx, ppt_approver, submitted_case
):
    above = s.case_create(by=requester_gt, data=case_data(crm), costs=[("transport", "1500")])
    s.case_submit(case=above, by=requester_gt)
    s.case_assess(case=above, by=iom_mx, eligible=True)
    s.case_assess(case=submitted_case, by=iom_mx, eligible=True)
    client = client_for(ppt_approver)
    response, html = _page(client, reverse("fund:cases"))
    assert above.code in html and submitted_case.code not in html
    response, html = _page(client, reverse("fund:case", args=[above.code]))
    assert response.status_code == 200 and "Approve an exception" in html or "excepción" in html
    assert MARKER not in html
    assert client.post(reverse("fund:case_reveal", args=[above.code]), {"reason": "x"}).status_code == 404
    assert client.get(reverse("fund:case", args=[submitted_case.code])).status_code == 404


def test_a_fund_role_without_totp_is_sent_to_set_it_up(crm, client_for, submitted_case):
    user = _persona(crm, "no_totp", Role.REGISTERED, org="iom")
    FundRole.objects.create(user=user, kind=FundRole.Kind.IOM_OFFICE, country=crm["countries"]["MX"])
    response = client_for(user).get(reverse("fund:case", args=[submitted_case.code]))
    assert response.status_code == 302 and "totp" in response["Location"]


def test_an_officer_runs_the_steps_from_the_case_page(client_for, submitted_case, iom_mx, fund_officer, funded):
    iom = client_for(iom_mx)
    url = reverse("fund:case_step", args=[submitted_case.code, "assess"])
    assert iom.post(url, {"eligible": "0", "reason": ""}).status_code == 400  # a reason is needed
    assert iom.post(url, {"eligible": "1"}).status_code == 302
    officer = client_for(fund_officer)
    approve = reverse("fund:case_step", args=[submitted_case.code, "approve"])
    response = officer.post(approve, {"amount_usd": "1200"})
    assert response.status_code == 400
    assert "exception" in response.content.decode() or "excepción" in response.content.decode()
    assert officer.post(approve, {"amount_usd": "700"}).status_code == 302
    assert s.case_status(submitted_case) == "approved"
    # A step that does not apply now is not offered, and posting it anyway is refused.
    assert officer.post(approve, {"amount_usd": "700"}).status_code == 404


def _all_page_urls(code: str) -> list[str]:
    """Every named page of the site that needs no argument, plus every fund page of the case."""
    urls = set()

    def walk(patterns, namespace):
        for p in patterns:
            if isinstance(p, URLResolver):
                ns = namespace
                if p.namespace:
                    ns = f"{namespace}:{p.namespace}" if namespace else p.namespace
                walk(p.url_patterns, ns)
            elif isinstance(p, URLPattern) and p.name:
                name = f"{namespace}:{p.name}" if namespace else p.name
                with contextlib.suppress(NoReverseMatch):
                    urls.add(reverse(name))

    walk(get_resolver().url_patterns, "")
    for name in ("case", "case_edit"):
        urls.add(reverse(f"fund:{name}", args=[code]))
    urls.add(reverse("fund:attachment_download", args=[code, 1]))
    return sorted(u for u in urls if not u.startswith(("/admin/logout", "/es/accounts/logout", "/i18n/")))


def _without_echoed_paths(text: str, code: str) -> str:
    return re.sub(r"/[\w/.%-]*" + re.escape(code) + r"[\w/.%-]*", "", text)


def _api_urls(code: str, method: str) -> list[str]:
    """The API's addresses answering ``method`` that need no argument or only the case's code."""
    out = []
    for path, operations in api.get_openapi_schema()["paths"].items():
        if method not in operations:
            continue
        if "{code}" in path:
            out.append(path.replace("{code}", code))
        elif "{" not in path:
            out.append(path)
    return out


@pytest.mark.parametrize(
    "persona", ["anonymous", "gt_official", "observer", "civil_society", "admin_user", "st_officer"]
)
def test_a_crawl_as_a_non_fund_role_finds_no_trace_of_a_case(request, client, client_for, persona, crm, fund_officer,
                                                           iom_mx, requester_gt, funded):  # fmt: skip
    case = s.case_create(by=requester_gt, data=case_data(crm), costs=[("transport", "400")])
    s.case_submit(case=case, by=requester_gt)
    s.case_assess(case=case, by=iom_mx, eligible=True)
    s.case_approve(case=case, by=fund_officer, amount=Decimal("400"))
    user = None if persona == "anonymous" else request.getfixturevalue(persona)
    browser = client if user is None else client_for(user)
    pages = _all_page_urls(case.code) + _api_urls(case.code, "get")
    fund_pages = [u for u in pages if any(part in u for part in ("reserve-fund", "fondo-de-reserva", "/api/v1/fund"))]
    assert len(fund_pages) >= 10
    for url in pages:
        response = browser.get(url, follow=False)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        text = body.decode(errors="replace")
        assert MARKER not in text, url
        # The page may echo the address asked for (the language switcher's link): that tells
        # nothing, as any code typed is echoed the same. Anything else would.
        assert case.code not in _without_echoed_paths(text, case.code), url
        assert response.status_code < 500, url
        if url in fund_pages:
            assert response.status_code in (302, 404, 401, 403), url
            if response.status_code == 403:
                assert "/api/" in url
    posts = [reverse("fund:case_reveal", args=[case.code]), reverse("fund:attachment_download", args=[case.code, 1])]
    posts += [reverse("fund:case_step", args=[case.code, a]) for a in ("submit", "approve", "cancel", "close")]
    for url in posts:
        response = browser.post(url, {"reason": "curiosity", "amount_usd": "1"})
        assert response.status_code in (302, 404), url
        text = response.content.decode()
        assert MARKER not in text and case.code not in _without_echoed_paths(text, case.code), url
    for url in [u for u in _api_urls(case.code, "post") if "/fund/" in u]:
        response = browser.post(url, {"reason": "curiosity", "amount_usd": "1"}, content_type="application/json")
        # 422: the body's shape is checked before anything else, the same for any code.
        assert response.status_code in (401, 403, 404, 422), url
        text = response.content.decode()
        assert MARKER not in text and case.code not in _without_echoed_paths(text, case.code), url
        text = response.content.decode()
        assert MARKER not in text and case.code not in _without_echoed_paths(text, case.code), url
    assert s.case_status(case) == "approved"


def test_the_members_dashboard_shows_the_fund_panel_to_fund_roles_only(client_for, fund_officer, gt_official):
    url = reverse("members:dashboard")
    fund_link = reverse("fund:dashboard")
    assert fund_link in client_for(fund_officer).get(url).content.decode()
    assert fund_link not in client_for(gt_official).get(url).content.decode()


def test_a_requester_creates_a_case_through_the_form_and_submits_it(client_for, crm, requester_gt, iom_mx):
    client = client_for(requester_gt)
    data = {k: (v.pk if hasattr(v, "pk") else v) for k, v in case_data(crm).items()}
    data |= {"accompanying_count": 1, "cost_transport": "300", "cost_escort": "150", "requester_organization": ""}
    response = client.post(reverse("fund:case_new"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    from secretaria.fund.models import Case

    case = Case.objects.get()
    assert case.requester == requester_gt and case.given_names == f"{MARKER} Ana" and case.age_band == "12-17"
    assert s.estimate_total(case) == Decimal("450.00")
    page = client.get(response["Location"]).content.decode()
    assert case.code in page and MARKER not in page
    assert client.post(reverse("fund:case_step", args=[case.code, "submit"])).status_code == 302
    assert s.case_status(case) == "submitted"
    bad = client.post(reverse("fund:case_new"), data | {"category": "other", "other_reason": ""})
    assert bad.status_code == 200 and Case.objects.count() == 1

    # Editing shows the personal data: the form first asks for a reason, like revealing does.
    url = reverse("fund:case_edit", args=[case.code])
    gate = client.get(url).content.decode()
    assert MARKER not in gate and 'name="reason"' in gate
    refused = client.post(url, {"open": "1", "reason": "   "})
    assert refused.status_code == 400 and MARKER not in refused.content.decode()
    assert "This field is required" in refused.content.decode() or "obligatorio" in refused.content.decode()
    assert not AccessLogEntry.objects.filter(case=case).exists()
    edit = client.post(url, {"open": "1", "reason": "Corregir el lugar de salida"})
    assert edit.status_code == 200 and MARKER in edit.content.decode()
    entry = AccessLogEntry.objects.get(case=case, action="reveal")
    assert entry.reason == "Corregir el lugar de salida" and entry.user == requester_gt

    # Saving asks for the reason again (prefilled); an empty one is a form error and nothing changes.
    changed = data | {"current_location": f"{MARKER} Ciudad Hidalgo"}
    no_reason = client.post(url, changed | {"reason": ""})
    assert no_reason.status_code == 400 and "errorlist" in no_reason.content.decode()
    case.refresh_from_db()
    assert case.current_location == f"{MARKER} Tapachula"
    saved = client.post(url, changed | {"reason": "Corregir el lugar de salida"})
    assert saved.status_code == 302
    case.refresh_from_db()
    assert case.current_location == f"{MARKER} Ciudad Hidalgo"
    assert list(AccessLogEntry.objects.filter(case=case).order_by("pk").values_list("detail", "reason")) == [
        ("edit form", "Corregir el lugar de salida"), ("edit saved", "Corregir el lugar de salida"),
    ]  # fmt: skip


def test_submitting_a_draft_without_estimate_shows_the_reason(client_for, crm, requester_gt):
    case = s.case_create(by=requester_gt, data=case_data(crm), costs=[])
    response = client_for(requester_gt).post(reverse("fund:case_step", args=[case.code, "submit"]))
    assert response.status_code == 400
    assert "estimaci" in response.content.decode() or "estimate" in response.content.decode()
    assert s.case_status(case) == "draft"


def test_the_dashboard_panel_counts_the_cases_and_late_steps_the_fund_pages_list(fund_officer, submitted_case):
    import datetime

    from django.utils import timezone

    from secretaria.fund import selectors

    now, later = timezone.now(), timezone.now() + datetime.timedelta(days=365)
    for on in (now, later):
        expected = (len(selectors.overdue(fund_officer, on=on)), len(selectors.case_list(fund_officer)))
        assert selectors.panel_counts(fund_officer, on=on) == expected
    assert selectors.panel_counts(fund_officer, on=later) == (1, 1)
