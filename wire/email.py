"""E-mail addresses a receipt can be sent to (``receipt_email`` in ``pop.submission/1``).

Apart from :mod:`wire.submission` so that the terminal can check what a citizen typed without
importing the document model (and pydantic) before its first frame.
"""

from __future__ import annotations

import re

#: An e-mail address as a receipt can be sent to: no spaces or line breaks (nothing can be
#: smuggled into a mail header), one @, a dot in the domain, at most 254 characters.
EMAIL_RE = re.compile(
    r"^[^\s@\x00-\x1f\x7f]{1,64}@[^\s@\x00-\x1f\x7f.]+(\.[^\s@\x00-\x1f\x7f.]+)+$"
)
MAX_EMAIL = 254


def is_email(text: str) -> bool:
    return len(text) <= MAX_EMAIL and EMAIL_RE.match(text) is not None
