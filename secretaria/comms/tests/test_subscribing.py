"""Double opt-in, preferences by signed link, one-click unsubscribe, the members' subscriptions page."""

import re

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from secretaria.comms import services, tokens
from secretaria.comms.models import Delivery, Subscription
from secretaria.core.access import AccessLevel


def _link(body, marker):
    return next(u for u in re.findall(r"https?://\S+", body) if marker in u)


def test_the_public_subscribes_with_double_opt_in(anonymous, public_list, publish):
    response = anonymous.post(
        reverse("comms:subscribe", args=[public_list.slug]),
        {"email": "periodista@example.com", "language": "en", "rhythm": "each"},
    )
    assert response.status_code == 200 and b"periodista@example.com" in response.content
    sub = Subscription.objects.get(email="periodista@example.com")
    assert sub.status == Subscription.Status.PENDING
    # Nothing is sent to an address that has not confirmed.
    publish()
    services.process_outbox()
    assert not Delivery.objects.filter(email="periodista@example.com").exists()

    [confirmation] = mail.outbox
    assert confirmation.to == ["periodista@example.com"] and "RCM documents" in confirmation.subject
    url = _link(confirmation.body, "/confirm/")
    path = url.replace("https://sv.example.org", "")
    page = anonymous.get(path)  # a link scanner's GET confirms nothing
    assert page.status_code == 200
    sub.refresh_from_db()
    assert sub.status == Subscription.Status.PENDING
    anonymous.post(path)
    sub.refresh_from_db()
    assert sub.status == Subscription.Status.ACTIVE and sub.language == "en"


def test_asking_again_for_an_active_address_sends_its_preferences_link(anonymous, public_list, subscribe_public):
    sub = subscribe_public(public_list, "a@example.com")
    anonymous.post(
        reverse("comms:subscribe", args=[public_list.slug]),
        {"email": "a@example.com", "language": "es", "rhythm": "each"},
    )
    [notice] = mail.outbox
    assert tokens.manage_token(sub) in notice.body


def test_a_tampered_confirmation_link_does_nothing(anonymous, public_list, subscribe_public):
    sub = subscribe_public(public_list, "a@example.com")
    sub.status = Subscription.Status.PENDING
    sub.save()
    token = tokens.confirm_token(sub)
    response = anonymous.post(reverse("comms:confirm", args=[token[:-2] + "xx"]))
    assert response.status_code == 404


def test_members_lists_take_no_subscriptions_from_the_public(anonymous, db):
    lst = services.mailing_list_create(slug="grcm", name_es="GRCM", name_en="RCGM", access_level=AccessLevel.MEMBERS)
    response = anonymous.get(reverse("comms:subscribe", args=[lst.slug]))
    assert response.status_code == 404
    assert anonymous.get(reverse("comms:archive", args=[lst.slug])).status_code == 404


def test_one_click_unsubscribe_is_a_post_with_no_session_and_no_csrf_token(public_list, subscribe_public):
    sub = subscribe_public(public_list, "a@example.com")
    client = Client(enforce_csrf_checks=True)
    url = reverse("comms_unsubscribe", args=[tokens.manage_token(sub)])
    response = client.post(url, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200
    sub.refresh_from_db()
    assert sub.status == Subscription.Status.UNSUBSCRIBED and sub.opted_out_at is not None


def test_the_unsubscribe_link_asks_before_it_acts(public_list, subscribe_public):
    sub = subscribe_public(public_list, "a@example.com", language="en")
    client = Client()
    response = client.get(reverse("comms_unsubscribe", args=[tokens.manage_token(sub)]))
    assert response.status_code == 200 and b"Unsubscribe" in response.content
    sub.refresh_from_db()
    assert sub.status == Subscription.Status.ACTIVE


def test_a_forged_unsubscribe_token_is_refused(public_list, subscribe_public):
    sub = subscribe_public(public_list, "a@example.com")
    other = subscribe_public(public_list, "b@example.com")
    # The other subscription's payload with this one's signature.
    forged = tokens.manage_token(other).split(":")[0] + ":" + tokens.manage_token(sub).split(":")[1]
    response = Client().post(reverse("comms_unsubscribe", args=[forged]))
    assert response.status_code == 404
    assert Subscription.objects.filter(status="active").count() == 2


def test_unsubscribing_cancels_what_is_still_queued(public_list, subscribe_public, publish):
    sub = subscribe_public(public_list, "a@example.com")
    publish()
    services.process_outbox()
    Client().post(reverse("comms_unsubscribe", args=[tokens.manage_token(sub)]))
    assert Delivery.objects.get().state == "failed"


def test_preferences_change_language_and_rhythm_without_login(public_list, subscribe_public):
    sub = subscribe_public(public_list, "a@example.com")
    url = reverse("comms:preferences", args=[tokens.manage_token(sub)])
    response = Client().post(url, {"language": "en", "rhythm": "weekly"})
    assert response.status_code == 302
    sub.refresh_from_db()
    assert (sub.language, sub.rhythm) == ("en", "weekly")


def test_a_member_sees_and_changes_their_subscriptions(client_for, gt_official, public_list):
    services.subscriptions_sync()
    client = client_for(gt_official)
    page = client.get(reverse("comms:my_subscriptions"))
    assert page.status_code == 200 and "Documentos de la CRM" in page.content.decode()
    sub = Subscription.objects.get(user=gt_official)
    client.post(reverse("comms:my_subscription_update", args=[sub.pk]), {"action": "leave"})
    sub.refresh_from_db()
    assert sub.status == "unsubscribed"
    client.post(reverse("comms:my_subscription_update", args=[sub.pk]), {"action": "rejoin"})
    sub.refresh_from_db()
    assert sub.status == "active"


def test_a_member_may_not_leave_a_list_that_does_not_allow_it(client_for, gt_official, public_list):
    public_list.allow_opt_out = False
    public_list.save()
    services.subscriptions_sync()
    sub = Subscription.objects.get(user=gt_official)
    client_for(gt_official).post(reverse("comms:my_subscription_update", args=[sub.pk]), {"action": "leave"})
    sub.refresh_from_db()
    assert sub.status == "active"


def test_someone_elses_subscription_cannot_be_changed(client_for, gt_official, hn_official, public_list):
    services.subscriptions_sync()
    sub = Subscription.objects.get(user=gt_official)
    response = client_for(hn_official).post(reverse("comms:my_subscription_update", args=[sub.pk]), {"action": "leave"})
    assert response.status_code == 404


@pytest.mark.parametrize("slug", ["manage", "gestion", "bulletins", "boletines-de-cambios", "mine"])
def test_a_list_cannot_take_a_short_name_the_sites_addresses_use(db, slug):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as refused:
        services.mailing_list_create(slug=slug, name_es="Lista", name_en="List")
    assert "slug" in refused.value.message_dict


def _at_once(call, *, threads=4) -> list:
    """Run ``call`` in several threads released together, each on its own database connection;
    return the exceptions they raised."""
    import threading

    from django.db import connection

    errors, start = [], threading.Barrier(threads)

    def work():
        try:
            start.wait(10)
            call()
        except Exception as exc:  # returned to the test
            errors.append(exc)
        finally:
            connection.close()

    running = [threading.Thread(target=work) for _ in range(threads)]
    for t in running:
        t.start()
    for t in running:
        t.join(60)
    return errors


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_mailers_starting_together_sync_the_subscriptions_once(public_list, crm):
    """Each mailer syncs the automatic subscriptions when it starts; two at once must not collide."""
    from secretaria.accounts.services import user_create
    from secretaria.core.access import Role

    for n in range(40):
        user_create(
            username=f"oficial{n}", email=f"oficial{n}@example.org", role=Role.MEMBER, country=crm["countries"]["GT"]
        )
    assert _at_once(services.subscriptions_sync) == []
    assert Subscription.objects.filter(mailing_list=public_list, user__username__startswith="oficial").count() == 40


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_double_click_on_subscribe_makes_one_subscription(public_list, civil_society):
    assert _at_once(lambda: services.user_subscribe(user=civil_society, mailing_list=public_list)) == []
    assert Subscription.objects.filter(mailing_list=public_list, user=civil_society).count() == 1
