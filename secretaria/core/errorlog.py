"""Server errors reach the administrators, with a reference the visitor can quote.

- ``RequestIdMiddleware`` (core/middleware.py) gives every request a short random id;
  ``current_request_id()`` returns it while the request is handled.
- ``RequestIdFilter`` puts it on every log record as ``record.request_id``, so the console
  line of a crash carries the same reference as the 500 page and the administrators' e-mail.
- ``QueuedAdminEmailHandler`` is Django's ``AdminEmailHandler`` (the report is built by
  Django's error reporter, which hides settings, POST fields and variables marked
  sensitive: ``DEFAULT_EXCEPTION_REPORTER_FILTER``) but sends through the background e-mail
  task, so a mail server that is down delays the report instead of losing it. Nothing here
  may raise: a logging handler that fails would turn one error into two.
"""

from __future__ import annotations

import contextvars
import logging
import re
import uuid

from django.conf import settings
from django.utils.log import AdminEmailHandler
from django.utils.regex_helper import _lazy_re_compile
from django.views.debug import ExceptionReporter as DjangoExceptionReporter
from django.views.debug import SafeExceptionReporterFilter
from pythonjsonlogger import json as jsonlogger

from secretaria.core.tasks import send_error_report

_request_id: contextvars.ContextVar[str | None] = contextvars.ContextVar("sv_request_id", default=None)

logger = logging.getLogger(__name__)


def new_request_id() -> str:
    # Twelve hex digits: short enough to read over the phone, unique enough for a log.
    return uuid.uuid4().hex[:12]


def current_request_id() -> str | None:
    return _request_id.get()


def bind_request_id(value: str | None) -> contextvars.Token:
    return _request_id.set(value)


def unbind_request_id(token: contextvars.Token) -> None:
    _request_id.reset(token)


class ExceptionReporterFilter(SafeExceptionReporterFilter):
    """Django's filter (settings, cookies and headers named like secrets are hidden), stricter.

    Our forms carry personal data (passport numbers, addresses, dietary needs), so every POST
    value is hidden, not only those a view marked with ``sensitive_post_parameters``; the
    client's address and the server URLs that embed passwords (DATABASE_URL, EMAIL_URL,
    SENTRY_DSN) are hidden too. settings.DEFAULT_EXCEPTION_REPORTER_FILTER names this class.
    """

    hidden_settings = _lazy_re_compile(
        "API|AUTH|TOKEN|KEY|SECRET|PASS|SIGNATURE|HTTP_COOKIE|DSN|_URL$|DATABASES|EMAIL_HOST_USER"
        "|REMOTE_ADDR|FORWARDED|REAL_IP|QUERY_STRING|REFERER",
        flags=re.I,
    )

    def get_post_parameters(self, request):
        if request is None or not self.is_active(request):
            return super().get_post_parameters(request)
        cleansed = request.POST.copy()
        for key in cleansed:
            cleansed[key] = self.cleansed_substitute
        return cleansed

    def get_cleansed_multivaluedict(self, request, multivaluedict):
        if not self.is_active(request):
            return multivaluedict
        multivaluedict = multivaluedict.copy()
        for key in multivaluedict:
            multivaluedict[key] = self.cleansed_substitute
        return multivaluedict


class ExceptionReporter(DjangoExceptionReporter):
    """Django's report without what identifies a person beyond the filter's reach: the account
    name (often an e-mail address), the values of the query string (a search for a name) and the
    query string in the request's address. settings.DEFAULT_EXCEPTION_REPORTER names this class."""

    def get_traceback_data(self):
        data = super().get_traceback_data()
        if self.request is not None:
            hidden = self.filter.cleansed_substitute
            data["user_str"] = hidden
            data["request_GET_items"] = [(key, hidden) for key, _value in data.get("request_GET_items") or []]
            if data.get("request_insecure_uri"):
                data["request_insecure_uri"] = str(data["request_insecure_uri"]).split("?", 1)[0]
        return data


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` ("-" outside a request) to every record; never filters one out."""

    def filter(self, record: logging.LogRecord) -> bool:
        request = getattr(record, "request", None)
        record.request_id = getattr(request, "request_id", None) or current_request_id() or "-"
        return True


class JsonFormatter(jsonlogger.JsonFormatter):
    """One JSON object a line (LOG_FORMAT=json): time (UTC, ISO 8601), level, logger, request id,
    process, message and, for an error, the traceback. python-json-logger does the encoding; the
    fields are fixed here so every process (web, worker, mailer) writes the same keys. Django's
    request object on a record becomes its method and path: its query string may hold a name."""

    FIELDS = "%(levelname)s %(name)s %(request_id)s %(process)d %(message)s"

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("fmt", self.FIELDS)
        kwargs.setdefault("rename_fields", {"levelname": "level", "name": "logger"})
        kwargs.setdefault("timestamp", "time")
        super().__init__(*args, **kwargs)

    def add_fields(self, log_record, record, message_dict):
        super().add_fields(log_record, record, message_dict)
        request = log_record.pop("request", None)
        if request is not None:
            log_record["method"] = getattr(request, "method", None)
            log_record["path"] = getattr(request, "path", None)
        log_record.pop("server_time", None)


class QueuedAdminEmailHandler(AdminEmailHandler):
    """Django's error e-mail to ``settings.ADMINS``, sent by the e-mail worker."""

    def __init__(self, include_html: bool = False, email_backend=None, reporter_class=None):
        super().__init__(include_html=include_html, email_backend=email_backend, reporter_class=reporter_class)

    def emit(self, record: logging.LogRecord) -> None:
        if not settings.ADMINS:
            return
        try:
            super().emit(record)
        except Exception:  # noqa: BLE001 — a logging handler must never raise
            self.handleError(record)

    def send_mail(self, subject, message, *args, **kwargs):
        reference = current_request_id()
        if reference:
            message = f"Reference: {reference}\n\n{message}"
        try:
            send_error_report.enqueue(subject=f"{settings.EMAIL_SUBJECT_PREFIX}{subject}", body=message)
        except Exception:  # noqa: BLE001 — the queue (the database) may be what is failing
            try:
                super().send_mail(subject, message, *args, **kwargs)
            except Exception:  # noqa: BLE001
                # The console line of the error is still there; say why no mail followed.
                logging.getLogger("secretaria.errors").warning(
                    "error report for %s could neither be queued nor sent", reference or "-", exc_info=True
                )
