"""The core imports no driver: the devices are built by drivers.factory, which imports only the
drivers it builds, when it builds them (cold start: nothing of them before the first frame)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from drivers.demo import DemoControls
from drivers.devices import Devices
from drivers.factory import build_devices
from kiosk.equipment import device_settings
from tests.support.configs import demo_config

ROOT = Path(__file__).resolve().parents[2]
DRIVERS = (
    "drivers.card.simulated",
    "drivers.card.virtual",
    "drivers.card.pcsc",
    "drivers.card.chip_reader",
    "drivers.printer.simulated",
    "drivers.printer.escpos_printer",
    "drivers.printer.transport",
    "drivers.camera.simulated",
    "drivers.demo",
    "drivers.factory",
)


def loaded_after(code: str) -> set[str]:
    probe = f"{code}\nimport sys\nprint('\\n'.join(sys.modules))"
    result = subprocess.run(
        [sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return set(result.stdout.split())


def test_the_core_loads_no_driver() -> None:
    loaded = loaded_after("import kiosk.terminal, kiosk.session, kiosk.equipment")
    assert {m for m in loaded if m.startswith(DRIVERS)} == set()


def test_the_factory_loads_only_what_it_builds(tmp_path: Path) -> None:
    code = (
        "from pathlib import Path\n"
        "from drivers.factory import build_devices\n"
        "from kiosk.equipment import device_settings\n"
        "from tests.support.configs import demo_config\n"
        f"build_devices(device_settings(demo_config(Path({str(tmp_path)!r})).devices))"
    )
    loaded = loaded_after(code)
    assert "drivers.card.simulated" in loaded
    assert "drivers.printer.simulated" in loaded
    assert not {m for m in loaded if m.startswith(("drivers.card.pcsc", "smartcard"))}


def test_the_demo_controls_come_with_the_simulators(tmp_path: Path) -> None:
    devices = build_devices(device_settings(demo_config(tmp_path).devices))
    demo = devices.demo
    assert isinstance(demo, DemoControls)
    assert "erika" in demo.samples()
    assert demo.sample_access_text("erika").startswith("erika: ")
    assert demo.sample_access_text("nobody") == ""
    assert demo.printer_has_paper() is True
    heard: list[bool] = []
    demo.on_printer_changed = lambda: heard.append(True)
    demo.set_printer_paper(False)
    assert demo.printer_has_paper() is False and heard == [True]
    devices.printer.close()


def test_demo_controls_over_devices_that_are_not_simulators() -> None:
    from drivers.sound.simulated import SimulatedSound
    from tests.kiosk.fakes import ScriptedCamera, ScriptedPrinter

    class NoReader:  # stands in for a real reader: DemoControls must not touch it
        pass

    devices = Devices(
        card_reader=NoReader(),  # type: ignore[arg-type]
        printer=ScriptedPrinter(),
        camera=ScriptedCamera(),
        sound=SimulatedSound(),
    )
    demo = DemoControls(devices)
    assert demo.samples() == []
    assert demo.sample_access_text("erika") == ""
    assert demo.printer_has_paper() is None
    demo.set_printer_paper(False)
    demo.place_sample_card("erika")
