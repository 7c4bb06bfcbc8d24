"""A small self-hosted proof-of-work check for the public inquiry form (no third-party service).

The form carries a signed challenge; the page's script (static/outreach/pow.js) finds a nonce
such that SHA-256(challenge + ":" + nonce) starts with ``OUTREACH_POW_DIFFICULTY`` zero bits
(about a second of a phone's time, far too dear for a spammer's thousands), and the server
checks it in microseconds. A challenge is good for an hour and for one submission only.
"""

from __future__ import annotations

import hashlib
import secrets

from django.conf import settings
from django.core import signing
from django.core.cache import cache

SALT = "outreach.pow"
MAX_AGE = 3600


def challenge_new() -> str:
    return signing.dumps({"r": secrets.token_hex(8), "d": settings.OUTREACH_POW_DIFFICULTY}, salt=SALT)


def leading_zero_bits(digest: bytes) -> int:
    bits = 0
    for byte in digest:
        if byte == 0:
            bits += 8
            continue
        bits += 8 - byte.bit_length()
        break
    return bits


def solve(challenge: str) -> str:
    """What the browser does (used by the tests and the demo)."""
    difficulty = signing.loads(challenge, salt=SALT)["d"]
    nonce = 0
    while leading_zero_bits(hashlib.sha256(f"{challenge}:{nonce}".encode()).digest()) < difficulty:
        nonce += 1
    return str(nonce)


def challenge_verify(challenge: str, nonce: str) -> bool:
    try:
        data = signing.loads(challenge or "", salt=SALT, max_age=MAX_AGE)
    except signing.BadSignature:
        return False
    if not (nonce or "").isdigit() or len(nonce) > 12:
        return False
    digest = hashlib.sha256(f"{challenge}:{nonce}".encode()).digest()
    if leading_zero_bits(digest) < int(data.get("d", 0)):
        return False
    # One submission per challenge: a solved challenge cannot be replayed.
    return cache.add(f"outreach:pow:{hashlib.sha256(challenge.encode()).hexdigest()}", 1, MAX_AGE)
