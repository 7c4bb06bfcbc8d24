"""The public mix of bench/scale.py: home, meetings, a meeting page, documents, search, feeds, API.

Run by bench/scale.py (headless, bounded in users and time, 127.0.0.1 only). The meeting page
is the first one the meetings list links to.
"""

import re

from locust import HttpUser, between, task

MEETING_LINK = re.compile(r'href="(/es/reuniones/[a-z0-9-]+/)"')


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
