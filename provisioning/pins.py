"""The service mode's technician PIN: a salted scrypt hash in the terminal's data folder (mode
0600), set over SSH with ``python -m provisioning pin``; the kiosk checks a typed PIN against
it (kiosk.technician) and keeps its lockout beside it."""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets
from pathlib import Path

PIN_FILE = "service-pin"
LOCKOUT_FILE = "service-lockout.json"
MIN_PIN_DIGITS, MAX_PIN_DIGITS = 4, 12
#: scrypt's cost: ~50 ms here; a guess at a stolen hash costs the same.
_N, _R, _P = 2**14, 8, 1


def hash_pin(pin: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    parts = (_N, _R, _P, base64.b64encode(salt).decode(), base64.b64encode(digest).decode())
    return "$".join(("scrypt", *map(str, parts)))


def pin_matches(pin: str, stored: str) -> bool:
    try:
        kind, n, r, p, salt, digest = stored.strip().split("$")
        if kind != "scrypt":
            return False
        found = hashlib.scrypt(
            pin.encode(),
            salt=base64.b64decode(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=32,
            maxmem=2**26,
        )
        return hmac.compare_digest(found, base64.b64decode(digest))
    except (ValueError, TypeError):
        return False


def pin_problem(pin: str) -> str | None:
    if not pin.isdigit() or not MIN_PIN_DIGITS <= len(pin) <= MAX_PIN_DIGITS:
        return f"a PIN is {MIN_PIN_DIGITS} to {MAX_PIN_DIGITS} digits"
    if len(set(pin)) == 1 or pin in "0123456789012" or pin in "9876543210987":
        return "a PIN of one digit repeated or counted up or down is guessed first"
    return None


def write_pin(data_dir: Path, pin: str) -> None:
    data_dir.mkdir(mode=0o700, parents=True, exist_ok=True)
    path = data_dir / PIN_FILE
    part = path.with_name(path.name + ".part")
    fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="ascii") as f:
        f.write(hash_pin(pin) + "\n")
        f.flush()
        os.fsync(f.fileno())
    part.replace(path)
    (data_dir / LOCKOUT_FILE).unlink(missing_ok=True)
