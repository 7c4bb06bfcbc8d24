"""Background work of the outreach app: the e-mails of an inquiry's thread (they carry
Message-ID, In-Reply-To and References, which core's plain e-mail task does not)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django_tasks import task


@task(queue_name="email")
def send_inquiry_email(*, subject: str, body: str, to: list[str], headers: dict[str, str]) -> int:
    reply_to = [settings.OUTREACH_INQUIRY_ADDRESS] if settings.OUTREACH_INQUIRY_ADDRESS else None
    return EmailMessage(subject=subject, body=body, to=to, reply_to=reply_to, headers=headers).send()


def queue_inquiry_email(*, subject: str, body: str, to: list[str], headers: dict[str, str]):
    return send_inquiry_email.enqueue(subject=str(subject), body=body, to=list(to), headers=dict(headers))
