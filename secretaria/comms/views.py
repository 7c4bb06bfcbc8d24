"""Pages of the distribution lists. Thin: selectors read, services write, the access policy decides."""

from __future__ import annotations

from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Count
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from secretaria.comms import bulletins, forms, policy, selectors, services, tokens
from secretaria.comms.models import Bulletin, ListRule, MailingList, Message, Subscription
from secretaria.comms.sending import progress
from secretaria.core import access
from secretaria.directory.selectors import secretariat_organization

PAGE_SIZE = 50


def manager_required(view):
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not policy.can_manage(request.user):
            raise PermissionDenied(_("Only the Technical Secretariat manages distribution lists."))
        return view(request, *args, **kwargs)

    return wrapper


def _visible_list_or_404(request, slug) -> MailingList:
    lst = get_object_or_404(MailingList, slug=slug, is_active=True)
    if not access.can_view(request.user, lst.access_level, lst.access_group_id):
        raise Http404
    return lst


# --- Public ---------------------------------------------------------------------------------
def list_index(request):
    subscribed = set()
    if request.user.is_authenticated:
        subscribed = set(
            Subscription.objects.filter(user=request.user, status="active").values_list("mailing_list_id", flat=True)
        )
    return render(
        request,
        "comms/list_index.html",
        {"lists": selectors.lists_visible_to(request.user), "subscribed": subscribed},
    )


def subscribe(request, slug):
    lst = _visible_list_or_404(request, slug)
    if request.user.is_authenticated:
        if request.method == "POST":
            form = forms.PreferencesForm(request.POST)
            if form.is_valid():
                services.user_subscribe(user=request.user, mailing_list=lst, **form.cleaned_data)  # may refuse: 403
                messages.success(request, _("You are subscribed to “%(list)s”.") % {"list": lst.name})
                return redirect("comms:my_subscriptions")
        else:
            form = forms.PreferencesForm(initial={"language": request.user.preferred_language, "rhythm": "each"})
        return render(request, "comms/subscribe.html", {"list": lst, "form": form, "member": True})
    if not (lst.is_public and lst.allow_self_subscribe):
        return redirect_to_login(request.get_full_path())
    if request.method == "POST":
        form = forms.SubscribeForm(request.POST)
        if form.is_valid():
            services.subscription_request(mailing_list=lst, **form.cleaned_data)
            return render(request, "comms/subscribe_sent.html", {"list": lst, "email": form.cleaned_data["email"]})
    else:
        form = forms.SubscribeForm(initial={"language": translation.get_language()[:2]})
    return render(request, "comms/subscribe.html", {"list": lst, "form": form})


def confirm(request, token):
    sub = tokens.subscription_from_confirm_token(token)
    if sub is None:
        return render(request, "comms/link_invalid.html", status=404)
    if request.method == "POST":
        services.subscription_confirm(subscription=sub)
        return render(request, "comms/confirmed.html", {"subscription": sub, "token": tokens.manage_token(sub)})
    # A GET only shows a button: link scanners of mail providers must not confirm on their own.
    return render(request, "comms/confirm.html", {"subscription": sub})


def preferences(request, token):
    sub = tokens.subscription_from_manage_token(token)
    if sub is None:
        return render(request, "comms/link_invalid.html", status=404)
    if request.method == "POST":
        form = forms.PreferencesForm(request.POST)
        if form.is_valid():
            services.subscription_set_preferences(subscription=sub, **form.cleaned_data)
            if sub.status == Subscription.Status.UNSUBSCRIBED:
                services.subscription_confirm(subscription=sub)
            messages.success(request, _("Your preferences are saved."))
            with translation.override(sub.language):
                return redirect(services.preferences_url(sub))
    else:
        form = forms.PreferencesForm(initial={"language": sub.language, "rhythm": sub.rhythm})
    return render(
        request,
        "comms/preferences.html",
        {"subscription": sub, "form": form, "unsubscribe_url": services.unsubscribe_url(sub)},
    )


@csrf_exempt  # RFC 8058: the mailbox provider POSTs here with no session and no CSRF token
def unsubscribe(request, token):
    """GET shows a confirmation button; POST (the button, or a one-click client) unsubscribes."""
    sub = tokens.subscription_from_manage_token(token)
    if sub is None:
        with translation.override(request.LANGUAGE_CODE):
            return render(request, "comms/link_invalid.html", status=404)
    with translation.override(sub.language):
        request.LANGUAGE_CODE = sub.language
        if request.method == "POST":
            one_click = request.POST.get("List-Unsubscribe") == "One-Click"
            services.subscription_unsubscribe(subscription=sub, how="one-click" if one_click else "link")
            return render(
                request,
                "comms/unsubscribed.html",
                {"subscription": sub, "preferences_url": services.preferences_url(sub)},
            )
        if request.method != "GET":
            return render(request, "comms/link_invalid.html", status=405)
        return render(request, "comms/unsubscribe.html", {"subscription": sub})


def archive(request, slug):
    lst = _visible_list_or_404(request, slug)
    query = request.GET.get("q", "").strip()[:200]
    page = Paginator(selectors.archive_messages(request.user, lst, query), 25).get_page(request.GET.get("page"))
    mine = (
        selectors.user_subscriptions(request.user).filter(mailing_list=lst).first()
        if request.user.is_authenticated
        else None
    )
    required = policy.required_reason(mine, contact_email=_secretariat_email()) if mine else ""
    return render(
        request,
        "comms/archive.html",
        {"list": lst, "page": page, "query": query, "subscription": mine, "required_reason": required},
    )


def _secretariat_email() -> str:
    secretariat = secretariat_organization()
    return secretariat.email if secretariat else ""


def archive_message(request, slug, pk):
    # A missing message and one the reader may not see answer alike (anonymous: sign in; else 404).
    message = (
        Message.objects.select_related("mailing_list")
        .filter(pk=pk, mailing_list__slug=slug, mailing_list__is_active=True)
        .first()
    )
    if (
        message is None
        or message.kind not in ("item", "announcement", "bulletin")
        or not policy.can_read_message(request.user, message)
    ):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise Http404
    return render(request, "comms/archive_message.html", {"message": message, "list": message.mailing_list})


def bulletin_index(request):
    page = Paginator(selectors.bulletins_visible_to(request.user), 25).get_page(request.GET.get("page"))
    return render(request, "comms/bulletin_index.html", {"page": page})


def bulletin_detail(request, pk):
    # A missing, unsent or restricted bulletin answer alike (anonymous: sign in; else 404).
    bulletin = Bulletin.objects.filter(pk=pk).first()
    if (
        bulletin is None
        or (bulletin.status != Bulletin.Status.SENT and not policy.can_manage(request.user))
        or not access.can_view(request.user, bulletin.access_level)
    ):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise Http404
    return render(request, "comms/bulletin_detail.html", {"bulletin": bulletin})


# --- Members' area ----------------------------------------------------------------------------
def my_subscriptions(request):
    if not access.can(request.user, "members_area.enter"):
        return redirect_to_login(request.get_full_path())
    subs = list(selectors.user_subscriptions(request.user))
    subscribed_ids = {s.mailing_list_id for s in subs}
    others = [
        lst
        for lst in selectors.lists_visible_to(request.user)
        if lst.pk not in subscribed_ids and lst.allow_self_subscribe
    ]
    contact = _secretariat_email()
    rows = [
        (s, forms.PreferencesForm(initial={"language": s.language, "rhythm": s.rhythm}, prefix=f"s{s.pk}"))
        for s in subs
    ]
    for sub in subs:
        sub.required_reason = policy.required_reason(sub, contact_email=contact)
    return render(request, "comms/my_subscriptions.html", {"rows": rows, "others": others})


@require_POST
def my_subscription_update(request, pk):
    if not request.user.is_authenticated:
        return redirect_to_login(request.get_full_path())
    sub = get_object_or_404(Subscription, pk=pk, user=request.user)
    action = request.POST.get("action")
    if action == "leave":
        try:
            services.subscription_leave(subscription=sub)
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("You have left “%(list)s”.") % {"list": sub.mailing_list.name})
    elif action == "rejoin":
        try:
            services.user_subscribe(
                user=request.user, mailing_list=sub.mailing_list, language=sub.language, rhythm=sub.rhythm
            )
        except PermissionDenied as exc:
            messages.error(request, str(exc))
        else:
            messages.success(request, _("You are subscribed to “%(list)s”.") % {"list": sub.mailing_list.name})
    else:
        form = forms.PreferencesForm(request.POST, prefix=f"s{sub.pk}")
        if form.is_valid():
            services.subscription_set_preferences(subscription=sub, **form.cleaned_data)
            messages.success(request, _("Your preferences are saved."))
        else:
            messages.error(request, _("Choose a language and a rhythm from the lists."))
    return redirect("comms:my_subscriptions")


# --- The Secretariat --------------------------------------------------------------------------
@manager_required
def manage_lists(request):
    return render(request, "comms/manage/lists.html", {"lists": selectors.lists_for_manage()})


@manager_required
def list_edit(request, pk=None):
    instance = get_object_or_404(MailingList, pk=pk) if pk else None
    form = forms.MailingListForm(request.POST or None, instance=instance)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            data = form.cleaned_data
            if instance is None:
                lst = services.mailing_list_create(by=request.user, **data)
            else:
                lst = services.mailing_list_update(by=request.user, mailing_list=instance, **data)
            counts = services.subscriptions_sync(mailing_list=lst)
        messages.success(request, _("List saved; %(added)s members subscribed automatically.") % counts)
        return redirect("comms:manage_list", pk=lst.pk)
    return render(
        request, "comms/manage/form.html", {"form": form, "title": _("Distribution list"), "back": "comms:manage_lists"}
    )


@manager_required
def manage_list(request, pk):
    lst = get_object_or_404(MailingList, pk=pk)
    by_status = lst.subscriptions.values_list("status").annotate(n=Count("pk")).values_list("status", "n")
    counts = {Subscription.Status(status).label: n for status, n in by_status}
    return render(
        request,
        "comms/manage/list_detail.html",
        {
            "list": lst,
            "rules": selectors.rules_for_manage(lst),
            "counts": counts,
            "messages_": selectors.messages_for_manage(lst)[:20],
            "rule_form": forms.ListRuleForm(),
        },
    )


@manager_required
@require_POST
def rule_create(request, pk):
    lst = get_object_or_404(MailingList, pk=pk)
    form = forms.ListRuleForm(request.POST)
    if form.is_valid():
        rule = form.save(commit=False)
        services.list_rule_create(
            by=request.user,
            mailing_list=lst,
            event_kind=rule.event_kind,
            doc_type=rule.doc_type,
            group=rule.group,
            topic=rule.topic,
            meeting_id=rule.meeting_id,
        )
        messages.success(request, _("Rule added."))
    else:
        messages.error(request, _("The rule was not added: %(errors)s") % {"errors": form.errors.as_text()})
    return redirect("comms:manage_list", pk=lst.pk)


@manager_required
@require_POST
def rule_delete(request, pk):
    rule = get_object_or_404(ListRule, pk=pk)
    list_pk = rule.mailing_list_id
    services.list_rule_delete(by=request.user, rule=rule)
    messages.success(request, _("Rule removed."))
    return redirect("comms:manage_list", pk=list_pk)


@manager_required
def announcement_create(request, pk):
    lst = get_object_or_404(MailingList, pk=pk)
    form = forms.AnnouncementForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            message = services.announcement_publish(mailing_list=lst, by=request.user, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The message is queued for sending."))
            return redirect("comms:message", pk=message.pk)
    return render(
        request,
        "comms/manage/form.html",
        {"form": form, "title": _("New message to “%(list)s”") % {"list": lst.name}, "back": "comms:manage_lists"},
    )


@manager_required
def message_detail(request, pk):
    message = get_object_or_404(Message.objects.select_related("mailing_list"), pk=pk)
    stats = progress(message)
    if request.GET.get("format") == "json":
        return JsonResponse(stats)
    return render(request, "comms/manage/message.html", {"message": message, "progress": stats})


@manager_required
def manage_messages(request):
    page = Paginator(selectors.messages_for_manage(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "comms/manage/messages.html", {"page": page})


@manager_required
def delivery_log(request):
    form = forms.DeliveryFilterForm(request.GET or None)
    filters = form.cleaned_data if form.is_bound and form.is_valid() else {}
    qs = selectors.delivery_log(**{k: v for k, v in filters.items() if v})
    page = Paginator(qs, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(request, "comms/manage/deliveries.html", {"form": form, "page": page, "query": query.urlencode()})


@manager_required
def bounce_log(request):
    page = Paginator(selectors.bounces(), PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "comms/manage/bounces.html", {"page": page})


@manager_required
@require_POST
def subscription_reenable(request, pk):
    subscription = get_object_or_404(Subscription, pk=pk)
    try:
        services.subscription_reenable(subscription=subscription, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
    else:
        messages.success(request, _("%(email)s receives the list again.") % {"email": subscription.address})
    return redirect("comms:bounces")


@manager_required
def manage_bulletins(request):
    form = forms.BulletinDraftForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        bulletin = bulletins.bulletin_draft(by=request.user, **form.cleaned_data)
        messages.success(request, _("The bulletin is drafted; read and edit it before sending."))
        return redirect("comms:bulletin_edit", pk=bulletin.pk)
    return render(
        request,
        "comms/manage/bulletins.html",
        {"form": form, "bulletins": Bulletin.objects.select_related("mailing_list")[:50]},
    )


@manager_required
def bulletin_edit(request, pk):
    bulletin = get_object_or_404(Bulletin, pk=pk)
    form = forms.BulletinForm(request.POST or None, instance=bulletin)
    send_form = forms.BulletinSendForm()
    if request.method == "POST" and bulletin.status == Bulletin.Status.DRAFT and form.is_valid():
        form.save()
        messages.success(request, _("Bulletin saved."))
        return redirect("comms:bulletin_edit", pk=bulletin.pk)
    return render(
        request, "comms/manage/bulletin_edit.html", {"bulletin": bulletin, "form": form, "send_form": send_form}
    )


@manager_required
@require_POST
def bulletin_send(request, pk):
    bulletin = get_object_or_404(Bulletin, pk=pk)
    form = forms.BulletinSendForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a list."))
        return redirect("comms:bulletin_edit", pk=pk)
    mailing_list = form.cleaned_data["mailing_list"]
    if request.POST.get("confirm") != "1":
        # First the check: how many receive it, in which language, and how one of them reads it.
        try:
            preview = bulletins.bulletin_send_preview(
                bulletin=bulletin, mailing_list=mailing_list, by=request.user, shown_id=request.POST.get("to")
            )
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
            return redirect("comms:bulletin_edit", pk=pk)
        return render(
            request,
            "comms/manage/bulletin_send_preview.html",
            {"bulletin": bulletin, "mailing_list": mailing_list, "preview": preview,
             "choices": preview.recipients[:100]},
        )  # fmt: skip
    try:
        message = bulletins.bulletin_send(bulletin=bulletin, mailing_list=mailing_list, by=request.user)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("comms:bulletin_edit", pk=pk)
    messages.success(request, _("The bulletin is queued for sending."))
    return redirect("comms:message", pk=message.pk)
