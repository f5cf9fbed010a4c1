"""Demo mode's controls on the screen: sample documents for the simulated reader, the simulated
printer's paper. The demo is the product with simulated devices; these only drive them."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import Property, QObject, Signal, Slot
from PySide6.QtQml import QmlNamedElement, QmlSingleton, QQmlEngine

from drivers.devices import DemoPanel
from kiosk.session import Change, Screen
from ui.models.context import ModelContext, fenced, singleton

if TYPE_CHECKING:
    from kiosk.session import Session

QML_IMPORT_NAME = "PointOfPublic"
QML_IMPORT_MAJOR_VERSION = 1

_DEVICES = frozenset({Change.PRINTER, Change.SCREEN, Change.LANGUAGE, Change.IDENTIFY})


class DemoControls(Protocol):
    """What the demo offers to drive the simulated devices (``drivers.demo.DemoControls``)."""

    def samples(self) -> list[str]: ...

    def sample_access_text(self, sample: str) -> str:
        """What is printed on the sample to type in (CAN or MRZ values); "" if nothing."""
        ...

    def printer_has_paper(self) -> bool | None: ...

    def set_printer_paper(self, loaded: bool) -> None: ...

    def place_sample_card(self, sample: str) -> None: ...

    def camera_simulated(self) -> bool: ...

    def hold_to_camera(self, scene: str, payload: str = "") -> None: ...

    def hold_passport(self, sample: str) -> None: ...


class SessionDemoControls:
    """:class:`DemoControls` of the running terminal (``drivers.demo.DemoControls``, present
    when a device is simulated), reached through the session; a sample card is placed only
    on the identify screen, where the demo panel offers it."""

    def __init__(self, session: Callable[[], Session | None]) -> None:
        self._session = session

    def _demo(self) -> DemoPanel | None:
        s = self._session()
        return s.devices.demo if s is not None else None

    def samples(self) -> list[str]:
        demo = self._demo()
        return demo.samples() if demo is not None else []

    def sample_access_text(self, sample: str) -> str:
        demo = self._demo()
        return demo.sample_access_text(sample) if demo is not None else ""

    def printer_has_paper(self) -> bool | None:
        demo = self._demo()
        return demo.printer_has_paper() if demo is not None else None

    def set_printer_paper(self, loaded: bool) -> None:
        demo = self._demo()
        if demo is not None:
            demo.set_printer_paper(loaded)

    def place_sample_card(self, sample: str) -> None:
        s = self._session()
        demo = self._demo()
        if s is not None and demo is not None and s.screen is Screen.IDENTIFY:
            demo.place_sample_card(sample)

    def camera_simulated(self) -> bool:
        demo = self._demo()
        return demo is not None and demo.camera_simulated()

    def hold_to_camera(self, scene: str, payload: str = "") -> None:
        demo = self._demo()
        if demo is not None:
            demo.hold_to_camera(scene, payload)

    def hold_passport(self, sample: str) -> None:
        demo = self._demo()
        if demo is not None:
            demo.hold_passport(sample)


@QmlNamedElement("Demo")
@QmlSingleton
class DemoModel(QObject):  # type: ignore[operator]  # 6.11 stub: no __call__
    devicesChanged = Signal()

    def __init__(self, context: ModelContext, controls: DemoControls) -> None:
        super().__init__()
        self.context = context
        self._controls = controls
        #: The tracking number of the last application filed here (demo mode only): the
        #: receipt the demo holds up to the camera for Antragsstatus.
        self._last_tracking = ""
        context.subscribe(self._changed)

    @staticmethod
    def create(engine: QQmlEngine) -> DemoModel:
        return singleton(DemoModel, engine)

    def _changed(self, changes: frozenset[Change]) -> None:
        session = self.context.session
        if self._demo() and session is not None and session.tracking_number:
            self._last_tracking = session.tracking_number
        if changes & _DEVICES:
            self.devicesChanged.emit()

    def _demo(self) -> bool:
        return self.context.terminal.config.demo

    @Property(bool, constant=True)
    def enabled(self) -> bool:
        """The terminal runs in demo mode (the controls show)."""
        return self._demo()

    @Property(list, notify=devicesChanged)
    def samples(self) -> list[str]:
        return self._controls.samples() if self._demo() else []

    @Property(str, notify=devicesChanged)
    def sampleAccess(self) -> str:
        """What is printed on the sample documents (CAN, MRZ values), one line each."""
        if not self._demo():
            return ""
        texts = (self._controls.sample_access_text(s) for s in self._controls.samples())
        return "\n".join(text for text in texts if text)  # the damaged card has nothing printed

    @Property(bool, notify=devicesChanged)
    def printer(self) -> bool:
        """The simulated printer is there: its paper can be taken out on the screen."""
        return self._demo() and self._controls.printer_has_paper() is not None

    @Property(bool, notify=devicesChanged)
    def printerHasPaper(self) -> bool:
        return bool(self._controls.printer_has_paper())

    @Property(bool, notify=devicesChanged)
    def camera(self) -> bool:
        """The simulated camera is there: things can be held up to it on the screen."""
        return self._demo() and self._controls.camera_simulated()

    @Slot()
    @fenced
    def holdReceipt(self) -> None:
        """The receipt of the last application filed here (or a new number) to the camera."""
        from wire.tracking import new_tracking_code

        code = self._last_tracking or new_tracking_code()
        url = self.context.terminal.config.status_url.format(tracking=code)
        self._controls.hold_to_camera("receipt", url)

    @Slot()
    @fenced
    def holdForeignCode(self) -> None:
        """A QR code that is not a receipt (a poster's link) to the camera."""
        self._controls.hold_to_camera("receipt", "https://example.com/gewinnspiel")

    @Slot(str)
    @fenced
    def holdPassport(self, sample: str) -> None:
        """A sample passport's photo page, its MRZ at the bottom, to the camera."""
        self._controls.hold_passport(sample)

    @Slot()
    @fenced
    def holdDocument(self) -> None:
        """A document page, held at an angle, to the camera."""
        self._controls.hold_to_camera("document")

    @Slot()
    @fenced
    def holdNothing(self) -> None:
        """The street again (a place, no page, no code)."""
        self._controls.hold_to_camera("street")

    @Slot(str)
    @fenced
    def placeSampleCard(self, sample: str) -> None:
        self._controls.place_sample_card(sample)

    @Slot(bool)
    @fenced
    def setPrinterPaper(self, loaded: bool) -> None:
        self._controls.set_printer_paper(loaded)
