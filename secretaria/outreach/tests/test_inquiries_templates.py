"""The Secretariat writes and edits answer templates on the site: every edit is a new version."""

import pytest
from django.urls import reverse
from django.utils import translation

from secretaria.outreach.models import AnswerTemplate
from secretaria.outreach.services import inquiries as services

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    translation.activate("en")  # the pages under /en/, read in English


FORM = {"slug": "data-request", "name_es": "Pedido de datos", "name_en": "Data request",
        "subject_es": "Su consulta {reference}", "subject_en": "Your inquiry {reference}",
        "body_es": "Estimado/a {name}: [[respuesta]]", "body_en": "Dear {name}, [[answer]]"}  # fmt: skip


def test_the_secretariat_writes_a_template_and_editing_it_keeps_the_first_version(client_for, st_officer):
    c = client_for(st_officer)
    assert "Answer templates" in c.get(reverse("outreach:inquiries")).content.decode()
    page = c.get(reverse("outreach:template_new")).content.decode()
    assert "{reference}" in page and "[[what to say]]" in page  # the placeholder help, above the form
    response = c.post(reverse("outreach:template_new"), FORM, follow=True)
    text = response.content.decode()
    assert "Data request" in text and "v1" in text and "saved as version 1" in text
    template = AnswerTemplate.objects.get()
    # Editing makes v2; v1 stays, as replies cite it.
    edit = reverse("outreach:template_edit", args=[template.pk])
    assert "Dear {name}, [[answer]]" in c.get(edit).content.decode()
    c.post(edit, {**FORM, "body_en": "Dear {name}, thank you. [[answer]]"})
    assert [v.number for v in template.versions.all()] == [1, 2]
    assert template.versions.get(number=1).body_en == "Dear {name}, [[answer]]"
    page = c.get(edit).content.decode()
    assert "Current version: 2" in page and "thank you" in page
    assert "v2" in c.get(reverse("outreach:templates")).content.decode()
    # Saving without a change adds no version.
    c.post(edit, {**FORM, "body_en": "Dear {name}, thank you. [[answer]]"})
    assert template.versions.count() == 2


def test_a_template_in_one_language_or_with_a_taken_name_is_a_form_error(client_for, st_officer):
    c = client_for(st_officer)
    response = c.post(reverse("outreach:template_new"), {**FORM, "body_en": ""})
    assert response.status_code == 400 and "This field is required" in response.content.decode()
    c.post(reverse("outreach:template_new"), FORM)
    again = c.post(reverse("outreach:template_new"), {**FORM, "name_en": "Other"})
    assert again.status_code == 400 and "Another template has this short name" in again.content.decode()
    assert AnswerTemplate.objects.get().versions.count() == 1


def test_a_template_out_of_use_is_not_offered_on_an_inquiry_but_kept(client_for, st_officer, crm):
    version = services.template_save(by=st_officer, **FORM)
    inquiry = services.inquiry_receive(name="Jane", email="jane@uoft.example", text="Data?", language="en")
    c = client_for(st_officer)
    page = reverse("outreach:inquiry", args=[inquiry.pk])
    assert "Data request v1" in c.get(page).content.decode()
    response = c.post(reverse("outreach:template_active", args=[version.template.pk]), {"active": "0"}, follow=True)
    assert "no longer offered" in response.content.decode() and "Use again" in response.content.decode()
    assert "Data request v1" not in c.get(page).content.decode()
    assert AnswerTemplate.objects.get().versions.count() == 1


def test_only_the_secretariat_edits_templates(client_for, gt_official, ppt_official, st_officer):
    version = services.template_save(by=st_officer, **FORM)
    for user in (gt_official, ppt_official):
        c = client_for(user)
        assert c.get(reverse("outreach:templates")).status_code == 403
        assert c.post(reverse("outreach:template_new"), {**FORM, "slug": "x"}).status_code == 403
        assert c.post(reverse("outreach:template_edit", args=[version.template.pk]), FORM).status_code == 403
        assert (
            c.post(reverse("outreach:template_active", args=[version.template.pk]), {"active": "0"}).status_code == 403
        )
    assert AnswerTemplate.objects.get().is_active and AnswerTemplate.objects.count() == 1


def test_the_template_list_costs_the_same_queries_for_more_templates(client_for, st_officer, count_queries):
    from django.urls import reverse

    from secretaria.outreach.services import inquiries as inquiry_services

    c = client_for(st_officer)
    url = reverse("outreach:templates")

    def make(slug):
        inquiry_services.template_save(slug=slug, by=st_officer, name_es=slug, name_en=slug, subject_es="Asunto",
                                       subject_en="Subject", body_es="Cuerpo", body_en="Body", new=True)  # fmt: skip

    make("uno")
    c.get(url)
    one = count_queries(lambda: c.get(url))
    for slug in ("dos", "tres", "cuatro"):
        make(slug)
    assert count_queries(lambda: c.get(url)) == one
