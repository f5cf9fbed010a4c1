"""The hub over real TLS: a terminal enrols on the browsers' listener, then talks to the
terminals' listener with its device certificate; no certificate, another CA's, or a revoked
one are refused; a terminal set up the old way keeps its bearer credential until it enrols."""

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

from hub.listeners import CRL_CHECK_S
from tests.support.hub_runner import HubRunner
from wire.api import PROBE_PATH
from wire.enrolment import ENROLMENT_PATH, parse_invitation

NONCE = "a" * 16
#: How a refused handshake shows to a client: in TLS 1.3 the client's side of the handshake is
#: done before the hub has checked its certificate, so the refusal often arrives as the
#: connection closing on the first request (requests' SSLError is a ConnectionError too).
HANDSHAKE_REFUSED = requests.exceptions.ConnectionError


@pytest.fixture(scope="module")
def hub(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[HubRunner, str]]:
    runner = HubRunner(tmp_path_factory.mktemp("hub") / "data", tls=True)
    credential, _ = runner.setup("village-01")
    runner.cli("terminals", "add", "village-02", "--name", "T", "--place", "Testdorf")
    runner.start()
    yield runner, credential.read_text().strip()
    runner.stop()


def enrolled(runner: HubRunner, terminal: str, folder: Path) -> tuple[Path, Path]:
    """Enrol ``terminal`` as its technician and the terminal would: (certificate, key)."""
    out = runner.cli("terminals", "enrol", terminal, "--hub-url", runner.url)
    invitation = parse_invitation(
        next(x for x in out.splitlines() if x.startswith("invitation: ")).split(" ", 1)[1]
    )
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, terminal)])
    csr = x509.CertificateSigningRequestBuilder().subject_name(name).sign(key, hashes.SHA256())
    answer = requests.post(
        runner.url + ENROLMENT_PATH,
        json={
            "code": invitation.code,
            "csr": csr.public_bytes(serialization.Encoding.PEM).decode(),
        },
        verify=str(runner.ca_file),
        timeout=10,
    )
    assert answer.status_code == 201, answer.text
    folder.mkdir(parents=True, exist_ok=True)
    cert_file, key_file = folder / "device.pem", folder / "device-key.pem"
    cert_file.write_text(answer.json()["certificate"])
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_file, key_file


def probe(
    runner: HubRunner,
    cert: tuple[Path, Path] | None,
    token: str | None = None,
    url: str | None = None,
) -> requests.Response:
    return requests.get(
        (url or runner.terminal_url) + PROBE_PATH,
        params={"nonce": NONCE},
        cert=(str(cert[0]), str(cert[1])) if cert else None,
        headers={"Authorization": f"Bearer {token}"} if token else {},
        verify=str(runner.ca_file),
        timeout=10,
    )


def test_an_enrolled_terminal_talks_with_its_certificate_and_nothing_else_gets_in(
    hub: tuple[HubRunner, str], tmp_path: Path
) -> None:
    runner, old_token = hub
    # Before enrolment the old bearer credential works (on the browsers' listener).
    assert probe(runner, None, old_token, url=runner.url).status_code == 200
    device = enrolled(runner, "village-01", tmp_path / "village-01")
    answer = probe(runner, device)
    assert answer.status_code == 200 and answer.json()["terminal"] == "village-01"
    # Enrolled: the bearer credential is over, on either listener.
    assert probe(runner, None, old_token, url=runner.url).status_code == 401
    # The terminals' listener refuses a handshake without a certificate at all …
    with pytest.raises(HANDSHAKE_REFUSED):
        probe(runner, None, old_token)
    # … and one from another CA (a certificate the terminal made itself).
    from hub.pki import CertificateAuthority

    stranger = CertificateAuthority(tmp_path / "stranger")
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "x")])
    csr = x509.CertificateSigningRequestBuilder().subject_name(name).sign(key, hashes.SHA256())
    forged = stranger.issue_device(csr.public_bytes(serialization.Encoding.PEM), "village-01")
    (tmp_path / "forged.pem").write_bytes(forged.pem)
    (tmp_path / "forged-key.pem").write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    with pytest.raises(HANDSHAKE_REFUSED):
        probe(runner, (tmp_path / "forged.pem", tmp_path / "forged-key.pem"))
    # A certificate on the browsers' listener proves nothing (nobody asked for it there).
    assert probe(runner, device, url=runner.url).status_code == 401


def test_a_revoked_terminal_is_refused_at_once_and_then_at_the_handshake(
    hub: tuple[HubRunner, str], tmp_path: Path
) -> None:
    runner, _ = hub
    device = enrolled(runner, "village-02", tmp_path / "village-02")
    assert probe(runner, device).status_code == 200
    runner.cli("terminals", "revoke", "village-02")
    # The first request after the order: refused by the hub's own records.
    assert probe(runner, device).status_code == 401
    # Within seconds the listener has the new revocation list: no handshake at all.
    deadline = time.monotonic() + CRL_CHECK_S * 4
    while True:
        try:
            probe(runner, device)
        except HANDSHAKE_REFUSED:
            break
        assert time.monotonic() < deadline, "the revocation list was not taken in"
        time.sleep(0.5)
