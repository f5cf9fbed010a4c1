"""The hub's key pair: RSA-4096 as a JWK file (mode 0600) in the data folder.

Terminals get only the public half (``python -m hub key export``). Losing the private key
means losing every submission not yet read: back the data folder up, key included, to a place
as safe as the town hall's other secrets.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from joserfc.jwk import RSAKey

from wire.sealing import generate_key, import_key, public_jwk

KEY_FILE = "hub-key.jwk"


def key_path(data_dir: Path) -> Path:
    return data_dir / KEY_FILE


def create_key(data_dir: Path) -> bool:
    """Create the key if there is none; True if one was made now."""
    path = key_path(data_dir)
    if path.exists():
        return False
    key = generate_key()
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(key.as_dict(private=True), f)
    return True


def load_key(data_dir: Path) -> RSAKey:
    data = json.loads(key_path(data_dir).read_text(encoding="utf-8"))
    return import_key(data)


def public_key_document(key: RSAKey) -> dict[str, Any]:
    return public_jwk(key)
