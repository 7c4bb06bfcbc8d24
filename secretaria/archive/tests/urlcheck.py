"""Ask every address recorded in a package, as a visitor and as a member official, and print the
answers as JSON (run inside a site with ``manage.py shell -c``: the round-trip test compares the
source's answers with the target's)."""

import json
from pathlib import Path

from django.test import Client

from secretaria.accounts.models import User
from secretaria.archive.importing import read_lines


def recorded_urls(bag) -> list[str]:
    urls = set()
    for path in sorted((Path(bag) / "data" / "records").glob("*.ndjson")):
        if ".Historical" in path.name:
            continue
        for record in read_lines(path):
            urls.update(record.get("urls", {}).values())
    return sorted(urls)


def main(bag, out) -> None:
    visitor, member = Client(), Client()
    official = User.objects.filter(role="member", is_active=True).order_by("username").first()
    if official is not None:
        member.force_login(official)
    answers = {}
    for url in recorded_urls(bag):
        answers[url] = {"visitor": visitor.get(url).status_code, "member": member.get(url, follow=True).status_code}
    Path(out).write_text(json.dumps(answers, indent=1))
