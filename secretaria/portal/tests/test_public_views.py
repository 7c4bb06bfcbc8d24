import pytest
from django.core import mail
from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

from secretaria.core.access import AccessLevel
from secretaria.outreach import pow
from secretaria.outreach.models import Inquiry
from secretaria.portal.models import Page


@pytest.fixture(autouse=True)
def _clear_cache():
    cache.clear()
    yield
    cache.clear()


def en(name, *args):
    with translation.override("en"):
        return reverse(name, args=args)


def es(name, *args):
    with translation.override("es"):
        return reverse(name, args=args)


def test_the_home_page_shows_the_intro_page_the_latest_news_and_the_presidency(anonymous, make_page, make_news):
    make_page("home", title_en="The Regional Conference on Migration", body_en="A forum created in **1996**.")
    make_news("seminar", title_en="Migration and Health seminar")
    make_news("draft", title_en="Unpublished draft news", published=False)

    html = anonymous.get(en("portal:home")).content.decode()

    assert "The Regional Conference on Migration" in html
    assert "<strong>1996</strong>" in html
    assert "Migration and Health seminar" in html
    assert "Unpublished draft news" not in html
    assert "Panama" in html  # the Pro-Tempore Presidency today (crm fixture)


def test_a_public_page_is_shown_by_its_address_in_both_languages(anonymous, make_page):
    make_page("about", title_es="Sobre el Proceso de Puebla", title_en="About the Puebla Process")

    assert "Sobre el Proceso de Puebla" in anonymous.get(es("portal:page", "about")).content.decode()
    assert "About the Puebla Process" in anonymous.get(en("portal:page", "about")).content.decode()


def test_drafts_and_unknown_pages_are_not_found(anonymous, make_page):
    make_page("about", published=False)

    assert anonymous.get(en("portal:page", "about")).status_code == 404
    assert anonymous.get(en("portal:page", "nowhere")).status_code == 404


def test_a_members_page_is_not_served_on_the_public_portal(anonymous, make_page):
    make_page("guide", site=Page.Site.MEMBERS, access_level=AccessLevel.MEMBERS)

    assert anonymous.get(en("portal:page", "guide")).status_code == 404


def test_markdown_is_sanitised_before_it_reaches_the_page(anonymous, make_page):
    make_page(
        "about",
        body_en='Hello <script>alert("x")</script> [click](javascript:alert(1)) <img src=x onerror="alert(2)">',
    )

    html = anonymous.get(en("portal:page", "about")).content.decode()

    assert "Hello" in html
    assert "<script>alert" not in html
    assert "javascript:alert" not in html
    assert "onerror" not in html


def test_the_news_list_shows_published_news_only(anonymous, make_news):
    make_news("a", title_en="Published news A")
    make_news("b", title_en="Draft news B", published=False)
    make_news("c", title_en="Future news C", days_ago=-2)
    make_news("d", title_en="Members news D", access_level=AccessLevel.MEMBERS)

    html = anonymous.get(en("portal:news_list")).content.decode()

    assert "Published news A" in html
    assert "Draft news B" not in html
    assert "Future news C" not in html
    assert "Members news D" not in html


def test_members_see_restricted_news_in_the_list(client_for, gt_official, make_news):
    make_news("d", title_en="Members news D", access_level=AccessLevel.MEMBERS)

    assert "Members news D" in client_for(gt_official).get(en("portal:news_list")).content.decode()


def test_the_news_list_makes_the_same_number_of_queries_whatever_its_length(
    anonymous, make_news, django_assert_max_num_queries
):
    for i in range(3):
        make_news(f"n{i}")
    with django_assert_max_num_queries(3) as few:
        anonymous.get(en("portal:news_list"))
    for i in range(3, 10):
        make_news(f"n{i}")
    with django_assert_max_num_queries(len(few.captured_queries)):
        assert anonymous.get(en("portal:news_list")).status_code == 200


def test_a_news_item_is_shown_and_restricted_ones_ask_for_login(anonymous, make_news, observer, client_for):
    make_news("seminar", title_en="Migration and Health seminar", body_en="Held in Guatemala City.")
    make_news("closed", access_level=AccessLevel.MEMBERS)

    assert "Held in Guatemala City." in anonymous.get(en("portal:news_detail", "seminar")).content.decode()
    response = anonymous.get(en("portal:news_detail", "closed"))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]
    assert client_for(observer).get(en("portal:news_detail", "closed")).status_code == 403
    assert anonymous.get(en("portal:news_detail", "nothing")).status_code == 404


def test_the_feed_lists_public_published_news_only(anonymous, make_news):
    make_news("public", title_en="Public news")
    make_news("draft", title_en="Draft news", published=False)
    make_news("closed", title_en="Closed news", access_level=AccessLevel.OBSERVERS)

    response = anonymous.get(en("portal:news_feed"))

    body = response.content.decode()
    assert response["Content-Type"].startswith("application/atom+xml")
    assert "Public news" in body
    assert "Draft news" not in body
    assert "Closed news" not in body
    assert en("portal:news_detail", "public") in body


def test_the_sitemap_lists_public_pages_and_news_in_both_languages(anonymous, make_page, make_news):
    make_page("about")
    make_page("hidden", published=False)
    make_page("guide", site=Page.Site.MEMBERS)
    make_news("public")
    make_news("closed", access_level=AccessLevel.MEMBERS)

    body = anonymous.get("/sitemap.xml").content.decode()

    assert es("portal:page", "about") in body
    assert en("portal:page", "about") in body
    assert 'hreflang="es"' in body and 'hreflang="en"' in body
    assert en("portal:news_detail", "public") in body
    assert es("portal:news_detail", "public") in body
    assert "hidden" not in body
    assert "guide" not in body
    assert "closed" not in body


def _contact(client, **overrides):
    data = {
        "name": "María Pérez",
        "email": "maria@example.org",
        "subject": "Consulta sobre el fondo de reserva",
        "message": "¿Quién puede presentar una solicitud al fondo?",
        "language": "es",
        "website": "",
    }
    challenge = pow.challenge_new()
    data.update({"pow_challenge": challenge, "pow_nonce": pow.solve(challenge)})
    data.update(overrides)
    return client.post(en("portal:contact"), data)


def test_the_contact_form_stores_an_inquiry_acknowledges_it_and_tells_the_secretariat(anonymous, crm, settings):
    settings.SECRETARIAT_EMAIL = "st@crm.example"

    response = _contact(anonymous)

    assert response.status_code == 302
    inquiry = Inquiry.objects.get()
    assert inquiry.email == "maria@example.org" and inquiry.channel == "web"
    assert len(mail.outbox) == 2
    ack = next(m for m in mail.outbox if m.to == ["maria@example.org"])
    assert f"[{inquiry.reference}]" in ack.subject and inquiry.reference in ack.body
    assert "Estimado" in ack.body or "Dear" not in ack.body  # in the requester's language (Spanish)
    message = next(m for m in mail.outbox if m.to == ["st@crm.example"])
    assert message.to == ["st@crm.example"]
    assert message.reply_to == ["maria@example.org"]
    assert "Consulta sobre el fondo de reserva" in message.subject
    assert "¿Quién puede presentar una solicitud al fondo?" in message.body
    assert inquiry.reference in anonymous.get(response["Location"]).content.decode()


def test_the_contact_form_refuses_bad_input_with_form_errors(anonymous, crm):
    response = _contact(anonymous, email="not-an-address", message="")

    assert response.status_code == 400
    assert set(response.context["form"].errors) == {"email", "message"}
    assert 'class="errorlist' in response.content.decode()
    assert mail.outbox == []


def test_the_contact_form_ignores_bots_that_fill_the_honeypot(anonymous, crm):
    response = _contact(anonymous, website="http://spam.example")

    assert response.status_code == 302
    assert mail.outbox == []
    assert not Inquiry.objects.exists()


def test_the_contact_form_limits_repeated_posts_from_one_connection(anonymous, crm):
    for n in range(5):
        assert _contact(anonymous, email=f"person{n}@example.org").status_code == 302

    response = _contact(anonymous, email="another@example.org")

    assert response.status_code == 429
    assert Inquiry.objects.count() == 5


def test_the_contact_form_limits_inquiries_per_address_per_day(anonymous, crm, settings):
    settings.OUTREACH_INQUIRY_DAILY_LIMIT = 2
    assert _contact(anonymous).status_code == 302
    assert _contact(anonymous, email="MARIA@example.org").status_code == 302

    response = _contact(anonymous)

    assert response.status_code == 429 and "several messages" in response.content.decode()
    assert Inquiry.objects.count() == 2


def test_the_contact_form_refuses_a_missing_or_replayed_proof_of_work(anonymous, crm):
    assert _contact(anonymous, pow_nonce="").status_code == 400
    challenge = pow.challenge_new()
    nonce = pow.solve(challenge)
    assert _contact(anonymous, pow_challenge=challenge, pow_nonce=nonce).status_code == 302
    replay = _contact(anonymous, pow_challenge=challenge, pow_nonce=nonce, email="other@example.org")
    assert replay.status_code == 400 and "anti-spam" in replay.content.decode()
    assert Inquiry.objects.count() == 1


def test_the_contact_form_refuses_a_hostile_attachment_and_saves_nothing(anonymous, crm):
    evil = SimpleUploadedFile("report.pdf", b"MZ\x90\x00" + b"\x00" * 200, content_type="application/pdf")
    response = _contact(anonymous, attachment=evil)

    assert response.status_code == 400
    assert response.context["form"].errors["attachment"]
    assert not Inquiry.objects.exists() and mail.outbox == []


def test_the_contact_page_shows_the_secretariat_address(anonymous, crm):
    crm["orgs"]["st"].address = "Oficina de la OIM, San José, Costa Rica"
    crm["orgs"]["st"].save()

    assert "Oficina de la OIM, San José" in anonymous.get(en("portal:contact")).content.decode()


def test_the_contact_form_refuses_an_oversized_attachment_with_a_clear_message(anonymous, crm, settings):
    settings.MAX_UPLOAD_MB = 1
    big = SimpleUploadedFile("annex.pdf", b"%PDF-1.4\n" + b"0" * (1024 * 1024 + 10), content_type="application/pdf")
    response = _contact(anonymous, attachment=big)

    assert response.status_code == 400
    text = response.content.decode()
    assert (
        "“annex.pdf” is 1.0 MB; the largest file accepted is 1 MB." in text or "“annex.pdf” is larger than 1 MB" in text
    )
    assert not Inquiry.objects.exists() and mail.outbox == []


def test_the_contact_form_keeps_an_accepted_attachment_with_the_inquiry(anonymous, crm):
    pdf = SimpleUploadedFile("annex.pdf", b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n")
    assert _contact(anonymous, attachment=pdf).status_code == 302
    (attachment,) = Inquiry.objects.get().messages.get(direction="in").attachments.all()
    assert attachment.original_name == "annex.pdf" and attachment.file_type == "pdf"
