"""One run of a camera analyser for one visit: the seam the camera's flows share.

The receipt scan, the MRZ scan and the photo screen's page finder each run a
:class:`~drivers.camera.analyser.FrameAnalyser` while their screen needs it. What the analyser
finds arrives on its own thread; :class:`CameraWatch` posts it to the session's thread and hands
it on only while the same run goes on for the same visit (a late result from a stopped run, or
from the citizen before, is dropped), and stops the run after its time limit.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Generic, TypeVar

from kiosk.session.core import Core
from kiosk.session.visit import Visit

if TYPE_CHECKING:
    from drivers.camera.analyser import FrameAnalyser
    from drivers.camera.frames import Frame, LatestFrame
    from kiosk.scheduling import TimerHandle

_T = TypeVar("_T")


class CameraWatch(Generic[_T]):
    def __init__(self, core: Core) -> None:
        self._core = core
        self._analyser: FrameAnalyser[_T] | None = None
        self._timer: TimerHandle | None = None
        self._visit: Visit | None = None
        # Stopped with the visit, whichever way it ends.
        core.on_end.append(lambda _reason: self.stop())

    @property
    def running(self) -> bool:
        return self._analyser is not None

    def start(
        self,
        name: str,
        visit: Visit,
        live: LatestFrame,
        analyse: Callable[[Frame], _T | None],
        found: Callable[[Visit, _T], None],
        *,
        interval_s: float = 0.0,
        limit_s: float | None = None,
        gave_up: Callable[[Visit], None] | None = None,
    ) -> None:
        """Analyse ``live``'s frames for ``visit`` on a thread called ``name``, at most one
        frame per ``interval_s``, for at most ``limit_s`` (then ``gave_up``). A run already
        going is stopped first."""
        from drivers.camera.analyser import FrameAnalyser

        self.stop()
        scheduler = self._core.scheduler
        run = FrameAnalyser(
            name,
            live,
            analyse,
            lambda result: scheduler.post(lambda: self._deliver(run, visit, result, found)),
            interval_s=interval_s,
        )
        self._analyser, self._visit = run, visit
        run.start()
        if limit_s is not None and gave_up is not None:
            up = gave_up
            self._timer = scheduler.call_later(name, limit_s, lambda: self._time_up(run, visit, up))

    def stop(self) -> None:
        """Stop the run (not waited for: see :meth:`FrameAnalyser.stop`); the camera may rest."""
        analyser, self._analyser = self._analyser, None
        self._visit = None
        if analyser is not None:
            analyser.stop()
        timer, self._timer = self._timer, None
        if timer is not None:
            timer.cancel()

    def _current(self, run: FrameAnalyser[_T], visit: Visit) -> bool:
        return run is self._analyser and visit is self._visit and visit is self._core.visit

    def _deliver(
        self,
        run: FrameAnalyser[_T],
        visit: Visit,
        result: _T,
        found: Callable[[Visit, _T], None],
    ) -> None:
        if self._current(run, visit):
            found(visit, result)

    def _time_up(
        self, run: FrameAnalyser[_T], visit: Visit, gave_up: Callable[[Visit], None]
    ) -> None:
        self._timer = None
        if self._current(run, visit):
            self.stop()
            gave_up(visit)
