"""The hub's CA and its TLS: device certificates from signing requests, and real handshakes on
loopback that let only this CA's current, unrevoked device certificates in."""

from __future__ import annotations

import datetime as dt
import socket
import ssl
import stat
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.x509.oid import NameOID

from hub.pki import (
    DEVICE_LIFETIME,
    CertificateAuthority,
    PkiError,
    reload_revocations,
    server_context,
    terminal_of,
)
from tests.support.clock import RUN_STARTED

NOW = RUN_STARTED


def make_key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


def make_csr(key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey, name: str = "whatever") -> bytes:
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)])
    csr = x509.CertificateSigningRequestBuilder().subject_name(subject).sign(key, hashes.SHA256())
    return csr.public_bytes(serialization.Encoding.PEM)


def test_the_ca_is_made_once_its_keys_private_and_it_is_the_same_when_opened_again(
    tmp_path: Path,
) -> None:
    ca = CertificateAuthority(tmp_path / "pki")
    for name in ("ca-key.pem",):
        assert stat.S_IMODE((tmp_path / "pki" / name).stat().st_mode) == 0o600
    assert stat.S_IMODE((tmp_path / "pki").stat().st_mode) == 0o700
    again = CertificateAuthority(tmp_path / "pki")
    assert again.fingerprint == ca.fingerprint and len(ca.fingerprint) == 64
    basic = ca.certificate.extensions.get_extension_for_class(x509.BasicConstraints).value
    assert basic.ca


def test_a_device_certificate_names_the_terminal_the_hub_says_not_the_request(
    tmp_path: Path,
) -> None:
    ca = CertificateAuthority(tmp_path / "pki", now=NOW)
    key = make_key()
    issued = ca.issue_device(make_csr(key, "someone-else"), "village-01", now=NOW)
    assert terminal_of(issued.certificate) == "village-01"
    assert issued.certificate.public_key() == key.public_key()
    assert issued.not_after == (NOW + DEVICE_LIFETIME).replace(microsecond=0)
    assert ca.issued_here(issued.certificate)
    other = CertificateAuthority(tmp_path / "other", now=NOW)
    assert not other.issued_here(issued.certificate)


@pytest.mark.parametrize(
    ("request_pem", "says"),
    [
        (b"not a request", "not a PEM certificate signing request"),
        (b"x" * 20_000, "too large"),
    ],
)
def test_what_is_not_a_usable_request_is_refused_in_words(
    tmp_path: Path, request_pem: bytes, says: str
) -> None:
    ca = CertificateAuthority(tmp_path / "pki")
    with pytest.raises(PkiError, match=says):
        ca.issue_device(request_pem, "village-01")


def test_a_weak_key_is_refused(tmp_path: Path) -> None:
    ca = CertificateAuthority(tmp_path / "pki")
    weak = rsa.generate_private_key(public_exponent=65537, key_size=1024)
    with pytest.raises(PkiError, match="too weak"):
        ca.issue_device(make_csr(weak), "village-01")


def test_a_request_signed_by_another_key_is_refused(tmp_path: Path) -> None:
    ca = CertificateAuthority(tmp_path / "pki")
    # The request's key and the key that signed it differ: no proof of possession.
    good = x509.load_pem_x509_csr(make_csr(make_key()))
    forged = bytearray(good.public_bytes(serialization.Encoding.DER))
    forged[-5] ^= 0x55  # a byte of the signature
    pem = (
        b"-----BEGIN CERTIFICATE REQUEST-----\n"
        + __import__("base64").encodebytes(bytes(forged))
        + b"-----END CERTIFICATE REQUEST-----\n"
    )
    with pytest.raises(PkiError):
        ca.issue_device(pem, "village-01")


# --- real handshakes ----------------------------------------------------------------------------


@contextmanager
def tls_server(context: ssl.SSLContext) -> Iterator[int]:
    """A TLS echo server on loopback: answers b"ok" to whoever completes the handshake."""
    listener = socket.create_server(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    stop = threading.Event()

    def serve() -> None:
        listener.settimeout(0.2)
        while not stop.is_set():
            try:
                raw, _ = listener.accept()
            except TimeoutError:
                continue
            raw.settimeout(5)
            try:
                with context.wrap_socket(raw, server_side=True) as tls:
                    tls.recv(16)
                    tls.sendall(b"ok")
            except (ssl.SSLError, OSError):
                pass

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    try:
        yield port
    finally:
        stop.set()
        thread.join(5)
        listener.close()


def talk(port: int, ca: CertificateAuthority, cert: Path | None, key: Path | None) -> bytes:
    """Connect as a terminal (trusting only the hub's CA) and say hello; the answer."""
    context = ssl.create_default_context(cadata=ca.pem.decode())
    if cert is not None and key is not None:
        context.load_cert_chain(cert, key)
    with (
        socket.create_connection(("127.0.0.1", port), timeout=5) as raw,
        context.wrap_socket(raw, server_hostname="localhost") as tls,
    ):
        tls.sendall(b"hello")
        return tls.recv(16)


def device_files(
    folder: Path, ca: CertificateAuthority, terminal: str, now: dt.datetime
) -> tuple[Path, Path, str]:
    key = make_key()
    issued = ca.issue_device(make_csr(key), terminal, now=now)
    folder.mkdir(parents=True, exist_ok=True)
    cert_file, key_file = folder / f"{terminal}.pem", folder / f"{terminal}-key.pem"
    cert_file.write_bytes(issued.pem)
    key_file.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_file, key_file, issued.serial


def refused(port: int, ca: CertificateAuthority, cert: Path | None, key: Path | None) -> bool:
    try:
        answer = talk(port, ca, cert, key)
    except (ssl.SSLError, ConnectionError, OSError):
        return True
    return answer != b"ok"


def test_the_handshake_lets_in_only_this_ca_s_current_unrevoked_devices(tmp_path: Path) -> None:
    ca = CertificateAuthority(tmp_path / "pki")
    context = server_context(ca, ["localhost", "127.0.0.1"], clients=True)
    now = dt.datetime.now(dt.UTC)
    good = device_files(tmp_path / "devices", ca, "village-01", now)
    expired = device_files(tmp_path / "devices", ca, "village-02", now - 2 * DEVICE_LIFETIME)
    stranger_ca = CertificateAuthority(tmp_path / "stranger")
    stranger = device_files(tmp_path / "stranger-devices", stranger_ca, "village-01", now)
    revoked = device_files(tmp_path / "devices", ca, "village-03", now)
    with tls_server(context) as port:
        assert talk(port, ca, good[0], good[1]) == b"ok"
        assert refused(port, ca, None, None)  # no certificate
        assert refused(port, ca, stranger[0], stranger[1])  # another CA's
        assert refused(port, ca, expired[0], expired[1])
        assert talk(port, ca, revoked[0], revoked[1]) == b"ok"
        # Revoked while the hub runs: the next handshake is refused.
        ca.revocation_list([(revoked[2], now)])
        reload_revocations(context, ca)
        assert refused(port, ca, revoked[0], revoked[1])
        assert talk(port, ca, good[0], good[1]) == b"ok"
        # And another within the same second (the list's time moves on by itself).
        ca.revocation_list([(revoked[2], now), (good[2], now)])
        reload_revocations(context, ca)
        assert refused(port, ca, good[0], good[1])


def test_the_hub_s_certificate_is_for_its_names_and_kept_while_they_stay(tmp_path: Path) -> None:
    ca = CertificateAuthority(tmp_path / "pki")
    cert_file, _ = ca.server_files(["hub.example", "10.0.0.5"])
    first = cert_file.read_bytes()
    assert ca.server_files(["10.0.0.5", "hub.example"])[0].read_bytes() == first
    assert ca.server_files(["hub.example"])[0].read_bytes() != first
    context = server_context(ca, ["localhost"], clients=False)
    with tls_server(context) as port:
        assert talk(port, ca, None, None) == b"ok"  # a browser's way in: no certificate
        wrong_name = ssl.create_default_context(cadata=ca.pem.decode())
        with (
            socket.create_connection(("127.0.0.1", port), timeout=5) as raw,
            pytest.raises(ssl.SSLCertVerificationError),
        ):
            wrong_name.wrap_socket(raw, server_hostname="elsewhere.example")


def test_half_a_ca_is_refused_never_replaced_and_the_command_line_makes_none(
    tmp_path: Path,
) -> None:
    with pytest.raises(PkiError, match="start the hub once"):
        CertificateAuthority(tmp_path / "none", create=False)
    assert not (tmp_path / "none").exists()
    ca = CertificateAuthority(tmp_path / "pki")
    key_before = (tmp_path / "pki" / "ca-key.pem").read_bytes()
    (tmp_path / "pki" / "ca.pem").unlink()  # a restore that forgot a file
    with pytest.raises(PkiError, match="only one of"):
        CertificateAuthority(tmp_path / "pki")
    assert (tmp_path / "pki" / "ca-key.pem").read_bytes() == key_before
    del ca


def test_a_revocation_list_dated_ahead_is_not_followed_into_the_future(tmp_path: Path) -> None:
    ca = CertificateAuthority(tmp_path / "pki")
    now = dt.datetime.now(dt.UTC)
    ca.revocation_list((), now=now + dt.timedelta(days=2))  # a clock that ran ahead
    pem = ca.revocation_list((), now=now)  # set right again
    crl = x509.load_pem_x509_crl(pem)
    assert crl.last_update_utc <= now
