"""Side by side: make run's single machine on SQLite against the nginx stack (deploy/stack-up).

Both sides get the demo data (manage.py load_demo), then the same locust mixes (bench/locustfile.py:
the public mix, then the members' mix, signed in as the demo's delegates) run headless against
each, bounded in users and time, on 127.0.0.1 only:

    .venv/bin/pip install locust==2.47.0      # not in requirements: a benchmark tool
    .venv/bin/python bench/scale.py --users 20 --seconds 30 [--side sqlite|stack]

(a) SQLite: gunicorn as the Procfile's web line (one process: 2 workers x 4 threads), DEV_MODE
as with make run. (b) the stack: nginx, two gunicorn processes, PostgreSQL, Redis (cache,
sessions, RQ), moto S3. Prints requests/s, p50/p95/p99 (ms) and errors per side and mix.
"""

from __future__ import annotations

import argparse
import csv
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable
BIN = Path(PY).parent


def wait_http(url: str, seconds: float = 60) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):  # noqa: S310 - 127.0.0.1
                return
        except OSError:
            time.sleep(0.3)
    raise SystemExit(f"{url} did not answer")


MIXES = {"public": "PublicVisitor", "members": "MemberVisitor"}


def locust(host: str, users: int, seconds: int, out: Path, mix: str = "public") -> dict:
    prefix = out / f"locust-{mix}"
    subprocess.run(
        [str(BIN / "locust"), "-f", str(ROOT / "bench" / "locustfile.py"), MIXES[mix], "--headless", "--only-summary",
         "-u", str(users), "-r", str(max(users // 2, 1)), "-t", f"{seconds}s", "--host", host,
         "--csv", str(prefix), "--loglevel", "WARNING"],
        check=False, cwd=ROOT, stdout=subprocess.DEVNULL,
    )  # fmt: skip
    with open(f"{prefix}_stats.csv", newline="") as fh:
        rows = {row["Name"]: row for row in csv.DictReader(fh)}
    total = rows["Aggregated"]
    return {
        "rps": float(total["Requests/s"]),
        "p50": float(total["50%"]),
        "p95": float(total["95%"]),
        "p99": float(total["99%"]),
        "requests": int(total["Request Count"]),
        "errors": int(total["Failure Count"]),
        "pages": {name: float(row["95%"]) for name, row in rows.items() if name != "Aggregated"},
    }


def drain(redis_url: str, seconds: float = 300) -> None:
    """Wait until the worker has done the demo's text extraction, so both sides are measured idle."""
    import redis

    connection = redis.Redis.from_url(redis_url)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        waiting = sum(connection.llen(f"rq:queue:{name}") for name in ("default", "email"))
        running = sum(connection.zcard(f"rq:wip:{name}") for name in ("default", "email"))
        if waiting + running == 0:
            break
        time.sleep(1)
    time.sleep(10)  # the mailer's demo mail
    connection.close()


def sqlite_side(users: int, seconds: int, work: Path, port: int) -> dict:
    env = {**os.environ, "DEV_MODE": "1", "DEBUG": "0", "SECURE_SSL_REDIRECT": "0", "VAR_DIR": str(work / "var"), "TASKS_BACKEND": "immediate", "BEHIND_TLS_PROXY": "1",
           "DATABASE_URL": f"sqlite:///{work / 'bench.sqlite3'}", "DJANGO_SETTINGS_MODULE": "secretaria.settings"}  # fmt: skip
    for command in (["migrate", "--noinput", "-v0"], ["collectstatic", "--noinput", "-v0"], ["load_demo"]):
        subprocess.run([PY, "manage.py", *command], env=env, cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    web = subprocess.Popen(
        [str(BIN / "gunicorn"), "secretaria.wsgi", "--bind", f"127.0.0.1:{port}", "--workers", "2", "--threads", "4"],
        env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    try:
        wait_http(f"http://127.0.0.1:{port}/healthz")
        return {mix: locust(f"http://127.0.0.1:{port}", users, seconds, work, mix) for mix in MIXES}
    finally:
        web.terminate()
        web.wait(timeout=30)


def stack_side(users: int, seconds: int, work: Path) -> dict:
    stack_dir = work / "stack"
    env = {**os.environ, "STACK_DIR": str(stack_dir), "STACK_PORT": "8490", "STACK_STORAGE": "s3"}
    subprocess.run([str(ROOT / "deploy" / "stack-up"), "up"], env=env, cwd=ROOT, check=True)
    try:
        loaded = dict(env)
        for line in (stack_dir / "env").read_text().splitlines():
            name, _sep, value = line.partition("=")
            loaded[name] = value.strip("'")
        subprocess.run([PY, "manage.py", "load_demo"], env={**loaded, "DEV_MODE": "1", "DEBUG": "0"}, cwd=ROOT,
                       check=True, stdout=subprocess.DEVNULL)  # fmt: skip
        drain(loaded["REDIS_URL"])
        return {mix: locust("http://127.0.0.1:8490", users, seconds, work, mix) for mix in MIXES}
    finally:
        subprocess.run([str(ROOT / "deploy" / "stack-up"), "down"], env=env, cwd=ROOT, check=False)


SIDES = {
    "sqlite": "(a) make run: SQLite, 1 gunicorn process",
    "stack": "(b) nginx + 2 gunicorn + PostgreSQL + Redis/RQ + S3",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=30)
    parser.add_argument("--side", choices=["both", *SIDES], default="both", help="both (default), or one side alone")
    args = parser.parse_args()
    if not 1 <= args.users <= 100 or not 5 <= args.seconds <= 300:
        raise SystemExit("keep it bounded: 1-100 users, 5-300 seconds")
    work = Path(tempfile.mkdtemp(prefix="sv-bench-scale-"))
    results = {}
    try:
        if args.side in ("both", "sqlite"):
            (work / "a").mkdir()
            results["sqlite"] = sqlite_side(args.users, args.seconds, work / "a", 8470)
        if args.side in ("both", "stack"):
            (work / "b").mkdir()
            results["stack"] = stack_side(args.users, args.seconds, work / "b")
    finally:
        shutil.rmtree(work, ignore_errors=True)
    for mix in MIXES:
        print(f"\n{mix.capitalize()} mix, {args.users} users, {args.seconds} s each, 127.0.0.1\n")
        print("| side | requests | req/s | p50 ms | p95 ms | p99 ms | errors |")
        print("|---|---|---|---|---|---|---|")
        for side, r in results.items():
            r = r[mix]
            print(
                f"| {SIDES[side]} | {r['requests']} | {r['rps']:.1f} | {r['p50']:.0f} | {r['p95']:.0f} "
                f"| {r['p99']:.0f} | {r['errors']} |"
            )
        pages = sorted(next(iter(results.values()))[mix]["pages"])
        print(
            "\np95 by page (ms, " + " / ".join(results) + "): "
            + "; ".join(f"{name}: " + " / ".join(f"{r[mix]['pages'].get(name, 0):.0f}" for r in results.values())
                        for name in pages)
        )  # fmt: skip


if __name__ == "__main__":
    main()
