"""The sending engine: workers claim delivery rows, send them over one SMTP connection, record results.

States: queued → sending → sent, or deferred (retried with exponential backoff) or failed (with
the reason). The guarantee, and the one window where a duplicate is possible, are stated in
docs/mail-delivery.md; in short:

* A row is claimed (state ``sending``, ``claimed_by`` = this worker's batch, ``claimed_at``) in a
  short transaction: on PostgreSQL one ``UPDATE … WHERE id IN (SELECT … FOR UPDATE SKIP LOCKED)``
  statement (one round trip); on SQLite one
  ``UPDATE … WHERE id IN (SELECT … LIMIT n) AND state IN (…)`` inside a ``BEGIN IMMEDIATE``
  transaction (the settings' ``transaction_mode``), which SQLite runs one writer at a time.
  Two workers therefore never hold the same row.
* A row becomes ``sent`` in its own commit, right after the SMTP server accepted the message
  (its reply to DATA). Nothing else happens between the two. On PostgreSQL the worker does not
  wait for that commit before sending the next message: it waits for it before sending the
  mark after (``SentMarks``), so at most one accepted message is ever unmarked, as on SQLite.
* A worker that dies leaves its rows in ``sending``; after ``MAIL_LEASE_SECONDS`` any worker puts
  them back in the queue, and a worker restarted with the same ``--worker-id`` does so at once.
"""

from __future__ import annotations

import logging
import smtplib
import socket
import threading
import time
import uuid
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.conf import settings
from django.core.mail import get_connection
from django.db import connection as db_connection
from django.db import transaction
from django.db.models import Count, Q, Subquery
from django.utils import timezone
from psycopg import errors as pg_errors
from psycopg import generators as pg_generators
from psycopg import pq

from secretaria.comms.composing import Composer
from secretaria.comms.models import Delivery

log = logging.getLogger(__name__)
State = Delivery.State


# --- Rate limit ---------------------------------------------------------------------------------
class TokenBucket:
    """``rate`` sends per second on average, bursts of at most ``capacity``. rate=0: no limit."""

    def __init__(self, rate: float, capacity: float | None = None, clock=time.monotonic, sleep=time.sleep):
        self.rate = float(rate)
        self.capacity = float(capacity if capacity is not None else max(1.0, self.rate))
        self.tokens = self.capacity
        self.clock, self.sleep = clock, sleep
        self.updated = clock()
        self.lock = threading.Lock()

    def take(self) -> float:
        """Wait until a send is allowed; return the seconds waited."""
        if self.rate <= 0:
            return 0.0
        with self.lock:
            now = self.clock()
            self.tokens = min(self.capacity, self.tokens + (now - self.updated) * self.rate)
            self.updated = now
            if self.tokens >= 1:
                self.tokens -= 1
                return 0.0
            wait = (1 - self.tokens) / self.rate
            self.sleep(wait)
            self.tokens = 0.0
            self.updated = self.clock()
            return wait


_BUCKETS: dict[str, TokenBucket] = {}
_BUCKETS_LOCK = threading.Lock()


def bucket_for_server() -> TokenBucket:
    """One bucket per SMTP server (host:port) in this process, at MAIL_RATE_PER_SECOND."""
    key = f"{settings.EMAIL_HOST}:{settings.EMAIL_PORT}:{settings.MAIL_RATE_PER_SECOND}"
    with _BUCKETS_LOCK:
        bucket = _BUCKETS.get(key)
        if bucket is None:
            bucket = _BUCKETS[key] = TokenBucket(settings.MAIL_RATE_PER_SECOND)
        return bucket


# --- Claiming -----------------------------------------------------------------------------------
def _due(now) -> Q:
    return Q(state=State.QUEUED) | Q(state=State.DEFERRED, next_attempt_at__lte=now)


# PostgreSQL: one statement, its own transaction (autocommit): the rows are locked, skipping
# those another worker holds, and claimed in the same round trip.
_CLAIM_PG_SQL = (
    "UPDATE comms_delivery SET state = %s, claimed_by = %s, claimed_at = %s WHERE id IN ("
    " SELECT id FROM comms_delivery WHERE state = %s OR (state = %s AND next_attempt_at <= %s)"
    " ORDER BY id LIMIT %s FOR UPDATE SKIP LOCKED)"
)


def claim(*, worker_id: str, limit: int) -> tuple[str, list[Delivery]]:
    """Claim up to ``limit`` due rows for this worker; returns the batch token and the rows."""
    token = f"{worker_id}#{uuid.uuid4().hex[:12]}"
    now = timezone.now()
    if db_connection.vendor == "postgresql":
        with db_connection.cursor() as cursor:
            cursor.execute(_CLAIM_PG_SQL, [State.SENDING, token, now, State.QUEUED, State.DEFERRED, now, int(limit)])
    else:
        with transaction.atomic():
            # SQLite: the transaction began with BEGIN IMMEDIATE, so no other writer runs until
            # it commits; the state condition is repeated in the UPDATE all the same.
            due = Delivery.objects.filter(_due(now)).order_by("pk").values("pk")[:limit]
            Delivery.objects.filter(Q(pk__in=Subquery(due)) & _due(now)).update(
                state=State.SENDING, claimed_by=token, claimed_at=now
            )
    rows = list(
        Delivery.objects.filter(claimed_by=token, state=State.SENDING)
        .select_related("subscription__mailing_list", "subscription__user")
        .order_by("pk")
    )
    return token, rows


def recover_stale(*, worker_id: str | None = None, now=None) -> int:
    """Put back in the queue rows left in 'sending' by a dead worker.

    Rows whose lease ran out, and (with ``worker_id``) rows of an earlier life of this worker.
    """
    now = now or timezone.now()
    stale = Q(state=State.SENDING, claimed_at__lt=now - timezone.timedelta(seconds=settings.MAIL_LEASE_SECONDS))
    if worker_id:
        stale |= Q(state=State.SENDING, claimed_by__startswith=f"{worker_id}#")
    return Delivery.objects.filter(stale).update(state=State.QUEUED, claimed_by="", claimed_at=None)


def _renew(token: str, pks: list[int]) -> None:
    Delivery.objects.filter(pk__in=pks, claimed_by=token, state=State.SENDING).update(claimed_at=timezone.now())


def _release(token: str, pks: list[int]) -> None:
    Delivery.objects.filter(pk__in=pks, claimed_by=token, state=State.SENDING).update(
        state=State.QUEUED, claimed_by="", claimed_at=None
    )


# --- Results ------------------------------------------------------------------------------------
_MARK_SENT_SQL = (
    "UPDATE comms_delivery SET state = %s, sent_at = %s, attempts = attempts + 1, last_error = ''"
    " WHERE id = %s AND claimed_by = %s AND state = %s"
)


def mark_sent(delivery: Delivery, token: str, *, wait: bool = True) -> bool | None:
    """Its own commit, right after the server accepted the message: the duplicate window.

    Plain SQL: this statement runs once per message and the ORM's query building would be
    a good part of the time the window stays open. With ``wait=False`` on PostgreSQL the
    statement is handed to the server and this returns at once (None): the server commits it
    while the worker sends the next message, and ``settle_sent()`` must be called before the
    connection runs anything else (``SentMarks`` does both).
    """
    params = [State.SENT, timezone.now(), delivery.pk, token, State.SENDING]
    if not wait and db_connection.vendor == "postgresql":
        _send_without_waiting(_MARK_SENT_SQL, params)
        return None
    with db_connection.cursor() as cursor:
        cursor.execute(_MARK_SENT_SQL, params)
        return cursor.rowcount == 1


def _send_without_waiting(sql: str, params: list) -> None:
    """libpq's asynchronous command processing (PQsendQueryParams, then flush): the statement
    is on its way to the server, which runs and commits it (autocommit) on its own; one
    statement at most is in flight, so a kill can leave at most this one message unmarked."""
    db_connection.ensure_connection()
    raw = db_connection.connection
    values = [(value.isoformat() if hasattr(value, "isoformat") else str(value)).encode() for value in params]
    numbered = sql.encode()
    for n in range(1, len(values) + 1):
        numbered = numbered.replace(b"%s", f"${n}".encode(), 1)
    with db_connection.wrap_database_errors, raw.lock:
        raw.pgconn.send_query_params(numbered, values)
        raw.wait(pg_generators.send(raw.pgconn))


def settle_sent() -> bool:
    """Wait for the statement ``mark_sent(wait=False)`` sent; True if it marked its row."""
    raw = db_connection.connection
    with db_connection.wrap_database_errors, raw.lock:
        results = raw.wait(pg_generators.fetch_many(raw.pgconn))
        marked = False
        for result in results:
            if result.status != pq.ExecStatus.COMMAND_OK:
                raise pg_errors.DatabaseError(result.get_error_message() or "the 'sent' mark failed")
            marked = result.command_tuples == 1
        return marked


class SentMarks:
    """A worker's 'sent' marks. On PostgreSQL the mark of one message travels to the server
    while the next message goes over SMTP (a round trip saved per message); the previous
    mark is confirmed before the next one is sent and before any other statement, so at
    most one message is ever accepted by the SMTP server and not yet marked, as before."""

    def __init__(self):
        self.in_flight = False

    def mark(self, delivery: Delivery, token: str) -> None:
        self.settle()
        pipelined = db_connection.vendor == "postgresql" and settings.MAIL_PIPELINED_MARKS
        mark_sent(delivery, token, wait=not pipelined)
        self.in_flight = pipelined

    def settle(self) -> None:
        if self.in_flight:
            self.in_flight = False
            settle_sent()

    def before_statement(self, execute, sql, params, many, context):
        """A ``connection.execute_wrapper``: any statement run through Django settles first."""
        self.settle()
        return execute(sql, params, many, context)


@contextmanager
def commits_without_waiting_for_disk():
    """While a worker runs, its commits on PostgreSQL return before the WAL reaches the disk.

    As SQLite's synchronous=NORMAL does: a killed worker loses nothing (the server already has
    the commit); only a crash of the database server itself can lose the last fraction of a
    second of the worker's writes. Every state the worker writes is safe to lose that way: a
    lost 'sent' mark means the message is sent again (a duplicate, never a loss), a lost claim
    or deferral means the row is tried again. docs/mail-delivery.md says so. Reset afterwards:
    a task worker's connection serves other tasks too.
    """
    if db_connection.vendor != "postgresql":
        yield
        return
    with db_connection.cursor() as cursor:
        cursor.execute("SET synchronous_commit TO OFF")
    try:
        yield
    finally:
        with db_connection.cursor() as cursor:
            cursor.execute("SET synchronous_commit TO DEFAULT")


def backoff_seconds(attempts: int) -> int:
    return min(settings.MAIL_RETRY_BASE_SECONDS * (2 ** max(attempts - 1, 0)), 6 * 3600)


def mark_failed_or_deferred(delivery: Delivery, token: str, *, permanent: bool, reason: str) -> str:
    attempts = delivery.attempts + 1
    if permanent or attempts >= settings.MAIL_MAX_ATTEMPTS:
        state, next_at = State.FAILED, None
    else:
        state, next_at = State.DEFERRED, timezone.now() + timezone.timedelta(seconds=backoff_seconds(attempts))
    Delivery.objects.filter(pk=delivery.pk, claimed_by=token).update(
        state=state, attempts=attempts, next_attempt_at=next_at, last_error=reason[:500], claimed_by="", claimed_at=None
    )
    return state


def _classify(exc: Exception) -> tuple[bool, str, bool]:
    """(permanent?, reason, connection lost?) for an exception raised while sending one message."""
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        code, text = next(iter(exc.recipients.values()), (450, b""))
        reason = f"{code} {text.decode(errors='replace') if isinstance(text, bytes) else text}"
        return 500 <= code < 600, reason, False
    if isinstance(exc, smtplib.SMTPResponseException):
        err = exc.smtp_error.decode(errors="replace") if isinstance(exc.smtp_error, bytes) else str(exc.smtp_error)
        return 500 <= exc.smtp_code < 600, f"{exc.smtp_code} {err}", exc.smtp_code == 421
    if isinstance(exc, smtplib.SMTPServerDisconnected | socket.error | OSError):
        return False, f"connection: {exc}", True
    return False, f"{type(exc).__name__}: {exc}", True


@dataclass
class Stats:
    sent: int = 0
    deferred: int = 0
    failed: int = 0
    batches: int = 0
    waited: float = 0.0
    errors: list[str] = field(default_factory=list)


class Sender:
    """One worker: claims batches and sends them over one reused SMTP connection."""

    def __init__(self, worker_id: str | None = None, *, batch_size: int | None = None, connection=None):
        self.worker_id = worker_id or f"{socket.gethostname()}-{uuid.uuid4().hex[:6]}"
        self.batch_size = batch_size or settings.MAIL_BATCH_SIZE
        self.connection = connection
        self.composer = Composer()
        self.bucket = bucket_for_server()
        self.stop_requested = False

    def _open(self):
        if self.connection is None:
            self.connection = get_connection(fail_silently=False)
        self.connection.open()

    def _reset_connection(self):
        try:
            self.connection.close()
        except Exception:  # a broken connection may fail to close; a fresh one is opened next
            log.debug("closing a broken SMTP connection failed", exc_info=True)
        self.connection = None

    def close(self):
        if self.connection is not None:
            self._reset_connection()

    def _send_one(self, delivery: Delivery) -> None:
        """Hand one message to the server; returns only if the server accepted it."""
        smtp = getattr(self.connection, "connection", None)
        if isinstance(smtp, smtplib.SMTP):
            # Django's SMTP backend, open: the bytes from the per-message template, straight to
            # smtplib (Django's backend would build the MIME message again for each recipient).
            envelope_from, recipients, data = self.composer.build_bytes(delivery)
            smtp.sendmail(envelope_from, recipients, data)
            return
        if not self.connection.send_messages([self.composer.build(delivery)]):
            raise smtplib.SMTPServerDisconnected("the e-mail backend sent nothing")

    def send_batch(self, stats: Stats | None = None) -> Stats:
        stats = stats or Stats()
        token, rows = claim(worker_id=self.worker_id, limit=self.batch_size)
        if not rows:
            return stats
        stats.batches += 1
        claimed_at = time.monotonic()
        pending = [d.pk for d in rows]
        marks = SentMarks()
        # Every other statement of the batch (the composer may read the database too) first
        # waits for the mark in flight: the connection runs one statement at a time.
        with db_connection.execute_wrapper(marks.before_statement):
            try:
                for delivery in rows:
                    if self.stop_requested:
                        break
                    if time.monotonic() - claimed_at > settings.MAIL_LEASE_SECONDS / 2:
                        marks.settle()
                        _renew(token, pending)  # a slow batch (rate limit) keeps its rows
                        claimed_at = time.monotonic()
                    stats.waited += self.bucket.take()
                    try:
                        if self.connection is None:
                            self._open()
                        self._send_one(delivery)
                    except Exception as exc:
                        permanent, reason, lost = _classify(exc)
                        marks.settle()
                        state = mark_failed_or_deferred(delivery, token, permanent=permanent, reason=reason)
                        stats.failed += state == State.FAILED
                        stats.deferred += state == State.DEFERRED
                        stats.errors.append(reason)
                        log.warning("delivery %s %s: %s", delivery.pk, state, reason)
                        if lost:
                            self._reset_connection()
                    else:
                        marks.mark(delivery, token)
                        stats.sent += 1
                    pending.remove(delivery.pk)
            finally:
                marks.settle()
                if pending:
                    _release(token, pending)
        return stats

    def run(
        self, *, once: bool = True, poll_seconds: float = 2.0, max_seconds: float | None = None, idle=None
    ) -> Stats:
        """Send until the queue is empty (``once``) or until stopped, polling every ``poll_seconds``."""
        stats = Stats()
        started = time.monotonic()
        recover_stale(worker_id=self.worker_id)
        try:
            with commits_without_waiting_for_disk():
                self._loop(
                    stats, once=once, poll_seconds=poll_seconds, max_seconds=max_seconds, idle=idle, started=started
                )
        finally:
            self.close()
        return stats

    def _loop(self, stats: Stats, *, once, poll_seconds, max_seconds, idle, started) -> None:
        while not self.stop_requested:
            before = stats.sent + stats.failed + stats.deferred
            recover_stale()
            self.send_batch(stats)
            worked = stats.sent + stats.failed + stats.deferred > before
            if max_seconds is not None and time.monotonic() - started > max_seconds:
                break
            if not worked:
                if once:
                    break
                if idle is not None:
                    idle()
                self.close()  # do not keep an idle SMTP connection open
                time.sleep(poll_seconds)


def send_queue(*, worker_id: str | None = None, max_seconds: float | None = None) -> Stats:
    """Send everything due now, then return."""
    return Sender(worker_id).run(once=True, max_seconds=max_seconds)


def progress(message) -> dict[str, int]:
    """Counts per state of one message's deliveries, and the total: one query."""

    counts = dict(message.deliveries.values_list("state").annotate(n=Count("pk")).values_list("state", "n"))
    result = {state: counts.get(state, 0) for state in State.values}
    result["total"] = sum(counts.values())
    result["done"] = result[State.SENT] + result[State.FAILED]
    result["percent"] = round(100 * result["done"] / result["total"]) if result["total"] else 100
    return result
