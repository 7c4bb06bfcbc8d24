"""Benchmark: the members' dashboard against the home page, alone and under 20 signed-in users.

Builds a throw-away SQLite database with the demo data (manage.py load_demo), serves it with
gunicorn as the Procfile does (2 workers x 4 threads, DEBUG off) and signs in through the login
form (the Secretariat's ``st`` with its TOTP code, and the demo's delegates without two-factor:
guatemala, honduras, ppt, observer, civil). Then, in the same run:

1. sequential GET requests of the home page (anonymous, the baseline) and of the dashboard as
   ``st`` and as the delegate ``guatemala``: p50 and p95;
2. the same pages with ``--users`` (20) concurrent clients, each signed in as one of the
   delegates (home: anonymous clients): p50, p95 and requests/s;
3. the SQL queries of the dashboard for each persona, before and after adding 40 documents,
   40 news items and 40 forum threads: they must not grow (exit status 1 if they do).

    .venv/bin/python bench/dashboard.py [--requests 100] [--users 20] [--port 8198]
"""

from __future__ import annotations

import argparse
import http.cookiejar
import io
import logging
import os
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

DELEGATES = ["guatemala", "honduras", "ppt", "observer", "civil"]
PERSONAS = ["st", *DELEGATES]
PASSWORD = "crm-demo-2004"  # noqa: S105 - the demo accounts' published password
DASHBOARD, HOME, LOGIN = "/es/miembros/", "/es/", "/es/accounts/login/"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')


def configure(tmp: Path) -> dict[str, str]:
    env = {
        "DEV_MODE": "1",
        "DEBUG": "0",
        "DATABASE_URL": f"sqlite:///{tmp / 'bench.sqlite3'}",
        "VAR_DIR": str(tmp),
        "DJANGO_SETTINGS_MODULE": "secretaria.settings",
        "SECURE_SSL_REDIRECT": "0",
        "TASKS_BACKEND": "immediate",
    }
    os.environ.update(env)
    return env


def totp_code(username: str) -> str:
    from django.core.management import call_command

    out = io.StringIO()
    call_command("totp_code", username, stdout=out, stderr=io.StringIO())
    return out.getvalue().strip()


class BehindTLS(http.cookiejar.DefaultCookiePolicy):
    """The server runs as behind a TLS proxy (secure cookies): this client on 127.0.0.1 plays the proxy."""

    def return_ok_secure(self, cookie, request):
        return True


# What the TLS proxy in front adds (BEHIND_TLS_PROXY=1 on the server).
PROXY_HEADERS = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "127.0.0.1"}


class Browser:
    """A cookie-keeping HTTP client, signed in through the login form (and the TOTP step)."""

    def __init__(self, base: str):
        self.base = base
        jar = http.cookiejar.CookieJar(policy=BehindTLS())
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def get(self, path: str) -> tuple[int, str, str]:
        request = urllib.request.Request(self.base + path, headers=PROXY_HEADERS)
        with self.opener.open(request, timeout=60) as response:
            return response.status, response.geturl(), response.read().decode()

    def post(self, path: str, data: dict) -> tuple[str, str]:
        body = urllib.parse.urlencode(data).encode()
        referer = self.base.replace("http://", "https://") + path
        request = urllib.request.Request(self.base + path, data=body, headers={**PROXY_HEADERS, "Referer": referer})
        with self.opener.open(request, timeout=60) as response:
            return response.geturl(), response.read().decode()

    def sign_in(self, username: str) -> None:
        _status, _url, page = self.get(LOGIN)
        url, page = self.post(LOGIN, {"csrfmiddlewaretoken": CSRF.search(page).group(1), "login": username,
                                      "password": PASSWORD})  # fmt: skip
        if 'name="code"' in page:
            path = urllib.parse.urlparse(url).path
            url, page = self.post(
                path, {"csrfmiddlewaretoken": CSRF.search(page).group(1), "code": totp_code(username)}
            )
        status, url, page = self.get(DASHBOARD)
        if status != 200 or urllib.parse.urlparse(url).path != DASHBOARD:
            raise RuntimeError(f"{username} could not sign in (ended at {url})")


def timed(browser: Browser, path: str, n: int) -> list[float]:
    samples = []
    for _ in range(n):
        started = time.perf_counter()
        status, _url, _page = browser.get(path)
        samples.append((time.perf_counter() - started) * 1000)
        if status != 200:
            raise RuntimeError(f"{path} answered {status}")
    return samples


def concurrent(browsers: list[Browser], path: str, per_user: int) -> tuple[list[float], float]:
    results: list[list[float]] = [[] for _ in browsers]
    errors: list[BaseException] = []

    def run(k: int) -> None:
        try:
            results[k] = timed(browsers[k], path, per_user)
        except BaseException as error:  # noqa: BLE001 - reported below
            errors.append(error)

    threads = [threading.Thread(target=run, args=(k,)) for k in range(len(browsers))]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    if errors:
        raise errors[0]
    samples = [s for r in results for s in r]
    return samples, len(samples) / elapsed


def pct(samples: list[float], p: int) -> float:
    return statistics.quantiles(samples, n=100, method="inclusive")[p - 1]


def query_counts() -> dict[str, int]:
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    counts = {}
    for username in PERSONAS:
        client = Client()
        client.force_login(get_user_model().objects.get(username=username))
        client.get(DASHBOARD)
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(DASHBOARD)
        if response.status_code != 200:
            raise RuntimeError(f"the dashboard answered {response.status_code} to {username}")
        counts[username] = len(ctx.captured_queries)
    return counts


def add_content(n: int) -> None:
    """More of what the panels list: documents, news, forum threads (through the services)."""
    from django.contrib.auth import get_user_model
    from django.utils import timezone

    from secretaria.documents.models import Document
    from secretaria.forums import services as forums
    from secretaria.forums.models import Forum
    from secretaria.portal import services as portal

    now = timezone.now()
    st = get_user_model().objects.get(username="st")
    forum = Forum.objects.filter(access_level="members").order_by("pk").first() or Forum.objects.order_by("pk").first()
    for k in range(n):
        Document.objects.create(
            symbol=f"CRM/BENCH/DASH/{k + 1}", date=now.date(), title_es=f"Documento {k + 1}", access_level="members",
            status="published", published_at=now,
        )  # fmt: skip
        portal.news_create(by=st, slug=f"bench-{k + 1}", title_es=f"Noticia {k + 1}", status="published")
        if forum is not None:
            forums.thread_create(forum=forum, author=st, title=f"Hilo {k + 1}", body="Mensaje.", notify=False)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=100)
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--port", type=int, default=8198)
    args = parser.parse_args()
    if not 1 <= args.users <= 100:
        raise SystemExit("keep it bounded: 1-100 users")

    with tempfile.TemporaryDirectory() as tmpdir:
        env = configure(Path(tmpdir))
        import django

        django.setup()
        from django.conf import settings
        from django.core.management import call_command

        settings.ALLOWED_HOSTS = ["*"]
        call_command("migrate", verbosity=0)
        call_command("collectstatic", interactive=False, verbosity=0)
        logging.disable(logging.INFO)  # the demo's text extraction logs every task
        call_command("load_demo", stdout=io.StringIO())
        logging.disable(logging.NOTSET)
        before = query_counts()

        server = subprocess.Popen(  # noqa: S603 - fixed argument list
            [sys.executable, "-m", "gunicorn", "secretaria.wsgi", "--bind", f"127.0.0.1:{args.port}",
             "--workers", "2", "--threads", "4", "--log-level", "warning"],
            cwd=ROOT, env={**os.environ, **env, "ALLOWED_HOSTS": "127.0.0.1", "BEHIND_TLS_PROXY": "1"},
        )  # fmt: skip
        base = f"http://127.0.0.1:{args.port}"
        try:
            for _ in range(100):
                try:
                    urllib.request.urlopen(base + "/healthz")  # noqa: S310 - our own local server
                    break
                except OSError:
                    time.sleep(0.1)
            anonymous, st, delegate = Browser(base), Browser(base), Browser(base)
            st.sign_in("st")
            delegate.sign_in("guatemala")
            for browser, path in ((anonymous, HOME), (st, DASHBOARD), (delegate, DASHBOARD)):
                timed(browser, path, 10)
            seq = {
                "home": timed(anonymous, HOME, args.requests),
                "dashboard st": timed(st, DASHBOARD, args.requests),
                "dashboard delegate": timed(delegate, DASHBOARD, args.requests),
            }
            crowd = []
            for k in range(args.users):
                browser = Browser(base)
                browser.sign_in(DELEGATES[k % len(DELEGATES)])
                crowd.append(browser)
            per_user = max(args.requests // 4, 10)
            home_c, home_rps = concurrent([Browser(base) for _ in range(args.users)], HOME, per_user)
            dash_c, dash_rps = concurrent(crowd, DASHBOARD, per_user)
        finally:
            server.terminate()
            server.wait(timeout=10)
        add_content(40)
        after = query_counts()

    print(f"Members' dashboard, demo data; sequential ({args.requests} requests each)")
    print(f"{'page':<22}{'p50 ms':>10}{'p95 ms':>10}")
    for name, samples in seq.items():
        print(f"{name:<22}{pct(samples, 50):>10.1f}{pct(samples, 95):>10.1f}")
    for name in ("dashboard st", "dashboard delegate"):
        print(f"ratio {name} / home: p50 {pct(seq[name], 50) / pct(seq['home'], 50):.2f}x, "
              f"p95 {pct(seq[name], 95) / pct(seq['home'], 95):.2f}x")  # fmt: skip
    print(f"\n{args.users} concurrent users, {per_user} requests each")
    print(f"{'page':<22}{'p50 ms':>10}{'p95 ms':>10}{'req/s':>10}")
    print(f"{'home (anonymous)':<22}{pct(home_c, 50):>10.1f}{pct(home_c, 95):>10.1f}{home_rps:>10.1f}")
    print(f"{'dashboard (delegates)':<22}{pct(dash_c, 50):>10.1f}{pct(dash_c, 95):>10.1f}{dash_rps:>10.1f}")
    print(f"ratio dashboard / home: p50 {pct(dash_c, 50) / pct(home_c, 50):.2f}x, "
          f"p95 {pct(dash_c, 95) / pct(home_c, 95):.2f}x")  # fmt: skip
    print("\nSQL queries of the dashboard (demo / with 40 more documents, news and threads):")
    print("  " + ", ".join(f"{name} {before[name]}/{after[name]}" for name in PERSONAS))
    grown = [name for name in PERSONAS if after[name] > before[name]]
    if grown:
        print(f"FAIL: the number of queries grows with the content for {', '.join(grown)}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
