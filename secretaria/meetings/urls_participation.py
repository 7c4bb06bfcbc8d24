"""URLs of invitations, registration, participant lists and letters (inside the meetings namespace)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from secretaria.meetings import views_participation as v

urlpatterns = [
    path(_("invitation/<str:token>/"), v.invitation_respond, name="invitation_respond"),
    path(_("invitation/<str:token>/delegation/"), v.invitation_delegation, name="invitation_delegation"),
    path(_("registration/<str:token>/"), v.registration_form, name="registration_form"),
    path(_("registration/<str:token>/change/"), v.registration_edit, name="registration_edit"),
    path(_("<slug:slug>/participants/"), v.participants, name="participants"),
    path(_("<slug:slug>/participants/export.<str:fmt>"), v.participants_export, name="participants_export"),
    path(_("<slug:slug>/participants/badges.pdf"), v.participants_badges, name="participants_badges"),
    path(_("<slug:slug>/invitations/"), v.participation_manage, name="participation_manage"),
    path(_("<slug:slug>/invitations/remind/"), v.participation_remind, name="participation_remind"),
    path(_("<slug:slug>/invitations/send/"), v.participation_send_pending, name="participation_send_pending"),
    path(_("<slug:slug>/invitations/<int:pk>/"), v.invitation_detail, name="participation_invitation"),
    path(
        _("<slug:slug>/invitations/<int:pk>/accreditation/"),
        v.invitation_accreditation,
        name="participation_accreditation",
    ),
    path(_("<slug:slug>/registrations/<int:pk>/change/"), v.registration_manage_edit, name="registration_manage_edit"),
    path(
        _("<slug:slug>/registrations/<int:pk>/<str:action>/"),
        v.registration_action,
        name="participation_registration_action",
    ),
    path(_("<slug:slug>/letters/"), v.letters, name="letters"),
    path(_("<slug:slug>/letters/<int:pk>/"), v.letter_detail, name="letter_detail"),
    path(_("<slug:slug>/letters/<int:pk>/<int:rpk>.<str:fmt>"), v.letter_file, name="letter_file"),
    path(_("<slug:slug>/letters/<int:pk>/<int:rpk>/resend/"), v.letter_resend, name="letter_resend"),
    path(_("<slug:slug>/mail/"), v.mailing, name="mailing"),
]
