"""A terminal on virtual time with simulated (or scripted) devices, for the core's tests."""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol

import pytest

from drivers.camera.simulated import SimulatedCamera
from drivers.card.simulated import SimulatedCardReader
from drivers.demo import DemoControls
from drivers.devices import Devices
from drivers.printer.simulated import SimulatedPrinter
from drivers.sound.simulated import SimulatedSound
from kiosk.config import KioskConfig
from kiosk.scheduling import ManualScheduler
from kiosk.session import Session
from kiosk.terminal import Terminal
from tests.support.clock import FrozenClock
from tests.support.configs import demo_config
from tests.support.outbox_reader import opened_items


def idle_timers(scheduler: ManualScheduler) -> list[str]:
    """Pending timers besides the printer's status poll, which runs as long as the terminal."""
    return [name for name in scheduler.pending_timers() if name != "printer-status"]


def simulated_devices() -> Devices:
    """The product's simulators; a small camera picture keeps the tests quick."""
    devices = Devices(
        card_reader=SimulatedCardReader(read_seconds=0.0),
        printer=SimulatedPrinter(),
        camera=SimulatedCamera(width=320, height=240, seed=7),
        sound=SimulatedSound(),
    )
    devices.demo = DemoControls(devices)
    return devices


@dataclasses.dataclass
class Kiosk:
    terminal: Terminal
    scheduler: ManualScheduler
    config: KioskConfig
    #: The terminal's wall clock: dates in a test are counted from it (clock.german(7)).
    clock: FrozenClock

    @property
    def session(self) -> Session:
        session = self.terminal.session
        assert session is not None, "the terminal has no session (out of service?)"
        return session

    @property
    def outbox_path(self) -> Path:
        return self.config.data_dir / "outbox.sqlite"

    def wait_for(self, condition: Callable[[], bool]) -> None:
        self.scheduler.wait_for(condition, timeout_s=20.0)

    def stored_payloads(self) -> list[dict[str, Any]]:
        """Everything in the outbox, opened with the hub's key through a second connection."""
        return opened_items(self.outbox_path)


class MakeKiosk(Protocol):
    def __call__(
        self,
        *,
        devices: Devices | None = None,
        boot: bool = True,
        config: KioskConfig | None = None,
        clock: FrozenClock | None = None,
        **timeouts: float,
    ) -> Kiosk: ...


@pytest.fixture
def make_kiosk(tmp_path: Path) -> Iterator[MakeKiosk]:
    made: list[Kiosk] = []

    def make(
        *,
        devices: Devices | None = None,
        boot: bool = True,
        config: KioskConfig | None = None,
        clock: FrozenClock | None = None,
        **timeouts: float,
    ) -> Kiosk:
        cfg = config or demo_config(tmp_path / "data", **timeouts)
        scheduler = ManualScheduler()
        clock = clock or FrozenClock()
        terminal = Terminal(
            cfg,
            scheduler,
            devices or simulated_devices(),
            monotonic=lambda: scheduler.now,
            clock=clock,
        )
        kiosk = Kiosk(terminal, scheduler, cfg, clock)
        made.append(kiosk)
        if boot:
            terminal.boot()
            scheduler.drain()
            if terminal.session is not None:
                # The printer's first status answer, so that tests start from known device state.
                station = terminal.session.print_station
                scheduler.wait_for(lambda: station.answers > 0, 20.0)
        return kiosk

    yield make
    for kiosk in made:
        kiosk.terminal.shutdown()


@pytest.fixture
def kiosk(make_kiosk: MakeKiosk) -> Kiosk:
    return make_kiosk()
