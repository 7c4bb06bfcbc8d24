"""The sections the reports app writes from the records on its own: the introduction (personnel
changes from the directory's post terms), section A (the Secretariat's support, grouped by
follow-up and by meeting, from the activity record) and section C (the Secretariat's list of
platform changes, the bulletins sent and the lists created). The financial annex is in
``finance``. Each returns a ``sections.Section`` whose paragraph keys are stable."""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.utils import timezone

from secretaria.activity.models import Activity
from secretaria.activity.selectors import activities_between
from secretaria.comms.models import Bulletin
from secretaria.core.i18n import date_range_text, date_text
from secretaria.directory.models import Term
from secretaria.meetings.letters import join_names, sponsors_text
from secretaria.meetings.models import ContractedService, Meeting
from secretaria.reports import finance, fund, outreach
from secretaria.reports.models import PlatformChange
from secretaria.reports.sections import Paragraph, Period, Section, register_section

K = Activity.Kind
MONTHS = {
    "es": ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
           "noviembre", "diciembre"],
    "en": ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"],
}  # fmt: skip
# The organisations whose staff changes the introduction tells (the Secretariat and IOM).
INTRO_ORGS = {"ST", "ST-CRM", "RCM-TS", "OIM", "IOM"}


def month_year(day: datetime.date, lang: str) -> str:
    return (
        f"{MONTHS[lang][day.month - 1]} de {day.year}" if lang == "es" else f"{MONTHS[lang][day.month - 1]} {day.year}"
    )


def period_text(period: Period, lang: str) -> str:
    """ "mayo-noviembre de 2004" / "May–November 2004"."""
    start, end = period.start, period.end
    if start.year == end.year:
        a, b = MONTHS[lang][start.month - 1], MONTHS[lang][end.month - 1]
        return f"{a}-{b} de {end.year}" if lang == "es" else f"{a}–{b} {end.year}"
    return f"{month_year(start, lang)} – {month_year(end, lang)}"


def part_of_month(day: datetime.date, lang: str) -> str:
    """ "a finales de julio de 2004" / "at the end of July 2004"."""
    if lang == "es":
        part = "a principios de" if day.day <= 10 else "a mediados de" if day.day <= 20 else "a finales de"
        return f"{part} {month_year(day, lang)}"
    part = "at the beginning of" if day.day <= 10 else "in mid" if day.day <= 20 else "at the end of"
    return f"{part}-{month_year(day, lang)}" if part == "in mid" else f"{part} {month_year(day, lang)}"


def _name(person, lang: str) -> str:
    honorific = (person.honorific or "").strip()
    if lang == "en" and honorific in ("Sr.", "Sra."):
        honorific = {"Sr.": "Mr", "Sra.": "Ms"}[honorific]
    return f"{honorific} {person.given_name} {person.family_name}".strip()


def _the(person) -> str:
    return "la" if getattr(person, "gender", "") == "female" else "el"


# --- Introduction -----------------------------------------------------------------------------
def introduction(period: Period) -> Section:
    terms = list(
        Term.objects.select_related("post__organization", "person")
        .filter(end__gte=period.start, end__lte=period.end)
        .order_by("end", "pk")
    )
    section = Section("introduction", "Introducción", "Introduction")
    changes = []
    for term in terms:
        org = term.post.organization
        if org is None or not {(org.acronym_es or "").upper(), (org.acronym_en or "").upper()} & INTRO_ORGS:
            continue
        successor = (
            Term.objects.select_related("person")
            .filter(post=term.post, start__gt=term.end - datetime.timedelta(days=1))
            .order_by("start")
            .first()
        )
        post_es, post_en = term.post.title_es, term.post.title_en or term.post.title_es
        es = f"En {month_year(term.end, 'es')}, {_the(term.person)} {_name(term.person, 'es')} dejó el cargo de {post_es}"
        en = f"In {month_year(term.end, 'en')}, {_name(term.person, 'en')} left the post of {post_en}"
        if successor is not None:
            es += f"; le sucedió {part_of_month(successor.start, 'es')} {_the(successor.person)} {_name(successor.person, 'es')}"
            en += f"; {_name(successor.person, 'en')} succeeded {part_of_month(successor.start, 'en')}"
            changes.append({"post": term.post.slug, "left": str(term.person), "successor": str(successor.person),
                            "end": term.end.isoformat(), "start": successor.start.isoformat()})  # fmt: skip
        else:
            changes.append({"post": term.post.slug, "left": str(term.person), "end": term.end.isoformat()})
        section.paragraphs.append(Paragraph(f"intro.term.{term.pk}", es + ".", en + ".", style="text"))
    section.paragraphs.append(
        Paragraph(
            "intro.summary",
            f"El presente informe resume las actividades que la Secretaría Técnica ha realizado durante el "
            f"período {period_text(period, 'es')}.",
            f"This report summarises the activities of the Technical Secretariat during the period "
            f"{period_text(period, 'en')}.",
            style="text",
        )
    )
    section.data = {"personnel_changes": changes}
    return section


# --- Section A: support to the meetings -------------------------------------------------------
STATUS_KINDS = {K.MEETING_CREATED, K.MEETING_STATUS_CHANGED, K.INVITATIONS_SENT, K.REGISTRATION_OPENED,
                K.REPORT_PUBLISHED}  # fmt: skip
MANUAL = {K.MODERATION, K.IT_SUPPORT, K.COORDINATION, K.MISSION, K.OTHER}
SERVICE_NAMES = {
    "interpretation": ("interpretación", "interpretation"),
    "translation": ("traducción", "translation"),
    "audio_visual": ("equipo audiovisual", "audio-visual equipment"),
    "it_support": ("apoyo informático", "IT support"),
    "venue": ("sede", "venue"),
    "catering": ("alimentación", "catering"),
    "travel": ("viajes", "travel"),
    "other": ("otros servicios", "other services"),
}


def _tail(text: str) -> str:
    """A summary without its "Meeting title: " prefix, as a sentence."""
    head, sep, tail = text.partition(": ")
    text = tail if sep and len(head) < 200 else text
    text = text.strip()
    return (text[:1].upper() + text[1:]).rstrip(".") + "." if text else ""


def _meeting_bullets(meetings: list[Meeting], entries: list[Activity], meeting_ct: int, key: str):
    """One bullet per kind of step the Secretariat took for a group of meetings, in the seed's order."""
    by_kind = defaultdict(list)
    for a in entries:
        if a.kind in STATUS_KINDS and a.content_type_id == meeting_ct:
            continue  # a status change is not a step of the report
        by_kind[a.kind].append(a)
    bullets = []

    def add(name, es, en):
        bullets.append(Paragraph(f"{key}.{name}", es, en))

    sponsors = [m for m in meetings if m.sponsor_countries.exists()]
    if by_kind[K.AGENDA_SENT_FOR_COMMENT] and sponsors:
        add("agenda-sponsors", "Colaboración con los países patrocinadores en la elaboración de la agenda.",
            "Work with the sponsor countries on the agenda.")  # fmt: skip
    for a in by_kind[K.EMAIL_SENT]:
        add(f"email.{a.pk}", "Comunicaciones preliminares a los participantes: " + _tail(a.summary_es),
            "Preliminary communications to the participants: " + _tail(a.summary_en))  # fmt: skip
    if by_kind[K.INVITATIONS_SENT] or by_kind[K.LOGISTICS_PUBLISHED]:
        add("invitations", "Preparación de la invitación e información logística y envío de las mismas a los "
            "participantes (ponentes, representantes de gobiernos, organizaciones observadoras y de la sociedad civil).",
            "Invitations and logistics information prepared and sent to the participants (speakers, government "
            "representatives, observer organisations and civil society).")  # fmt: skip
    for a in by_kind[K.MISSION] + by_kind[K.COORDINATION]:
        add(f"manual.{a.pk}", _tail(a.summary_es), _tail(a.summary_en))
    approved = {a.summary_es for a in by_kind[K.AGENDA_APPROVED] + by_kind[K.AGENDA_SUBMITTED]}
    if approved:
        annotated = any("anotada" in s for s in approved)
        add("agenda-ppt",
            "Preparación para la aprobación de la Presidencia Pro-Témpore de las agendas preliminares"
            + (" y anotadas." if annotated else "."),
            "Preliminary" + (" and annotated" if annotated else "") + " agendas prepared for the approval of the "
            "Pro-Tempore Presidency.")  # fmt: skip
    if by_kind[K.SERVICE_CONTRACTED] or by_kind[K.SERVICE_PAID]:
        kinds = set(
            ContractedService.objects.filter(meeting__in=meetings)
            .exclude(status__in=[ContractedService.Status.QUOTED, ContractedService.Status.CANCELLED])
            .values_list("kind", flat=True)
        )
        order = list(SERVICE_NAMES)
        kinds = sorted(kinds, key=order.index)
        es = join_names([SERVICE_NAMES[k][0] for k in kinds], "es")
        en = join_names([SERVICE_NAMES[k][1] for k in kinds], "en")
        add("services", f"Negociación, contratación y financiamiento de los servicios de {es}.",
            f"Negotiation, contracting and financing of the services of {en}.")  # fmt: skip
    documents = [a for a in by_kind[K.DOCUMENT_PUBLISHED] if "INF." not in a.summary_es]
    if documents:
        add("documents", "Publicación, en la Secretaría Virtual, de documentos de trabajo e información "
            "administrativo/logística.", "Working documents and administrative and logistics information published "
            "on the Virtual Secretariat.")  # fmt: skip
    for kind in (K.MODERATION, K.IT_SUPPORT, K.OTHER):
        for a in by_kind[kind]:
            add(f"manual.{a.pk}", _tail(a.summary_es), _tail(a.summary_en))
    for a in by_kind[K.LETTER_SENT]:
        add(f"letter.{a.pk}", _tail(a.summary_es), _tail(a.summary_en))
    if [a for a in by_kind[K.DOCUMENT_PUBLISHED] if "INF." in a.summary_es]:
        add("reports", "Preparación de los informes de actividades y financieros respectivos.",
            "The corresponding activity and financial reports prepared.")  # fmt: skip
    return bullets


def _groups(meetings: list[Meeting]) -> list[list[Meeting]]:
    """Meetings held together (same city, within three days) are told together, as the seed does."""
    groups: list[list[Meeting]] = []
    for m in sorted(meetings, key=lambda m: (m.start_date, m.pk)):
        last = groups[-1] if groups else None
        if last and last[-1].city == m.city and (m.start_date - max(x.end_date for x in last)).days <= 3:
            last.append(m)
        else:
            groups.append([m])
    return groups


def _group_heading(group: list[Meeting], lang: str) -> str:
    titles = join_names([(m.title_en or m.title_es) if lang == "en" else m.title_es for m in group], lang)
    first = group[0]
    sponsored = sponsors_text(first, lang) if len(group) == 1 else ""
    when = date_range_text(first.start_date, max(m.end_date for m in group), lang)
    city = first.city_in(lang)
    if sponsored:
        titles += f" ({'patrocinado por' if lang == 'es' else 'sponsored by'} {sponsored})"
    return f"{titles}, {city}, {when}"


def support(period: Period) -> Section:
    entries = list(activities_between(period.start, period.end).filter(meeting__isnull=False))
    meeting_ct = ContentType.objects.get_for_model(Meeting).pk
    by_meeting = defaultdict(list)
    for a in entries:
        by_meeting[a.meeting_id].append(a)
    meetings = {m.pk: m for m in Meeting.objects.filter(pk__in=by_meeting).prefetch_related("sponsor_countries")}
    section = Section(
        "support", "A. Provisión de apoyo técnico, financiero, de coordinación y logístico",
        "A. Technical, financial, coordination and logistic support",
    )  # fmt: skip
    follow_up = [m for m in meetings.values() if any(a.kind == K.FOLLOW_UP_SENT for a in by_meeting[m.pk])]
    for m in sorted(follow_up, key=lambda m: m.start_date):
        key = f"followup.{m.slug}"
        section.paragraphs.append(Paragraph(key, f"Seguimiento de decisiones emanadas de la {m.title_es}",
                                            f"Follow-up of the decisions of the {m.title_en or m.title_es}",
                                            style="heading"))  # fmt: skip
        sent = sorted(a.occurred_at for a in by_meeting[m.pk] if a.kind == K.FOLLOW_UP_SENT)
        day = timezone.localtime(sent[0]).date()
        section.paragraphs.append(Paragraph(
            f"{key}.letter",
            "A petición de la Presidencia Pro-Témpore, se preparó documentación detallada para dar seguimiento a "
            f"los compromisos acordados en la {m.title_es}. La carta de seguimiento fue enviada a los países "
            f"miembros el {date_text(day, 'es')}.",
            f"At the request of the Pro-Tempore Presidency, detailed documentation was prepared to follow up the "
            f"commitments of the {m.title_en or m.title_es}. The follow-up letter was sent to the member countries "
            f"on {date_text(day, 'en')}.",
        ))  # fmt: skip
        for a in by_meeting[m.pk]:
            if a.kind in MANUAL:
                section.paragraphs.append(Paragraph(f"{key}.manual.{a.pk}", _tail(a.summary_es), _tail(a.summary_en)))
    others = [m for m in meetings.values() if m not in follow_up]
    for group in _groups(others):
        group_entries = [a for m in group for a in by_meeting[m.pk]]
        key = "meeting." + "+".join(m.slug for m in group)
        bullets = _meeting_bullets(group, group_entries, meeting_ct, key)
        if not bullets:
            continue
        section.paragraphs.append(Paragraph(key, _group_heading(group, "es"), _group_heading(group, "en"),
                                            style="heading"))  # fmt: skip
        section.paragraphs.extend(bullets)
    section.data = {"activities": len(entries), "meetings": sorted(m.slug for m in meetings.values())}
    return section


# --- Section C: the Virtual Secretariat ---------------------------------------------------------
def platform(period: Period) -> Section | None:
    section = Section(
        "platform", "C. Mejoras a la Secretaría Virtual (SV)", "C. Improvements to the Virtual Secretariat (VS)"
    )
    changes = PlatformChange.objects.filter(recorded_on__range=(period.start, period.end))
    for change in changes:
        key = f"platform.{change.pk}"
        section.paragraphs.append(Paragraph(key, change.title_es, change.title_en or change.title_es, style="heading"))
        lines_es = [line.strip() for line in change.body_es.splitlines() if line.strip()]
        lines_en = [line.strip() for line in (change.body_en or change.body_es).splitlines() if line.strip()]
        for i in range(max(len(lines_es), len(lines_en))):
            es = lines_es[i] if i < len(lines_es) else ""
            en = lines_en[i] if i < len(lines_en) else es
            section.paragraphs.append(Paragraph(f"{key}.{i}", es or en, en, style="text"))
    # A bulletin on the period's changes is told even if it went out just after the period ended.
    bulletins = Bulletin.objects.filter(
        Q(sent_at__date__range=(period.start, period.end))
        | Q(period_start__lte=period.end, period_end__gte=period.start),
        status=Bulletin.Status.SENT,
    ).select_related("mailing_list")
    lists = activities_between(period.start, period.end, kind=K.LIST_CREATED)
    if bulletins or lists:
        section.paragraphs.append(Paragraph("platform.bulletins", "Boletines informativos sobre cambios/actualizaciones",
                                            "Bulletins on changes and updates", style="heading"))  # fmt: skip
    for b in bulletins:
        day = timezone.localtime(b.sent_at).date()
        lst_es = b.mailing_list.name_es if b.mailing_list_id else ""
        lst_en = (b.mailing_list.name_en or lst_es) if b.mailing_list_id else ""
        section.paragraphs.append(Paragraph(
            f"platform.bulletin.{b.pk}",
            f"Se envió el boletín «{b.title_es}» a la lista {lst_es} el {date_text(day, 'es')}.",
            f"The bulletin “{b.title_en or b.title_es}” was sent to the list {lst_en} on {date_text(day, 'en')}.",
        ))  # fmt: skip
    for a in lists:
        section.paragraphs.append(Paragraph(f"platform.list.{a.pk}", _tail(a.summary_es), _tail(a.summary_en)))
    if not section.paragraphs:
        return None
    section.data = {"changes": changes.count(), "bulletins": len(bulletins), "lists": len(lists)}
    return section


def register() -> None:
    register_section("introduction", 10, introduction)
    register_section("support", 20, support)
    register_section("outreach", 30, outreach.outreach)
    register_section("platform", 40, platform)
    register_section("fund", 80, fund.fund)
    register_section("finance", 90, finance.finance)
