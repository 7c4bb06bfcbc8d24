"""The Secretariat's pages: a gallery's editing page (captions, alt text, order, cover, access,
publication), subtitles and external links, and the storage used."""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from secretaria.core import access
from secretaria.files.filetypes import UploadRefused
from secretaria.media import owners, selectors, services
from secretaria.media.forms import AccessForm, ExternalForm, GalleryForm, ItemForm, SubtitleForm
from secretaria.media.models import Gallery, MediaItem
from secretaria.meetings.models import Meeting


def manager_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not access.can(request.user, "media.manage"):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


def _errors(exc: ValidationError) -> list[str]:
    return [str(m) for m in exc.messages]


@manager_required
def gallery_new(request):
    meeting = owner = None
    if slug := request.GET.get("meeting") or request.POST.get("meeting"):
        meeting = get_object_or_404(Meeting, slug=slug)
    if key := request.GET.get("owner") or request.POST.get("owner"):
        owner = owners.resolve(key)
        if owner is None:
            raise Http404
    form = GalleryForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            gallery = services.gallery_create(by=request.user, meeting=meeting, owner=owner, **form.cleaned_data)
        except ValidationError as exc:
            for message in _errors(exc):
                form.add_error(None, message)
        else:
            messages.success(request, _("Gallery created. Upload its photos and videos."))
            return redirect("media:manage", uid=gallery.uid)
    return render(
        request,
        "media/manage/gallery_new.html",
        {
            "form": form,
            "meeting": meeting,
            "owner": owner,
            "owner_key": request.GET.get("owner") or request.POST.get("owner"),
        },
    )


@manager_required
def gallery_manage(request, uid):
    gallery = get_object_or_404(Gallery.objects.select_related("meeting", "cover"), uid=uid)
    items = list(gallery.items.prefetch_related("files").order_by("position", "pk"))
    if request.method == "POST":
        return _gallery_post(request, gallery, items)
    for item in items:
        item.form = ItemForm(instance=item, prefix=f"i{item.pk}")
        item.subtitle_form = SubtitleForm(auto_id=f"sub{item.pk}-%s")
    return render(
        request,
        "media/manage/gallery.html",
        {
            "gallery": gallery,
            "items": items,
            "form": GalleryForm(instance=gallery),
            "access_form": AccessForm(
                initial={"access_level": gallery.access_level, "access_group": gallery.access_group}
            ),
            "item_access_choices": AccessForm().fields["access_level"].choices,
            "external_form": ExternalForm(),
            "missing_alt": services.missing_alt(gallery),
        },
    )


def _gallery_post(request, gallery: Gallery, items: list[MediaItem]):
    action = request.POST.get("action", "")
    back = redirect("media:manage", uid=gallery.uid)
    try:
        if action == "details":
            form = GalleryForm(request.POST, instance=gallery)
            if not form.is_valid():
                messages.error(request, _("Check the gallery's details."))
                return back
            services.gallery_update(gallery=gallery, by=request.user, **form.cleaned_data)
        elif action == "access":
            form = AccessForm(request.POST)
            if not form.is_valid():
                messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
                return back
            services.gallery_set_access(gallery=gallery, by=request.user, **form.cleaned_data)
        elif action == "publish":
            services.gallery_publish(gallery=gallery, by=request.user)
            messages.success(request, _("The gallery is published."))
            return back
        elif action == "unpublish":
            services.gallery_unpublish(gallery=gallery, by=request.user)
        elif action == "items":
            _save_items(request, gallery, items)
        elif action == "external":
            form = ExternalForm(request.POST)
            if not form.is_valid():
                messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
                return back
            data = form.cleaned_data
            services.external_add(gallery=gallery, url=data.pop("url"), by=request.user, **data)
        else:
            messages.error(request, _("Unknown action."))
            return back
    except ValidationError as exc:
        messages.error(request, " ".join(_errors(exc)))
        return back
    messages.success(request, _("Saved."))
    return back


def _save_items(request, gallery: Gallery, items: list[MediaItem]) -> None:
    """Captions, credits, alt text, access of every item; the order and the cover; deletions."""
    errors = []
    for item in items:
        if request.POST.get(f"i{item.pk}-delete"):
            services.item_delete(item=item, by=request.user)
            continue
        form = ItemForm(request.POST, instance=MediaItem.objects.get(pk=item.pk), prefix=f"i{item.pk}")
        if form.is_valid():
            services.item_update(item=form.instance, by=request.user, **{k: form.cleaned_data[k] for k in form.fields})
        else:
            errors.append(
                f"{item.original_name or item.caption}: " + " ".join(e for es in form.errors.values() for e in es)
            )
        level = request.POST.get(f"i{item.pk}-access_level")
        if level and level != item.access_level and level != "group":
            services.item_set_access(item=item, by=request.user, access_level=level)
    order = sorted(
        (int(v) if v.isdigit() else 10**6, item.uid)
        for item in items
        if (v := request.POST.get(f"i{item.pk}-position", ""))
    )
    if order:
        services.items_reorder(gallery=gallery, uids=[uid for _, uid in order], by=request.user)
    cover = request.POST.get("cover")
    if cover:
        chosen = gallery.items.filter(uid=cover).first() if cover != "none" else None
        services.gallery_set_cover(gallery=gallery, item=chosen, by=request.user)
    if errors:
        raise ValidationError(errors)


@manager_required
@require_POST
def subtitle_upload(request, uid):
    item = get_object_or_404(MediaItem.objects.select_related("gallery"), uid=uid)
    form = SubtitleForm(request.POST, request.FILES)
    if form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            services.subtitle_add(item=item, language=form.cleaned_data["language"], content=upload.read(),
                                  name=upload.name, by=request.user)  # fmt: skip
        except UploadRefused as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("Subtitles saved."))
    else:
        messages.error(request, " ".join(e for errs in form.errors.values() for e in errs))
    return redirect("media:manage", uid=item.gallery.uid)


@manager_required
def storage(request):
    return render(request, "media/manage/storage.html", {"usage": selectors.storage_used()})
