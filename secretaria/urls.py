from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from secretaria.api import api, legacy_urlpatterns
from secretaria.comms import views as comms_views
from secretaria.core.admin import admin_login, admin_password_change, site_has_permission
from secretaria.meetings import urls as meetings_urls
from secretaria.portal import urls as portal_urls

admin.site.login = admin_login(admin.site.login)
admin.site.has_permission = site_has_permission  # Secretariat staff: the models they manage
admin.site.password_change = admin_password_change
admin.site.site_header = _("Secretaría Virtual — administration")
admin.site.site_title = _("Secretaría Virtual")

urlpatterns = [
    path("i18n/", include("django.conf.urls.i18n")),
    *legacy_urlpatterns,  # old API addresses, redirected for one release
    path("api/v1/", api.urls),
    path("admin/", admin.site.urls),
    path("ical/", include((meetings_urls.feed_urlpatterns, "meetings_feeds"))),
    # Outside the language prefixes: the one-click unsubscribe address must answer a POST directly.
    path("mail/unsubscribe/<str:token>/", comms_views.unsubscribe, name="comms_unsubscribe"),
    path("", include(portal_urls.root_urlpatterns)),
]

urlpatterns += i18n_patterns(
    path("accounts/", include("allauth.urls")),
    path(_("members/"), include((portal_urls.members_urlpatterns, "members"))),
    path(_("directory/"), include("secretaria.directory.urls")),
    path(_("meetings/"), include("secretaria.meetings.urls")),
    path(_("decisions/"), include("secretaria.decisions.urls")),
    path(_("documents/"), include("secretaria.documents.urls")),
    path(_("search/"), include("secretaria.search.urls")),
    path(_("forums/"), include("secretaria.forums.urls")),
    path(_("lists/"), include("secretaria.comms.urls")),
    path(_("outreach/"), include("secretaria.outreach.urls")),
    path(_("reserve-fund/"), include("secretaria.fund.urls")),
    path(_("photos-and-videos/"), include("secretaria.media.urls")),
    path(_("reports/"), include("secretaria.reports.urls")),
    path("", include("secretaria.portal.urls")),
    prefix_default_language=True,
)

handler400 = "secretaria.core.views.bad_request"
handler403 = "secretaria.core.views.permission_denied"
handler404 = "secretaria.core.views.page_not_found"
handler500 = "secretaria.core.views.server_error"
