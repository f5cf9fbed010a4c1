"""The session's vocabulary: what the UI reads (screens, overlays, outcomes) and the timings.

These names are the public surface the UI compares against; the transition table
(:mod:`kiosk.session.machine`) says which of them follows which.
"""

from __future__ import annotations

from collections.abc import Callable
from enum import StrEnum


class Screen(StrEnum):
    ATTRACT = "attract"
    HOME = "home"
    SERVICE = "service"
    IDENTIFY = "identify"
    FORM = "form"
    ATTACHMENTS = "attachments"
    REVIEW = "review"
    SUBMITTING = "submitting"
    DONE = "done"
    #: A status look-up service's answer: where the citizen's application is.
    STATUS = "status"


class Overlay(StrEnum):
    """What lies over the screen. The screen underneath keeps its state and is returned to
    exactly when the overlay goes."""

    NONE = "none"
    CONFIRM_CANCEL = "confirm_cancel"
    TIMEOUT_WARNING = "timeout_warning"
    #: A flow beside the main one (the video call, later the camera): see ``kiosk.session.side``.
    SIDE_FLOW = "side_flow"


class IdentifyState(StrEnum):
    WAITING = "waiting"
    ACCESS = "access"  # a document is on the reader: the citizen types the CAN or MRZ values
    READING = "reading"
    CONFIRM = "confirm"  # read: the citizen checks name, date of birth and photo
    FAILED = "failed"
    NO_READER = "no_reader"


class SubmitFailure(StrEnum):
    """Why storing a submission failed; the citizen's data stays on screen for a retry."""

    STORAGE = "storage"  # the environment: disk full, I/O error
    INTERNAL = "internal"  # our bug


class EndReason(StrEnum):
    FINISHED = "finished"
    CANCELLED = "cancelled"
    TIMED_OUT = "timed_out"
    FAULT = "fault"


class ScanProblem(StrEnum):
    """Why holding a receipt's QR code to the camera has not filled the field (yet)."""

    FOREIGN_CODE = "foreign_code"  # a QR code, but not one of this town's receipts
    NOTHING_FOUND = "nothing_found"  # no receipt came into view for a while: scanning stopped
    CAMERA_UNAVAILABLE = "camera_unavailable"


class CallStep(StrEnum):
    """Where the citizen's video call to the town hall is (the overlay's page)."""

    CONSENT = "consent"  # camera and microphone: the citizen agrees, or goes back
    CONNECTING = "connecting"  # asking the hub
    WAITING = "waiting"  # in the queue (position, estimated wait)
    ANSWERED = "answered"  # a clerk took it; picture and sound are being connected
    IN_CALL = "in_call"
    RECONNECTING = "reconnecting"  # the connection broke: the same clerk is dialled again
    ENDED = "ended"  # over (who ended it, or the connection broke)
    UNAVAILABLE = "unavailable"  # no call possible now: the phone number and hours instead
    CALL_BACK = "call_back"  # nobody can answer: the citizen asks to be called back (a form)
    CALL_BACK_SENT = "call_back_sent"  # stored; the town hall calls back


class Change(StrEnum):
    SCREEN = "screen"
    OVERLAY = "overlay"
    COUNTDOWN = "countdown"
    FORM = "form"
    IDENTIFY = "identify"
    PHOTOS = "photos"
    REVIEW = "review"
    RECEIPT = "receipt"
    LANGUAGE = "language"
    DELIVERY = "delivery"  # the hub connection / queue depth, or this submission's delivery
    PRINTER = "printer"  # whether a receipt can be printed (device state)
    STATUS = "status"  # the answer to a status look-up arrived (or is being asked for)
    SCAN = "scan"  # a receipt's QR code is being looked for, was found or refused
    PAGE = "page"  # where the camera sees a document page now, and what is wrong with it
    CALL = "call"  # the video call's step, queue position, chat, mute
    VALUES = "values"  # a value was typed (on screen already: for the clerk's view in a call)


class Delivery(StrEnum):
    """Where the citizen's submission is, as the done screen and the receipt tell it."""

    PENDING = "pending"  # stored on the terminal; being sent right now
    SENT = "sent"  # the hub confirmed it
    QUEUED = "queued"  # not sent yet: it goes automatically once the hub can be reached


ALL_CHANGES = frozenset(Change)
#: Seconds between the done screen appearing and the receipt starting to print.
PRINT_DELAY_S = 0.1
#: The done screen shows a countdown for its last this many seconds.
DONE_COUNTDOWN_S = 20.0
#: How long the done screen waits for the hub's confirmation before the receipt says "queued".
DELIVERY_WAIT_S = 3.0
Listener = Callable[[frozenset[Change]], None]
