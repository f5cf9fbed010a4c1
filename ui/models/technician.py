"""The service mode for technicians (``Technician`` in QML; :mod:`kiosk.technician`): the
hidden gesture, the PIN pad, the terminal's state, the self-test and enrolment."""

from __future__ import annotations

import time

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlNamedElement, QmlSingleton, QQmlEngine

from kiosk.session import Change
from kiosk.technician import MAX_PIN_DIGITS, TechnicianStep
from ui.models.context import ModelContext, fenced, singleton

QML_IMPORT_NAME = "PointOfPublic"
QML_IMPORT_MAJOR_VERSION = 1

_STEPS = {TechnicianStep.CLOSED: 0, TechnicianStep.PIN: 1, TechnicianStep.OPEN: 2}


@QmlNamedElement("Technician")
@QmlSingleton
class TechnicianModel(QObject):  # type: ignore[operator]  # 6.11 stub: no __call__
    changed = Signal()

    def __init__(self, context: ModelContext) -> None:
        super().__init__()
        self.context = context
        self._pin = ""
        self._mode_seen: object = None
        context.subscribe(self._session_changed)
        context.terminal.subscribe(self._follow)
        self._follow()

    @staticmethod
    def create(engine: QQmlEngine) -> TechnicianModel:
        return singleton(TechnicianModel, engine)

    def _follow(self) -> None:
        # (the mode is made when first needed: subscribed then, and the screen told)
        mode = self.context.terminal.technician_if_made
        if mode is not None and mode is not self._mode_seen:
            self._mode_seen = mode
            mode.subscribe(self._mode_changed)
        self.changed.emit()

    def _session_changed(self, changes: frozenset[Change]) -> None:
        if Change.SCREEN in changes:
            self.changed.emit()

    def _mode_changed(self) -> None:
        if self.context.terminal.technician.step is not TechnicianStep.PIN:
            self._pin = ""
        self.changed.emit()

    # --- what QML shows ------------------------------------------------------------------

    @Property(int, notify=changed)
    def step(self) -> int:
        """0 closed, 1 the PIN pad, 2 open."""
        mode = self.context.terminal.technician_if_made
        return _STEPS[mode.step] if mode is not None else 0

    @Property(int, notify=changed)
    def pinLength(self) -> int:
        return len(self._pin)

    @Property(str, notify=changed)
    def messageKind(self) -> str:
        """What to say: wrong, locked, no_pin, no_hub, bad_code, refused, enrolled, no_camera."""
        mode = self.context.terminal.technician_if_made
        return mode.message.split(":", 1)[0] if mode is not None else ""

    @Property(str, notify=changed)
    def messageDetail(self) -> str:
        """Tries left, minutes locked, the terminal's name, or the hub's reason."""
        mode = self.context.terminal.technician_if_made
        return mode.message.split(":", 1)[1] if mode and ":" in mode.message else ""

    @Property(bool, notify=changed)
    def busy(self) -> bool:
        mode = self.context.terminal.technician_if_made
        return mode is not None and (mode.enrolling or mode.scanning)

    @Property(bool, notify=changed)
    def scanning(self) -> bool:
        mode = self.context.terminal.technician_if_made
        return mode is not None and mode.scanning

    @Property(bool, notify=changed)
    def codeTypable(self) -> bool:
        """The hub to enrol with is configured: a typed code is enough."""
        hub = self.context.terminal.config.hub
        return bool(hub.enrol_url and hub.enrol_ca_sha256)

    @Property(list, notify=changed)
    def status(self) -> list[dict[str, str]]:
        """The terminal's state as [{"key", "value"}], labelled in QML."""
        from kiosk.configuration import installed
        from kiosk.health import software_version
        from provisioning.identity import DeviceIdentity

        terminal = self.context.terminal
        config = terminal.config
        identity = DeviceIdentity(config.hub.identity_dir)
        enrolment = identity.enrolment() if identity.enrolled else None
        expires = identity.expires() if enrolment is not None else None
        found = installed(config)
        health = terminal.queue_health()
        rows = [
            ("terminal", enrolment.terminal_id if enrolment else config.terminal_id),
            ("enrolled", f"{expires:%d.%m.%Y}" if expires else ""),
            ("hub", enrolment.terminal_url if enrolment else config.hub.url),
            ("configuration", str(found.version) if found else ""),
            ("queue", str(health.depth)),
            ("dead_letters", str(health.dead_letters)),
            ("software", software_version()),
        ]
        return [{"key": key, "value": value} for key, value in rows]

    @Property(list, notify=changed)
    def selfTest(self) -> list[dict[str, object]]:
        """The last self-test's checks as [{"name", "mark", "bad", "detail"}] ([]: none yet)."""
        last = self.context.terminal.orders.last_self_test
        if last is None:
            return []
        marks = {"ok": "✓", "failed": "✗"}
        return [
            {
                "name": c.name,
                "mark": marks.get(c.result, "–"),
                "bad": c.result == "failed",
                "detail": c.detail,
            }
            for c in last[1]
        ]

    @Property(str, notify=changed)
    def selfTestAt(self) -> str:
        last = self.context.terminal.orders.last_self_test
        return time.strftime("%H:%M:%S", time.localtime(last[0])) if last else ""

    # --- what QML does -------------------------------------------------------------------

    @Slot()
    @fenced
    def cornerHeld(self) -> None:
        technician = self.context.terminal.technician
        seen = self._mode_seen
        technician.corner_held()
        if seen is not technician:
            self._follow()

    @Slot(str)
    @fenced
    def digit(self, digit: str) -> None:
        if digit.isdigit() and len(digit) == 1 and len(self._pin) < MAX_PIN_DIGITS:
            self._pin += digit
            self.changed.emit()

    @Slot()
    @fenced
    def erase(self) -> None:
        self._pin = self._pin[:-1]
        self.changed.emit()

    @Slot()
    @fenced
    def submitPin(self) -> None:
        pin, self._pin = self._pin, ""
        self.context.terminal.technician.enter_pin(pin)
        self.changed.emit()

    @Slot()
    @fenced
    def close(self) -> None:
        self._pin = ""
        self.context.terminal.technician.close()

    @Slot()
    @fenced
    def runSelfTest(self) -> None:
        self.context.terminal.technician.self_test()

    @Slot(str)
    @fenced
    def enrol(self, typed: str) -> None:
        self.context.terminal.technician.enrol(typed)

    @Slot()
    @fenced
    def scan(self) -> None:
        self.context.terminal.technician.scan()
