"""The terminal's hardware self-test: each device and the way to the hub, checked for real and
told in a word (the hub's order ``self_test``, later the service mode).

- **card reader:** present (a test card's answer needs a technician with one);
- **printer:** its status, then a test page printed (the technician looks for it);
- **camera:** a fresh frame, and whether it is too dark or blurred to use;
- **hub:** the terminal's own way in (the probe, with its credential), and the clock's offset
  from the hub's;
- **turn:** each STUN/TURN server of the calls answers a STUN Binding request from here;
- **disk:** free space against the configured minimum.

Runs on a worker thread (it waits for the printer and the network); the result is counts and
short words, never personal data, and goes to the hub with the next health report.
"""

from __future__ import annotations

import logging
import shutil
import threading
import time
from dataclasses import dataclass
from email.utils import parsedate_to_datetime
from typing import TYPE_CHECKING

from drivers.card.base import ReaderStatus
from drivers.printer.document import Align, Document, DocumentKind, Feed, TextLine

if TYPE_CHECKING:
    from kiosk.config import KioskConfig
    from kiosk.equipment import Equipment
    from kiosk.scheduling import Scheduler

log = logging.getLogger(__name__)

PRINT_WAIT_S = 30.0
#: The hub's clock and ours may differ this much before the test says so (certificates and
#: the hub's date checks allow minutes; NTP keeps far closer).
CLOCK_TOLERANCE_S = 60.0
#: A frame's mean brightness below this is too dark to photograph anything.
MIN_BRIGHTNESS = 40.0


@dataclass(frozen=True)
class Check:
    name: str
    #: "ok", "failed", or "skipped" (nothing to check: no camera, no hub).
    result: str
    detail: str = ""


def run(config: KioskConfig, equipment: Equipment, scheduler: Scheduler) -> tuple[Check, ...]:
    """Every check, in order (blocking, on a worker; each one's own failure is its result).
    The printer is asked on the core's thread (``scheduler``), as every print is."""
    checks = []
    for check in (_card_reader, _printer, _camera, _hub, _turn, _disk):
        try:
            checks.extend(check(config, equipment, scheduler))
        except Exception as exc:  # noqa: BLE001 - one check's bug must not end the test
            checks.append(Check(check.__name__.strip("_"), "failed", f"bug: {type(exc).__name__}"))
    log.info("self-test: %s", ", ".join(f"{c.name} {c.result}" for c in checks))
    return tuple(checks)


def _card_reader(config: KioskConfig, equipment: Equipment, scheduler: Scheduler) -> list[Check]:
    status = equipment.reader_status
    if status is ReaderStatus.READY:
        return [Check("card_reader", "ok", "present")]
    return [Check("card_reader", "failed", status.value)]


def _printer(config: KioskConfig, equipment: Equipment, scheduler: Scheduler) -> list[Check]:
    from drivers.printer.base import PrintResult

    station = equipment.print_station
    page = Document(
        [
            TextLine("Point of Public", bold=True, large=True, align=Align.CENTER),
            TextLine("Selbsttest / self-test", align=Align.CENTER),
            TextLine(f"{config.terminal_id}", align=Align.CENTER),
            TextLine(time.strftime("%Y-%m-%d %H:%M"), align=Align.CENTER),
            Feed(3),
        ],
        DocumentKind.TEST_PAGE,
    )
    printed = threading.Event()
    results: list[PrintResult] = []

    def done(result: PrintResult) -> None:
        results.append(result)
        printed.set()

    scheduler.post(lambda: station.print(page, done, retry=True))
    if not printed.wait(PRINT_WAIT_S):
        return [Check("printer", "failed", "no answer from the printer")]
    outcome = results[0].outcome
    if outcome.printed:
        return [Check("printer", "ok", f"test page printed ({station.status.value})")]
    return [Check("printer", "failed", outcome.value)]


def _camera(config: KioskConfig, equipment: Equipment, scheduler: Scheduler) -> list[Check]:
    from drivers.camera.base import CameraError
    from drivers.camera.live import LiveCamera

    camera = equipment.devices.camera
    if not isinstance(camera, LiveCamera):
        return [Check("camera", "skipped", "no live camera configured")]
    try:
        frame = camera.fresh_frame()
    except CameraError as exc:
        return [Check("camera", "failed", str(exc)[:200])]
    try:
        import cv2

        grey = cv2.cvtColor(frame.pixels, cv2.COLOR_BGR2GRAY)
        brightness = float(grey.mean())
        sharpness = float(cv2.Laplacian(grey, cv2.CV_64F).var())
        grey.fill(0)  # (a copy of the picture too)
    finally:
        frame.pixels.fill(0)
    detail = f"brightness {brightness:.0f}, sharpness {sharpness:.0f}"
    if brightness < MIN_BRIGHTNESS:
        return [Check("camera", "failed", "too dark: " + detail)]
    return [Check("camera", "ok", detail)]


def _hub(config: KioskConfig, equipment: Equipment, scheduler: Scheduler) -> list[Check]:
    from kiosk.hub_link import credential, hub_probe
    from offline_queue.hub_client import Outcome

    url, proof = credential(config.hub)
    if not url or proof is None:
        return [Check("hub", "skipped", "no hub configured")]
    probe = hub_probe(config.hub)
    try:
        answer = probe() if probe is not None else None
    finally:
        if probe is not None:
            probe.close()
    checks = []
    if answer is not None and answer.outcome is Outcome.ACCEPTED:
        how = "mutual TLS" if proof.mutual_tls else "bearer credential"
        checks.append(Check("hub", "ok", f"reached with the {how}"))
    else:
        checks.append(Check("hub", "failed", answer.reason if answer else "refused"))
        return checks
    http = proof.session()
    try:
        sent = time.time()
        response = http.get(url + "/healthz", timeout=config.hub.connect_timeout_s)
        received = time.time()
        date = response.headers.get("date")
        offset = parsedate_to_datetime(date).timestamp() - (sent + received) / 2 if date else None
    except Exception as exc:  # noqa: BLE001 - the clock check is news, not the test's end
        offset = None
        log.info("self-test: the hub's time not read (%s)", type(exc).__name__)
    finally:
        http.close()
    if offset is None:
        checks.append(Check("clock", "skipped", "the hub did not say its time"))
    elif abs(offset) > CLOCK_TOLERANCE_S:
        checks.append(Check("clock", "failed", f"{offset:+.0f} s from the hub's"))
    else:
        checks.append(Check("clock", "ok", f"{offset:+.0f} s from the hub's"))
    return checks


def _turn(config: KioskConfig, equipment: Equipment, scheduler: Scheduler) -> list[Check]:
    from common.stun import check_all

    if not config.hub.turn_urls:
        return [Check("turn", "skipped", "no STUN/TURN server configured (calls go direct)")]
    return [
        Check(
            "turn",
            "ok" if ok else "failed",
            f"{where}: {detail}" if not ok else f"{where} {detail}",
        )
        for where, ok, detail in check_all(config.hub.turn_urls)
    ]


def _disk(config: KioskConfig, equipment: Equipment, scheduler: Scheduler) -> list[Check]:
    free_mb = shutil.disk_usage(config.data_dir).free / 1e6
    detail = f"{free_mb:.0f} MB free"
    if free_mb < config.hub.min_free_mb:
        return [Check("disk", "failed", detail + f" (at least {config.hub.min_free_mb:.0f})")]
    return [Check("disk", "ok", detail)]
