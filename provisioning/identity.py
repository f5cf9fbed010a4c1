"""The terminal's device identity: its own key pair, the certificate the hub issued for it, and
the hub's CA it trusts — in one folder, the private key mode 0600, never sent anywhere.

    identity/
        device-key.pem    the private key (EC P-256; made here, never leaves the terminal)
        device.pem        the device certificate from the hub's CA (renewed before it expires)
        hub-ca.pem        the hub's CA certificate (checked against the invitation's fingerprint)
        hub.json          the terminal's id and the hub's addresses

Everything that touches the key goes through :class:`DeviceIdentity`, the seam where a TPM
(a key that cannot be copied off the machine at all) can take its place later.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    # (imported where used: the kiosk asks whether it is enrolled at start, before its first
    # frame, and needs no X.509 for that)
    from cryptography import x509
    from cryptography.hazmat.primitives.asymmetric import ec

KEY_FILE, CERT_FILE, CA_FILE, HUB_FILE = "device-key.pem", "device.pem", "hub-ca.pem", "hub.json"


@dataclass(frozen=True)
class Enrolment:
    terminal_id: str
    #: Where the technician enrolled it (the hub's browsers' listener).
    hub_url: str
    #: Where the terminal talks to the hub from now on (mutual TLS).
    terminal_url: str


class DeviceIdentity:
    def __init__(self, folder: Path) -> None:
        self.folder = folder

    @property
    def key_file(self) -> Path:
        return self.folder / KEY_FILE

    @property
    def cert_file(self) -> Path:
        return self.folder / CERT_FILE

    @property
    def ca_file(self) -> Path:
        return self.folder / CA_FILE

    @property
    def enrolled(self) -> bool:
        return all(p.exists() for p in (self.key_file, self.cert_file, self.ca_file))

    def enrolment(self) -> Enrolment | None:
        try:
            fields = json.loads((self.folder / HUB_FILE).read_text(encoding="utf-8"))
            return Enrolment(fields["terminal_id"], fields["hub_url"], fields["terminal_url"])
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def signing_request(self) -> str:
        """A CSR over the terminal's key (made now if there is none yet), as PEM."""
        from cryptography import x509
        from cryptography.hazmat.primitives import hashes, serialization
        from cryptography.x509.oid import NameOID

        key = self._key()
        subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Point of Public terminal")])
        request = x509.CertificateSigningRequestBuilder().subject_name(subject)
        return request.sign(key, hashes.SHA256()).public_bytes(serialization.Encoding.PEM).decode()

    def certificate(self) -> x509.Certificate | None:
        from cryptography import x509

        try:
            return x509.load_pem_x509_certificate(self.cert_file.read_bytes())
        except (OSError, ValueError):
            return None

    def expires(self) -> dt.datetime | None:
        certificate = self.certificate()
        return certificate.not_valid_after_utc if certificate is not None else None

    def store(self, certificate_pem: str, ca_pem: str, enrolment: Enrolment) -> None:
        """Keep what the hub issued; the certificate must be for this terminal's key."""
        from cryptography import x509

        certificate = x509.load_pem_x509_certificate(certificate_pem.encode("ascii"))
        if certificate.public_key() != self._key().public_key():
            raise ValueError("the hub's certificate is not for this terminal's key")
        _write(self.ca_file, ca_pem.encode("ascii"))
        _write(self.cert_file, certificate_pem.encode("ascii"))
        _write(self.folder / HUB_FILE, json.dumps(enrolment.__dict__, indent=1).encode())

    def replace_certificate(self, certificate_pem: str) -> None:
        """A renewed certificate (for this terminal's key) in place of the current one."""
        from cryptography import x509

        certificate = x509.load_pem_x509_certificate(certificate_pem.encode("ascii"))
        if certificate.public_key() != self._key().public_key():
            raise ValueError("the hub's certificate is not for this terminal's key")
        _write(self.cert_file, certificate_pem.encode("ascii"))

    def wipe(self) -> None:
        """Back to unenrolled: the key is overwritten, then every file removed."""
        if self.key_file.exists():
            size = self.key_file.stat().st_size
            with self.key_file.open("r+b") as f:
                f.write(bytes(size))
                f.flush()
                os.fsync(f.fileno())
        for name in (KEY_FILE, CERT_FILE, CA_FILE, HUB_FILE):
            (self.folder / name).unlink(missing_ok=True)

    def _key(self) -> ec.EllipticCurvePrivateKey:
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.asymmetric import ec

        if self.key_file.exists():
            loaded = serialization.load_pem_private_key(self.key_file.read_bytes(), password=None)
            if not isinstance(loaded, ec.EllipticCurvePrivateKey):
                raise ValueError(f"{self.key_file}: not the terminal's EC key")
            return loaded
        key = ec.generate_private_key(ec.SECP256R1())
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        pem = key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        fd = os.open(self.key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(pem)
            f.flush()
            os.fsync(f.fileno())
        return key


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    part = path.with_name(path.name + ".part")
    part.write_bytes(data)
    with part.open("rb") as f:
        os.fsync(f.fileno())
    part.replace(path)
