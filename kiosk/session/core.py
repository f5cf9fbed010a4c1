"""What the session's flows share: the current visit, the machine, the listeners.

Each flow (identify, form, photos, outcome, timeouts, side flows) is a small object given this
core; they talk to each other only through events (:meth:`Core.fire`) and the visit.
"""

from __future__ import annotations

import gc
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date

from catalogue.model import Catalogue
from kiosk.config import Timeouts
from kiosk.equipment import Equipment
from kiosk.scheduling import Clock, Scheduler
from kiosk.session.machine import Effect, Event, Guard, Machine, Rule, Target
from kiosk.session.states import (
    ALL_CHANGES,
    Change,
    EndReason,
    IdentifyState,
    Listener,
    Overlay,
    Screen,
)
from kiosk.session.visit import IDLE, Visit

log = logging.getLogger(__name__)

#: What the UI re-reads when the main flow arrives on a screen.
_SCREEN_CHANGES: dict[Screen, tuple[Change, ...]] = {
    Screen.ATTRACT: tuple(ALL_CHANGES),
    Screen.HOME: (),
    Screen.SERVICE: (),
    Screen.IDENTIFY: (Change.IDENTIFY,),
    Screen.FORM: (Change.FORM,),
    Screen.ATTACHMENTS: (Change.PHOTOS,),
    Screen.REVIEW: (Change.REVIEW,),
    Screen.SUBMITTING: (),
    Screen.DONE: (Change.RECEIPT, Change.DELIVERY),
    Screen.STATUS: (Change.STATUS,),
}


def _collect_garbage() -> None:
    gc.collect()


@dataclass(frozen=True)
class Setting:
    """The terminal's fixed choices a session runs with."""

    terminal_id: str
    languages: tuple[str, ...]
    default_language: str
    status_url: str
    timeouts: Timeouts
    receipt_logo: bytes = b""
    receipt_email: bool = False


class Core:
    def __init__(
        self,
        *,
        catalogue: Catalogue,
        equipment: Equipment,
        scheduler: Scheduler,
        clock: Clock,
        setting: Setting,
    ) -> None:
        self.catalogue = catalogue
        self.equipment = equipment
        self.scheduler = scheduler
        self.clock = clock
        self.setting = setting
        self.language = setting.default_language
        #: The citizen being served; None on the attract screen.
        self.visit: Visit | None = None
        self._listeners: list[Listener] = []
        self.guards: dict[Guard, Callable[[], bool]] = {}
        self.effects: dict[Effect, Callable[[], None]] = {}
        #: Called with the reason whenever a visit ends (flows stop timers, side flows close).
        self.on_end: list[Callable[[EndReason], None]] = []
        self.machine = Machine(self.guards)

    # --- reading -------------------------------------------------------------------------------

    @property
    def current(self) -> Visit:
        """The visit, or an empty one (never written) while nobody is there."""
        return self.visit if self.visit is not None else IDLE

    @property
    def screen(self) -> Screen:
        return self.machine.screen

    @property
    def overlay(self) -> Overlay:
        return self.machine.overlay

    def today(self) -> date:
        """The municipality's date now: the hub checks dates against the same day (in the
        catalogue's time zone, from the submission's ``submitted_at``), whatever zone this
        machine is set to."""
        return self.catalogue.today(self.clock())

    # --- telling ---------------------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> None:
        self._listeners.append(listener)

    def changed(self, *what: Change) -> None:
        changes = frozenset(what)
        for listener in list(self._listeners):
            listener(changes)

    # --- moving ----------------------------------------------------------------------------------

    def allows(self, event: Event) -> bool:
        """Whether the table accepts ``event`` now (asked before gathering what it needs)."""
        return self.machine.rule(event) is not None

    def fire(
        self,
        event: Event,
        *also: Change,
        reason: EndReason = EndReason.FINISHED,
        act: Callable[[], None] | None = None,
    ) -> bool:
        """Apply ``event`` by the table; False (and nothing happens) if it is not allowed now.

        ``act`` is the event's own change to the visit (what the citizen typed or chose): run
        only if the table allows the event, before the listeners hear of it.
        """
        rule = self.machine.rule(event)
        if rule is None:
            return False
        if rule.target is Target.END:
            self.end(reason)
            return True
        if rule.effect is not None:
            self.effects[rule.effect]()
        if act is not None:
            act()
        self.machine.apply(rule)
        self._tell(rule, also)
        return True

    def step(self, event: Event, act: Callable[[Visit], None] | None = None) -> Visit | None:
        """Apply an identify step's ``event`` by the table; the visit if it was allowed."""
        visit = self.visit
        rule = None if visit is None else self.machine.step_rule(event, visit.identify_state)
        if visit is None or rule is None:
            return None
        if act is not None:
            act(visit)
        if isinstance(rule.target, IdentifyState):
            visit.identify_state = rule.target
        self.changed(*rule.changes)
        return visit

    def _tell(self, rule: Rule, also: tuple[Change, ...]) -> None:
        extra = (*rule.changes, *also)
        if isinstance(rule.target, Screen):
            self.changed(Change.SCREEN, *_SCREEN_CHANGES[rule.target], *extra)
        elif rule.target is Target.STAY:
            if extra:
                self.changed(*extra)
        else:
            self.changed(Change.OVERLAY, *extra)

    def begin(self) -> Visit:
        """A citizen starts: a fresh visit."""
        self.visit = Visit(started_at=self.clock())
        return self.visit

    def end(self, reason: EndReason) -> None:
        """End the visit for any reason, from any state: wipe it once, drop it, back to the
        attract screen in the default language."""
        log.info("session ended: %s", reason.value)
        for hook in list(self.on_end):
            hook(reason)
        if self.visit is not None:
            self.visit.wipe()
            self.visit = None
        # Typed MRZ values (document number, date of birth) not yet used by the reader.
        self.equipment.devices.card_reader.forget_access()
        # The camera's newest frame (a face, a passport page) is this citizen's too.
        live = self.equipment.devices.camera.live
        if live is not None:
            live.wipe()
        self.machine.apply(Rule(self.machine.state, Event.FINISH, Target.END))
        self.language = self.setting.default_language
        # Cyclic garbage (e.g. a closure that held a value) is collected soon, but not during
        # the transition to the attract screen, where a full collection would cost a frame.
        self.scheduler.call_later("collect-garbage", 2.0, _collect_garbage)
        self.changed(*ALL_CHANGES)
