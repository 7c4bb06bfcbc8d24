"""The Secretariat edits a section's paragraph in the rich text editor in Chromium, under the
site's CSP, and the report says it in bold."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from secretaria.reports import services

D = datetime.date
KEY = "meeting.migracion-y-salud.agenda-sponsors"


def sign_in(page, live_server, user):
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_secretariat_writes_bold_text_in_the_editor(page, live_server, seminar, st_officer):
    report = services.report_create(by=st_officer, start=D(2004, 5, 1), end=D(2004, 11, 30))
    problems = []
    page.on("console", lambda msg: problems.append(msg.text) if msg.type == "error" else None)
    sign_in(page, live_server, st_officer)
    page.goto(reverse("reports:section", args=[report.pk, "support"]))
    fieldset = page.locator(f"fieldset:has(select[name='state-{KEY}'])")
    editor = fieldset.locator(".ck-editor__editable").first
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.type("Agenda acordada con ")
    page.keyboard.press("Control+B")
    page.keyboard.type("Canadá y México")
    page.keyboard.press("Control+B")
    page.keyboard.type(".")
    page.click("main form.form button[type=submit]")
    page.wait_for_url(f"**{report.get_absolute_url()}")
    assert page.locator(".report-section li strong", has_text="Canadá y México").count() == 1
    edit = report.versions.order_by("-number").first().edits[KEY]
    assert edit["state"] == "edited" and edit["es"] == "Agenda acordada con Canadá y México."
    assert edit["html_es"] == "<p>Agenda acordada con <strong>Canadá y México</strong>.</p>"
    assert problems == []  # no CSP refusal, no editor error
