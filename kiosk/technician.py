"""The service mode: the technician's screen on the terminal itself.

It opens by a gesture no citizen makes by chance — the top left corner of the attract (or
out-of-order) screen held for :data:`HOLD_S` seconds (a tap there starts a visit as anywhere
else), never during a visit — and then only with the technician PIN. The PIN is kept as a
salted scrypt hash (``python -m provisioning pin`` writes it, mode 0600); after
:data:`MAX_TRIES` wrong ones the service mode is locked, five minutes and then twice as long
each time, a restart does not unlock it, and every attempt is logged (never the digits).
Open, it shows the terminal's state, runs the self-test and enrols the terminal by a typed
code or the invitation's QR code held to the camera; it closes itself after :data:`IDLE_S`
untouched.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from provisioning.pins import (
    LOCKOUT_FILE,
    MAX_PIN_DIGITS,
    MIN_PIN_DIGITS,
    PIN_FILE,
    hash_pin,
    pin_matches,
)

if TYPE_CHECKING:
    from drivers.camera.analyser import FrameAnalyser
    from drivers.camera.frames import Frame
    from kiosk.scheduling import TimerHandle
    from kiosk.terminal import Terminal

log = logging.getLogger(__name__)

__all__ = ["MAX_PIN_DIGITS", "TechnicianMode", "TechnicianStep"]

#: The demo's PIN where no PIN was set (the demo only; a terminal in service has none).
DEMO_PIN = "1234"
#: How long the corner is held (the screen's press-and-hold interval).
HOLD_S = 3.0
MAX_TRIES = 5
LOCKOUT_S = 300.0
MAX_LOCKOUT_S = 24 * 3600.0
IDLE_S = 120.0
SCAN_FOR_S = 60.0


class TechnicianStep(StrEnum):
    CLOSED = "closed"
    PIN = "pin"
    OPEN = "open"


@dataclass(frozen=True)
class Lockout:
    failures: int = 0
    #: Wall-clock seconds; 0: not locked.
    locked_until: float = 0.0
    lockouts: int = 0


class TechnicianMode:
    """The service mode's state, on the terminal's (GUI) thread; slow work on its workers."""

    def __init__(self, terminal: Terminal, wall: Callable[[], float] = time.time) -> None:
        self._terminal = terminal
        self._wall = wall
        self._listeners: list[Callable[[], None]] = []
        self.step = TechnicianStep.CLOSED
        self._idle: TimerHandle | None = None
        self._checking = False
        self._scan: FrameAnalyser[str] | None = None
        self._scan_timer: TimerHandle | None = None
        #: What the screen says last, in words ("" nothing).
        self.message = ""
        #: The typed code or scanned invitation is being enrolled.
        self.enrolling = False
        self.scanning = False

    # --- plumbing ---------------------------------------------------------------------------

    def subscribe(self, listener: Callable[[], None]) -> None:
        self._listeners.append(listener)

    def _changed(self) -> None:
        for listener in list(self._listeners):
            listener()

    @property
    def _data_dir(self) -> Path:
        return self._terminal.config.data_dir

    def _lockout(self) -> Lockout:
        try:
            found = json.loads((self._data_dir / LOCKOUT_FILE).read_text(encoding="utf-8"))
            return Lockout(int(found["failures"]), float(found["locked_until"]),
                           int(found.get("lockouts", 0)))  # fmt: skip
        except (OSError, ValueError, KeyError, TypeError):
            return Lockout()

    def _keep(self, lockout: Lockout) -> None:
        path = self._data_dir / LOCKOUT_FILE
        part = path.with_name(path.name + ".part")
        try:
            with part.open("w", encoding="utf-8") as f:
                f.write(json.dumps(lockout.__dict__))
                f.flush()
                os.fsync(f.fileno())
            part.replace(path)
        except OSError as exc:  # (a full disk: the service mode still works, said in the log)
            log.error("service mode: the PIN attempts cannot be kept (%s)", exc.strerror)

    def locked_for_s(self) -> float:
        # (at most the longest lock: a clock that was far ahead when it was set, then put
        # right, must not lock the technicians out for months)
        return min(MAX_LOCKOUT_S, max(0.0, self._lockout().locked_until - self._wall()))

    @property
    def busy(self) -> bool:
        """A technician is at it: the service mode is open or enrolling."""
        return self.step is not TechnicianStep.CLOSED or self.enrolling

    def _touched(self) -> None:
        if self._idle is not None:
            self._idle.cancel()
        self._idle = self._terminal.scheduler.call_later("service-mode", IDLE_S, self.close)

    # --- opening ----------------------------------------------------------------------------

    def corner_held(self) -> None:
        """The attract (or out-of-order) screen's top left corner was held :data:`HOLD_S`."""
        if self.step is not TechnicianStep.CLOSED or not self._terminal.idle:
            return
        self.step = TechnicianStep.PIN
        self.message = ""
        log.info("service mode: asked for the PIN")
        self._touched()
        self._changed()

    def enter_pin(self, pin: str) -> None:
        if self.step is not TechnicianStep.PIN or self._checking:
            return
        self._touched()
        if not pin.isdigit() or len(pin) < MIN_PIN_DIGITS:
            return  # (no PIN typed: no attempt, nothing counted)
        wait = self.locked_for_s()
        if wait > 0:
            self.message = f"locked:{int(wait // 60) + 1}"
            log.warning("service mode: a PIN typed while locked")
            self._changed()
            return
        stored = self._stored_pin()
        if stored is None:
            self.message = "no_pin"
            log.warning("service mode: no technician PIN set (python -m provisioning pin)")
            self._changed()
            return
        self._checking = True
        worker = self._terminal.equipment.service_worker
        worker.submit(lambda: pin_matches(pin, stored), self._checked)

    def _stored_pin(self) -> str | None:
        try:
            return (self._data_dir / PIN_FILE).read_text(encoding="ascii").strip() or None
        except (OSError, UnicodeDecodeError):
            if self._terminal.config.demo:
                return hash_pin(DEMO_PIN)
            return None

    def _checked(self, result: object) -> None:
        self._checking = False
        if isinstance(result, BaseException):
            raise result
        if self.step is not TechnicianStep.PIN:
            return
        lockout = self._lockout()
        if result is True:
            self._keep(Lockout())
            self.step = TechnicianStep.OPEN
            self.message = ""
            log.warning("service mode opened (technician PIN)")
        else:
            failures = lockout.failures + 1
            if failures >= MAX_TRIES:
                lockouts = lockout.lockouts + 1
                wait = min(MAX_LOCKOUT_S, LOCKOUT_S * 2 ** (lockouts - 1))
                self._keep(Lockout(0, self._wall() + wait, lockouts))
                self.message = f"locked:{int(wait // 60)}"
                log.warning("service mode: wrong PIN %d times: locked for %d min",
                            failures, wait // 60)  # fmt: skip
            else:
                self._keep(Lockout(failures, 0.0, lockout.lockouts))
                self.message = f"wrong:{MAX_TRIES - failures}"
                log.warning("service mode: wrong PIN (%d of %d)", failures, MAX_TRIES)
        self._changed()

    def close(self) -> None:
        self._stop_scan()
        if self._idle is not None:
            self._idle.cancel()
            self._idle = None
        if self.step is not TechnicianStep.CLOSED:
            log.info("service mode closed")
        self.step = TechnicianStep.CLOSED
        self.message = ""
        self._changed()

    # --- what it does -----------------------------------------------------------------------

    def self_test(self) -> None:
        if self.step is TechnicianStep.OPEN:
            self._touched()
            self._terminal.orders.self_test()

    def enrol(self, typed: str) -> None:
        """Enrol with a typed code (with the configured hub) or a whole invitation."""
        from wire.enrolment import (
            PREFIX,
            Invitation,
            InvitationError,
            normalise_code,
            parse_invitation,
        )

        if self.step is not TechnicianStep.OPEN or self.enrolling:
            return
        self._touched()
        hub = self._terminal.config.hub
        try:
            if typed.strip().startswith(PREFIX):
                invitation = parse_invitation(typed.strip())
            elif hub.enrol_url and hub.enrol_ca_sha256:
                code = normalise_code(typed)
                if code is None:
                    raise InvitationError("not a code")
                invitation = Invitation(hub.enrol_url, code, hub.enrol_ca_sha256)
            else:
                self.message = "no_hub"
                self._changed()
                return
        except InvitationError:
            self.message = "bad_code"
            self._changed()
            return
        self._stop_scan()
        self.enrolling = True
        self.message = ""
        self._changed()
        identity_dir = hub.identity_dir
        worker = self._terminal.equipment.service_worker
        worker.submit(lambda: _enrol(invitation, identity_dir), self._enrolled)

    def _enrolled(self, result: object) -> None:
        from provisioning.enrol import EnrolmentError

        self.enrolling = False
        if isinstance(result, EnrolmentError):
            self.message = f"refused:{result}"
            log.warning("service mode: enrolment refused: %s", result)
        elif isinstance(result, BaseException):
            raise result
        else:
            self.message = f"enrolled:{result}"
            log.warning("service mode: enrolled as %s; restarting", result)
            from kiosk.decommissioning import DECOMMISSIONED_MARKER

            # (enrolled again after a decommissioning: it may serve once configured)
            (self._data_dir / DECOMMISSIONED_MARKER).unlink(missing_ok=True)
            # The new identity, mutual TLS and the hub's configuration are read at the start:
            # the message stays a moment, then the mode closes and the program restarts
            # (once nobody uses the terminal, as for the hub's order).
            self._terminal.scheduler.call_later("enrolled", 3.0, self._restart_enrolled)
        self._changed()

    def _restart_enrolled(self) -> None:
        self.close()
        self._terminal.orders.restart(None)

    def scan(self) -> None:
        """Look for the invitation's QR code in the camera's picture."""
        from drivers.camera.analyser import FrameAnalyser

        if self.step is not TechnicianStep.OPEN or self.scanning or self.enrolling:
            return
        self._touched()
        equipment = self._terminal.equipment
        # (a terminal never set up — no catalogue, no key yet — has not started its camera:
        # the analyser's demand starts it, and a camera that never delivers runs out the time)
        equipment.start()
        live = equipment.devices.camera.live
        if live is None:
            self.message = "no_camera"
            self._changed()
            return
        scheduler = self._terminal.scheduler
        run: FrameAnalyser[str] = FrameAnalyser(
            "service-qr",
            live,
            _invitation_in,
            lambda text: scheduler.post(lambda: self._scanned(run, text)),
        )
        self._scan = run
        self.scanning = True
        self.message = ""
        run.start()
        self._scan_timer = scheduler.call_later("service-scan", SCAN_FOR_S, self._stop_scan)
        self._changed()

    def _scanned(self, run: FrameAnalyser[str], text: str) -> None:
        if run is not self._scan:
            return
        self._stop_scan()
        self.enrol(text)

    def _stop_scan(self) -> None:
        run, self._scan = self._scan, None
        if run is not None:
            run.stop()
        timer, self._scan_timer = self._scan_timer, None
        if timer is not None:
            timer.cancel()
        if self.scanning:
            self.scanning = False
            self._changed()


def _invitation_in(frame: Frame) -> str | None:
    from drivers.camera.qr import read_qr_codes
    from wire.enrolment import PREFIX

    for text in read_qr_codes(frame.pixels):
        if text.startswith(PREFIX):
            return text
    return None


def _enrol(invitation: object, identity_dir: Path) -> str:
    from provisioning.enrol import enrol
    from provisioning.identity import DeviceIdentity
    from wire.enrolment import Invitation

    assert isinstance(invitation, Invitation)
    return enrol(invitation, DeviceIdentity(identity_dir)).terminal_id
