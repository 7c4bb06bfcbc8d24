"""Public portal views: home, pages, news, the feed, contact and images."""

import datetime

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.contrib.syndication.views import Feed
from django.core.cache import cache
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.core.paginator import Paginator
from django.http import FileResponse, Http404
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse_lazy
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET

from secretaria.core import access
from secretaria.core.audit import client_ip
from secretaria.core.dashboard import home_panels_for
from secretaria.core.tasks import queue_email
from secretaria.directory.models import Organization
from secretaria.directory.selectors import presidency_on
from secretaria.files.filetypes import UploadRefused
from secretaria.outreach.forms import InquiryForm, check_pow
from secretaria.outreach.selectors.inquiries import inquiry_count_since
from secretaria.outreach.services.inquiries import inquiry_receive
from secretaria.portal import selectors
from secretaria.portal.models import Image, Page

NEWS_PER_PAGE = 10
CONTACT_LIMIT = 5  # messages per address per hour
CONTACT_WINDOW = 3600


def deny(request):
    """Anonymous visitors go to the login page; signed-in people get a 403."""
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    raise PermissionDenied


def home(request):
    return render(
        request,
        "portal/home.html",
        {
            "intro": selectors.public_page("home"),
            "news": list(selectors.public_news()[:4]),
            "presidency": presidency_on(timezone.localdate()),
            "nav_pages": list(selectors.nav_pages()),
            "home_panels": home_panels_for(request),
        },
    )


def page_detail(request, slug):
    page = selectors.page_by_slug(Page.Site.PUBLIC, slug)
    if page is None or not page.is_live:
        raise Http404
    if slug == "home":
        return redirect("portal:home")
    return render(request, "portal/page_detail.html", {"page": page})


def news_list(request):
    paginator = Paginator(selectors.live_news(request.user), NEWS_PER_PAGE)
    news_page = paginator.get_page(request.GET.get("page"))
    return render(request, "portal/news_list.html", {"news_page": news_page, "news": news_page.object_list})


def news_detail(request, slug):
    item = selectors.news_by_slug(slug)
    if item is None or not item.is_live:
        raise Http404
    if not access.can_view_object(request.user, item):
        return deny(request)
    return render(
        request, "portal/news_detail.html", {"item": item, "related": selectors.news_related(item, request.user)}
    )


class NewsFeed(Feed):
    """Atom feed of the public news, in the language of the URL it is read from."""

    feed_type = Atom1Feed
    title = gettext_lazy("Regional Conference on Migration — news")
    subtitle = gettext_lazy("News from the Technical Secretariat of the Regional Conference on Migration")
    link = reverse_lazy("portal:news_list")

    def items(self):
        return selectors.public_news()[:20]

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary or item.body_html

    def item_pubdate(self, item):
        return item.publish_at

    def item_updateddate(self, item):
        return item.updated_at

    def item_link(self, item):
        return item.get_absolute_url()


news_feed = NewsFeed()


def _secretariat():
    return Organization.objects.filter(kind=Organization.Kind.SECRETARIAT).first()


def _contact_limited(request) -> bool:
    """Count a post from this address; True once it has posted too often this hour."""
    key = f"portal:contact:{client_ip(request) or 'unknown'}"
    cache.add(key, 0, CONTACT_WINDOW)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, CONTACT_WINDOW)
        count = 1
    return count > CONTACT_LIMIT


def _address_limited(email: str) -> bool:
    """More inquiries from this address in a day than settings.OUTREACH_INQUIRY_DAILY_LIMIT."""
    since = timezone.now() - datetime.timedelta(days=1)
    return inquiry_count_since(email=email, since=since) >= settings.OUTREACH_INQUIRY_DAILY_LIMIT


def contact(request):
    """The public contact form: every message becomes an inquiry with a reference (outreach app),
    acknowledged in the requester's language; the Secretariat gets a copy by e-mail."""
    initial = {"language": (request.LANGUAGE_CODE or "es")[:2]}
    form = InquiryForm(request.POST or None, request.FILES or None, initial=initial)
    status = 200
    if request.method == "POST":
        if _contact_limited(request):
            form.add_error(None, _("Too many messages from your connection. Please try again in an hour."))
            status = 429
        elif form.is_valid():
            if form.is_spam():
                # A bot filling the honeypot sees the same thanks and learns nothing.
                messages.success(request, _("Thank you. Your message has been sent to the Technical Secretariat."))
                return redirect("portal:contact")
            data = form.cleaned_data
            if not check_pow(request.POST):
                form.add_error(None, _("The anti-spam check did not complete (it needs JavaScript). Please send the "
                                       "form again, or write to the Secretariat by e-mail."))  # fmt: skip
                status = 400
            elif _address_limited(data["email"]):
                form.add_error("email", _("We have already received several messages from this address today. "
                                          "Please wait for our answer."))  # fmt: skip
                status = 429
            else:
                attachments = [(data["attachment"], data["attachment"].name)] if data.get("attachment") else []
                try:
                    inquiry = inquiry_receive(
                        name=data["name"], email=data["email"], organization_name=data["organization"],
                        country=data["country"], language=data["language"], subject=data["subject"],
                        text=data["message"], attachments=attachments,
                    )  # fmt: skip
                except UploadRefused as exc:
                    form.add_error("attachment", str(exc))
                    status = 400
                except ValidationError as exc:
                    form.add_error(None, " ".join(exc.messages))
                    status = 400
                else:
                    queue_email(
                        subject=_("[Web contact] %(subject)s") % {"subject": f"{inquiry.reference} {data['subject']}"},
                        body=render_to_string("portal/email/contact.txt", {
                            **data, "reference": inquiry.reference, "ip": client_ip(request)}),
                        to=[settings.SECRETARIAT_EMAIL],
                        reply_to=[data["email"]],
                    )  # fmt: skip
                    messages.success(request, _("Thank you. Your message has been sent to the Technical Secretariat. "
                                                "Its reference is %(reference)s.") % {"reference": inquiry.reference})  # fmt: skip
                    return redirect("portal:contact")
        else:
            status = 400 if form.errors else 200
    secretariat = _secretariat()
    context = {
        "form": form,
        "secretariat": secretariat,
        "can_edit_contact": secretariat is not None and access.can(request.user, "directory.manage"),
    }
    return render(request, "portal/contact.html", context, status=status)


@require_GET
def image(request, name):
    """Serve an uploaded picture. Images are public assets (see ``portal.models.Image``)."""
    picture = Image.objects.filter(file=f"portal/images/{name}").first()
    if picture is None or not default_storage.exists(picture.file.name):
        raise Http404
    response = FileResponse(picture.file.open("rb"))
    response["Cache-Control"] = "public, max-age=86400"
    return response
