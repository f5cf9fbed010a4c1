"""The QR code of a receipt: the terminal's status address with its tracking number in it.

A code held to the camera is accepted only when it is exactly what a receipt prints (the
configured ``status_url`` with a well-formed tracking number in its place); anything else, a
link to somewhere, a payment code, another town's receipt, is refused and never opened.
"""

from __future__ import annotations

from wire.tracking import normalise_tracking_code

#: Longer than any status address with a tracking number: not read at all.
MAX_LENGTH = 512


def tracking_from_qr(text: str, status_url: str) -> str | None:
    """The tracking number a receipt's QR ``text`` carries, or None if it is not one of ours."""
    if len(text) > MAX_LENGTH or "{tracking}" not in status_url:
        return None
    # As the receipt prints it (str.format: "{{" is a brace), cut where the number goes.
    try:
        printed = status_url.format(tracking="\0")
    except (IndexError, KeyError, ValueError):
        return None
    prefix, _, suffix = printed.partition("\0")
    if not (text.startswith(prefix) and text.endswith(suffix)):
        return None
    inner = text[len(prefix) : len(text) - len(suffix)] if suffix else text[len(prefix) :]
    code = normalise_tracking_code(inner)
    # Exactly as printed: the canonical form, not merely something that reads as one.
    if code is None or text != prefix + code + suffix:
        return None
    return code
