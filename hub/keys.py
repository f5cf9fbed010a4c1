"""The hub's key pair: RSA-4096 as a JWK file (mode 0600).

By default the key lies in the data folder (``hub-key.jwk``); ``--key PATH`` puts it apart
from the data — on another volume, a mounted secret — so that a copy of the data folder (a
backup, a disk sent for repair) holds only sealed submissions and no means to open them.
Terminals get only the public half (``python -m hub key export``). Losing the private key
means losing every submission not yet read: back it up, to a place as safe as the town hall's
other secrets.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from joserfc.jwk import RSAKey

from wire.sealing import generate_key, import_key, public_jwk

KEY_FILE = "hub-key.jwk"


def key_path(data_dir: Path, configured: Path | None = None) -> Path:
    return configured if configured is not None else data_dir / KEY_FILE


def create_key(path: Path) -> bool:
    """Create the key file if there is none; True if one was made now."""
    if path.exists():
        return False
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    key = generate_key()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(key.as_dict(private=True), f)
    return True


def load_key(path: Path) -> RSAKey:
    """``path``: the key file, or (as before ``--key`` existed) the data folder holding it."""
    if path.is_dir():
        path = path / KEY_FILE
    data = json.loads(path.read_text(encoding="utf-8"))
    return import_key(data)


def public_key_document(key: RSAKey) -> dict[str, Any]:
    return public_jwk(key)


def make_private(path: Path) -> None:
    """Create ``path`` if missing and make it (and SQLite's -wal/-shm beside it) 0600,
    whatever the folder's mode or the process's umask.

    By path only (``chmod``), never by opening an existing file: closing any descriptor of a
    database file drops every POSIX lock the process holds on it, SQLite's included — a hub
    whose own connection lost its locks read stale rows after another process wrote.
    """
    if not path.exists():
        os.close(os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600))
    for suffix in ("", "-wal", "-shm", "-journal"):
        side = path.with_name(path.name + suffix)
        if side.exists():
            side.chmod(0o600)
