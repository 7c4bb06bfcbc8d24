"""The encrypted part of a package: Fernet (AES-128-CBC + HMAC-SHA256) with a key derived from
a passphrase by scrypt. The salt and the scrypt parameters travel beside the ciphertext."""

import base64
import json
import os
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

SCRYPT = {"n": 2**15, "r": 8, "p": 1}


class WrongPassphrase(Exception):
    pass


def _fernet(passphrase: str, salt: bytes, params: dict) -> Fernet:
    kdf = Scrypt(salt=salt, length=32, n=params["n"], r=params["r"], p=params["p"])
    return Fernet(base64.urlsafe_b64encode(kdf.derive(passphrase.encode())))


def encrypt_file(plain: Path, target: Path, passphrase: str) -> dict:
    """Encrypt ``plain`` into ``target``; return the parameters to write beside it."""
    salt = os.urandom(16)
    target.write_bytes(_fernet(passphrase, salt, SCRYPT).encrypt(plain.read_bytes()))
    return {"cipher": "fernet", "kdf": "scrypt", "salt": base64.b64encode(salt).decode(), **SCRYPT}


def decrypt_file(source: Path, params_file: Path, passphrase: str) -> bytes:
    params = json.loads(params_file.read_text())
    salt = base64.b64decode(params["salt"])
    try:
        return _fernet(passphrase, salt, params).decrypt(source.read_bytes())
    except InvalidToken as exc:
        raise WrongPassphrase from exc


def read_passphrase(*, passphrase_file: str | None, passphrase_env: str | None) -> str | None:
    if passphrase_file:
        return Path(passphrase_file).read_text().strip() or None
    if passphrase_env:
        return os.environ.get(passphrase_env) or None
    return None
