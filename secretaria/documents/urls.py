from django.urls import path
from django.utils.translation import gettext_lazy as _

from secretaria.documents import views
from secretaria.documents.feeds import LatestDocumentsFeed

app_name = "documents"
urlpatterns = [
    path("", views.document_list, name="list"),
    path(_("members/"), views.members_list, name="members_list"),
    path(_("feed/"), LatestDocumentsFeed(), name="feed"),
    path(_("new/"), views.document_create, name="create"),
    path(_("manage/<int:pk>/edit/"), views.document_edit, name="edit"),
    path(_("manage/<int:pk>/files/"), views.document_upload, name="upload"),
    path(_("manage/<int:pk>/publish/"), views.document_publish, name="publish"),
    path(_("manage/<int:pk>/withdraw/"), views.document_withdraw, name="withdraw"),
    path(_("manage/<int:pk>/access/"), views.document_access, name="access"),
    path(_("manage/<int:pk>/delete/"), views.document_delete, name="delete"),
    path(_("file/<int:pk>/"), views.download, name="download"),
    path(_("revision/<int:pk>/"), views.download_revision, name="download_revision"),
    path(_("comments/<int:pk>/"), views.comment_add, name="comment_add"),
    path(_("comments/<int:pk>/delete/"), views.comment_delete, name="comment_delete"),
    path(_("comments/<int:pk>/hide/"), views.comment_hide, name="comment_hide"),
    # Last: the symbol contains slashes (CRM/ST/2004/12), so it takes the rest of the path.
    path("<path:symbol>/", views.document_detail, name="detail"),
]
