"""Rich text typed by the Secretariat: Markdown, sanitised with nh3 before display."""

from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import markdown as md
import nh3
from django.conf import settings
from django.utils.html import escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

ALLOWED_TAGS = {
    "a", "abbr", "b", "blockquote", "br", "code", "em", "figcaption", "figure", "h2", "h3", "h4",
    "hr", "i", "img", "li", "ol", "p", "pre", "strong", "sub", "sup", "table", "tbody", "td",
    "th", "thead", "tr", "ul",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "abbr": {"title"},
    "img": {"src", "alt", "title", "width", "height"},
    "th": {"scope"},
}


def render_markdown(text: str) -> str:
    html = md.markdown(text or "", extensions=["extra", "sane_lists"], output_format="html")
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes={"http", "https", "mailto"},
        link_rel="noopener noreferrer",
    )
    return mark_safe(clean)  # noqa: S308 - sanitised by nh3 just above


class _ImageFinder(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.images: list[tuple[str, dict]] = []  # (the tag as written, its attributes)

    def handle_starttag(self, tag, attrs):
        if tag == "img":
            self.images.append((self.get_starttag_text(), {k: v or "" for k, v in attrs}))


def email_html(html: str) -> str:
    """Rich text made fit for an e-mail: no image from another site is loaded.

    A mail client that loads a picture from a stranger's server tells that server who read the
    message, when and from where (a tracking pixel); on the site the CSP blocks them, in mail
    nothing would. So images from other sites become a link, "[Image: alt text]", that the
    reader may follow; the site's own images are kept, with an absolute address (a relative one
    means nothing in a mailbox). Call it with the reader's language active.
    """
    if "<img" not in html:
        return html
    finder = _ImageFinder()
    finder.feed(html)
    finder.close()
    own = urlsplit(settings.SITE_URL)
    for raw, attrs in finder.images:
        src = attrs.get("src", "").strip()
        absolute = urljoin(settings.SITE_URL + "/", src) if src else ""
        parts = urlsplit(absolute)
        if src and parts.scheme == own.scheme and parts.netloc == own.netloc:
            kept = {**attrs, "src": absolute}
            replacement = "<img " + " ".join(f'{k}="{escape(v)}"' for k, v in kept.items()) + ">"
        else:
            description = attrs.get("alt", "").strip() or parts.netloc or gettext("image")
            label = escape("[" + gettext("Image: %(description)s") % {"description": description} + "]")
            linkable = parts.scheme in ("http", "https")
            replacement = f'<a href="{escape(absolute)}">{label}</a>' if linkable else label
        html = html.replace(raw, replacement)
    return mark_safe(html)  # noqa: S308 - sanitised input, every attribute escaped again
