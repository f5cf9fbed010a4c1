"""What the citizen is told about delivery, and the checks made before a form is started.

The hub here is absent or played by calling the session's delivery events directly; the real
hub over HTTP is in tests/offline_queue/test_delivery_real_hub.py and tests/e2e.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from drivers.printer.base import PrintResult
from drivers.printer.document import Document, TextLine
from kiosk.availability import Availability, OutOfServiceReason
from kiosk.session import DELIVERY_WAIT_S, PRINT_DELAY_S, Delivery, Screen
from offline_queue.delivery import Connection, DeliveryStatus
from tests.kiosk.conftest import Kiosk, MakeKiosk
from tests.kiosk.journeys import JOURNEYS, submit, to_review
from tests.support.configs import demo_config, write_hub_public_key

TERMIN = next(j for j in JOURNEYS if j.service_id == "termin")


PRINTED: dict[int, list[str]] = {}


def record_receipts(k: Kiosk) -> None:
    """Keep the text of what goes to the (simulated) printer."""
    printer = k.terminal.devices.printer
    original = printer.print_document

    def print_document(receipt: Document) -> PrintResult:
        PRINTED[id(k)] = [b.text for b in receipt.blocks if isinstance(b, TextLine)]
        return original(receipt)

    printer.print_document = print_document  # type: ignore[method-assign]


def receipt_lines(k: Kiosk) -> list[str]:
    return PRINTED.pop(id(k))


def hub_online(k: Kiosk) -> None:
    """Play the delivery worker's last report: the hub answered."""
    k.terminal.delivery_status_changed(DeliveryStatus(Connection.ONLINE, 0, None, 0))


@pytest.fixture
def kiosk(kiosk: Kiosk) -> Kiosk:
    record_receipts(kiosk)
    return kiosk


def test_without_a_hub_the_submission_is_queued_and_the_receipt_says_so(kiosk: Kiosk) -> None:
    s = kiosk.session
    assert s.hub.connection is Connection.OFFLINE  # no hub configured in these tests
    to_review(kiosk, TERMIN)
    submit(kiosk)
    assert s.screen is Screen.DONE
    assert s.delivery is Delivery.QUEUED
    assert s.hub.depth == 1
    kiosk.scheduler.advance(PRINT_DELAY_S)
    kiosk.wait_for(lambda: s.print_result is not None)
    assert any(line.startswith("Noch nicht übermittelt") for line in receipt_lines(kiosk))


def test_a_confirmation_from_the_hub_shows_and_prints_as_received(kiosk: Kiosk) -> None:
    s = kiosk.session
    hub_online(kiosk)  # the hub was reachable a moment ago
    to_review(kiosk, TERMIN)
    submit(kiosk)
    assert s.delivery is Delivery.PENDING
    kiosk.scheduler.advance(PRINT_DELAY_S)
    assert s.print_result is None  # the receipt waits for the answer
    s.on_delivered("not-this-one")
    assert s.delivery is Delivery.PENDING
    s.on_delivered(s._submission_id)
    assert s.delivery is Delivery.SENT
    kiosk.wait_for(lambda: s.print_result is not None)
    lines = receipt_lines(kiosk)
    assert "Ihr Antrag ist beim Rathaus eingegangen." in lines
    assert not any(line.startswith("Noch nicht") for line in lines)


def test_no_answer_in_time_prints_the_offline_notice(kiosk: Kiosk) -> None:
    s = kiosk.session
    hub_online(kiosk)
    to_review(kiosk, TERMIN)
    submit(kiosk)
    kiosk.scheduler.advance(DELIVERY_WAIT_S)
    assert s.delivery is Delivery.QUEUED
    kiosk.wait_for(lambda: s.print_result is not None)
    assert any(line.startswith("Noch nicht übermittelt") for line in receipt_lines(kiosk))
    # A confirmation after the receipt changes the screen, not the paper.
    s.on_delivered(s._submission_id)
    assert s.delivery is Delivery.SENT


def test_going_offline_while_waiting_decides_at_once(kiosk: Kiosk) -> None:
    s = kiosk.session
    hub_online(kiosk)
    to_review(kiosk, TERMIN)
    submit(kiosk)
    kiosk.scheduler.advance(PRINT_DELAY_S)
    s.on_delivery_status(DeliveryStatus(Connection.OFFLINE, 1, 0.0, 0, "no connection"))
    assert s.delivery is Delivery.QUEUED
    kiosk.wait_for(lambda: s.print_result is not None)


def test_a_full_disk_is_told_before_the_form_not_after(
    make_kiosk: MakeKiosk, tmp_path: Path
) -> None:
    config = demo_config(tmp_path / "data")
    # More free space demanded than any disk here has: the real free-space check says no.
    config = dataclasses.replace(config, hub=dataclasses.replace(config.hub, min_free_mb=1e9))
    k = make_kiosk(config=config)
    s = k.session
    s.start()
    s.choose_service("termin")
    assert s.screen is Screen.SERVICE
    assert s.storage_full
    s.proceed()
    assert s.screen is Screen.SERVICE  # no form is started
    # Space freed (here: the threshold back to normal): the next citizen can go on.
    k.terminal.config = dataclasses.replace(
        config, hub=dataclasses.replace(config.hub, min_free_mb=1)
    )
    s.proceed()
    assert not s.storage_full
    assert s.screen is Screen.FORM


def test_without_the_hub_key_the_terminal_is_out_of_service(
    make_kiosk: MakeKiosk, tmp_path: Path
) -> None:
    config = demo_config(tmp_path / "data")
    config.hub.public_key.unlink()
    k = make_kiosk(config=config)
    assert k.terminal.availability is Availability.OUT_OF_SERVICE
    assert k.terminal.reason is OutOfServiceReason.SETUP
    write_hub_public_key(config.hub.public_key)
    k.scheduler.advance(config.timeouts.out_of_service_retry_s)
    assert k.terminal.availability is Availability.IN_SERVICE


def test_a_private_key_is_refused_on_a_terminal(make_kiosk: MakeKiosk, tmp_path: Path) -> None:
    import json

    from tests.support.configs import hub_private_key

    config = demo_config(tmp_path / "data")
    config.hub.public_key.write_text(json.dumps(hub_private_key().as_dict(private=True)))
    k = make_kiosk(config=config)
    assert k.terminal.reason is OutOfServiceReason.SETUP


def test_a_damaged_outbox_is_moved_aside_and_reported(
    make_kiosk: MakeKiosk, tmp_path: Path
) -> None:
    config = demo_config(tmp_path / "data")
    (config.data_dir / "outbox.sqlite").write_bytes(b"\x00garbage" * 1000)
    k = make_kiosk(config=config)
    assert k.terminal.availability is Availability.IN_SERVICE
    moved = k.terminal.outbound.recovered_from
    assert moved is not None and moved.read_bytes() == b"\x00garbage" * 1000
    # What could be salvaged from it is in the health report (here: nothing was readable).
    assert k.terminal.queue_health().outbox_salvage.startswith(moved.name)


def test_a_plain_http_hub_set_past_the_configuration_is_refused(
    make_kiosk: MakeKiosk, tmp_path: Path
) -> None:
    config = demo_config(tmp_path / "data")
    # As main.py's --hub-url does: the address replaced after the file was checked.
    config = dataclasses.replace(
        config, hub=dataclasses.replace(config.hub, url="http://hub.musterstadt.example")
    )
    config.hub.credential_file.write_text("t-01." + "s" * 32, encoding="utf-8")
    k = make_kiosk(config=config)
    assert k.terminal.availability is Availability.IN_SERVICE  # citizens can still submit
    assert k.terminal.outbound.worker is None  # but nothing goes out over plain http
    health = k.terminal.queue_health()
    assert health.connection == "refused"
    assert health.last_error == "hub address refused: not https://"


def test_dead_letters_are_in_the_health_report(kiosk: Kiosk) -> None:
    to_review(kiosk, TERMIN)
    submit(kiosk)
    outbox = kiosk.terminal.outbound.outbox
    assert outbox is not None
    item = outbox.oldest()
    assert item is not None
    outbox.dead_letter(item, "HTTP 422 invalid-submission")
    kiosk.terminal.wake_delivery()
    health = kiosk.terminal.queue_health()
    assert (health.depth, health.dead_letters) == (0, 1)
    assert health.last_dead_letter == "HTTP 422 invalid-submission"


def test_queue_health_for_the_fleet_report(kiosk: Kiosk) -> None:
    to_review(kiosk, TERMIN)
    submit(kiosk)
    health = kiosk.terminal.queue_health()
    assert health.depth == 1
    assert health.connection == "offline"
    assert health.dead_letters == 0
    assert health.storage_ok
    assert health.outbox_recovered_from == ""
    oldest = kiosk.terminal.delivery_status.oldest_created_at
    assert oldest is not None
    assert kiosk.terminal.queue_health(now=oldest + 90).oldest_age_s == 90


def test_the_done_screen_counts_down_its_last_seconds(kiosk: Kiosk) -> None:
    from kiosk.session import DONE_COUNTDOWN_S

    s = kiosk.session
    to_review(kiosk, TERMIN)
    submit(kiosk)
    done_s = kiosk.config.timeouts.done_s
    kiosk.scheduler.advance(done_s - DONE_COUNTDOWN_S)
    assert s.countdown_s == DONE_COUNTDOWN_S
    kiosk.scheduler.advance(5)
    assert s.countdown_s == DONE_COUNTDOWN_S - 5
    s.touch()  # still copying the number: more time
    assert s.countdown_s == 0
    kiosk.scheduler.advance(done_s - 1)
    assert s.screen is Screen.DONE
    kiosk.scheduler.advance(1)
    assert s.screen is Screen.ATTRACT


def test_an_outbox_file_deleted_under_the_terminal_is_told_before_the_form(
    kiosk: Kiosk,
) -> None:
    s = kiosk.session
    kiosk.outbox_path.unlink()  # a cleanup script, a technician's rm
    s.start()
    s.choose_service("termin")
    assert s.storage_full
    s.proceed()
    assert s.screen is Screen.SERVICE  # no form is started that could not be stored
    assert not kiosk.terminal.queue_health().storage_ok
    assert not kiosk.outbox_path.exists()  # not silently replaced by an empty database


def test_the_supervised_delivery_thread_is_in_the_health_report(
    make_kiosk: MakeKiosk, tmp_path: Path
) -> None:
    config = demo_config(tmp_path / "data")
    # A hub address where nothing listens (nothing is queued, so nothing is tried yet).
    config = dataclasses.replace(
        config, hub=dataclasses.replace(config.hub, url="https://127.0.0.1:9")
    )
    config.hub.credential_file.write_text("t-01." + "s" * 32, encoding="utf-8")
    k = make_kiosk(config=config)
    k.wait_for(lambda: k.terminal.queue_health().delivery_worker == "running")


def test_health_shows_the_reader_thread_and_threads_that_died(kiosk: Kiosk) -> None:
    import threading

    from common.supervised import install_excepthook

    assert kiosk.terminal.queue_health().card_reader_worker in ("idle", "running")
    # The camera's state too (the fleet page shows an unplugged one).
    assert kiosk.terminal.queue_health().camera == "ready"
    camera = kiosk.session.devices.camera
    camera.working = False  # type: ignore[attr-defined]  # the simulator, unplugged
    assert kiosk.terminal.queue_health().camera == "not_found"
    camera.working = True  # type: ignore[attr-defined]
    old = threading.excepthook
    try:
        install_excepthook()

        def die() -> None:
            raise LookupError("a bug in some helper thread")

        thread = threading.Thread(target=die, name="helper")
        thread.start()
        thread.join()
    finally:
        threading.excepthook = old
    assert "helper: bug: LookupError" in kiosk.terminal.queue_health().threads_died
