from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from secretaria.meetings import views

app_name = "meetings"
urlpatterns = [
    path("", views.meeting_list, name="list"),
    path(_("<slug:slug>/"), views.meeting_detail, name="detail"),
    path(_("<slug:slug>/services/"), include("secretaria.meetings.urls_contracts")),
    path("", include("secretaria.meetings.urls_participation")),
]
