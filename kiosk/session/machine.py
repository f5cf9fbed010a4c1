"""The session's transitions as data: one table of which event is allowed where, and where it
leads.

A state is a :class:`Screen` (the main flow) or an :class:`Overlay` lying over it. Overlays form
a stack: a rule from a screen to an overlay *pushes* it, a rule from an overlay to another
overlay *replaces* it, :attr:`Target.RESUME` pops it and the screen underneath is exactly as it
was. While an overlay is on top, only that overlay's rules apply: the screen's are suspended.
:attr:`Target.END` ends the visit (back to the attract screen), :attr:`Target.STAY` accepts the
event without moving. Besides the table, :meth:`kiosk.session.Session.end` ends a visit from any
state (a fault, the terminal shutting down): that is the one way back that needs no rule.

Rules are tried in table order; the first whose guards all hold wins. Guards are named
(:class:`Guard`) so that the table can be printed (``tools/state_diagram.py``); the session
supplies a predicate for each.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from kiosk.session.states import Change, IdentifyState, Overlay, Screen

log = logging.getLogger(__name__)


class Event(StrEnum):
    START = "start"
    CHOOSE = "choose"
    PROCEED = "proceed"
    SKIP_IDENTIFICATION = "skip_identification"
    IDENTITY_CONFIRMED = "identity_confirmed"
    BACK = "back"
    NEXT = "next"
    PAGES_DONE = "pages_done"
    EDIT_PAGE = "edit_page"
    EDIT_PHOTOS = "edit_photos"
    PHOTOS_DONE = "photos_done"
    SUBMIT = "submit"
    PHOTOS_MISSING = "photos_missing"
    PAGE_INVALID = "page_invalid"
    ADDRESS_INVALID = "address_invalid"
    STORE = "store"
    STORED = "stored"
    STORE_FAILED = "store_failed"
    FINISH = "finish"
    REQUEST_CANCEL = "request_cancel"
    CONFIRM_CANCEL = "confirm_cancel"
    DISMISS_CANCEL = "dismiss_cancel"
    INACTIVE = "inactive"
    EXTEND = "extend"
    COUNTDOWN_OVER = "countdown_over"
    # Input on a screen: allowed there only, the screen stays.
    SET_CONSENT = "set_consent"
    SET_RECEIPT_EMAIL = "set_receipt_email"
    TAKE_PHOTO = "take_photo"
    REPRINT = "reprint"
    # The identify screen's steps (the reader's events and the citizen's access data).
    CARD_INSERTED = "card_inserted"
    CARD_REMOVED = "card_removed"
    ACCESS_NEEDED = "access_needed"
    ACCESS_TYPED = "access_typed"
    ACCESS_MISTYPED = "access_mistyped"
    USE_MRZ = "use_mrz"
    READ_PROGRESS = "read_progress"
    READ_RETRY = "read_retry"  # wrong CAN/MRZ, or the MRZ is needed: the card is still there
    READ_FAILED = "read_failed"
    DOCUMENT_READ = "document_read"
    IDENTITY_REJECTED = "identity_rejected"
    READER_READY = "reader_ready"
    READER_LOST = "reader_lost"
    # A status look-up service: the hub's answer, and asking again.
    LOOKED_UP = "looked_up"
    RETRY_LOOKUP = "retry_lookup"
    SUSPEND = "suspend"  # a side flow (the call) lies over the screen
    RESUME = "resume"  # the side flow is over: back to the screen as it was


class Guard(StrEnum):
    """Conditions a rule may require; the session gives each its predicate."""

    STORAGE_FULL = "storage full"
    NEEDS_IDENTIFICATION = "needs identification"
    IDENTIFICATION_OPTIONAL = "identification optional"
    PAGE_INVALID = "page invalid"
    RETURN_TO_REVIEW = "return to review"
    MORE_PAGES = "more pages"
    NOT_FIRST_PAGE = "not first page"
    IDENTIFICATION_PENDING = "identification pending"
    NEEDS_PHOTOS = "needs photos"
    PHOTOS_COMPLETE = "photos complete"
    PHOTOS_MISSING = "photos missing"
    VALID_PAGE_INDEX = "valid page"
    CONSENT = "consent"
    IDENTITY_READ = "identity read"
    OFFERS_EMAIL = "receipt e-mail offered"
    CAMERA_FREE = "camera free, room for a photo"
    PRINT_FAILED = "not printed, printer idle"
    LOOKS_UP_STATUS = "status look-up service"
    LOOKUP_RETRYABLE = "look-up not answered, not asking"


class Effect(StrEnum):
    """What a transition does to the visit besides moving (the session implements each)."""

    NEW_SERVICE_VISIT = "forget the service"
    START_IDENTIFY = "start identifying"
    PREFILL = "prefill"
    FIRST_PAGE = "first page"
    NO_ID = "forget an unconfirmed read, first page"
    NEXT_PAGE = "next page"
    PREVIOUS_PAGE = "previous page"
    LAST_PAGE = "last page"
    CHOSEN_PAGE = "chosen page"
    OPEN_CAMERA = "open camera"
    OPEN_REVIEW = "open review"
    LOOK_UP_STATUS = "ask the hub for the status"


class Target(StrEnum):
    STAY = "stay"
    RESUME = "resume"
    END = "end"


class AnyStep(StrEnum):
    """A rule for every step of the identify screen."""

    IDENTIFY = "any_step"


#: A screen, an overlay, or a step of the identify screen (its sub-states, kept in the visit).
State = Screen | Overlay | IdentifyState | AnyStep
Destination = Screen | Overlay | IdentifyState | Target
#: Every screen where a citizen is being served (all but the attract screen).
SERVING = tuple(s for s in Screen if s is not Screen.ATTRACT)


@dataclass(frozen=True)
class Rule:
    source: State
    event: Event
    target: Destination
    guards: tuple[Guard, ...] = ()
    effect: Effect | None = None
    #: What the UI must re-read besides the screen's own aspects (``kiosk.session.core``).
    changes: tuple[Change, ...] = ()


def _rules() -> tuple[Rule, ...]:
    S, V, E, G, F, T, C = Screen, Overlay, Event, Guard, Effect, Target, Change  # noqa: N806
    rules = [
        Rule(S.ATTRACT, E.START, S.HOME),
        Rule(S.HOME, E.CHOOSE, S.SERVICE, changes=(C.FORM, C.PRINTER)),
        Rule(S.HOME, E.REQUEST_CANCEL, T.END),  # nothing entered yet: no need to ask
        Rule(S.SERVICE, E.PROCEED, T.STAY, (G.STORAGE_FULL,), changes=(C.FORM,)),
        Rule(S.SERVICE, E.PROCEED, S.IDENTIFY, (G.NEEDS_IDENTIFICATION,), F.START_IDENTIFY),
        Rule(S.SERVICE, E.PROCEED, S.FORM, (), F.FIRST_PAGE),
        Rule(S.SERVICE, E.BACK, S.HOME, (), F.NEW_SERVICE_VISIT, (C.FORM, C.PHOTOS, C.IDENTIFY)),
        Rule(S.IDENTIFY, E.SKIP_IDENTIFICATION, S.FORM, (G.IDENTIFICATION_OPTIONAL,), F.NO_ID),
        Rule(S.IDENTIFY, E.IDENTITY_CONFIRMED, S.FORM, (G.IDENTITY_READ,), F.PREFILL),
        Rule(S.IDENTIFY, E.BACK, S.SERVICE),
        Rule(S.FORM, E.NEXT, T.STAY, (G.PAGE_INVALID,), changes=(C.FORM,)),
        Rule(S.FORM, E.NEXT, S.REVIEW, (G.RETURN_TO_REVIEW,), F.OPEN_REVIEW),
        Rule(S.FORM, E.NEXT, S.FORM, (G.MORE_PAGES,), F.NEXT_PAGE),
        # A status look-up sends nothing: the hub's answer is shown at once.
        Rule(S.FORM, E.NEXT, S.STATUS, (G.LOOKS_UP_STATUS,), F.LOOK_UP_STATUS),
        Rule(S.FORM, E.NEXT, S.ATTACHMENTS, (G.NEEDS_PHOTOS,), F.OPEN_CAMERA),
        Rule(S.FORM, E.NEXT, S.REVIEW, (), F.OPEN_REVIEW),
        # A service without pages passes the form at once.
        Rule(S.FORM, E.PAGES_DONE, S.ATTACHMENTS, (G.NEEDS_PHOTOS,), F.OPEN_CAMERA),
        Rule(S.FORM, E.PAGES_DONE, S.REVIEW, (), F.OPEN_REVIEW),
        Rule(S.FORM, E.BACK, S.FORM, (G.NOT_FIRST_PAGE,), F.PREVIOUS_PAGE),
        Rule(S.FORM, E.BACK, S.IDENTIFY, (G.IDENTIFICATION_PENDING,)),
        Rule(S.FORM, E.BACK, S.SERVICE),
        Rule(S.ATTACHMENTS, E.TAKE_PHOTO, T.STAY, (G.CAMERA_FREE,), changes=(C.PHOTOS,)),
        Rule(S.ATTACHMENTS, E.PHOTOS_DONE, S.REVIEW, (G.PHOTOS_COMPLETE,), F.OPEN_REVIEW),
        Rule(S.ATTACHMENTS, E.BACK, S.FORM, (), F.LAST_PAGE),
        Rule(S.REVIEW, E.BACK, S.ATTACHMENTS, (G.NEEDS_PHOTOS,)),
        Rule(S.REVIEW, E.BACK, S.FORM, (), F.LAST_PAGE),
        Rule(S.REVIEW, E.EDIT_PAGE, S.FORM, (G.VALID_PAGE_INDEX,), F.CHOSEN_PAGE),
        Rule(S.REVIEW, E.EDIT_PHOTOS, S.ATTACHMENTS, (G.NEEDS_PHOTOS,)),
        # SUBMIT is only allowed with consent; the checks that follow report their outcome.
        Rule(S.REVIEW, E.SET_CONSENT, T.STAY, changes=(C.REVIEW,)),
        Rule(S.REVIEW, E.SET_RECEIPT_EMAIL, T.STAY, (G.OFFERS_EMAIL,), changes=(C.REVIEW,)),
        Rule(S.REVIEW, E.SUBMIT, T.STAY, (G.CONSENT,)),
        Rule(S.REVIEW, E.PHOTOS_MISSING, S.ATTACHMENTS),
        Rule(S.REVIEW, E.ADDRESS_INVALID, T.STAY, changes=(C.REVIEW,)),
        Rule(S.REVIEW, E.PAGE_INVALID, S.FORM),
        Rule(S.REVIEW, E.STORE, S.SUBMITTING),
        Rule(S.SUBMITTING, E.STORED, S.DONE),
        Rule(S.SUBMITTING, E.STORE_FAILED, S.REVIEW),
        Rule(S.STATUS, E.LOOKED_UP, T.STAY, changes=(C.STATUS,)),
        Rule(S.STATUS, E.RETRY_LOOKUP, T.STAY, (G.LOOKUP_RETRYABLE,), F.LOOK_UP_STATUS),
        Rule(S.STATUS, E.BACK, S.FORM, (), F.LAST_PAGE),
        Rule(S.STATUS, E.FINISH, T.END),
        Rule(S.STATUS, E.REQUEST_CANCEL, T.END),  # nothing to lose: no need to ask
        Rule(S.DONE, E.REPRINT, T.STAY, (G.PRINT_FAILED,)),
        Rule(S.DONE, E.FINISH, T.END),
        Rule(S.DONE, E.REQUEST_CANCEL, T.END),  # already finished: no need to ask
        Rule(S.DONE, E.COUNTDOWN_OVER, T.END),
        Rule(V.CONFIRM_CANCEL, E.DISMISS_CANCEL, T.RESUME),
        Rule(V.CONFIRM_CANCEL, E.CONFIRM_CANCEL, T.END),
        Rule(V.CONFIRM_CANCEL, E.INACTIVE, V.TIMEOUT_WARNING, changes=(C.COUNTDOWN,)),
        Rule(V.TIMEOUT_WARNING, E.EXTEND, T.RESUME, changes=(C.COUNTDOWN,)),
        Rule(V.TIMEOUT_WARNING, E.COUNTDOWN_OVER, T.END),
        Rule(V.SIDE_FLOW, E.RESUME, T.RESUME),
    ]
    # Storing takes a moment (SUBMITTING); the done screen offers to finish instead.
    for screen in (S.SERVICE, S.IDENTIFY, S.FORM, S.ATTACHMENTS, S.REVIEW):
        rules.append(Rule(screen, E.REQUEST_CANCEL, V.CONFIRM_CANCEL))
        rules.append(Rule(screen, E.INACTIVE, V.TIMEOUT_WARNING, changes=(C.COUNTDOWN,)))
    for screen in (S.HOME, S.STATUS):
        rules.append(Rule(screen, E.INACTIVE, V.TIMEOUT_WARNING, changes=(C.COUNTDOWN,)))
    # Not while storing: the outbox's answer (STORED, STORE_FAILED) must find its screen, or
    # the citizen would come back from a call to "storing …" for ever.
    for screen in SERVING:
        if screen is not S.SUBMITTING:
            rules.append(Rule(screen, E.SUSPEND, V.SIDE_FLOW))
    return (*rules, *_identify_steps())


def _identify_steps() -> list[Rule]:
    """The identify screen's steps: these events count while it is the screen (whatever lies
    over it: the reader does not wait for a dialog), from the step the visit is at."""
    D, A, E = IdentifyState, AnyStep.IDENTIFY, Event  # noqa: N806 - a table
    return [
        Rule(A, E.CARD_INSERTED, D.READING, changes=(Change.IDENTIFY,)),
        Rule(D.READING, E.CARD_REMOVED, D.WAITING, changes=(Change.IDENTIFY,)),
        Rule(D.ACCESS, E.CARD_REMOVED, D.WAITING, changes=(Change.IDENTIFY,)),
        Rule(A, E.ACCESS_NEEDED, D.ACCESS, changes=(Change.IDENTIFY,)),
        Rule(D.ACCESS, E.ACCESS_MISTYPED, D.ACCESS, changes=(Change.IDENTIFY,)),
        Rule(D.ACCESS, E.ACCESS_TYPED, D.READING, changes=(Change.IDENTIFY,)),
        Rule(D.ACCESS, E.USE_MRZ, D.ACCESS, changes=(Change.IDENTIFY,)),
        Rule(D.READING, E.READ_PROGRESS, D.READING, changes=(Change.IDENTIFY,)),
        Rule(A, E.READ_RETRY, D.ACCESS, changes=(Change.IDENTIFY,)),
        Rule(A, E.READ_FAILED, D.FAILED, changes=(Change.IDENTIFY,)),
        Rule(A, E.DOCUMENT_READ, D.CONFIRM, changes=(Change.IDENTIFY,)),
        Rule(D.CONFIRM, E.IDENTITY_REJECTED, D.WAITING, changes=(Change.IDENTIFY,)),
        Rule(A, E.READER_READY, D.WAITING, changes=(Change.IDENTIFY,)),
        Rule(A, E.READER_LOST, D.NO_READER, changes=(Change.IDENTIFY,)),
    ]


#: The one table: which event is allowed in which state, under which guards, and where it leads.
TABLE: tuple[Rule, ...] = _rules()

_BY_STATE: dict[tuple[State, Event], tuple[Rule, ...]] = {}
for _rule in TABLE:
    _BY_STATE[(_rule.source, _rule.event)] = (
        *_BY_STATE.get((_rule.source, _rule.event), ()),
        _rule,
    )


class Machine:
    """Where the main flow is (a screen) and what lies over it (a stack of overlays)."""

    def __init__(self, guards: Mapping[Guard, Callable[[], bool]]) -> None:
        #: Filled in by the flows, each with the predicates it knows.
        self._guards = guards
        self.screen = Screen.ATTRACT
        self.layers: list[Overlay] = []

    def check_guards(self) -> None:
        """Every guard the table names has its predicate (called once the flows are made)."""
        missing = {g for rule in TABLE for g in rule.guards} - set(self._guards)
        if missing:
            raise ValueError(f"no predicate for guards {sorted(missing)}")

    @property
    def overlay(self) -> Overlay:
        return self.layers[-1] if self.layers else Overlay.NONE

    @property
    def state(self) -> State:
        return self.layers[-1] if self.layers else self.screen

    def rule(self, event: Event) -> Rule | None:
        """The rule that applies to ``event`` now, or None if it is not allowed."""
        for rule in _BY_STATE.get((self.state, event), ()):
            if all(self._guards[guard]() for guard in rule.guards):
                return rule
        return None

    def step_rule(self, event: Event, step: IdentifyState) -> Rule | None:
        """The identify step's rule for ``event`` (None unless the identify screen is shown)."""
        if self.screen is not Screen.IDENTIFY:
            return None
        for rule in (
            *_BY_STATE.get((step, event), ()),
            *_BY_STATE.get((AnyStep.IDENTIFY, event), ()),
        ):
            if all(self._guards[guard]() for guard in rule.guards):
                return rule
        return None

    def apply(self, rule: Rule) -> None:
        target = rule.target
        if isinstance(target, Screen):
            if target is not self.screen:
                log.info("screen %s -> %s", self.screen.value, target.value)
            self.screen = target
        elif isinstance(target, Overlay):
            if isinstance(rule.source, Overlay):
                self.layers[-1] = target
            else:
                self.layers.append(target)
        elif target is Target.RESUME:
            self.layers.pop()
        elif target is Target.END:
            self.screen = Screen.ATTRACT
            self.layers.clear()
