"""Timeouts: inactivity, the warning's countdown, the done screen's countdown, and the reset of
a language a passer-by chose on the attract screen.

After ``inactivity_s`` without a touch the timeout warning lies over the screen with a countdown
of ``warning_s``; *extend* resumes the screen, the end of the countdown ends the visit. The done
screen counts its last seconds down visibly and then finishes. A citizen who asks for much more
time gets it for the rest of the visit (WCAG 2.2.1's "adjust": ten times the inactivity time,
and twice the warning's countdown).
"""

from __future__ import annotations

from kiosk.scheduling import TimerHandle
from kiosk.session.core import Core
from kiosk.session.machine import Event
from kiosk.session.states import DONE_COUNTDOWN_S, Change, EndReason, Overlay, Screen

#: How much longer a citizen who asked for more time may pause, and the warning counts down.
MORE_TIME_FACTOR = 10
MORE_TIME_WARNING_FACTOR = 2


class Timeouts:
    def __init__(self, core: Core) -> None:
        self._core = core
        self._limits = core.setting.timeouts
        self._inactivity: TimerHandle | None = None
        self._tick: TimerHandle | None = None
        self.countdown_s = 0
        #: A side flow (the call) runs, laid over the screen or docked beside it: the
        #: inactivity timer rests (a citizen talking to a clerk is not idle), and so does the
        #: done screen's countdown, which would end the visit and the call with it.
        self.resting = False
        core.on_end.append(self._ended)

    def touch(self) -> None:
        """The citizen did something: restart the inactivity timer (not during the warning:
        there only *extend* counts, so a stray touch cannot hide the countdown; not during a
        side flow, which keeps its own time)."""
        core = self._core
        if core.screen is Screen.ATTRACT or core.overlay is Overlay.TIMEOUT_WARNING:
            return
        self.arm()

    def arm(self) -> None:
        self.disarm()
        if self.countdown_s:
            self.countdown_s = 0
            self._core.changed(Change.COUNTDOWN)
        screen = self._core.screen
        if self.resting or screen in (Screen.ATTRACT, Screen.SUBMITTING):
            return
        later = self._core.scheduler.call_later
        if screen is Screen.DONE:
            # The done screen counts down its last seconds visibly: someone copying the
            # tracking number by hand sees it coming and can touch the screen for more time.
            quiet = max(0.0, self._limits.done_s - DONE_COUNTDOWN_S)
            self._inactivity = later("inactivity", quiet, self._done_count)
            return
        self._inactivity = later("inactivity", self._inactivity_s, self._inactive)

    @property
    def _more_time(self) -> bool:
        visit = self._core.visit
        return visit is not None and visit.more_time

    @property
    def _inactivity_s(self) -> float:
        return self._limits.inactivity_s * (MORE_TIME_FACTOR if self._more_time else 1)

    @property
    def _warning_s(self) -> float:
        return self._limits.warning_s * (MORE_TIME_WARNING_FACTOR if self._more_time else 1)

    def take_more_time(self) -> None:
        """Much more time for the rest of this visit (the warning, if it is up, goes)."""
        visit = self._core.visit
        if visit is None or visit.more_time:
            return
        visit.more_time = True
        if self._core.allows(Event.EXTEND):
            self.extend()
        else:
            self.arm()
        self._core.changed(Change.COUNTDOWN)

    def disarm(self) -> None:
        for handle in (self._inactivity, self._tick):
            if handle is not None:
                handle.cancel()
        self._inactivity = self._tick = None

    def _done_count(self) -> None:
        self._inactivity = None
        self.countdown_s = int(min(DONE_COUNTDOWN_S, self._limits.done_s))
        self._core.changed(Change.COUNTDOWN)
        self._tick = self._core.scheduler.call_later("countdown", 1.0, self._count_down)

    def _inactive(self) -> None:
        self._inactivity = None
        self.countdown_s = int(self._warning_s)
        if not self._core.fire(Event.INACTIVE):
            self.countdown_s = 0
            return
        self._tick = self._core.scheduler.call_later("countdown", 1.0, self._count_down)

    def _count_down(self) -> None:
        self.countdown_s -= 1
        if self.countdown_s <= 0:
            self._tick = None
            reason = EndReason.FINISHED if self._core.screen is Screen.DONE else EndReason.TIMED_OUT
            self._core.fire(Event.COUNTDOWN_OVER, reason=reason)
            return
        self._core.changed(Change.COUNTDOWN)
        self._tick = self._core.scheduler.call_later("countdown", 1.0, self._count_down)

    def extend(self) -> None:
        """The citizen needs more time."""
        if self._core.allows(Event.EXTEND):
            self.countdown_s = 0
            self._core.fire(Event.EXTEND)
            self.arm()

    def language_chosen(self) -> None:
        if self._core.screen is Screen.ATTRACT:
            # A passer-by's choice must not stay for everyone after them.
            self.disarm()
            self._inactivity = self._core.scheduler.call_later(
                "language-reset", self._limits.inactivity_s, self._reset_language
            )

    def _reset_language(self) -> None:
        self._inactivity = None
        core = self._core
        if core.screen is Screen.ATTRACT and core.language != core.setting.default_language:
            core.language = core.setting.default_language
            core.changed(Change.LANGUAGE)

    def _ended(self, reason: EndReason) -> None:
        self.resting = False
        self.disarm()
        self.countdown_s = 0
