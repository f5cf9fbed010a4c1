"""The hub over real TLS: a terminal enrols on the browsers' listener, then talks to the
terminals' listener with its device certificate; no certificate, another CA's, or a revoked
one are refused; a terminal set up the old way keeps its bearer credential until it enrols."""

from __future__ import annotations

import contextlib
import datetime as dt
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
from tests.hub.test_pki import device_files
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
    # Until the certificate has been used once, the old way in stays (an enrolment whose
    # answer was lost must not strand the terminal).
    assert probe(runner, None, old_token, url=runner.url).status_code == 200
    answer = probe(runner, device)
    assert answer.status_code == 200 and answer.json()["terminal"] == "village-01"
    # Then the bearer credential is over, on either listener.
    assert probe(runner, None, old_token, url=runner.url).status_code == 401
    # The terminals' listener refuses a handshake without a certificate at all …
    with pytest.raises(HANDSHAKE_REFUSED):
        probe(runner, None, old_token)
    # … and one from another CA (a certificate the terminal made itself).
    from hub.pki import CertificateAuthority

    stranger = CertificateAuthority(tmp_path / "stranger")
    forged = device_files(tmp_path / "forged", stranger, "village-01", dt.datetime.now(dt.UTC))
    with pytest.raises(HANDSHAKE_REFUSED):
        probe(runner, (forged[0], forged[1]))
    # A certificate on the browsers' listener proves nothing (nobody asked for it there).
    assert probe(runner, device, url=runner.url).status_code == 401


def test_a_revoked_terminal_is_refused_at_once_and_then_at_the_handshake(
    hub: tuple[HubRunner, str], tmp_path: Path
) -> None:
    runner, _ = hub
    device = enrolled(runner, "village-02", tmp_path / "village-02")
    assert probe(runner, device).status_code == 200
    runner.cli("terminals", "revoke", "village-02")
    # The first request after the order: refused by the hub's own records (or already at the
    # handshake, when the listener took in the new list in between).
    with contextlib.suppress(HANDSHAKE_REFUSED):
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


def test_enrolling_again_ends_the_old_certificate_and_renewal_keeps_the_key(
    hub: tuple[HubRunner, str], tmp_path: Path
) -> None:
    from wire.enrolment import RENEWAL_PATH

    runner, _ = hub
    runner.cli("terminals", "add", "village-03", "--name", "T", "--place", "Testdorf")
    first = enrolled(runner, "village-03", tmp_path / "first")
    assert probe(runner, first).status_code == 200
    # A renewal for another key (a stolen certificate moving house): refused.
    other = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "x")])
    csr = x509.CertificateSigningRequestBuilder().subject_name(name).sign(other, hashes.SHA256())
    answer = requests.post(
        runner.terminal_url + RENEWAL_PATH.format(terminal_id="village-03"),
        json={"csr": csr.public_bytes(serialization.Encoding.PEM).decode()},
        cert=(str(first[0]), str(first[1])),
        verify=str(runner.ca_file),
        timeout=10,
    )
    assert answer.status_code == 422 and "keeps the terminal's key" in answer.json()["detail"]
    # Enrolled again (a new disk, a suspected theft): the old certificate ends.
    second = enrolled(runner, "village-03", tmp_path / "second")
    assert probe(runner, second).status_code == 200
    with contextlib.suppress(HANDSHAKE_REFUSED):
        assert probe(runner, first).status_code == 401


def test_a_certificate_the_hub_never_issued_gets_no_answer_even_from_its_ca(
    hub: tuple[HubRunner, str], tmp_path: Path
) -> None:
    # Signed with the hub's own CA key (a copy of the CA folder, say) but never recorded as
    # issued: the handshake passes, the hub's records do not.
    from hub.pki import CertificateAuthority

    runner, _ = hub
    ca = CertificateAuthority(runner.data_dir / "pki", create=False)
    unrecorded = device_files(tmp_path / "u", ca, "village-01", dt.datetime.now(dt.UTC))
    assert probe(runner, (unrecorded[0], unrecorded[1])).status_code == 401


def test_an_enrolled_terminal_s_status_look_ups_have_its_own_budget(
    hub: tuple[HubRunner, str], tmp_path: Path
) -> None:
    from wire.api import STATUS_API_PATH

    runner, _ = hub
    runner.cli("terminals", "add", "village-04", "--name", "T", "--place", "Testdorf")
    device = enrolled(runner, "village-04", tmp_path / "village-04")
    with requests.Session() as http:
        http.trust_env = False
        http.cert, http.verify = (str(device[0]), str(device[1])), str(runner.ca_file)
        answers = [
            http.get(
                runner.terminal_url + STATUS_API_PATH.format(code="7K3M-Q9XD-2AF8"), timeout=10
            ).status_code
            for _ in range(15)
        ]
    # More than a citizen's 10 at once, and none rate-limited: the terminal's own budget.
    assert 429 not in answers and set(answers) == {404}


def test_a_hub_back_after_its_revocation_list_expired_still_lets_terminals_in(
    tmp_path: Path,
) -> None:
    import datetime as dt

    from hub.pki import CRL_LIFETIME, CertificateAuthority

    runner = HubRunner(tmp_path / "data", tls=True)
    runner.setup("village-01")
    runner.start()
    try:
        device = enrolled(runner, "village-01", tmp_path / "device")
        assert probe(runner, device).status_code == 200
    finally:
        runner.stop()
    # Stopped for longer than the list lives: the list on disk has expired meanwhile.
    ca = CertificateAuthority(runner.data_dir / "pki", create=False)
    (runner.data_dir / "pki" / "crl.pem").unlink()
    ca.revocation_list((), now=dt.datetime.now(dt.UTC) - CRL_LIFETIME - dt.timedelta(days=1))
    runner.start()
    try:
        assert probe(runner, device).status_code == 200
    finally:
        runner.stop()
