from django.urls import path
from django.utils.translation import gettext_lazy as _

from secretaria.decisions import views

app_name = "decisions"
urlpatterns = [
    path("", views.accountability_index, name="index"),
    path(_("conference/<slug:slug>/"), views.accountability, name="accountability"),
    path(_("matrix/"), views.matrix, name="matrix"),
    path(_("matrix/export.<str:fmt>"), views.matrix_export, name="matrix_export"),
    path(_("log/export.<str:fmt>"), views.log_export, name="log_export"),
    path(_("import/"), views.import_decisions, name="import"),
    path(_("letters/<slug:slug>/"), views.letters_for_meeting, name="letters"),
    path(_("letters/send/<int:pk>/"), views.letter_send, name="letter_send"),
    path(_("letters/<slug:slug>/send/"), views.letters_send_preview, name="letters_send_preview"),
    path(_("letters/<slug:slug>/send-all/"), views.letters_send_all, name="letters_send_all"),
    path(_("letters/file/<int:pk>.<str:fmt>"), views.letter_download, name="letter_download"),
    path(_("commitments/party/<int:pk>/"), views.party_update, name="party_update"),
    path(_("evidence/<int:pk>/"), views.evidence_file, name="evidence_file"),
    path("<int:pk>/", views.decision_detail, name="detail"),
    path(_("<int:pk>/edit/"), views.decision_edit, name="edit"),
    path(_("<int:pk>/commitments/new/"), views.commitment_add, name="commitment_add"),
]
