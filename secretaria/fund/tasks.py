"""Background work of the fund: the retention run (schedule it daily; see docs/admin)."""

from django_tasks import task

from secretaria.fund.retention import erase_due


@task()
def erase_expired_personal_data() -> int:
    return len(erase_due())
