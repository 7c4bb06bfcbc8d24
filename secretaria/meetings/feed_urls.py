"""iCal feeds, outside the language prefix: calendar programs keep one fixed address."""

from django.urls import path

from secretaria.meetings import views

app_name = "meetings_feeds"
urlpatterns = [
    path("meetings-<str:lang>.ics", views.public_feed, name="public"),
    path("my/<str:token>/meetings-<str:lang>.ics", views.personal_feed, name="personal"),
]
