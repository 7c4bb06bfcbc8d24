"""Background work of the portal: indexing an item scheduled for later when its date comes."""

from django_tasks import task

from secretaria.portal.models import NewsItem, Page
from secretaria.search.services import index_object


@task()
def index_when_live(*, kind: str, pk: int) -> bool:
    """Index the page or news item if it is live now (it may have been changed or unpublished
    since it was scheduled: the index then follows what it is now). True when indexed."""

    # The search kinds of portal/search.py ("news", "page"); named here so the search module,
    # which schedules this task, is not imported back.
    model = NewsItem if kind == "news" else Page
    obj = model.objects.filter(pk=pk).first()
    if obj is None:
        return False
    return index_object(kind, obj) is not None
