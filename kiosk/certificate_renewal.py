"""Keeps the terminal's device certificate current: it looks a minute after start and then
every few hours, and renews on a network worker (never the GUI thread) when a third of the
certificate's life is left. A terminal not enrolled has nothing to renew."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from kiosk.config import Hub

if TYPE_CHECKING:
    from kiosk.scheduling import Clock, Scheduler, TimerHandle, Worker

log = logging.getLogger(__name__)

CHECK_AFTER_S = 60.0
CHECK_EVERY_S = 6 * 3600.0


class CertificateRenewal:
    def __init__(self, hub: Hub, scheduler: Scheduler, worker: Worker, clock: Clock) -> None:
        self._hub = hub
        self._scheduler = scheduler
        self._worker = worker
        self._clock = clock
        self._timer: TimerHandle | None = None
        self._running = False
        #: The last attempt's failure, in words ("" when the last one worked, or none was due).
        self.problem = ""

    def start(self) -> None:
        if self._timer is None:
            self._timer = self._scheduler.call_later("certificate", CHECK_AFTER_S, self._check)

    def close(self) -> None:
        timer, self._timer = self._timer, None
        if timer is not None:
            timer.cancel()

    def _check(self) -> None:
        from provisioning.identity import DeviceIdentity
        from provisioning.renewal import renew, renewal_due

        self._timer = self._scheduler.call_later("certificate", CHECK_EVERY_S, self._check)
        identity = DeviceIdentity(self._hub.identity_dir)
        if self._running or not renewal_due(identity, self._clock()):
            return
        self._running = True
        self._worker.submit(lambda: renew(identity), self._done)

    def _done(self, result: object) -> None:
        from provisioning.renewal import RenewalError

        self._running = False
        if isinstance(result, RenewalError):
            self.problem = str(result)
            log.warning("device certificate not renewed: %s (tried again later)", result)
        elif isinstance(result, BaseException):
            raise result
        else:
            self.problem = ""
