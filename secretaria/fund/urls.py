from django.urls import path
from django.utils.translation import gettext_lazy as _

from secretaria.fund.views import cases, ledger, protocol, reports

app_name = "fund"
urlpatterns = [
    path("", cases.dashboard, name="dashboard"),
    path(_("cases/"), cases.case_list, name="cases"),
    path(_("cases/new/"), cases.case_new, name="case_new"),
    path(_("cases/<str:code>/"), cases.case_detail, name="case"),
    path(_("cases/<str:code>/edit/"), cases.case_edit, name="case_edit"),
    path(_("cases/<str:code>/reveal/"), cases.case_reveal, name="case_reveal"),
    path(_("cases/<str:code>/files/"), cases.attachment_upload, name="attachment_upload"),
    path(_("cases/<str:code>/files/<int:pk>/"), cases.attachment_download, name="attachment_download"),
    path(_("cases/<str:code>/step/<str:action>/"), cases.case_step, name="case_step"),
    path(_("ledger/"), ledger.ledger_page, name="ledger"),
    path(_("ledger/contributions/<int:pk>/receive/"), ledger.contribution_receive, name="contribution_receive"),
    path(_("ledger/statement/"), ledger.statement_page, name="statement"),
    path(_("statistics/"), reports.statistics_page, name="statistics"),
    path(_("settings/"), protocol.settings_page, name="settings"),
    path(_("access-log/"), protocol.access_log_page, name="access_log"),
]
