"""Crash tests: real processes killed with SIGKILL at random moments, a real hub, real files.

Afterwards every submission is at the hub exactly once and intact (or, where the way to the hub
kept refusing it, a visible dead letter on the terminal — never lost, never doubled).

- The terminal process is killed ``POP_CRASH_KILLS`` times (default 200, about a minute),
  talking to the hub over mutual TLS as an enrolled terminal does.
- The hub process is killed ``POP_HUB_KILLS`` times (default 40: a hub restart costs about a
  second) while the terminal delivers through a real proxy that redirects to a maintenance
  page, answers HTML 200, 413 and 500 and loses answers, at random (a terminal with a bearer
  credential over HTTP: the proxy reads the requests); and a quarter as often while an
  enrolled terminal delivers to it over mutual TLS. A long run: ``POP_HUB_KILLS=500``.

The random moments come from a seeded generator (``POP_CRASH_SEED``), printed on failure, so a
failing run can be repeated.
"""

from __future__ import annotations

import hashlib
import os
import random
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from offline_queue.outbox import Outbox
from tests.offline_queue.terminal_child import submission
from tests.support.configs import ROOT
from tests.support.hub_runner import HubRunner
from tests.support.tcp_faults import Fault, FaultProxy

CHILD = Path(__file__).with_name("terminal_child.py")
TERMINAL_KILLS = int(os.environ.get("POP_CRASH_KILLS", "200"))
HUB_KILLS = int(os.environ.get("POP_HUB_KILLS", "40"))
SEED = int(os.environ.get("POP_CRASH_SEED", "20261122"))


class Child:
    """One life of the terminal process; its stdout lines are collected by a thread."""

    def __init__(
        self,
        outbox: Path,
        hub: HubRunner | str,
        credential: Path,
        key: Path,
        first: int,
        count: int,
        pace_ms: int = 0,
    ) -> None:
        self.lines: list[str] = []
        self.ready = threading.Event()
        self._log = outbox.parent / "children.log"
        outbox.parent.mkdir(parents=True, exist_ok=True)
        self._errors = self._log.open("a")
        self.process = subprocess.Popen(
            [
                sys.executable,
                str(CHILD),
                str(outbox),
                hub if isinstance(hub, str) else hub.url,
                str(credential),
                str(key),
                str(first),
                str(count),
                str(pace_ms),
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=self._errors,
            text=True,
        )
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.process.stdout is not None
        with self.process.stdout:
            for line in self.process.stdout:
                self.lines.append(line.strip())
                if line.startswith("ready"):
                    self.ready.set()

    def kill_after(self, seconds: float) -> bool:
        """SIGKILL after ``seconds`` unless it exits first; True if it was killed."""
        try:
            self.process.wait(timeout=seconds)
            return False
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait(timeout=30)
            return True
        finally:
            self._reader.join(timeout=30)
            self._errors.close()

    def finish(self, timeout: float) -> None:
        try:
            self.process.wait(timeout=timeout)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.process.wait(timeout=30)
            self._reader.join(timeout=30)
            self._errors.close()
        assert self.process.returncode == 0, self._log.read_text()[-3000:]
        assert self.lines[-1] == "drained", self.lines[-5:]

    def confirmed(self) -> list[int]:
        return [int(line.split()[1]) for line in self.lines if line.startswith("enqueued ")]


def expected_digests(count: int, terminal_id: str) -> dict[str, str]:
    result = {}
    for i in range(count):
        sid, data, _ = submission(i, terminal_id)
        result[sid] = hashlib.sha256(data).hexdigest()
    return result


def check_exactly_once(hub: HubRunner, count: int, terminal_id: str) -> None:
    expected = expected_digests(count, terminal_id)
    stored = hub.rows("SELECT id, content_sha256 FROM submissions")
    assert len(stored) == len({sid for sid, _ in stored})  # never two rows for one id
    assert dict(stored) == expected  # each once, intact, nothing else
    photos = dict(hub.rows("SELECT submission_id, count(*) FROM attachments GROUP BY 1"))
    assert photos == {sid: 1 + i % 2 for i, sid in enumerate(expected)}
    integrity = hub.rows("PRAGMA integrity_check")
    assert integrity == [("ok",)]


def enrolled(hub: HubRunner, data_dir: Path, terminal_id: str) -> Path:
    """The terminal enrolled with the (TLS) hub as its technician would; its identity folder."""
    import io

    from provisioning.cli import main as provisioning

    out = hub.cli("terminals", "enrol", terminal_id, "--hub-url", hub.url)
    invitation = out.split("invitation: ", 1)[1].split()[0]
    err = io.StringIO()
    code = provisioning(
        ["--data-dir", str(data_dir), "enrol", "--invitation", invitation], io.StringIO(), err
    )
    assert code == 0, err.getvalue()
    return data_dir / "identity"


@pytest.mark.slow
def test_terminal_killed_at_random_moments_loses_and_doubles_nothing(tmp_path: Path) -> None:
    """Over mutual TLS: the enrolled terminal's way (a new handshake in each life)."""
    rng = random.Random(SEED)
    hub = HubRunner(tmp_path / "hub", tls=True)
    _, key = hub.setup()
    terminal_id = "test-terminal-01"
    total = max(60, TERMINAL_KILLS // 2)
    outbox = tmp_path / "terminal" / "outbox.sqlite"
    hub.start()
    credential = enrolled(hub, tmp_path / "terminal", terminal_id)
    try:
        next_index = 0
        killed = 0
        moments: dict[str, int] = {"starting": 0, "enqueueing": 0, "delivering": 0}
        while killed < TERMINAL_KILLS:
            child = Child(
                outbox, hub.terminal_url, credential, key, next_index, total - next_index, 30
            )
            # Mostly while it works (storing, sending, mid-request, mid-commit); sometimes while
            # it is still starting (opening the database, reading the WAL).
            if rng.random() < 0.15:
                delay = rng.uniform(0.0, 0.25)
            else:
                assert child.ready.wait(30), child.lines
                delay = rng.uniform(0.0, 0.12)
            if child.kill_after(delay):
                killed += 1
                moments[
                    "starting"
                    if "ready" not in child.lines
                    else "enqueueing"
                    if len(child.confirmed()) < total - next_index
                    else "delivering"
                ] += 1
            confirmed = child.confirmed()
            if confirmed:
                next_index = confirmed[-1] + 1
        print(f"terminal killed {killed} times: {moments}")
        # The kills landed in every phase, not all in one (a seed or a timing change that
        # moves them all to "starting" would test nothing of enqueueing or delivering).
        least = max(1, TERMINAL_KILLS // 20)
        assert all(count >= least for count in moments.values()), (moments, least)
        final = Child(outbox, hub.terminal_url, credential, key, next_index, total - next_index)
        final.finish(timeout=300)
        check_exactly_once(hub, total, terminal_id)
    except AssertionError as exc:
        raise AssertionError(f"{exc} (seed {SEED})") from exc
    finally:
        hub.stop()


#: What the way to the hub does, per request, while the hub is killed at random.
PROXY_FAULTS = {
    Fault.PASS: 8.0,
    Fault.page(200): 1.0,  # a maintenance page or captive portal that says "OK"
    Fault.redirect(301): 0.5,
    Fault.redirect(302): 0.5,
    Fault.page(413): 1.0,  # nginx's body limit
    Fault.status(500): 1.0,
    Fault.status(500, after_forward=True): 0.5,  # the hub stored it, the terminal hears 500
    Fault.LOSE_RESPONSE: 0.5,
    Fault.RESET_MID_REQUEST: 0.5,
}


def check_delivered_or_dead(
    hub: HubRunner, outbox: Path, count: int, terminal_id: str
) -> tuple[int, list[str]]:
    """Every item at the hub once and intact, or a dead letter on the terminal: nothing lost."""
    expected = expected_digests(count, terminal_id)
    stored = hub.rows("SELECT id, content_sha256 FROM submissions")
    assert len(stored) == len({sid for sid, _ in stored})  # never two rows for one id
    at_hub = dict(stored)
    assert set(at_hub) <= set(expected)  # nothing else
    assert all(at_hub[sid] == expected[sid] for sid in at_hub)  # intact
    photos = dict(hub.rows("SELECT submission_id, count(*) FROM attachments GROUP BY 1"))
    for i, sid in enumerate(expected):
        if sid in at_hub:
            assert photos[sid] == 1 + i % 2
    box = Outbox(outbox)
    try:
        dead = {d.id: d.reason for d in box.dead_letters()}
        assert box.count() == 0
    finally:
        box.close()
    lost = set(expected) - set(at_hub) - set(dead)
    assert not lost, f"{len(lost)} submissions lost"
    assert all(reason for reason in dead.values())  # each with its reason
    assert hub.rows("PRAGMA integrity_check") == [("ok",)]
    return len(at_hub), sorted(set(dead.values()))


def kill_hub_at_random(hub: HubRunner, rng: random.Random, kills: int, total: int) -> int:
    """Kill the hub ``kills`` times at random moments of its life (between requests,
    mid-request, mid-commit), starting it again each time; how many times submissions were
    still coming (fewer than ``total`` at the hub)."""
    busy = 0
    for _ in range(kills):
        try:
            assert hub.process is not None
            hub.process.wait(timeout=rng.uniform(0.02, 0.3))
        except subprocess.TimeoutExpired:
            pass
        hub.kill()
        busy += hub.rows("SELECT count(*) FROM submissions")[0][0] < total
        hub.start()
    return busy


@pytest.mark.slow
def test_hub_killed_at_random_behind_a_faulty_proxy_loses_and_doubles_nothing(
    tmp_path: Path,
) -> None:
    rng = random.Random(SEED + 1)
    hub = HubRunner(tmp_path / "hub")
    credential, key = hub.setup()
    terminal_id = credential.read_text().strip().split(".", 1)[0]
    total = max(60, HUB_KILLS * 2)
    outbox = tmp_path / "terminal" / "outbox.sqlite"
    hub.start()
    # One submission the way to the hub always fails with 500 (as the hub did for a version
    # of 2**64): it must end as a visible dead letter, and not hold up the others.
    poison = submission(7, terminal_id)[0]
    with FaultProxy(hub.port) as proxy:
        proxy.random(SEED, PROXY_FAULTS)
        proxy.rule(f"/submissions/{poison}", Fault.status(500))
        # Paced, so that the terminal is still storing and sending through most of the kills.
        child = Child(outbox, f"http://127.0.0.1:{proxy.port}", credential, key, 0, total, 1100)
        try:
            busy = kill_hub_at_random(hub, rng, HUB_KILLS, total)
            print(f"hub killed {HUB_KILLS} times, {busy} of them with submissions still coming")
            # Most kills landed while the terminal was still storing and sending, not after.
            assert busy >= max(1, HUB_KILLS // 2), (busy, HUB_KILLS)
            child.finish(timeout=300)
            delivered, reasons = check_delivered_or_dead(hub, outbox, total, terminal_id)
            print(f"delivered {delivered}, dead letters {total - delivered} {reasons}")
            assert delivered < total and any("HTTP 500" in r for r in reasons)
            assert not hub.rows("SELECT 1 FROM submissions WHERE id = ?", poison)
            print(f"proxy: {dict(proxy.stats)}")
            # The faults really happened, each of them.
            for label in ("status-200-html", "redirect-302", "status-413-html", "status-500"):
                assert proxy.stats[label] >= 3, dict(proxy.stats)
            assert proxy.stats["maintenance"] == 0  # no redirect was ever followed
        except AssertionError as exc:
            raise AssertionError(f"{exc} (seed {SEED})") from exc
        finally:
            if child.process.poll() is None:
                child.process.kill()
            hub.stop()


@pytest.mark.slow
def test_hub_killed_at_random_while_an_enrolled_terminal_delivers_over_mutual_tls(
    tmp_path: Path,
) -> None:
    rng = random.Random(SEED + 2)
    hub = HubRunner(tmp_path / "hub", tls=True)
    _, key = hub.setup()
    terminal_id = "test-terminal-01"
    kills = max(5, HUB_KILLS // 4)
    total = max(30, kills * 3)
    outbox = tmp_path / "terminal" / "outbox.sqlite"
    hub.start()
    credential = enrolled(hub, tmp_path / "terminal", terminal_id)
    child = Child(outbox, hub.terminal_url, credential, key, 0, total, 700)
    try:
        busy = kill_hub_at_random(hub, rng, kills, total)
        assert busy >= max(1, kills // 2), (busy, kills)
        child.finish(timeout=300)
        check_exactly_once(hub, total, terminal_id)
    except AssertionError as exc:
        raise AssertionError(f"{exc} (seed {SEED})") from exc
    finally:
        if child.process.poll() is None:
            child.process.kill()
        hub.stop()
