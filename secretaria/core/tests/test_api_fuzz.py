"""schemathesis over the whole published API schema, anonymously and with a Secretariat token.

Every operation of ``/api/v1/openapi.json`` is called with inputs generated from its schema
(valid ones and, in the coverage phase, boundary and invalid ones) against the demo data
(personas, documents, meetings with agendas, invitations, contracted services, decisions).
Two properties must hold for every call: no server error, and a response whose status is
declared and whose body matches the declared schema. The demo data is loaded once for this
module inside a transaction that is rolled back at the end, and each operation runs in its
own savepoint, so the writes schemathesis makes (drafts, withdrawals, invitations…) touch
nothing outside this file.
"""

import io
from importlib import import_module
from unittest import mock

import pytest
import schemathesis
from django.conf import settings as django_settings
from django.core.management.color import no_style
from django.core.signals import request_finished, request_started
from django.db import close_old_connections, transaction
from django.test import override_settings
from hypothesis import HealthCheck, Phase, settings

from secretaria.accounts.models import User
from secretaria.accounts.services import api_token_create

CHECKS = [
    schemathesis.checks.not_a_server_error,
    schemathesis.checks.status_code_conformance,
    schemathesis.checks.content_type_conformance,
    schemathesis.checks.response_schema_conformance,
]


# The apps whose data the API serves; the portal, forums and lists are not in it.
DEMO_APPS = ["directory", "accounts", "documents", "meetings", "decisions", "fund"]


@pytest.fixture(scope="module")
def demo_api(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo data in an outer transaction, and a Secretariat token."""
    media = tmp_path_factory.mktemp("media")
    storages = {
        **django_settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": {"location": media}},
    }
    with (
        django_db_blocker.unblock(),
        override_settings(DEV_MODE=True, MEDIA_ROOT=media, STORAGES=storages),
        # The files' text extraction runs sandboxed subprocesses; the API shows them pending.
        mock.patch("secretaria.documents.demo.extract_document_file"),
    ):
        atomic = transaction.atomic()
        atomic.__enter__()
        # Django's test client does the same: a request must not close the connection that
        # holds the module's transaction.
        request_started.disconnect(close_old_connections)
        request_finished.disconnect(close_old_connections)
        try:
            for app in DEMO_APPS:
                import_module(f"secretaria.{app}.demo").load(stdout=io.StringIO(), style=no_style())
            _token, key = api_token_create(user=User.objects.get(username="st"))
            yield {"token": key}
        finally:
            request_started.connect(close_old_connections)
            request_finished.connect(close_old_connections)
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)


def _load_schema():
    from django.core.wsgi import get_wsgi_application

    from secretaria.api import api

    # The coverage phase (every boundary and wrong type of every field, ~2,000 calls per
    # caller) takes minutes; the random phase below stays within CI's budget, and the
    # boundaries the fuzzer found once are pinned in test_api_inputs.py.
    config = schemathesis.config.SchemathesisConfig.from_dict({"phases": {"coverage": {"enabled": False}}})
    loaded = schemathesis.openapi.from_dict(api.get_openapi_schema(path_prefix="/api/v1/"), config=config)
    loaded.app = get_wsgi_application()
    return loaded


schema = _load_schema()

# Ten cases per operation and caller, the same ones on every run (derandomize), nothing
# stored between runs (database=None): about 1,000 calls, some 40 s of CPU.
FUZZ = settings(
    max_examples=10,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)


@pytest.mark.fuzz
@pytest.mark.django_db
@schema.parametrize()
@FUZZ
def test_anonymous_callers_get_no_server_error_and_conforming_responses(case, demo_api):
    case.call_and_validate(checks=CHECKS)


@pytest.mark.fuzz
@pytest.mark.django_db
@schema.parametrize()
@FUZZ
def test_the_secretariat_gets_no_server_error_and_conforming_responses(case, demo_api):
    case.call_and_validate(checks=CHECKS, headers={"Authorization": f"Bearer {demo_api['token']}"})
