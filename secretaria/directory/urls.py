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
    path(_("posts/<slug:slug>/edit/"), views.post_edit, name="post_edit"),
    path(_("groups/"), views.group_list, name="groups"),
    path(_("groups/<slug:slug>/"), views.group_detail, name="group"),
    # The members' who's who.
    path(_("people/"), views.people, name="people"),
    path(_("people/export.csv"), views.people_export, name="people_export"),
    path(_("people/new/"), views.person_edit, name="person_new"),
    path(_("people/posts/new/"), views.post_edit, name="post_new"),
    path(_("people/me/"), views.my_contact, name="my_contact"),
    path(_("people/updates/"), views.contact_updates, name="contact_updates"),
    path(_("people/<int:pk>/"), views.person_detail, name="person"),
    path(_("people/<int:pk>/vcard.vcf"), views.person_vcard, name="person_vcard"),
    path(_("people/<int:pk>/edit/"), views.person_edit, name="person_edit"),
    path(_("people/<int:pk>/posts/"), views.person_term, name="person_term"),
]
