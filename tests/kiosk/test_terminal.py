"""The terminal's availability: out of service for a broken catalogue or storage, and faults."""

from __future__ import annotations

import dataclasses
import shutil
import sqlite3
import time
from contextlib import closing
from pathlib import Path
from typing import Any

import pytest

import kiosk.session.outcome as outcome
from drivers.devices import Devices
from kiosk.availability import (
    FAULT_RECOVERY_S,
    FAULT_WINDOW_S,
    MAX_FAULTS,
    Availability,
    OutOfServiceReason,
)
from kiosk.config import KioskConfig
from kiosk.scheduling import ManualScheduler
from kiosk.session import IdentifyState, Screen
from kiosk.terminal import Terminal
from tests.kiosk.conftest import Kiosk, MakeKiosk, idle_timers, simulated_devices
from tests.kiosk.journeys import JOURNEYS, place_card, to_review
from tests.support.configs import demo_config, write_hub_public_key

BROKEN_CATALOGUE = "municipality: {id: x}\nservices: []\n"


def broken_catalogue_config(tmp_path: Path) -> tuple[KioskConfig, Path]:
    """The demo configuration with a catalogue that cannot be used (mend_catalogue mends it)."""
    catalogue = tmp_path / "catalogue.yaml"
    catalogue.write_text(BROKEN_CATALOGUE, encoding="utf-8")
    return dataclasses.replace(demo_config(tmp_path / "data"), catalogue_path=catalogue), catalogue


def mend_catalogue(catalogue: Path) -> None:
    shutil.copyfile(
        Path(__file__).resolve().parents[2] / "catalogues" / "musterstadt.yaml", catalogue
    )


def broken_catalogue_kiosk(make_kiosk: MakeKiosk, tmp_path: Path) -> tuple[Kiosk, Path]:
    config, catalogue = broken_catalogue_config(tmp_path)
    return make_kiosk(config=config), catalogue


def test_boot_puts_the_terminal_in_service(kiosk: Kiosk) -> None:
    assert kiosk.terminal.availability is Availability.IN_SERVICE
    assert kiosk.terminal.reason is None
    assert kiosk.session.screen is Screen.ATTRACT
    assert kiosk.session.languages == ("de", "de-x-ls", "en", "tr", "ar", "uk", "ru")
    assert kiosk.outbox_path.is_file()
    assert idle_timers(kiosk.scheduler) in ([], ["collect-garbage"])


def test_broken_catalogue_is_out_of_service_until_fixed(
    make_kiosk: MakeKiosk, tmp_path: Path
) -> None:
    k, catalogue = broken_catalogue_kiosk(make_kiosk, tmp_path)
    notified: list[Availability] = []
    k.terminal.subscribe(lambda: notified.append(k.terminal.availability))
    assert k.terminal.availability is Availability.OUT_OF_SERVICE
    assert k.terminal.reason is OutOfServiceReason.CATALOGUE
    assert k.terminal.session is None
    assert idle_timers(k.scheduler) == ["out-of-service-retry"]
    retry = k.config.timeouts.out_of_service_retry_s
    k.scheduler.advance(retry)  # still broken: tries again later
    assert k.terminal.availability is Availability.OUT_OF_SERVICE
    assert idle_timers(k.scheduler) == ["out-of-service-retry"]
    mend_catalogue(catalogue)
    k.scheduler.advance(retry - 1)
    assert k.terminal.availability is Availability.OUT_OF_SERVICE
    k.scheduler.advance(1)
    assert k.terminal.availability is Availability.IN_SERVICE
    assert k.terminal.reason is None
    assert notified[-1] is Availability.IN_SERVICE
    assert len(k.session.catalogue.services) == 8  # seven tiles and the call-back form
    assert idle_timers(k.scheduler) in ([], ["collect-garbage"])
    # The card reader started with the first successful boot.
    k.session.start()
    k.session.choose_service("briefwahl")
    k.session.proceed()
    k.scheduler.drain()
    place_card(k.session, "erika")
    k.wait_for(lambda: k.session.identify_state.value == "access")


def test_missing_catalogue_is_out_of_service(make_kiosk: MakeKiosk, tmp_path: Path) -> None:
    config = dataclasses.replace(
        demo_config(tmp_path / "data"), catalogue_path=tmp_path / "missing.yaml"
    )
    k = make_kiosk(config=config)
    assert k.terminal.availability is Availability.OUT_OF_SERVICE
    assert k.terminal.reason is OutOfServiceReason.CATALOGUE


def test_unusable_data_folder_is_out_of_service(make_kiosk: MakeKiosk, tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("a file where the data folder should be", encoding="utf-8")
    k = make_kiosk(config=demo_config(blocker / "data"))
    assert k.terminal.availability is Availability.OUT_OF_SERVICE
    assert k.terminal.reason is OutOfServiceReason.STORAGE
    assert k.terminal.session is None
    blocker.unlink()
    write_hub_public_key(k.config.hub.public_key)  # the technician restores the folder
    k.scheduler.advance(k.config.timeouts.out_of_service_retry_s)
    assert k.terminal.availability is Availability.IN_SERVICE
    assert k.outbox_path.is_file()


def test_fault_wipes_and_comes_back(kiosk: Kiosk) -> None:
    session = kiosk.session
    session.start()
    session.choose_service("termin")
    session.proceed()
    session.set_value("name", "Erika Mustermann")
    notified: list[Availability] = []
    kiosk.terminal.subscribe(lambda: notified.append(kiosk.terminal.availability))
    kiosk.terminal.fault(RuntimeError("Erika Mustermann broke it"))
    assert session.screen is Screen.ATTRACT
    assert session.values == {}
    assert session.service is None
    assert kiosk.terminal.session is None
    assert kiosk.terminal.availability is Availability.OUT_OF_SERVICE
    assert kiosk.terminal.reason is OutOfServiceReason.FAULT
    assert notified == [Availability.OUT_OF_SERVICE]
    kiosk.scheduler.advance(FAULT_RECOVERY_S - 0.5)
    assert kiosk.terminal.availability is Availability.OUT_OF_SERVICE
    kiosk.scheduler.advance(0.5)
    assert kiosk.terminal.availability is Availability.IN_SERVICE
    assert kiosk.terminal.session is not None
    assert kiosk.terminal.session is not session
    assert notified[-1] is Availability.IN_SERVICE
    # The new session hears the card reader too.
    assert kiosk.session.reader_status.value == "ready"


def test_the_terminal_s_clock_reaches_every_session_it_makes(make_kiosk: MakeKiosk) -> None:
    from datetime import timedelta

    from tests.support.clock import FrozenClock

    clock = FrozenClock(FrozenClock().now + timedelta(days=400))
    kiosk = make_kiosk(clock=clock)
    assert kiosk.session.today() == clock.today()
    kiosk.terminal.fault(RuntimeError("bug"))  # the session is made anew after the fault
    kiosk.scheduler.advance(FAULT_RECOVERY_S)
    clock.set(clock.now + timedelta(days=1))
    assert kiosk.terminal.availability is Availability.IN_SERVICE
    assert kiosk.session.today() == clock.today()


def test_fault_while_storing_keeps_the_submission(
    kiosk: Kiosk, caplog: pytest.LogCaptureFixture
) -> None:
    session = kiosk.session
    to_review(kiosk, next(j for j in JOURNEYS if j.service_id == "termin"))
    session.set_consent(True)
    session.submit()
    assert session.screen is Screen.SUBMITTING
    kiosk.terminal.fault(RuntimeError("bug elsewhere"))
    assert session.screen is Screen.ATTRACT
    # The outbox write finishes on its worker thread; its late result is dropped quietly.
    kiosk.wait_for(lambda: "after the session ended" in caplog.text)
    assert session.screen is Screen.ATTRACT
    assert session.tracking_number == ""
    assert len(kiosk.stored_payloads()) == 1
    kiosk.scheduler.advance(FAULT_RECOVERY_S)
    assert kiosk.terminal.availability is Availability.IN_SERVICE


def test_fault_while_out_of_service(make_kiosk: MakeKiosk, tmp_path: Path) -> None:
    k, _ = broken_catalogue_kiosk(make_kiosk, tmp_path)
    k.terminal.fault(ValueError("boom"))
    assert k.terminal.reason is OutOfServiceReason.FAULT
    assert idle_timers(k.scheduler) == ["out-of-service-retry"]


def test_a_failing_wipe_does_not_stop_the_recovery(kiosk: Kiosk) -> None:
    session = kiosk.session

    def broken_listener(_: object) -> None:
        raise RuntimeError("UI listener bug")

    session.start()
    session.subscribe(broken_listener)
    kiosk.terminal.fault(RuntimeError("first"))
    assert kiosk.terminal.availability is Availability.OUT_OF_SERVICE
    kiosk.scheduler.advance(FAULT_RECOVERY_S)
    assert kiosk.terminal.availability is Availability.IN_SERVICE


def fault_and_recover(k: Kiosk) -> None:
    k.terminal.fault(RuntimeError("bug"))
    k.scheduler.advance(FAULT_RECOVERY_S)


def test_too_many_faults_keep_it_out_until_the_longer_retry(kiosk: Kiosk) -> None:
    retry = kiosk.config.timeouts.out_of_service_retry_s
    assert retry > FAULT_RECOVERY_S
    for _ in range(MAX_FAULTS):
        fault_and_recover(kiosk)
        assert kiosk.terminal.availability is Availability.IN_SERVICE
    kiosk.terminal.fault(RuntimeError("one too many"))
    assert kiosk.terminal.reason is OutOfServiceReason.FAULT
    kiosk.scheduler.advance(FAULT_RECOVERY_S)
    assert kiosk.terminal.availability is Availability.OUT_OF_SERVICE
    kiosk.scheduler.advance(retry - FAULT_RECOVERY_S - 0.5)
    assert kiosk.terminal.availability is Availability.OUT_OF_SERVICE
    kiosk.scheduler.advance(0.5)
    assert kiosk.terminal.availability is Availability.IN_SERVICE


def test_old_faults_are_forgotten(kiosk: Kiosk) -> None:
    for _ in range(MAX_FAULTS):
        fault_and_recover(kiosk)
    kiosk.scheduler.advance(FAULT_WINDOW_S)
    kiosk.terminal.fault(RuntimeError("a new day"))
    kiosk.scheduler.advance(FAULT_RECOVERY_S)
    assert kiosk.terminal.availability is Availability.IN_SERVICE


def test_shutdown_ends_the_session_and_closes(kiosk: Kiosk) -> None:
    session = kiosk.session
    session.start()
    session.choose_service("termin")
    ended: list[object] = []
    session.subscribe(ended.append)
    closed: list[str] = []
    sound = kiosk.terminal.devices.sound
    sound.close = lambda: closed.append("sound")  # type: ignore[method-assign]
    kiosk.terminal.shutdown()
    assert session.screen is Screen.ATTRACT
    assert ended
    assert kiosk.terminal.devices.card_reader.status.value == "no_reader"
    assert closed == ["sound"]  # (the voice's thread and the headset watch end)
    # A second shutdown (the fixture's) is harmless.
    kiosk.terminal.shutdown()


def test_device_state_outlives_an_out_of_service_spell(kiosk: Kiosk) -> None:
    # Device state is the terminal's, not the session's: a card put down while the terminal
    # is out of service is still known when it comes back (the old session dropped the
    # reader's events while there was none, and the citizen was told to put the card down).
    equipment = kiosk.terminal.equipment
    station = equipment.print_station
    kiosk.terminal.fault(RuntimeError("a bug"))
    assert kiosk.terminal.session is None
    kiosk.terminal.devices.card_reader.place_card("erika")  # type: ignore[attr-defined]
    kiosk.scheduler.wait_for(lambda: equipment.card_waiting is not None, timeout_s=20.0)
    kiosk.scheduler.advance(FAULT_RECOVERY_S)
    s = kiosk.session
    assert kiosk.terminal.equipment is equipment and s.print_station is station
    s.start()
    s.choose_service("briefwahl")
    s.proceed()
    assert s.identify_state is IdentifyState.ACCESS


# --- the two-step start (defer_setup): the attract screen first, the rest after it ----------


def deferred_terminal(
    tmp_path: Path, config: KioskConfig | None = None
) -> tuple[Terminal, list[str]]:
    built: list[str] = []

    def devices() -> Devices:
        built.append("devices")
        return simulated_devices()

    scheduler = ManualScheduler()
    terminal = Terminal(
        config or demo_config(tmp_path / "data"), scheduler, devices, defer_setup=True
    )
    return terminal, built


def test_a_deferred_start_offers_the_catalogue_before_anything_else(tmp_path: Path) -> None:
    terminal, built = deferred_terminal(tmp_path)
    notified: list[bool] = []
    terminal.subscribe(lambda: notified.append(terminal.starting))
    try:
        terminal.boot()
        # What the attract screen shows is there; nothing else has been touched.
        assert terminal.starting and notified == [True]
        assert terminal.availability is Availability.STARTING
        assert terminal.catalogue is not None
        assert terminal.catalogue.municipality_name.get("de") == "Gemeinde Musterstadt"
        assert terminal.language == "de"
        assert terminal.session is None
        assert built == []
        assert not (tmp_path / "data" / "outbox.sqlite").exists()
        terminal.finish_start()
        assert terminal.availability is Availability.IN_SERVICE
        assert not terminal.starting and notified[-1] is False
        assert terminal.session is not None
        assert terminal.catalogue is terminal.session.catalogue
        assert built == ["devices"]
        assert (tmp_path / "data" / "outbox.sqlite").is_file()
        terminal.finish_start()  # once only
        assert built == ["devices"]
    finally:
        terminal.shutdown()


def test_a_deferred_start_with_a_broken_catalogue_is_out_of_service_at_once(
    tmp_path: Path,
) -> None:
    config, catalogue = broken_catalogue_config(tmp_path)
    terminal, built = deferred_terminal(tmp_path, config)
    try:
        terminal.boot()
        assert terminal.availability is Availability.OUT_OF_SERVICE
        assert not terminal.starting and terminal.catalogue is None
        terminal.finish_start()  # the first frame (the out-of-service screen): nothing to do
        assert terminal.availability is Availability.OUT_OF_SERVICE and built == []
        mend_catalogue(catalogue)
        terminal.boot()  # the retry: a whole start now
        assert terminal.availability is Availability.IN_SERVICE
        assert built == ["devices"]
    finally:
        terminal.shutdown()


def test_a_deferred_start_without_the_hub_key_goes_out_of_service_after_the_first_frame(
    tmp_path: Path,
) -> None:
    terminal, _ = deferred_terminal(tmp_path)
    (tmp_path / "data" / "hub-public.jwk").unlink()
    try:
        terminal.boot()
        assert terminal.starting  # the attract screen is drawn
        terminal.finish_start()
        assert terminal.availability is Availability.OUT_OF_SERVICE
        assert terminal.reason is OutOfServiceReason.SETUP
        assert terminal.catalogue is None
    finally:
        terminal.shutdown()


def test_a_retry_before_the_first_frame_sets_the_terminal_up(tmp_path: Path) -> None:
    # Out of service at power-on, and the retry comes before the first frame (a short retry
    # time, or a platform that never swaps a frame): the retry is a whole start.
    config, catalogue = broken_catalogue_config(tmp_path)
    terminal, built = deferred_terminal(tmp_path, config)
    try:
        terminal.boot()
        assert terminal.availability is Availability.OUT_OF_SERVICE
        mend_catalogue(catalogue)
        terminal.boot()  # the retry timer, before any frame
        assert terminal.availability is Availability.IN_SERVICE
        assert built == ["devices"]
        terminal.finish_start()  # the first frame comes after all: nothing more to do
        assert terminal.availability is Availability.IN_SERVICE and built == ["devices"]
    finally:
        terminal.shutdown()


def test_a_submission_being_stored_at_shutdown_is_kept(
    make_kiosk: MakeKiosk, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Send pressed, the store job still queued on the outbox writer, and the terminal is
    # stopped (a scheduled reboot): the job runs before the outbox is closed.
    real = outcome.seal_document

    def slow(document: Any, key: Any) -> Any:
        time.sleep(0.5)  # sealing a submission with photos takes a moment
        return real(document, key)

    monkeypatch.setattr(outcome, "seal_document", slow)
    k = make_kiosk()
    journey = next(j for j in JOURNEYS if j.service_id == "sperrmuell" and j.card)
    to_review(k, journey)
    k.session.set_consent(True)
    k.session.submit()
    k.terminal.shutdown()
    with closing(sqlite3.connect(k.outbox_path)) as db:
        assert db.execute("select count(*) from items").fetchone()[0] == 1
