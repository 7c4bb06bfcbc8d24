"""Background work of the decisions app: follow-up letters (with attachments) and reminders."""

from django_tasks import task

from secretaria.decisions.models import FollowUpLetter
from secretaria.decisions.reminders import overdue_digest_send, reminders_send
from secretaria.decisions.sending import letter_deliver


@task(queue_name="email")
def deliver_follow_up_letter(*, letter_id: int) -> int:
    letter = FollowUpLetter.objects.filter(pk=letter_id).select_related("meeting", "country", "created_by").first()
    if letter is None:
        return 0
    return letter_deliver(letter=letter)


@task()
def send_commitment_reminders() -> int:
    """Reminders of commitments falling due, then the overdue digest to the Secretariat."""
    return reminders_send() + overdue_digest_send()
