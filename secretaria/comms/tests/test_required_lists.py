"""A list its automatic members may not leave says why, on the site and in every e-mail."""

from django.urls import reverse

from secretaria.comms import sending, services
from secretaria.comms.models import Subscription


def _required(public_list, crm):
    public_list.allow_opt_out = False
    public_list.save()
    st = crm["orgs"]["st"]
    st.email = "secretaria.tecnica@crm-st.example"
    st.save()
    services.subscriptions_sync()


def test_my_subscriptions_says_why_a_required_list_cannot_be_left(client_for, gt_official, public_list, crm):
    _required(public_list, crm)
    html = client_for(gt_official).get(reverse("comms:my_subscriptions")).content.decode()
    assert "Esta lista es obligatoria por su cargo: Funcionario de país miembro." in html
    assert "Para dejar de recibirla, consulte a la Secretaría Técnica (secretaria.tecnica@crm-st.example)." in html
    assert 'value="leave"' not in html


def test_a_list_that_may_be_left_shows_no_reason_and_offers_leaving(client_for, gt_official, public_list):
    services.subscriptions_sync()
    html = client_for(gt_official).get(reverse("comms:my_subscriptions")).content.decode()
    assert "obligatoria" not in html and 'value="leave"' in html


def test_the_list_page_says_why_too(client_for, gt_official, public_list, crm):
    _required(public_list, crm)
    html = client_for(gt_official).get(public_list.get_absolute_url()).content.decode()
    assert "Usted recibe esta lista." in html
    assert "Esta lista es obligatoria por su cargo: Funcionario de país miembro." in html


def test_the_email_footer_of_a_required_list_says_why(smtp_sink, public_list, crm, publish, gt_official):
    _required(public_list, crm)
    publish()
    services.process_outbox()
    sending.send_queue(worker_id="test")
    [mail] = smtp_sink.to(gt_official.email)
    text = mail.get_body(("plain",)).get_content()
    html = mail.get_body(("html",)).get_content()
    for body in (text, html):
        assert "Esta lista es obligatoria por su cargo: Funcionario de país miembro." in body
        assert "secretaria.tecnica@crm-st.example" in body
    sub = Subscription.objects.get(user=gt_official)
    assert sub.source == "auto"


def test_a_self_subscriber_of_a_required_list_gets_no_reason(smtp_sink, public_list, crm, publish, subscribe_public):
    _required(public_list, crm)
    subscribe_public(public_list, "lectora@example.com")
    publish()
    services.process_outbox()
    sending.send_queue(worker_id="test")
    [mail] = smtp_sink.to("lectora@example.com")
    assert "obligatoria" not in mail.get_body(("plain",)).get_content()
