"""One delivery as an e-mail: the subscriber's language, list headers (RFC 2369, 2919, 8058), VERP."""

from __future__ import annotations

import re

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape
from django.utils.translation import gettext

from secretaria.comms import policy, tokens
from secretaria.comms.kinds import absolute
from secretaria.comms.models import Delivery, Message
from secretaria.core.richtext import email_html
from secretaria.directory.selectors import secretariat_organization


def _footer_texts(lang: str) -> dict[str, str]:
    with translation.override(lang):
        return {
            "why": gettext("You receive this message because you are subscribed to the list “%(list)s”."),
            "prefs": gettext("Language and rhythm (each message, daily or weekly digest)"),
            "unsub": gettext("Unsubscribe"),
        }


_MISSING = object()


class Composer:
    """Builds the e-mails of many deliveries; caches what does not change per recipient."""

    def __init__(self):
        self._footers: dict[str, dict[str, str]] = {}
        self._messages: dict[int, Message] = {}
        self._templates: dict[tuple, list | None] = {}
        self._url_patterns: dict[tuple[str, str], tuple[str, str]] = {}
        self._reasons: dict[tuple, str] = {}
        self._contact_email: str | None = None
        self._bodies: dict[tuple[int, str], str] = {}

    def message(self, message_id: int) -> Message:
        msg = self._messages.get(message_id)
        if msg is None:
            msg = self._messages[message_id] = Message.objects.select_related("mailing_list").get(pk=message_id)
        return msg

    def _email(
        self, message: Message, lang: str, *, to: str, envelope_from: str, message_id: str, links, required: str = ""
    ) -> EmailMultiAlternatives:
        """The e-mail of ``message`` in ``lang``; ``links`` = (unsubscribe, preferences, mailto) or None;
        ``required``: why the subscriber may not leave the list in the members' area, if so."""
        lst = message.mailing_list
        footer = self._footers.get(lang) or self._footers.setdefault(lang, _footer_texts(lang))
        list_name = (lst.name_en if lang == "en" and lst.name_en else lst.name_es) or lst.slug
        why = footer["why"] % {"list": list_name}
        if required:
            why = f"{why} {required}"
        headers = {
            "From": settings.DEFAULT_FROM_EMAIL,
            "Message-ID": message_id,
            "List-Id": lst.list_id(),
            "Content-Language": lang,
            "Precedence": "list",
            "Auto-Submitted": "auto-generated",
        }
        text = getattr(message, f"text_{lang}") or message.text_es
        html = self._bodies.get((message.pk, lang))
        if html is None:
            with translation.override(lang):
                # Images from other sites would tell them who read the message: links instead.
                html = self._bodies[message.pk, lang] = email_html(getattr(message, f"html_{lang}") or message.html_es)
        if links is not None:
            unsub, prefs, mailto = links
            headers["List-Unsubscribe"] = f"<{unsub}>, <{mailto}?subject=unsubscribe>"
            headers["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click"
            text = f"{text}\n\n-- \n{why}\n{footer['prefs']}:\n{prefs}\n{footer['unsub']}:\n{unsub}\n"
            # Short lines: the parts stay 8bit, not quoted-printable, so links are never split.
            html = (
                f'<!DOCTYPE html>\n<html lang="{lang}">\n<body>\n{html}\n<hr>\n<p><small>{escape(why)}<br>\n'
                f'<a href="{escape(prefs)}"\n>{escape(footer["prefs"])}</a> ·\n'
                f'<a href="{escape(unsub)}"\n>{escape(footer["unsub"])}</a></small></p>\n</body>\n</html>\n'
            )
        else:
            html = f'<!DOCTYPE html>\n<html lang="{lang}">\n<body>\n{html}\n</body>\n</html>\n'
        subject = getattr(message, f"subject_{lang}") or message.subject_es
        email = EmailMultiAlternatives(
            subject=subject,
            body=text,
            # The envelope sender (VERP): a bounce names the delivery. The From header is the site's.
            from_email=envelope_from,
            to=[to],
            headers=headers,
        )
        email.attach_alternative(html, "text/html")
        return email

    def _url_pattern(self, name: str, lang: str) -> tuple[str, str]:
        """The address of a view taking a token, split around the token (reverse() once per send)."""
        key = (name, lang)
        pattern = self._url_patterns.get(key)
        if pattern is None:
            with translation.override(lang):
                url = absolute(reverse(name, kwargs={"token": "TOKEN"}))
            before, _sep, after = url.partition("TOKEN")
            pattern = self._url_patterns[key] = (before, after)
        return pattern

    def _links(self, delivery: Delivery):
        """The signed unsubscribe, preferences and mailto: addresses of the delivery's subscription.

        The same as services.unsubscribe_url and preferences_url (a test checks it), built from a
        pattern: one signature per recipient instead of two, and no reverse().
        """
        sub = delivery.subscription
        if sub is None:
            return None
        token = tokens.manage_token(sub)
        unsub = "{0}{token}{1}".format(*self._url_pattern("comms_unsubscribe", "es"), token=token)
        prefs = "{0}{token}{1}".format(*self._url_pattern("comms:preferences", sub.language or "es"), token=token)
        mailto = f"mailto:unsubscribe+{sub.pk}-{tokens.unsubscribe_mailbox_signature(sub.pk)}@{settings.BOUNCE_DOMAIN}"
        return unsub, prefs, mailto

    def _required(self, delivery: Delivery, lang: str) -> str:
        """The footer's "why you cannot leave" line, the same for everyone of one role on one list."""
        sub = delivery.subscription
        if sub is None or sub.source != sub.Source.AUTO or sub.mailing_list.allow_opt_out:
            return ""
        key = (sub.mailing_list_id, getattr(sub.user, "role", ""), lang)
        reason = self._reasons.get(key)
        if reason is None:
            if self._contact_email is None:
                secretariat = secretariat_organization()
                self._contact_email = secretariat.email if secretariat else ""
            with translation.override(lang):
                reason = self._reasons[key] = policy.required_reason(sub, contact_email=self._contact_email)
        return reason

    @staticmethod
    def _lang(delivery: Delivery) -> str:
        return delivery.language if delivery.language in ("es", "en") else "es"

    def build(self, delivery: Delivery) -> EmailMultiAlternatives:
        """The delivery as a Django e-mail (for any e-mail backend)."""
        return self._email(
            self.message(delivery.message_id),
            self._lang(delivery),
            to=delivery.email,
            envelope_from=tokens.verp_address(delivery.pk),
            message_id=tokens.message_id_for(delivery),
            links=self._links(delivery),
            required=self._required(delivery, self._lang(delivery)),
        )

    def build_bytes(self, delivery: Delivery) -> tuple[str, list[str], bytes]:
        """(envelope sender, recipients, bytes) for SMTP, from a per-message template.

        Building a MIME message is most of the cost of a send; the parts every recipient shares
        are rendered once per message and language, and only the recipient's address, Message-ID
        and signed links are put in. The result is the same message ``build`` makes.
        """
        links = self._links(delivery)
        key = (
            delivery.message_id,
            self._lang(delivery),
            links is not None,
            self._required(delivery, self._lang(delivery)),
        )
        template = self._templates.get(key, _MISSING)
        if template is _MISSING:
            template = self._templates[key] = self._template(*key)
        values = {
            "to": delivery.email,
            "msgid": tokens.message_id_for(delivery),
            **dict(zip(("unsub", "prefs", "mailto"), links or ("", "", ""), strict=True)),
        }
        if template is None or not all(v.isascii() for v in values.values()):
            email = self.build(delivery)
            return email.from_email, [delivery.email], email.message().as_bytes(linesep="\r\n")
        data = b"".join(values[part].encode() if isinstance(part, str) else part for part in template)
        return tokens.verp_address(delivery.pk), [delivery.email], data

    def _template(self, message_id: int, lang: str, with_links: bool, required: str = ""):
        marks = {name: f"svplaceholder{name}" for name in ("to", "msgid", "unsub", "prefs", "mailto")}
        email = self._email(
            self.message(message_id),
            lang,
            to=f"{marks['to']}@placeholder.invalid",
            envelope_from="placeholder@placeholder.invalid",
            message_id=f"<{marks['msgid']}@placeholder.invalid>",
            links=(
                f"https://{marks['unsub']}.invalid",
                f"https://{marks['prefs']}.invalid",
                f"mailto:{marks['mailto']}",
            )
            if with_links
            else None,
            required=required,
        )
        raw = email.message().as_bytes(linesep="\r\n")
        full = {
            "to": f"{marks['to']}@placeholder.invalid",
            "msgid": f"<{marks['msgid']}@placeholder.invalid>",
            "unsub": f"https://{marks['unsub']}.invalid",
            "prefs": f"https://{marks['prefs']}.invalid",
            "mailto": f"mailto:{marks['mailto']}",
        }
        pattern = re.compile("|".join(re.escape(v) for v in full.values()).encode())
        names = {v.encode(): k for k, v in full.items()}
        parts, pos = [], 0
        for match in pattern.finditer(raw):
            parts.append(raw[pos : match.start()])
            parts.append(names[match.group(0)])
            pos = match.end()
        parts.append(raw[pos:])
        found = [p for p in parts if isinstance(p, str)]
        expected = {"to": 1, "msgid": 1} | ({"unsub": 3, "prefs": 2, "mailto": 1} if with_links else {})
        if {n: found.count(n) for n in set(found)} != expected:
            return None  # an encoding split a placeholder: this message is built one by one
        return parts
