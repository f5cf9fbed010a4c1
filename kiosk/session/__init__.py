"""The citizen session: a state machine from the attract screen back to it.

::

    ATTRACT ─start→ HOME ─choose→ SERVICE ─proceed→ IDENTIFY ─card read→ FORM (page 1..n)
                                          └─(no ID needed)──────────────→ FORM
    FORM ─next (valid)→ … → ATTACHMENTS (if the service takes photos) → REVIEW
    REVIEW ─consent + submit→ SUBMITTING ─stored durably→ DONE ─finish/timeout→ ATTRACT

The package: :mod:`.states` (the names the UI reads), :mod:`.visit` (one citizen's data,
wiped once), :mod:`.machine` (the transition table), the flows :mod:`.form`,
:mod:`.identification`, :mod:`.photos`, :mod:`.outcome`, :mod:`.receipts`, :mod:`.timeouts`,
the seam for side flows :mod:`.side`, and :mod:`.facade` (the :class:`Session` the UI uses).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from kiosk.session.states import (
    ALL_CHANGES,
    DELIVERY_WAIT_S,
    DONE_COUNTDOWN_S,
    PRINT_DELAY_S,
    Change,
    Delivery,
    EndReason,
    IdentifyState,
    Listener,
    Overlay,
    ScanProblem,
    Screen,
    SubmitFailure,
)

if TYPE_CHECKING:
    from kiosk.session.facade import Session

__all__ = [
    "ALL_CHANGES",
    "DELIVERY_WAIT_S",
    "DONE_COUNTDOWN_S",
    "PRINT_DELAY_S",
    "Change",
    "Delivery",
    "EndReason",
    "IdentifyState",
    "Listener",
    "Overlay",
    "ScanProblem",
    "Screen",
    "Session",
    "SubmitFailure",
]


def __getattr__(name: str) -> Any:
    # The session itself (its flows, the outbox, the delivery states) is imported when first
    # asked for: the user interface needs only the states' names to draw its first frame.
    if name == "Session":
        from kiosk.session.facade import Session

        return Session
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
