"""The mixes of bench/scale.py: ``PublicVisitor`` (home, meetings, a meeting page, documents,
search, feeds, API) and ``MemberVisitor`` (signed in: the dashboard, the forums and a thread,
the member's invitations and registrations, a meeting page).

Run by bench/scale.py (headless, bounded in users and time, 127.0.0.1 only), one mix at a time
by naming its class (``--mix``). The meeting page is the first one the meetings list links to.
Members sign in through the login form as the demo's delegates without two-factor
authentication (accounts with TOTP would need a fresh code per sign-in), round robin.
"""

import itertools
import re

from locust import HttpUser, between, task

MEETING_LINK = re.compile(r'href="(/es/reuniones/[a-z0-9-]+/)"')
THREAD_LINK = re.compile(r'href="(/es/foros/[a-z0-9-]+/\d+/)"')
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
DELEGATES = itertools.cycle(["guatemala", "honduras", "ppt", "observer", "civil"])
PASSWORD = "crm-demo-2004"  # noqa: S105 - the demo accounts' published password
# The app runs as behind a TLS proxy (BEHIND_TLS_PROXY=1: secure cookies); the client plays the proxy.
PROXY_HEADERS = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "127.0.0.1"}


class PublicVisitor(HttpUser):
    wait_time = between(0.0, 0.2)
    meeting_url = None

    def on_start(self):
        response = self.client.get("/es/reuniones/", name="meetings")
        match = MEETING_LINK.search(response.text)
        PublicVisitor.meeting_url = match.group(1) if match else "/es/reuniones/"

    @task(4)
    def home(self):
        self.client.get("/es/", name="home")

    @task(2)
    def meetings(self):
        self.client.get("/es/reuniones/", name="meetings")

    @task(2)
    def meeting_page(self):
        self.client.get(self.meeting_url, name="meeting page")

    @task(2)
    def documents(self):
        self.client.get("/es/documentos/", name="documents")

    @task(2)
    def search(self):
        self.client.get("/es/buscar/?q=migraci%C3%B3n", name="search")

    @task(1)
    def feeds(self):
        self.client.get("/ical/meetings-es.ics", name="calendar feed")

    @task(1)
    def api(self):
        self.client.get("/api/v1/documents", name="API documents")


class MemberVisitor(HttpUser):
    wait_time = between(0.0, 0.2)
    meeting_url = None
    thread_url = None

    def _get(self, path, name, *, signed_in=True):
        # The session and CSRF cookies are "Secure": sent back over 127.0.0.1's plain HTTP all the same.
        for cookie in self.client.cookies:
            cookie.secure = False
        with self.client.get(path, name=name, catch_response=True) as response:
            if signed_in and "/accounts/login/" in response.url:
                response.failure("signed out")
            return response

    def on_start(self):
        username = next(DELEGATES)
        self.client.headers.update(PROXY_HEADERS)
        page = self._get("/es/accounts/login/", "sign in (form)", signed_in=False).text
        for cookie in self.client.cookies:
            cookie.secure = False
        with self.client.post(
            "/es/accounts/login/",
            {"csrfmiddlewaretoken": CSRF.search(page).group(1), "login": username, "password": PASSWORD},
            headers={"Referer": self.client.base_url.replace("http://", "https://") + "/es/accounts/login/"},
            name="sign in",
            catch_response=True,
            allow_redirects=False,
        ) as response:
            if response.status_code != 302 or not response.headers.get("Location", "").endswith("/es/miembros/"):
                response.failure(f"{username} could not sign in ({response.status_code})")
        if MemberVisitor.meeting_url is None:
            match = MEETING_LINK.search(self._get("/es/reuniones/", "meetings").text)
            MemberVisitor.meeting_url = match.group(1) if match else "/es/reuniones/"
        if self.thread_url is None:
            match = THREAD_LINK.search(self._get("/es/foros/", "forums").text)
            self.thread_url = match.group(1) if match else "/es/foros/"

    @task(4)
    def dashboard(self):
        self._get("/es/miembros/", "dashboard")

    @task(2)
    def forums(self):
        self._get("/es/foros/", "forums")

    @task(2)
    def thread(self):
        self._get(self.thread_url, "forum thread")

    @task(2)
    def registrations(self):
        self._get("/es/reuniones/mis-invitaciones/", "my invitations and registrations")

    @task(1)
    def meeting_page(self):
        self._get(self.meeting_url, "meeting page (signed in)")
