from django.urls import path
from django.utils.translation import gettext_lazy as _

from secretaria.directory import views

app_name = "directory"
urlpatterns = [
    path(_("countries/"), views.country_list, name="countries"),
    path(_("countries/<str:iso2>/"), views.country_detail, name="country"),
    path(_("organizations/"), views.organization_list, name="organizations"),
    path(_("presidency/"), views.presidency, name="presidency"),
    path(_("secretariat/"), views.secretariat, name="secretariat"),
    path(_("posts/<slug:slug>/"), views.post_detail, name="post"),
    path(_("groups/"), views.group_list, name="groups"),
    path(_("groups/<slug:slug>/"), views.group_detail, name="group"),
]
