"""``python -m provisioning self-test``: what a technician on SSH can check without the screen.

The devices (card reader, printer, camera) belong to the running kiosk, which tests them
itself (the service mode, or the fleet page's order); this checks the rest, each in a line:
the device identity and its certificate, the hub over mutual TLS, the clock against the hub's,
the hub's configuration, each STUN/TURN server it names, and the free disk space.
"""

from __future__ import annotations

import datetime as dt
import secrets
import shutil
import time
from collections.abc import Callable
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import TextIO

from provisioning.configuration import FOLDER, ConfigurationStore
from provisioning.identity import DeviceIdentity
from wire.api import PROBE_PATH, is_probe_answer

#: Says one check's outcome: (name, ok — None: skipped, text).
_Say = Callable[[str, "bool | None", str], None]

TIMEOUT_S = 10.0
CLOCK_TOLERANCE_S = 60.0
MIN_FREE_MB = 200.0


def run(identity: DeviceIdentity, data_dir: Path, out: TextIO) -> int:
    """Print each check; 0 when none failed, 1 otherwise."""
    failed = False

    def say(name: str, ok: bool | None, text: str) -> None:
        nonlocal failed
        word = "ok" if ok else "skipped" if ok is None else "FAILED"
        failed = failed or ok is False
        print(f"{name:<14} {word:<8} {text}", file=out)

    enrolment = identity.enrolment()
    expires = identity.expires()
    now = dt.datetime.now(dt.UTC)
    if not identity.enrolled or enrolment is None or expires is None:
        say("identity", False, "not enrolled (python -m provisioning enrol)")
    elif expires <= now:
        say("identity", False, f"certificate expired {expires:%Y-%m-%d}: enrol again")
    else:
        say("identity", True, f"{enrolment.terminal_id}, certificate until {expires:%Y-%m-%d}")
    if enrolment is not None and identity.enrolled:
        _hub(identity, enrolment.terminal_url, enrolment.terminal_id, say)
    else:
        say("hub", None, "not enrolled")
    current = ConfigurationStore(data_dir / FOLDER).current()
    if current is None:
        say("configuration", None, "none from the hub yet")
    else:
        say("configuration", True, f"version {current.version}")
    _turn(current.settings.turn_urls if current else (), say)
    free_mb = shutil.disk_usage(data_dir if data_dir.exists() else Path("/")).free / 1e6
    say("disk", free_mb >= MIN_FREE_MB, f"{free_mb:.0f} MB free")
    return 1 if failed else 0


def _hub(identity: DeviceIdentity, url: str, terminal_id: str, say: _Say) -> None:
    import requests

    try:
        with requests.Session() as http:
            http.trust_env = False
            sent = time.time()
            nonce = secrets.token_urlsafe(18)
            answer = http.get(
                url + PROBE_PATH,
                params={"nonce": nonce},
                cert=(str(identity.cert_file), str(identity.key_file)),
                verify=str(identity.ca_file),
                timeout=TIMEOUT_S,
                allow_redirects=False,
            )
            received = time.time()
    except requests.RequestException as exc:
        say("hub", False, f"{url}: {type(exc).__name__}")
        return
    try:
        body = answer.json()
    except ValueError:
        body = None
    if not is_probe_answer(body, terminal_id, nonce):
        say("hub", False, f"{url}: HTTP {answer.status_code}, not the hub's answer")
    else:
        say("hub", True, f"{url} with mutual TLS ({(received - sent) * 1000:.0f} ms)")
    date = answer.headers.get("date")
    if not date:
        say("clock", None, "the hub did not say its time")
        return
    try:
        stamp = parsedate_to_datetime(date)
    except (TypeError, ValueError):
        stamp = None
    if stamp is None or stamp.tzinfo is None:
        say("clock", None, "the hub's time cannot be read")
        return
    offset = stamp.timestamp() - (sent + received) / 2
    say("clock", abs(offset) <= CLOCK_TOLERANCE_S, f"{offset:+.0f} s from the hub's")


def _turn(urls: tuple[str, ...], say: _Say) -> None:
    from common.stun import check_all

    if not urls:
        say("turn", None, "no STUN/TURN server in the configuration")
    for where, ok, detail in check_all(urls):
        say("turn", ok, f"{where} {detail}" if ok else f"{where}: {detail}")
