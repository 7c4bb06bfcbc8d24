"""Background work shared by every app: sending e-mail."""

from django.core.mail import EmailMultiAlternatives
from django_tasks import task


@task(queue_name="email")
def send_email(*, subject: str, body: str, to: list[str], html: str = "", reply_to: list[str] | None = None) -> int:
    message = EmailMultiAlternatives(subject=subject, body=body, to=to, reply_to=reply_to or None)
    if html:
        message.attach_alternative(html, "text/html")
    return message.send()


def queue_email(*, subject: str, body: str, to: list[str], html: str = "", reply_to: list[str] | None = None):
    """Send an e-mail through the background worker (immediately in tests)."""
    return send_email.enqueue(subject=str(subject), body=body, to=list(to), html=html, reply_to=reply_to)
