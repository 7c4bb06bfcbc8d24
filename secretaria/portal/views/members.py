"""The members' area: the dashboard, members' pages, and the Secretariat's editing tools."""

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from django.views.decorators.http import require_POST

from secretaria.core import access
from secretaria.core.dashboard import panels_for
from secretaria.core.richtext import render_markdown
from secretaria.core.views import members_only
from secretaria.portal import selectors, services
from secretaria.portal.forms import ImageUploadForm, NewsForm, PageForm
from secretaria.portal.models import NewsItem, Page


def managers_only(view):
    @wraps(view)
    @members_only
    def wrapper(request, *args, **kwargs):
        if not access.can(request.user, "portal.manage"):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


@members_only
def dashboard(request):
    user = request.user
    return render(
        request,
        "portal/dashboard.html",
        {
            "panels": panels_for(request),
            "role_label": user.get_role_display(),
            "country": user.country,
            "organization": user.organization,
            "is_current_ppt": access.is_current_ppt(user),
        },
    )


@members_only
def page_detail(request, slug):
    page = selectors.page_by_slug(Page.Site.MEMBERS, slug)
    manager = access.can(request.user, "portal.manage")
    if page is None or (not page.is_live and not manager):
        raise Http404
    if not access.can_view_object(request.user, page):
        raise PermissionDenied
    return render(request, "portal/page_detail.html", {"page": page, "members_area": True, "manager": manager})


# --- Management (Secretariat) ---------------------------------------------------------


@managers_only
def manage_pages(request):
    return render(request, "portal/manage/page_list.html", {"pages": selectors.pages_for_management()})


@managers_only
def manage_news(request):
    paginator = Paginator(selectors.news_for_management(), 25)
    news_page = paginator.get_page(request.GET.get("page"))
    return render(request, "portal/manage/news_list.html", {"news_page": news_page, "news": news_page.object_list})


def _preview(form) -> dict | None:
    """Render the bodies typed in the form, without saving, for the preview button."""
    if "preview" not in form.data:
        return None
    return {
        lang: {
            "title": form.data.get(f"title_{lang}", ""),
            "summary": form.data.get(f"summary_{lang}", ""),
            "body": render_markdown(form.data.get(f"body_{lang}", "")),
        }
        for lang in ("es", "en")
    }


def _edit(request, *, form_class, instance, create, update, template_kind, list_url):
    form = form_class(request.POST or None, instance=instance)
    preview = None
    if request.method == "POST":
        preview = _preview(form)
        if preview is None and form.is_valid():
            try:
                if instance is None:
                    obj = create(by=request.user, reason=form.cleaned_data.get("reason", ""), **form.content_data())
                    messages.success(request, _("Saved as a draft."))
                else:
                    obj = update(
                        instance, by=request.user, reason=form.cleaned_data.get("reason", ""), **form.content_data()
                    )
                    messages.success(request, _("Changes saved."))
            except ValidationError as error:
                form.add_error(None, error)
            else:
                return redirect(f"members:{template_kind}_edit", obj.pk)
        elif preview is not None:
            form.is_valid()  # show errors next to the preview too
    return render(
        request,
        "portal/manage/content_form.html",
        {
            "form": form,
            "object": instance,
            "preview": preview,
            "list_url": list_url,
            "list_label": _("Pages") if template_kind == "page" else _("News"),
            "heading_new": _("New page") if template_kind == "page" else _("New news item"),
            "publish_url": f"members:{template_kind}_publish",
            "history_url": f"members:{template_kind}_history",
            "images": selectors.images()[:12],
        },
    )


@dataclass(frozen=True)
class Editable:
    """What the editing views need to know of one kind of portal content (pages, news)."""

    kind: str
    model: type
    form_class: type
    create: Callable
    update: Callable
    publish: Callable
    unpublish: Callable
    list_url: str
    drafted: str
    scheduled: str
    published: str


PAGES = Editable(
    kind="page",
    model=Page,
    form_class=PageForm,
    create=services.page_create,
    update=lambda obj, **kw: services.page_update(page=obj, **kw),
    publish=lambda obj, by: services.page_publish(page=obj, by=by),
    unpublish=lambda obj, by: services.page_unpublish(page=obj, by=by),
    list_url="members:manage_pages",
    drafted=gettext_noop("The page is now a draft: only the Secretariat sees it."),
    scheduled=gettext_noop("The page will be published on its publication date."),
    published=gettext_noop("The page is published."),
)
NEWS = Editable(
    kind="news",
    model=NewsItem,
    form_class=NewsForm,
    create=services.news_create,
    update=lambda obj, **kw: services.news_update(item=obj, **kw),
    publish=lambda obj, by: services.news_publish(item=obj, by=by),
    unpublish=lambda obj, by: services.news_unpublish(item=obj, by=by),
    list_url="members:manage_news",
    drafted=gettext_noop("The news item is now a draft: only the Secretariat sees it."),
    scheduled=gettext_noop("The news item will be published on its publication date."),
    published=gettext_noop("The news item is published."),
)


def _content_new(request, what: Editable):
    return _edit(
        request,
        form_class=what.form_class,
        instance=None,
        create=what.create,
        update=None,
        template_kind=what.kind,
        list_url=what.list_url,
    )


def _content_edit(request, what: Editable, pk):
    return _edit(
        request,
        form_class=what.form_class,
        instance=get_object_or_404(what.model, pk=pk),
        create=None,
        update=what.update,
        template_kind=what.kind,
        list_url=what.list_url,
    )


def _content_publish(request, what: Editable, pk):
    obj = get_object_or_404(what.model, pk=pk)
    if request.POST.get("action") == "unpublish":
        what.unpublish(obj, request.user)
        messages.success(request, _(what.drafted))
    else:
        what.publish(obj, request.user)
        messages.success(request, _(what.scheduled) if obj.is_scheduled else _(what.published))
    return redirect(f"members:{what.kind}_edit", obj.pk)


def _content_history(request, what: Editable, pk):
    obj = get_object_or_404(what.model, pk=pk)
    return render(
        request,
        "portal/manage/history.html",
        {"object": obj, "versions": selectors.history_of(obj), "edit_url": f"members:{what.kind}_edit"},
    )


def _editing_views(what: Editable):
    """The create, edit, publish and history views of one kind of content."""

    @managers_only
    def create(request):
        return _content_new(request, what)

    @managers_only
    def edit(request, pk):
        return _content_edit(request, what, pk)

    @managers_only
    @require_POST
    def publish(request, pk):
        return _content_publish(request, what, pk)

    @managers_only
    def history(request, pk):
        return _content_history(request, what, pk)

    return create, edit, publish, history


page_create, page_edit, page_publish, page_history = _editing_views(PAGES)
news_create, news_edit, news_publish, news_history = _editing_views(NEWS)


@managers_only
def images(request):
    form = ImageUploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            picture = services.image_upload(
                file=form.cleaned_data["file"],
                alt_es=form.cleaned_data["alt_es"],
                alt_en=form.cleaned_data["alt_en"],
                by=request.user,
            )
        except ValidationError as error:
            form.add_error("file", error)
        else:
            messages.success(request, _("Picture uploaded. Copy its Markdown snippet into a text."))
            return redirect(f"{request.path}#image-{picture.pk}")
    paginator = Paginator(selectors.images(), 24)
    images_page = paginator.get_page(request.GET.get("page"))
    return render(
        request,
        "portal/manage/images.html",
        {"form": form, "images_page": images_page, "images": images_page.object_list},
    )
