"""The Active Authentication challenge bound to one submission (re-exported by
:mod:`drivers.card.icao.active`; here without its crypto imports, for the session)."""

from __future__ import annotations

import hashlib

#: Domain separation for the challenge a terminal asks a chip to sign for a submission.
SUBMISSION_CHALLENGE_CONTEXT = b"pop-aa/1"


def submission_challenge(submission_id: str) -> bytes:
    """The 8-byte challenge (9303-11 §6.1: RND.IFD) bound to one submission: the first 8 bytes
    of SHA-256("pop-aa/1" ‖ submission id).

    The terminal makes the submission id when the identify step starts and asks the chip to
    sign this; the hub derives it from the id in the URL and checks the signature with DG15's
    key. A signature captured with one submission's evidence does not fit another id, so a
    leaked terminal credential plus replayed chip data cannot file a new application."""
    return hashlib.sha256(SUBMISSION_CHALLENGE_CONTEXT + submission_id.encode("utf-8")).digest()[:8]
