"""URLs of a meeting's contracted services, included under meetings/<slug>/services/."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from secretaria.meetings import views_contracts as views

urlpatterns = [
    path("", views.service_list, name="services"),
    path(_("new/"), views.service_create, name="service_create"),
    path(_("financial-report.xlsx"), views.report_xlsx, name="services_report_xlsx"),
    path(_("financial-report.pdf"), views.report_pdf, name="services_report_pdf"),
    path("<int:pk>/", views.service_detail, name="service_detail"),
    path(_("<int:pk>/edit/"), views.service_edit, name="service_edit"),
    path(_("<int:pk>/status/"), views.service_status, name="service_status"),
    path(_("<int:pk>/files/"), views.service_file_upload, name="service_file_upload"),
]
