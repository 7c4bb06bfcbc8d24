"""Background work of the portal: indexing an item scheduled for later when its date comes."""

from django_tasks import task


@task()
def index_when_live(*, kind: str, pk: int) -> bool:
    """Index the page or news item if it is live now (it may have been changed or unpublished
    since it was scheduled: the index then follows what it is now). True when indexed."""
    from secretaria.portal.models import NewsItem, Page
    from secretaria.portal.search import NEWS
    from secretaria.search.services import index_object

    model = NewsItem if kind == NEWS else Page
    obj = model.objects.filter(pk=pk).first()
    if obj is None:
        return False
    return index_object(kind, obj) is not None
