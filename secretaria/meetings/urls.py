"""Pages of the meetings app (inside the language prefix), its contracted services, and the iCal feeds."""

from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from secretaria.meetings import views
from secretaria.meetings.views import contracts, delegations, invitations, letters, participants, registration

app_name = "meetings"

# A meeting's contracted services, included under meetings/<slug>/services/.
contracts_urlpatterns = [
    path("", contracts.service_list, name="services"),
    path(_("new/"), contracts.service_create, name="service_create"),
    path(_("financial-report.xlsx"), contracts.report_xlsx, name="services_report_xlsx"),
    path(_("financial-report.pdf"), contracts.report_pdf, name="services_report_pdf"),
    path("<int:pk>/", contracts.service_detail, name="service_detail"),
    path(_("<int:pk>/edit/"), contracts.service_edit, name="service_edit"),
    path(_("<int:pk>/status/"), contracts.service_status, name="service_status"),
    path(_("<int:pk>/files/"), contracts.service_file_upload, name="service_file_upload"),
]

# iCal feeds, outside the language prefix (calendar programs keep one fixed address):
# the project's urls.py includes them as ``include((feed_urlpatterns, "meetings_feeds"))``.
feed_urlpatterns = [
    path("meetings-<str:lang>.ics", views.public_feed, name="public"),
    path("my/<str:token>/meetings-<str:lang>.ics", views.personal_feed, name="personal"),
]

urlpatterns = [
    path("", views.meeting_list, name="list"),
    path(_("calendar/"), views.meeting_calendar, name="calendar"),
    path(_("calendar/my-feed/"), views.feed_settings, name="feed_settings"),
    path(_("calendar/my-feed/regenerate/"), views.feed_regenerate, name="feed_regenerate"),
    path(_("activity/"), views.activity_list, name="activity"),
    path(_("activity/new/"), views.activity_new, name="activity_new"),
    path(_("activity/<int:pk>/remove/"), views.activity_remove, name="activity_remove"),
    path(_("my-invitations/"), invitations.my_participation, name="my_participation"),
    path(_("agenda-comments/<str:token>/"), views.agenda_sponsor_comment, name="agenda_sponsor_comment"),
    path(_("new/"), views.meeting_edit, name="create"),
    path("<slug:slug>/", views.meeting_detail, name="detail"),
    path("<slug:slug>/ics/", views.meeting_ics, name="ics"),
    path(_("<slug:slug>/edit/"), views.meeting_edit, name="edit"),
    path(_("<slug:slug>/status/"), views.meeting_status, name="status"),
    path(_("<slug:slug>/documents/new/"), views.document_new, name="document_new"),
    path(_("<slug:slug>/documents/link/"), views.document_link, name="document_link"),
    path(_("<slug:slug>/documents/<int:pk>/unlink/"), views.document_unlink, name="document_unlink"),
    path(_("<slug:slug>/logistics/"), views.logistics, name="logistics"),
    path(_("<slug:slug>/logistics/edit/"), views.logistics_edit, name="logistics_edit"),
    path(_("<slug:slug>/agenda/"), views.agenda_versions, name="agenda"),
    path(_("<slug:slug>/agenda/new/"), views.agenda_start, name="agenda_start"),
    path(_("<slug:slug>/agenda/compare/"), views.agenda_compare, name="agenda_compare"),
    path(_("<slug:slug>/agenda/<int:pk>/"), views.agenda_version, name="agenda_version"),
    path(_("<slug:slug>/agenda/<int:pk>/do/<str:action>/"), views.agenda_action, name="agenda_action"),
    path(
        _("<slug:slug>/agenda/<int:pk>/check/<str:action>/"), views.agenda_send_preview, name="agenda_send_preview"
    ),  # fmt: skip
    path(_("<slug:slug>/agenda/<int:pk>/items/new/"), views.agenda_item_edit, name="agenda_item_add"),
    path(_("<slug:slug>/agenda/<int:pk>/items/<int:item_pk>/"), views.agenda_item_edit, name="agenda_item_edit"),
    path(
        _("<slug:slug>/agenda/<int:pk>/items/<int:item_pk>/delete/"),
        views.agenda_item_delete,
        name="agenda_item_delete",
    ),
    path(_("<slug:slug>/agenda/<int:pk>/comments/"), views.agenda_comment, name="agenda_comment"),
    path(_("<slug:slug>/agenda/<int:pk>/sponsor-link/"), views.agenda_sponsor_link, name="agenda_sponsor_link"),
    path(
        _("<slug:slug>/agenda/<int:pk>/comments/<int:comment_pk>/resolve/"),
        views.agenda_comment_resolve,
        name="agenda_comment_resolve",
    ),
    path(
        "<slug:slug>/agenda/<int:pk>/<str:fmt>/<str:lang>/",
        views.agenda_export,
        name="agenda_export",
    ),
    path(_("<slug:slug>/services/"), include(contracts_urlpatterns)),
    path(_("invitation/<str:token>/"), invitations.invitation_respond, name="invitation_respond"),
    path(_("invitation/<str:token>/delegation/"), delegations.invitation_delegation, name="invitation_delegation"),
    path(_("registration/<str:token>/"), registration.registration_form, name="registration_form"),
    path(_("registration/<str:token>/change/"), registration.registration_edit, name="registration_edit"),
    path(_("<slug:slug>/participants/"), participants.participants, name="participants"),
    path(_("<slug:slug>/participants/export.<str:fmt>"), participants.participants_export, name="participants_export"),
    path(_("<slug:slug>/participants/badges.pdf"), participants.participants_badges, name="participants_badges"),
    path(_("<slug:slug>/invitations/"), invitations.participation_manage, name="participation_manage"),
    path(_("<slug:slug>/invitations/remind/"), invitations.participation_remind, name="participation_remind"),
    path(_("<slug:slug>/invitations/send/"), invitations.participation_send_pending, name="participation_send_pending"),
    path(_("<slug:slug>/invitations/<int:pk>/"), invitations.invitation_detail, name="participation_invitation"),
    path(
        _("<slug:slug>/invitations/<int:pk>/accreditation/"),
        delegations.invitation_accreditation,
        name="participation_accreditation",
    ),
    path(
        _("<slug:slug>/registrations/<int:pk>/change/"),
        registration.registration_manage_edit,
        name="registration_manage_edit",
    ),
    path(
        _("<slug:slug>/registrations/<int:pk>/<str:action>/"),
        registration.registration_action,
        name="participation_registration_action",
    ),
    path(_("<slug:slug>/letters/"), letters.letters, name="letters"),
    path(_("<slug:slug>/letters/<int:pk>/"), letters.letter_detail, name="letter_detail"),
    path(_("<slug:slug>/letters/<int:pk>/<int:rpk>.<str:fmt>"), letters.letter_file, name="letter_file"),
    path(_("<slug:slug>/letters/<int:pk>/<int:rpk>/resend/"), letters.letter_resend, name="letter_resend"),
    path(_("<slug:slug>/mail/"), participants.mailing, name="mailing"),
]
