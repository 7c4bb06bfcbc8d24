from django.urls import path
from django.utils.translation import gettext_lazy as _

from secretaria.media.views import manage, public, uploads

app_name = "media"

urlpatterns = [
    path("", public.gallery_list, name="galleries"),
    path("f/<uuid:uid>", public.serve, name="file"),
    path(_("galleries/<uuid:uid>/"), public.gallery, name="gallery"),
    path(_("items/<uuid:uid>/"), public.item, name="item"),
    path(_("new/"), manage.gallery_new, name="gallery_new"),
    path(_("storage/"), manage.storage, name="storage"),
    path(_("galleries/<uuid:uid>/manage/"), manage.gallery_manage, name="manage"),
    path(_("galleries/<uuid:uid>/upload"), uploads.upload, name="upload"),
    path(_("galleries/<uuid:uid>/uploads"), uploads.chunked_start, name="chunked_start"),
    path(_("uploads/<uuid:uid>"), uploads.chunked_part, name="chunked_part"),
    path(_("items/<uuid:uid>/subtitles"), manage.subtitle_upload, name="subtitle_upload"),
]
