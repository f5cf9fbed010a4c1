"""The demo's controls over its simulators: sample documents to put on the reader, the
printer's paper to take out. The demo mode is the product with simulators; these controls
are the only code that knows a device is simulated, so that the core never asks.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, cast

from drivers.devices import Devices

if TYPE_CHECKING:
    from drivers.camera.simulated import SimulatedCamera
    from drivers.card.simulated import SimulatedCardReader
    from drivers.printer.simulated import SimulatedPrinter

#: Receipts on a fresh roll of the simulated printer.
FULL_ROLL = 500


def _nothing() -> None:
    pass


class DemoControls:
    """Built from the terminal's devices; a control whose device is real does nothing."""

    def __init__(self, devices: Devices) -> None:
        self._devices = devices
        #: Called after the paper was changed (the terminal asks the printer's status at once).
        self.on_printer_changed = _nothing

    # A simulator's module is loaded if a simulator was built: looked up, never imported here,
    # so that a terminal with a real reader and a simulated printer loads no virtual chip.

    def _reader(self) -> SimulatedCardReader | None:
        module = sys.modules.get("drivers.card.simulated")
        reader = self._devices.card_reader
        if module is None or not isinstance(reader, module.SimulatedCardReader):
            return None
        return cast("SimulatedCardReader", reader)

    def _printer(self) -> SimulatedPrinter | None:
        module = sys.modules.get("drivers.printer.simulated")
        printer = self._devices.printer
        if module is None or not isinstance(printer, module.SimulatedPrinter):
            return None
        return cast("SimulatedPrinter", printer)

    def _camera(self) -> SimulatedCamera | None:
        module = sys.modules.get("drivers.camera.simulated")
        camera = self._devices.camera
        if module is None or not isinstance(camera, module.SimulatedCamera):
            return None
        return cast("SimulatedCamera", camera)

    def camera_simulated(self) -> bool:
        return self._camera() is not None

    def hold_to_camera(self, scene: str, payload: str = "") -> None:
        """Hold something up to the simulated camera: "street", "document", or "receipt" with
        ``payload`` as its QR code's text."""
        from drivers.camera.scenes import Scene

        camera = self._camera()
        if camera is not None and scene in {s.value for s in Scene}:
            camera.hold(Scene(scene), payload)

    def hold_passport(self, sample: str) -> None:
        """Hold a sample passport's data page, its MRZ, up to the simulated camera."""
        from drivers.camera.scenes import Scene

        reader, camera = self._reader(), self._camera()
        if reader is not None and camera is not None:
            mrz = reader.sample_mrz(sample) if sample in reader.samples() else ""
            if mrz:
                camera.hold(Scene.PASSPORT, mrz)

    def samples(self) -> list[str]:
        """The sample documents the simulated reader holds ([] with a real reader)."""
        reader = self._reader()
        return reader.samples() if reader is not None else []

    def sample_access_text(self, sample: str) -> str:
        """What is printed on a sample document to type in ("" if there is none)."""
        reader = self._reader()
        if reader is None or sample not in reader.samples():
            return ""
        printed = reader.sample_access(sample)
        if printed.get("can"):
            return f"{sample}: CAN {printed['can']}"
        if printed:
            return (
                f"{sample}: {printed['document_number']} · {printed['date_of_birth']}"
                f" · {printed['expiry']}"
            )
        return ""

    def printer_has_paper(self) -> bool | None:
        """Whether the simulated printer has paper (None: the printer is real)."""
        printer = self._printer()
        return printer.paper > 0 if printer is not None else None

    def set_printer_paper(self, loaded: bool) -> None:
        """Take the simulated printer's paper out, or put a new roll in, to see what citizens
        are told when the receipt cannot be printed."""
        printer = self._printer()
        if printer is not None:
            printer.paper = FULL_ROLL if loaded else 0
            self.on_printer_changed()

    def place_sample_card(self, sample: str) -> None:
        """Put a sample document on the simulated reader."""
        reader = self._reader()
        if reader is not None:
            reader.place_card(sample)
