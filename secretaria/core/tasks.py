"""Background work shared by every app: sending e-mail."""

import datetime
import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)


@task(queue_name="email")
def send_email(*, subject: str, body: str, to: list[str], html: str = "", reply_to: list[str] | None = None) -> int:
    message = EmailMultiAlternatives(subject=subject, body=body, to=to, reply_to=reply_to or None)
    if html:
        message.attach_alternative(html, "text/html")
    return message.send()


def queue_email(*, subject: str, body: str, to: list[str], html: str = "", reply_to: list[str] | None = None):
    """Send an e-mail through the background worker (immediately in tests)."""
    return send_email.enqueue(subject=str(subject), body=body, to=list(to), html=html, reply_to=reply_to)


@task(queue_name="email")
def send_error_report(*, subject: str, body: str, attempt: int = 1) -> int:
    """A server-error report to settings.ADMINS (core/errorlog.py queues it).

    When the mail server is unreachable the report is queued again later (MAIL_RETRY_BASE_SECONDS,
    doubled each time, MAIL_MAX_ATTEMPTS in all), so an outage delays it instead of losing it.
    After the last attempt the task fails and stays in the task table with its text.
    """
    to = [address for _name, address in settings.ADMINS]
    if not to:
        return 0
    message = EmailMultiAlternatives(subject=subject, body=body, to=to, from_email=settings.SERVER_EMAIL)
    try:
        return message.send()
    except (smtplib.SMTPException, OSError):
        backend = send_error_report.get_backend()
        if attempt >= settings.MAIL_MAX_ATTEMPTS or not backend.supports_defer:
            raise
        delay = min(settings.MAIL_RETRY_BASE_SECONDS * 2 ** (attempt - 1), 6 * 3600)
        logger.warning("error report not sent (attempt %d), retrying in %d s", attempt, delay, exc_info=True)
        send_error_report.using(run_after=timezone.now() + datetime.timedelta(seconds=delay)).enqueue(
            subject=subject, body=body, attempt=attempt + 1
        )
        return 0
