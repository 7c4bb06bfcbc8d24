"""Checks, through nginx, that the stack of deploy/stack-up works end to end (make stack-check).

A page served by both gunicorn processes; an upload through the API whose text the RQ worker
extracts from the object store; a search that finds that text; a restricted download refused
to a visitor and sent to the Secretariat (Range too; X-Accel-Redirect with local files); the
list mail that the mailer sends for the publication. Exits non-zero on the first failure.
Only 127.0.0.1; every wait is bounded.
"""

from __future__ import annotations

import json
import os
import sys
import time
import urllib.error
import urllib.request
import uuid
from pathlib import Path

BASE = os.environ.get("STACK_URL", "http://127.0.0.1:8480")
STACK_DIR = Path(os.environ.get("STACK_DIR", "/tmp/sv-stack"))
TOKEN = os.environ["STACK_TOKEN"]
WEB1 = os.environ.get("STACK_WEB1", "")
LOCAL_FILES = os.environ.get("STACK_STORAGE", "s3") == "local"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


OPENER = urllib.request.build_opener(NoRedirect)


def request(path, *, base=BASE, token=None, data=None, headers=None, method=None):
    req = urllib.request.Request(base + path, data=data, method=method, headers=dict(headers or {}))
    if token:
        req.add_header("Authorization", f"Bearer {token}")
    try:
        with OPENER.open(req, timeout=30) as response:
            return response.status, dict(response.headers), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read()


def ok(condition, what):
    if not condition:
        print(f"FAIL {what}")
        sys.exit(1)
    print(f"ok   {what}")


def multipart(fields: dict, files: list[tuple[str, str, bytes]]):
    boundary = uuid.uuid4().hex
    parts = []
    for name, value in fields.items():
        parts.append(f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode())
    for name, filename, content in files:
        head = f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"; filename="{filename}"\r\n'
        parts.append(head.encode() + b"Content-Type: application/pdf\r\n\r\n" + content + b"\r\n")
    parts.append(f"--{boundary}--\r\n".encode())
    return b"".join(parts), {"Content-Type": f"multipart/form-data; boundary={boundary}"}


def upload(symbol, title, access_level, content):
    body, headers = multipart(
        {"symbol": symbol, "date": "2026-11-30", "title_es": title, "title_en": title, "access_level": access_level,
         "languages": "es"},
        [("files", f"{title}.pdf", content)],
    )  # fmt: skip
    status, _h, raw = request("/api/v1/documents", token=TOKEN, data=body, headers=headers, method="POST")
    ok(status == 201, f"upload of {symbol} through nginx ({status})")
    document = json.loads(raw)["document"]
    status, _h, _raw = request(f"/api/v1/documents/{document['id']}/publish", token=TOKEN, data=b"", method="POST")
    ok(status == 200, f"{symbol} published ({status})")
    return document


def wait(what, seconds, probe):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        value = probe()
        if value:
            return value
        time.sleep(0.5)
    ok(False, f"{what} within {seconds} s")


def main():
    status, _h, raw = request("/readyz")
    checks = json.loads(raw)["checks"]
    summary = ", ".join(f"{name}={check.get('backend')}" for name, check in checks.items())
    ok(status == 200, f"/readyz through nginx: {summary}")
    expected = "filesystem" if LOCAL_FILES else "s3"
    ok(checks["storage"]["backend"] == f"default: {expected}, private: {expected}", f"files on {expected}")

    upstreams = set()
    for _ in range(6):
        status, headers, raw = request("/es/")
        ok(status == 200 and b"</html>" in raw, "the home page") if not upstreams else None
        upstreams.add(headers.get("X-Upstream"))
    ok(len(upstreams) == 2, f"both gunicorn processes answered: {sorted(upstreams)}")

    public = upload("CRM/PILA/2026/1", "Informe de la pila", "public", (STACK_DIR / "public.pdf").read_bytes())

    def extracted():
        _s, _h, raw = request(f"/api/v1/documents/{public['id']}", token=TOKEN)
        state = json.loads(raw)["files"][0]["extraction_state"]
        return state if state not in ("pending", "") else None

    ok(
        wait("text extraction by the RQ worker", 60, extracted) == "done",
        "the worker extracted the uploaded file's text",
    )

    def found():
        _s, _h, raw = request("/api/v1/search?q=zarzaparrilla")
        hits = json.loads(raw)["hits"]
        return (
            hits if any("CRM/PILA/2026/1" in hit["title"] or "pila" in hit["title"].lower() for hit in hits) else None
        )

    wait("the search hit", 60, found)
    ok(True, "the search finds a word of the extracted text")
    status, _h, raw = request("/es/buscar/?q=zarzaparrilla")
    ok(status == 200 and b"zarzaparrilla" in raw.lower(), f"the search page shows it ({status})")

    restricted = upload("CRM/PILA/2026/2", "Nota reservada", "members", (STACK_DIR / "restricted.pdf").read_bytes())
    original = (STACK_DIR / "restricted.pdf").read_bytes()
    download = f"/api/v1/documents/{restricted['id']}/files/es"
    status, _h, raw = request(download)
    ok(status in (401, 403, 404) and b"%PDF" not in raw, f"a visitor is refused the restricted file ({status})")
    page_download = restricted["files"][0]["download_url"]
    status, headers, raw = request(page_download.replace(BASE, ""))
    ok(status in (302, 404) and b"%PDF" not in raw, f"and so is its web download ({status})")
    status, headers, raw = request(download, token=TOKEN)
    ok(status == 200 and raw == original, f"the Secretariat downloads it through nginx ({status}, {len(raw)} bytes)")
    ok("X-Accel-Redirect" not in headers, "nginx does not leak X-Accel-Redirect")
    status, headers, raw = request(download, token=TOKEN, headers={"Range": "bytes=0-7"})
    ok(status == 206 and raw == original[:8], f"a Range request gets 206 ({status})")
    if LOCAL_FILES and WEB1:
        status, headers, raw = request(download, base=f"http://127.0.0.1:{WEB1}", token=TOKEN)
        ok(
            headers.get("X-Accel-Redirect", "").startswith("/_private/") and raw == b"",
            "the app hands local files to nginx",
        )

    def mailed():
        for path in (STACK_DIR / "mail").glob("*"):
            text = path.read_text(errors="replace")
            if "suscriptora@example.org" in text and "Informe de la pila" in text:
                return path
        return None

    path = wait("the list mail", 90, mailed)
    ok(True, f"the mailer sent the list mail for the publication ({path.name})")
    print("stack check passed")


if __name__ == "__main__":
    main()
