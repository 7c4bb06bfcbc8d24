from django.urls import path

from secretaria.portal import views

app_name = "members"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
]
