"""Tracking codes: what the citizen's receipt carries and the status lookup accepts.

A code is 60 random bits written as 12 Crockford base32 characters in groups of four
(``7K3M-Q9XD-2AF8``). It is drawn independently of the submission id, so knowing one tells
nothing about the other. 60 bits against a rate-limited lookup cannot be enumerated: even with a
million submissions on file a guess hits one with probability 10⁻¹². The hub stores only a hash
of the code.
"""

from __future__ import annotations

import hashlib
import secrets
import unicodedata

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
LENGTH = 12
BITS = LENGTH * 5
# Crockford's reading rules: letters people confuse with digits are read as those digits.
_READ_AS = str.maketrans({"I": "1", "L": "1", "O": "0"})


def new_tracking_code() -> str:
    value = secrets.randbits(BITS)
    chars = "".join(ALPHABET[(value >> shift) & 31] for shift in range(BITS - 5, -5, -5))
    return format_tracking_code(chars)


def format_tracking_code(chars: str) -> str:
    return "-".join(chars[i : i + 4] for i in range(0, LENGTH, 4))


def normalise_tracking_code(text: str) -> str | None:
    """The canonical ``XXXX-XXXX-XXXX`` form of what someone typed, or None if it cannot be one.

    Case, spaces and dashes do not matter; I, L and O are read as 1, 1 and 0. Spaces and
    dashes of any kind: a code copied from an e-mail brings no-break spaces, a keyboard's
    autocorrect turns "-" into "–", a phone keypad offers "−".
    """
    if len(text) > 64:
        return None
    chars = "".join(c for c in text.upper() if not _separates(c)).translate(_READ_AS)
    if len(chars) != LENGTH or any(c not in ALPHABET for c in chars):
        return None
    return format_tracking_code(chars)


def _separates(char: str) -> bool:
    return char.isspace() or unicodedata.category(char) == "Pd" or char == "\N{MINUS SIGN}"


def tracking_digest(code: str) -> str:
    """What the hub stores and looks up instead of the code itself."""
    return hashlib.sha256(code.encode("ascii")).hexdigest()
