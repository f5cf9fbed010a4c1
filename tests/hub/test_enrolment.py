"""Enrolment against the hub as a process: the technician's one-time code from the CLI, the
terminal's signing request for it, and every way a code is refused, in words."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from tests.support.hub_runner import HubRunner
from wire.enrolment import CA_PATH, ENROLMENT_PATH, Invitation, parse_invitation

HUB_URL = "https://hub.example:8443"


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HubRunner]:
    runner = HubRunner(tmp_path_factory.mktemp("hub") / "data", tls=True)
    runner.setup("village-01")
    for terminal in ("village-02", "village-03"):
        runner.cli("terminals", "add", terminal, "--name", "T", "--place", "Testdorf")
    runner.start()
    yield runner
    runner.stop()


def invite(hub: HubRunner, terminal: str, *extra: str) -> Invitation:
    out = hub.cli("terminals", "enrol", terminal, "--hub-url", HUB_URL, *extra)
    line = next(x for x in out.splitlines() if x.startswith("invitation: "))
    return parse_invitation(line.removeprefix("invitation: "))


def csr_pem(name: str = "anything") -> str:
    key = ec.generate_private_key(ec.SECP256R1())
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    request = (
        x509.CertificateSigningRequestBuilder().subject_name(subject).sign(key, hashes.SHA256())
    )
    return request.public_bytes(serialization.Encoding.PEM).decode()


def enrol(hub: HubRunner, code: str, csr: str | None = None) -> requests.Response:
    return requests.post(
        hub.url + ENROLMENT_PATH,
        json={"code": code, "csr": csr or csr_pem()},
        verify=str(hub.ca_file),
        timeout=10,
    )


def test_a_terminal_spends_its_code_once_for_a_certificate_naming_it(
    hub: HubRunner, tmp_path: Path
) -> None:
    invitation = invite(hub, "village-01", "--qr-file", str(tmp_path / "qr.png"))
    assert invitation.hub_url == HUB_URL
    assert (tmp_path / "qr.png").read_bytes().startswith(b"\x89PNG")
    # The CA the hub hands out is the one the invitation names.
    ca_pem = requests.get(hub.url + CA_PATH, verify=str(hub.ca_file), timeout=10).content
    ca = x509.load_pem_x509_certificate(ca_pem)
    import hashlib

    assert hashlib.sha256(ca.public_bytes(serialization.Encoding.DER)).hexdigest() == (
        invitation.ca_sha256
    )
    # Typed as a person would: lower case, with dashes.
    typed = "-".join(invitation.code[i : i + 4] for i in (0, 4, 8)).lower()
    answer = enrol(hub, typed, csr_pem("i-am-the-mayor"))
    assert answer.status_code == 201, answer.text
    body = answer.json()
    certificate = x509.load_pem_x509_certificate(body["certificate"].encode())
    assert body["terminal_id"] == "village-01"
    assert certificate.subject.rfc4514_string() == "CN=village-01"
    certificate.verify_directly_issued_by(ca)
    assert body["ca"].encode() == ca_pem
    # Where to talk from now on: the host it enrolled at, on the terminals' port.
    assert body["terminal_url"] == hub.terminal_url
    again = enrol(hub, invitation.code)
    assert again.status_code == 403 and "used already" in again.json()["detail"]


def test_a_malformed_request_does_not_cost_the_code(hub: HubRunner) -> None:
    invitation = invite(hub, "village-02")
    refused = enrol(hub, invitation.code, "-----BEGIN CERTIFICATE REQUEST-----\nAAAA\n")
    assert refused.status_code == 422 and "signing request" in refused.json()["detail"]
    assert enrol(hub, invitation.code).status_code == 201


def test_unknown_expired_replaced_and_out_of_service_codes_are_refused_in_words(
    hub: HubRunner,
) -> None:
    unknown = enrol(hub, "0000-0000-0000")
    assert unknown.status_code == 403 and "not known" in unknown.json()["detail"]
    short = invite(hub, "village-03", "--valid-hours", "0.0003")  # about a second
    time.sleep(1.5)
    expired = enrol(hub, short.code)
    assert expired.status_code == 403 and "expired" in expired.json()["detail"]
    first = invite(hub, "village-03")
    invite(hub, "village-03")  # a new code: the earlier one stops working
    replaced = enrol(hub, first.code)
    assert replaced.status_code == 403 and "used already" in replaced.json()["detail"]
    pending = invite(hub, "village-03")
    hub.cli("terminals", "revoke", "village-03")
    gone = enrol(hub, pending.code)
    assert gone.status_code == 403 and "out of service" in gone.json()["detail"]
    with pytest.raises(RuntimeError, match="out of service"):
        invite(hub, "village-03")
    with pytest.raises(RuntimeError, match="register it first"):
        invite(hub, "village-99")


def test_a_body_too_large_is_refused_before_it_is_read(hub: HubRunner) -> None:
    answer = requests.post(
        hub.url + ENROLMENT_PATH,
        data=(b"x" * 65536 for _ in range(64)),  # 4 MiB, chunked: no Content-Length
        verify=str(hub.ca_file),
        timeout=10,
    )
    assert answer.status_code == 413


def test_a_hub_without_tls_of_its_own_enrols_nobody(tmp_path: Path) -> None:
    plain = HubRunner(tmp_path / "plain")
    plain.setup("village-01")
    plain.start()
    try:
        out = plain.cli("terminals", "enrol", "village-01", "--hub-url", HUB_URL)
        code = parse_invitation(
            next(x for x in out.splitlines() if x.startswith("invitation: ")).split(" ", 1)[1]
        ).code
        answer = requests.post(
            plain.url + ENROLMENT_PATH, json={"code": code, "csr": csr_pem()}, timeout=10
        )
        assert answer.status_code == 404  # (no door to enrol through at all)
    finally:
        plain.stop()


def test_guessing_codes_is_slowed_down(hub: HubRunner) -> None:
    answers = [enrol(hub, "ZZZZ-ZZZZ-ZZZ" + str(n % 10)).status_code for n in range(12)]
    assert 429 in answers and answers[0] == 403
