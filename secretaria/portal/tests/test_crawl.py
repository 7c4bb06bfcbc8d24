"""Every page a demo persona can reach answers without a server error, in production mode.

The demo data is what scripts and imports leave behind: versions and posts with no creator,
hidden posts with no recorded moderator, historical dates. Fixtures that always set the creator
never see the templates that break on it, so this test walks the sites as each demo persona
does — from the menus of both languages, the sitemap and the feeds, following same-site links
breadth-first — with ``DEBUG=False`` and a client that returns the 500 page instead of raising,
and lists every address that answered 5xx.
"""

import heapq
import io
import re
from collections import Counter
from html.parser import HTMLParser
from itertools import count
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from django.core.management import call_command
from django.core.signals import request_finished
from django.db import close_old_connections
from django.test import Client, TestCase, override_settings
from django.urls import Resolver404, resolve
from django.utils import translation

from secretaria.accounts.models import User

PERSONAS = ["anonymous", "civil", "observer", "guatemala", "honduras", "ppt", "st", "admin"]

# Bounds, so the test stays fast: the same page of another object (the fortieth document, the
# tenth agenda) adds little, so at most a few addresses of each URL pattern in each language are
# crawled, the least-seen patterns first, and a couple of query strings (pages, facets) of each.
MAX_PAGES = 200
MAX_PER_PATTERN = 4
MAX_QUERY_VARIANTS = 2

START = ["/es/", "/en/", "/es/miembros/", "/en/members/", "/sitemap.xml", "/robots.txt"]

# Not pages to crawl: signing out, changing language (POST only), the admin (Django's own),
# the API (schemathesis covers it), the one-click unsubscribe (POST from mail programs),
# the sign-up/password forms of allauth that change the session.
SKIP = re.compile(
    r"^/(?:admin/|api/|i18n/|mail/unsubscribe/|(?:es|en)/accounts/(?:logout|login|signup|password|email|confirm|"
    r"3rdparty|reauthenticate|2fa))"
)
SAME_HOSTS = {"", "testserver", "localhost", "127.0.0.1", "example.com"}


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.links: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag in ("a", "link", "area") and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag in ("iframe", "img") and attrs.get("src"):
            self.links.append(attrs["src"])


def _links(response, base: str) -> list[str]:
    ctype = response.get("Content-Type", "")
    if getattr(response, "streaming", False):
        return []
    body = response.content.decode(response.charset or "utf-8", errors="replace")
    if "html" in ctype:
        parser = _Links()
        parser.feed(body)
        found = parser.links
    elif "xml" in ctype:  # the sitemap's <loc>, the Atom feeds' <link href> and <id>
        found = re.findall(r"<loc>([^<]+)</loc>", body) + re.findall(r'<link[^>]*href="([^"]+)"', body)
    elif "calendar" in ctype:
        found = re.findall(r"^URL[^:]*:(\S+)", body.replace("\r\n ", ""), flags=re.M)
    else:
        found = []
    return [urljoin(base, href) for href in found]


def _local(url: str) -> str | None:
    url, _fragment = urldefrag(url)
    parts = urlsplit(url)
    if parts.scheme not in ("", "http", "https") or (parts.hostname or "") not in SAME_HOSTS:
        return None
    path = parts.path or "/"
    if SKIP.match(path) or path.startswith("/static/"):
        return None
    return path + (f"?{parts.query}" if parts.query else "")


def _pattern(path: str) -> str:
    """The URL pattern an address belongs to, with its language (translated segments resolve in it)."""
    language = path.split("/", 2)[1]
    with translation.override(language if language in ("es", "en") else None):
        try:
            return f"{language}:{resolve(path).route}"
        except Resolver404:
            return path


def crawl(client: Client) -> tuple[dict[str, int], list[str]]:
    """Breadth-first from the start pages, the least-seen URL patterns first; returns the status
    of every address fetched and the ones that answered 5xx."""
    seen: dict[str, int] = {}
    variants: Counter = Counter()
    patterns: Counter = Counter()
    order = count()
    queue = [(0, next(order), url) for url in START]
    queued = set(START)
    errors = []
    while queue and len(seen) < MAX_PAGES:
        _rank, _n, url = heapq.heappop(queue)
        response = client.get(url)
        seen[url] = response.status_code
        if response.status_code >= 500:
            errors.append(f"{response.status_code} {url}")
        if response.status_code in (301, 302, 303, 307, 308):
            targets = [urljoin(url, response["Location"])]
        elif response.status_code == 200:
            targets = _links(response, url)
        else:
            targets = []
        _close(response)
        for target in targets:
            local = _local(target)
            if local is None or local in queued:
                continue
            path = local.split("?", 1)[0]
            if "?" in local and variants[path] >= MAX_QUERY_VARIANTS:
                continue
            pattern = _pattern(path)
            if patterns[pattern] >= MAX_PER_PATTERN:
                continue
            if "?" in local:
                variants[path] += 1
            heapq.heappush(queue, (patterns[pattern], next(order), local))
            patterns[pattern] += 1
            queued.add(local)
    return seen, errors


def _close(response):
    """Release a streamed download without Django's end-of-request signal closing the database
    connection inside the test's transaction (PostgreSQL would then refuse every later page)."""
    request_finished.disconnect(close_old_connections)
    try:
        response.close()
    finally:
        request_finished.connect(close_old_connections)


@pytest.fixture(scope="module")
def demo_data(django_db_setup, django_db_blocker, tmp_path_factory):
    """The demo, loaded once for the module inside a transaction rolled back at the end."""
    from django.db import transaction

    media = override_settings(MEDIA_ROOT=str(tmp_path_factory.mktemp("crawl-media")))
    media.enable()
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        try:
            with override_settings(DEV_MODE=True), TestCase.captureOnCommitCallbacks(execute=True):
                call_command("load_demo", stdout=io.StringIO())
            yield
        finally:
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)
            media.disable()


@pytest.mark.parametrize("persona", PERSONAS)
def test_no_page_reachable_by_a_demo_persona_answers_a_server_error(demo_data, db, settings, persona):
    settings.DEBUG = False
    client = Client(raise_request_exception=False)
    if persona != "anonymous":
        # Staff demo accounts have TOTP set up, so the two-factor middleware lets them in.
        client.force_login(User.objects.get(username=persona))
    seen, errors = crawl(client)
    assert not errors, f"{len(errors)} of {len(seen)} addresses answered a server error:\n" + "\n".join(errors)
    # The crawl really went through both sites and both languages.
    ok = [url for url, status in seen.items() if status == 200]
    assert any(url.startswith("/es/reuniones/") for url in ok)
    assert any(url.startswith("/en/meetings/") for url in ok)
    if persona != "anonymous":
        assert "/es/miembros/" in ok
