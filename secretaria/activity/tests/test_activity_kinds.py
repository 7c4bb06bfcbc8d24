"""Every step recorded by the apps has a labelled kind, and the activity page shows the labels."""

import pytest
from django.urls import reverse
from django.utils import translation

from secretaria.activity.models import Activity
from secretaria.activity.services import activity_record
from secretaria.meetings.services.contracts import ACTIVITY_KINDS


def test_every_service_step_is_a_kind_with_a_label():
    for kind in ACTIVITY_KINDS.values():
        assert kind in Activity.Kind.values
        assert Activity.Kind(kind).label != kind


@pytest.mark.django_db
def test_the_activity_page_shows_the_kinds_labels_not_their_codes(crm, st_officer, client_for):
    for kind in ["service_quoted", "service_delivered", "service_paid", "service_cancelled", "email_sent"]:
        activity_record(kind=kind, actor=st_officer, summary_en=f"Step {kind}", summary_es=f"Paso {kind}")
    with translation.override("en"):
        page = client_for(st_officer).get(reverse("meetings:activity")).content.decode()
    for label in ["Service quoted", "Service delivered", "Service paid", "Service cancelled",
                  "E-mail sent to participants"]:  # fmt: skip
        assert f'<span class="badge">{label}</span>' in page
    assert '<span class="badge">service_' not in page
