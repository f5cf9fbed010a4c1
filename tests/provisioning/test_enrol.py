"""A terminal enrols with the hub over real TLS, as its technician would run it over SSH
(``python -m provisioning``): its own key (0600, never sent), the hub checked against the
invitation's fingerprint before anything is sent, and then mutual TLS with the certificate."""

from __future__ import annotations

import io
import stat
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests

from provisioning.cli import main
from provisioning.identity import DeviceIdentity
from tests.support.hub_runner import HubRunner
from wire.api import PROBE_PATH
from wire.enrolment import parse_invitation


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HubRunner]:
    runner = HubRunner(tmp_path_factory.mktemp("hub") / "data", tls=True)
    runner.setup("village-01")
    runner.start()
    yield runner
    runner.stop()


def invitation_text(hub: HubRunner) -> str:
    out = hub.cli("terminals", "enrol", "village-01", "--hub-url", hub.url)
    return next(x for x in out.splitlines() if x.startswith("invitation: ")).split(" ", 1)[1]


def run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(args), out, err)
    return code, out.getvalue(), err.getvalue()


def test_the_technician_enrols_the_terminal_and_it_talks_with_mutual_tls(
    hub: HubRunner, tmp_path: Path
) -> None:
    data = tmp_path / "terminal"
    assert run("--data-dir", str(data), "status")[1] == "not enrolled\n"
    # A wrong fingerprint: refused before anything is sent; the code stays valid.
    text = invitation_text(hub)
    invitation = parse_invitation(text)
    wrong = text.replace(invitation.ca_sha256, "0" * 64)
    code, _, err = run("--data-dir", str(data), "enrol", "--invitation", wrong)
    assert code == 2 and "not the right hub" in err and "still valid" in err
    # Typed by hand this time: the address, the code as printed, the fingerprint with colons.
    fingerprint = ":".join(invitation.ca_sha256[i : i + 2] for i in range(0, 64, 2)).upper()
    shown = "-".join(invitation.code[i : i + 4] for i in (0, 4, 8))
    code, out, err = run(
        "--data-dir", str(data), "enrol", "--hub", hub.url, "--code", shown,
        "--ca-fingerprint", fingerprint,
    )  # fmt: skip
    assert code == 0, err
    assert "enrolled as village-01" in out and hub.terminal_url in out
    identity = DeviceIdentity(data / "identity")
    assert stat.S_IMODE(identity.key_file.stat().st_mode) == 0o600
    assert identity.enrolled
    status = run("--data-dir", str(data), "status")[1]
    assert "enrolled as village-01" in status and "valid until" in status
    # The key never left: the hub has only the certificate for it.
    assert b"PRIVATE" not in (hub.data_dir / "hub.sqlite").read_bytes()
    # From now on: mutual TLS to the terminals' listener, trusting only the hub's CA.
    answer = requests.get(
        hub.terminal_url + PROBE_PATH,
        params={"nonce": "n" * 16},
        cert=(str(identity.cert_file), str(identity.key_file)),
        verify=str(identity.ca_file),
        timeout=10,
    )
    assert answer.status_code == 200 and answer.json()["terminal"] == "village-01"
    # The same code a second time: refused, in the hub's words.
    code, _, err = run("--data-dir", str(tmp_path / "other"), "enrol", "--invitation", text)
    assert code == 2 and "used already" in err
    # Reset: only when meant, and then the key is gone for good.
    code, _, err = run("--data-dir", str(data), "reset")
    assert code == 2 and "--yes" in err and identity.enrolled
    assert run("--data-dir", str(data), "reset", "--yes")[0] == 0
    assert not identity.enrolled and not identity.key_file.exists()
    assert run("--data-dir", str(data), "status")[1] == "not enrolled\n"


def test_an_unreachable_hub_and_a_bad_invitation_are_said_plainly(tmp_path: Path) -> None:
    code, _, err = run("--data-dir", str(tmp_path), "enrol", "--invitation", "https://evil/x")
    assert code == 2 and "not a Point of Public enrolment code" in err
    code, _, err = run(
        "--data-dir", str(tmp_path), "enrol", "--hub", "https://127.0.0.1:9", "--code",
        "K7QM-2XDF-9PRW", "--ca-fingerprint", "ab" * 32,
    )  # fmt: skip
    assert code == 2 and "cannot be reached" in err
    assert not DeviceIdentity(tmp_path / "identity").enrolled
