import csv
import datetime
import io
import re

from django.urls import reverse
from openpyxl import load_workbook

from secretaria.core.access import AccessLevel
from secretaria.core.models import AuditEvent
from secretaria.decisions import selectors, services
from secretaria.decisions.models import PartyStatus


def _done(party, by, on=datetime.date(2004, 8, 1), text="Hecho"):
    return services.party_update(party=party, by=by, status=PartyStatus.DONE, text=text, on=on)


def test_progress_is_derived_from_the_parties_statuses(parties, gt_official, st_officer, decision):
    _done(parties["GT"], gt_official)
    services.party_update(party=parties["HN"], by=st_officer, status=PartyStatus.NOT_APPLICABLE, text="No aplica")
    matrix = selectors.decision_matrix(st_officer)
    row = matrix.rows[0]
    # GT done, HN not applicable, CA and ST pending: 1 of 3 applicable.
    assert (row.progress.done, row.progress.applicable, row.progress.percent) == (1, 3, 33)
    gt = next(c for c in matrix.columns if c.key == "GT")
    assert gt.progress.percent == 100


def test_the_matrix_shows_status_as_colour_and_text_in_an_accessible_table(parties, gt_official, client_for):
    _done(parties["GT"], gt_official)
    page = client_for(gt_official).get(reverse("decisions:matrix")).content.decode()
    assert '<th scope="col"><abbr title="Guatemala">GT</abbr></th>' in page
    assert '<th scope="row">' in page
    assert 'class="badge badge-success status-done">' in page
    assert "<caption" in page
    assert "Abreviaturas" in page


def test_the_chart_is_inline_svg_without_style_attributes(parties, gt_official, client_for):
    _done(parties["GT"], gt_official)
    page = client_for(gt_official).get(reverse("decisions:matrix")).content.decode()
    assert "<svg" in page and "<polyline" in page
    assert not re.search(r"\sstyle=", page)


def test_the_completion_series_replays_the_log(parties, gt_official, st_officer):
    _done(parties["GT"], gt_official, on=datetime.date(2004, 8, 1))
    _done(parties["st"], st_officer, on=datetime.date(2004, 9, 1))
    series = selectors.decision_matrix(st_officer).chart
    assert series[0] == (datetime.date(2004, 5, 20), 0, 4)
    assert (datetime.date(2004, 8, 1), 1, 4) in series
    assert (datetime.date(2004, 9, 1), 2, 4) in series


def test_filters_by_meeting_theme_status_and_party(parties, decision, ix_crm, st_officer, gt_official, client_for):
    other = services.decision_create(meeting=ix_crm, number=9, text_es="Otra decisión", by=st_officer)
    services.commitment_create(decision=other, by=st_officer, description_es="Algo", parties=[{"kind": "secretariat"}])
    _done(parties["GT"], gt_official)
    c = client_for(st_officer)
    url = reverse("decisions:matrix")
    detail = reverse("decisions:detail", args=[decision.pk])
    other_detail = reverse("decisions:detail", args=[other.pk])
    page = c.get(url, {"theme": decision.theme_id}).content.decode()
    assert detail in page and other_detail not in page
    page = c.get(url, {"status": "done"}).content.decode()
    assert detail in page and other_detail not in page
    page = c.get(url, {"party": "GT"}).content.decode()
    assert detail in page and other_detail not in page
    page = c.get(url, {"meeting": ix_crm.pk, "party": "st"}).content.decode()
    assert detail in page and other_detail in page
    assert c.get(url, {"meeting": "x", "theme": "y", "status": "nonsense"}).status_code == 200


def test_the_matrix_makes_a_constant_number_of_queries(ix_crm, st_officer, crm, client_for, count_queries):
    def add(numbers):
        for number in numbers:
            decision = services.decision_create(
                meeting=ix_crm, number=number, text_es=f"Decisión {number}", by=st_officer
            )
            services.commitment_create(
                decision=decision,
                by=st_officer,
                description_es="Compromiso",
                parties=[{"kind": "country", "country": c} for c in crm["countries"].values() if c.is_member],
            )

    c = client_for(st_officer)

    def page():
        assert c.get(reverse("decisions:matrix")).status_code == 200

    add(range(1, 3))
    page()
    few = count_queries(page)
    add(range(3, 16))
    assert count_queries(page) == few


def test_anonymous_visitors_are_sent_to_login_from_the_matrix(client, db):
    response = client.get(reverse("decisions:matrix"))
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_public_page_shows_public_decisions_and_overall_progress_only(
    parties, decision, ix_crm, st_officer, gt_official, client
):
    secret = services.decision_create(
        meeting=ix_crm, number=5, text_es="Reservada", access_level=AccessLevel.MEMBERS, by=st_officer
    )
    _done(parties["GT"], gt_official)
    page = client.get(reverse("decisions:accountability", args=[ix_crm.slug])).content.decode()
    assert decision.text_es in page
    assert "Reservada" not in page and reverse("decisions:detail", args=[secret.pk]) not in page
    assert 'value="25"' in page  # 1 of 4 parties done
    assert 'title="Guatemala"' not in page  # no country detail


def test_the_public_page_says_how_many_decisions_of_the_meeting_it_does_not_show(decision, ix_crm, st_officer, client):
    url = reverse("decisions:accountability", args=[ix_crm.slug])
    assert "no son públicas" not in client.get(url).content.decode()
    for number in (5, 6):
        services.decision_create(
            meeting=ix_crm, number=number, text_es="Reservada", access_level=AccessLevel.MEMBERS, by=st_officer
        )
    page = client.get(url).content.decode()
    assert "2 decisiones de esta reunión no son públicas y no se muestran aquí." in page
    assert decision.text_es in page and "Reservada" not in page


def test_the_public_page_shows_countries_when_the_secretariat_makes_them_public(
    parties, decision, ix_crm, st_officer, gt_official, client
):
    _done(parties["GT"], gt_official)
    services.decision_update(decision=decision, by=st_officer, country_detail_public=True)
    page = client.get(reverse("decisions:accountability", args=[ix_crm.slug])).content.decode()
    assert 'title="Guatemala"' in page
    assert "status-done" in page


def test_the_public_index_lists_conferences_with_public_decisions(decision, client):
    page = client.get(reverse("decisions:index")).content.decode()
    assert reverse("decisions:accountability", args=[decision.meeting.slug]) in page


def test_a_members_only_meeting_has_no_public_page(ix_crm, client):
    ix_crm.access_level = AccessLevel.MEMBERS
    ix_crm.save()
    assert client.get(reverse("decisions:accountability", args=[ix_crm.slug])).status_code == 404


def test_the_matrix_exports_to_csv_and_xlsx_and_is_audited(parties, gt_official, st_officer, client_for):
    _done(parties["GT"], gt_official)
    c = client_for(st_officer)
    response = c.get(reverse("decisions:matrix_export", args=["csv"]))
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    gt_index = next(i for i, title in enumerate(rows[0]) if title.startswith("GT"))
    assert rows[1][gt_index] == "Cumplido"
    response = c.get(reverse("decisions:matrix_export", args=["xlsx"]))
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert sheet.cell(row=2, column=gt_index + 1).value == "Cumplido"
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.EXPORT, actor=st_officer).count() == 2


def test_the_log_exports_with_who_and_when(parties, gt_official, st_officer, client_for):
    _done(parties["GT"], gt_official, text="=cmd|' /C calc'!A0")
    response = client_for(st_officer).get(reverse("decisions:log_export", args=["csv"]))
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert rows[1][0] == "2004-08-01"
    assert "Carlos" in rows[1][9]
    assert rows[1][10].startswith("'=")  # no formula injection
    response = client_for(st_officer).get(reverse("decisions:log_export", args=["xlsx"]))
    assert response.status_code == 200
    cell = load_workbook(io.BytesIO(response.content)).active.cell(row=2, column=11)
    assert cell.value == "=cmd|' /C calc'!A0" and cell.data_type == "s"  # text, not a formula
    assert AuditEvent.objects.filter(kind=AuditEvent.Kind.EXPORT, target__contains="log").exists()


def test_observers_cannot_export(observer, client_for, db):
    assert client_for(observer).get(reverse("decisions:matrix_export", args=["csv"])).status_code == 403


def test_an_unknown_export_format_is_a_404(st_officer, client_for):
    assert client_for(st_officer).get(reverse("decisions:matrix_export", args=["pdf"])).status_code == 404


def test_the_dashboard_panel_lists_my_countrys_open_commitments(parties, gt_official, hn_official, client_for):
    page = client_for(gt_official).get(reverse("members:dashboard")).content.decode()
    assert f"#party-{parties['GT'].pk}" in page
    assert f"#party-{parties['HN'].pk}" not in page


def test_the_party_form_records_a_note_with_evidence(parties, gt_official, client_for):
    c = client_for(gt_official)
    url = reverse("decisions:party_update", args=[parties["GT"].pk])
    assert c.get(url).status_code == 200
    response = c.post(
        url,
        {
            "status": "done",
            "text": "Seminario realizado",
            "evidence_url": "https://example.org/informe.pdf",
            "on": "2004-10-19",
        },
    )
    assert response.status_code == 302
    page = c.get(response["Location"]).content.decode()
    assert "Seminario realizado" in page and "https://example.org/informe.pdf" in page


def test_a_future_date_or_an_empty_update_is_a_form_error(parties, gt_official, client_for):
    c = client_for(gt_official)
    url = reverse("decisions:party_update", args=[parties["GT"].pk])
    future = (datetime.date.today() + datetime.timedelta(days=3)).isoformat()
    assert c.post(url, {"status": "done", "on": future}).status_code == 200
    response = c.post(url, {"status": "pending", "on": "2004-08-01"})
    assert response.status_code == 200 and "form-errors" in response.content.decode()


def test_supersession_is_shown_both_ways(decision, ix_crm, st_officer, client_for):
    later = services.decision_create(
        meeting=ix_crm, number=12, text_es="Sustituye", access_level=AccessLevel.PUBLIC, by=st_officer
    )
    services.decision_supersede(decision=later, earlier=decision, by=st_officer)
    c = client_for(st_officer)
    assert (
        reverse("decisions:detail", args=[decision.pk])
        in c.get(reverse("decisions:detail", args=[later.pk])).content.decode()
    )
    assert (
        reverse("decisions:detail", args=[later.pk])
        in c.get(reverse("decisions:detail", args=[decision.pk])).content.decode()
    )


def test_the_public_page_and_the_api_list_make_a_constant_number_of_queries(
    ix_crm, st_officer, crm, client, count_queries
):
    def add(numbers):
        for number in numbers:
            decision = services.decision_create(
                meeting=ix_crm, number=number, text_es=f"Decisión {number}", access_level=AccessLevel.PUBLIC,
                by=st_officer,
            )  # fmt: skip
            services.commitment_create(
                decision=decision,
                by=st_officer,
                description_es="Compromiso",
                parties=[{"kind": "country", "country": c} for c in crm["countries"].values() if c.is_member],
            )

    sizes = []

    def public_page():
        assert client.get(reverse("decisions:accountability", args=[ix_crm.slug])).status_code == 200

    def api_list():
        sizes.append(len(client.get("/api/v1/decisions").json()["results"]))

    add(range(1, 3))
    few_page, few_api = count_queries(public_page), count_queries(api_list)
    add(range(3, 13))
    assert (count_queries(public_page), count_queries(api_list)) == (few_page, few_api)
    assert sizes == [2, 12]


def test_the_chart_coordinates_are_not_localised(parties, gt_official, client_for):
    _done(parties["GT"], gt_official)
    page = client_for(gt_official).get(reverse("decisions:matrix"), HTTP_ACCEPT_LANGUAGE="es").content.decode()
    points = re.search(r'<polyline points="([^"]+)"', page).group(1)
    assert "," in points and re.fullmatch(r"[\d.]+,[\d.]+( [\d.]+,[\d.]+)*", points)
    assert not re.search(r'cy="\d+,\d', page)


def test_the_ppt_official_sees_the_presidencys_commitments_on_the_dashboard(
    commitment, st_officer, ppt_official, client_for
):
    ppt = services.party_add(commitment=commitment, by=st_officer, kind="ppt")
    page = client_for(ppt_official).get(reverse("members:dashboard")).content.decode()
    assert f"#party-{ppt.pk}" in page


def test_a_decision_or_party_named_as_a_formula_exports_as_text(parties, gt_official, st_officer, client_for, ix_crm):
    ix_crm.title_es = '=HYPERLINK("http://evil.example/","IX")'
    ix_crm.save()
    c = client_for(st_officer)
    rows = list(
        csv.reader(io.StringIO(c.get(reverse("decisions:matrix_export", args=["csv"])).content.decode("utf-8-sig")))
    )
    assert rows[1][0] == "'" + ix_crm.title_es
    sheet = load_workbook(io.BytesIO(c.get(reverse("decisions:matrix_export", args=["xlsx"])).content)).active
    assert sheet["A2"].value == ix_crm.title_es and sheet["A2"].data_type == "s"
    assert isinstance(sheet["D2"].value, int | type(None))  # progress stays a number
