from django.urls import path

from secretaria.directory import views

app_name = "directory"
urlpatterns = [
    path("", views.country_list, name="countries"),
]
