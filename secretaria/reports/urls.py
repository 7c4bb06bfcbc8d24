from django.urls import path
from django.utils.translation import gettext_lazy as _

from secretaria.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.report_list, name="list"),
    path(_("platform-changes/"), views.platform_changes, name="platform"),
    path(_("platform-changes/<int:pk>/"), views.platform_changes, name="platform_edit"),
    path("editor-upload/", views.editor_upload, name="editor_upload"),
    path("<int:pk>/", views.report_detail, name="detail"),
    path(_("<int:pk>/sections/<str:key>/"), views.report_section, name="section"),
    path(_("<int:pk>/compare/"), views.report_compare, name="compare"),
    path("<int:pk>/<str:action>/", views.report_action, name="action"),
    path("<int:pk>/chart-<str:key>.<str:lang>.png", views.report_chart, name="chart"),
    path("<int:pk>/<str:lang>.<str:fmt>", views.report_download, name="download"),
]
