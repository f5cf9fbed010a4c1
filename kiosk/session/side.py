"""The seam for flows that run beside the main one: the video call, later the camera.

A side flow lies over any screen where a citizen is served (:attr:`Overlay.SIDE_FLOW`, pushed
by :attr:`Event.SUSPEND`). While it runs, the screen underneath and the visit are kept as they
are and the main flow's events are refused (the table only offers the overlay's own), the
inactivity timer rests (a call is not idleness), and when it is over (:attr:`Event.RESUME`) the
citizen is back on exactly that screen. If the visit ends meanwhile (a fault, the terminal
shutting down), the side flow is told to stop and is dropped with the visit.

A running flow can also be *docked*: it steps aside (the overlay is resumed, the main flow's
events count again, the UI shows the flow small beside the screen) and keeps running, so a
citizen fills in the form while the clerk watches; *undocking* lays it over the screen again.
The timers rest as long as any flow runs, docked or not.
"""

from __future__ import annotations

import logging
from typing import Protocol

from kiosk.session.core import Core
from kiosk.session.machine import Event
from kiosk.session.states import EndReason, Overlay
from kiosk.session.timeouts import Timeouts
from kiosk.session.visit import Visit

log = logging.getLogger(__name__)


class SideFlow(Protocol):
    """What a side flow gives the session."""

    #: A short name for logs and for the UI to pick its screen ("call").
    name: str

    def stopped(self, visit: Visit) -> None:
        """The visit ended while this flow ran: stop (hang up) and keep nothing of it."""


class SideFlows:
    def __init__(self, core: Core, timeouts: Timeouts) -> None:
        self._core = core
        self._timeouts = timeouts
        self._running: list[tuple[SideFlow, Visit]] = []
        self._docked: SideFlow | None = None
        core.on_end.append(self._ended)

    @property
    def current(self) -> SideFlow | None:
        return self._running[-1][0] if self._running else None

    def docked(self, flow: SideFlow) -> bool:
        """``flow`` runs docked beside the screen (not laid over it)."""
        return self._docked is flow and self.current is flow

    def begin(self, flow: SideFlow) -> bool:
        """Lay ``flow`` over the current screen; False if no citizen is served now, or
        another flow runs docked."""
        visit = self._core.visit
        if visit is None or self._docked is not None or not self._core.fire(Event.SUSPEND):
            return False
        log.info("side flow started: %s", flow.name)
        self._running.append((flow, visit))
        self._timeouts.resting = True
        self._timeouts.disarm()
        return True

    def dock(self, flow: SideFlow) -> bool:
        """``flow`` steps aside and keeps running: the screen under it is the citizen's
        again. False if it is not the one laid over the screen."""
        if self.current is not flow or self._core.overlay is not Overlay.SIDE_FLOW:
            return False
        if not self._core.fire(Event.RESUME):
            return False
        self._docked = flow
        log.info("side flow docked: %s", flow.name)
        return True

    def undock(self, flow: SideFlow) -> bool:
        """Lay the docked ``flow`` over the screen again. False if it is not docked, or the
        screen cannot be left now (storing the submission; a dialog lies over it)."""
        if not self.docked(flow) or not self._core.fire(Event.SUSPEND):
            return False
        self._docked = None
        log.info("side flow undocked: %s", flow.name)
        return True

    def finish(self, flow: SideFlow) -> bool:
        """``flow`` is over: back to the screen under it, as it was. False if it is not the
        one on top (its visit ended, or another flow lies over it)."""
        if self.docked(flow):
            self._docked = None
        elif self.current is not flow or self._core.overlay is not Overlay.SIDE_FLOW:
            return False
        else:
            self._core.fire(Event.RESUME)
        self._running.pop()
        log.info("side flow finished: %s", flow.name)
        self._timeouts.resting = bool(self._running)
        self._timeouts.arm()
        return True

    def _ended(self, reason: EndReason) -> None:
        running, self._running = self._running, []
        self._docked = None
        for flow, visit in reversed(running):
            flow.stopped(visit)
