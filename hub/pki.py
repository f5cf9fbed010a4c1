"""The hub's certificate authority: device certificates for the terminals' mutual TLS.

A terminal makes its own key pair (the private key never leaves it) and sends a certificate
signing request with its one-time enrolment code; the hub answers with a short-lived device
certificate from this CA, naming the terminal. From then on the terminal proves who it is in
every TLS handshake, and renews its certificate well before it expires.

The files lie in one folder (by default ``pki/`` in the hub's data folder), the keys mode 0600:

- ``ca-key.pem``, ``ca.pem``: the CA (EC P-256, self-signed, :data:`CA_LIFETIME`). Its SHA-256
  fingerprint goes to the terminal with the enrolment code (in the QR code), so that the
  terminal trusts the right hub from the first byte.
- ``hub-tls-key.pem``, ``hub-tls.pem``: the hub's own server certificate from the same CA, for
  the names the terminals reach it by.
- ``crl.pem``: the revocation list, signed again whenever a certificate is revoked: the TLS
  listener refuses a revoked terminal at the handshake.

The CA key signs device certificates, so it is as precious as the hub's submission key: keep
the folder out of backups that leave the town hall, or on a volume of its own (``--pki-dir``).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import ipaddress
import os
import ssl
import tempfile
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.asymmetric.types import CertificatePublicKeyTypes
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

#: The CA's own lifetime: longer than any terminal's service life between re-installs.
CA_LIFETIME = dt.timedelta(days=20 * 365)
#: A device certificate's lifetime: short, so that a terminal gone offline (stolen, broken)
#: loses its identity on its own; the terminal renews when a third is left, for the same key
#: only, and enrolling it again revokes the certificates it had.
DEVICE_LIFETIME = dt.timedelta(days=30)
RENEW_WHEN_LEFT = DEVICE_LIFETIME / 3
#: The hub's server certificate (renewed by the hub itself at start when a month is left).
SERVER_LIFETIME = dt.timedelta(days=365)
#: Clock skew allowed at the start of a certificate's validity (a terminal's clock a little
#: behind the hub's must not find its new certificate "not yet valid").
BACKDATE = dt.timedelta(minutes=10)
#: The revocation list says when it will be renewed; the hub signs a new one well before.
CRL_LIFETIME = dt.timedelta(days=7)

#: The CA's folder in the hub's data folder (unless ``--pki-dir`` puts it elsewhere).
PKI_DIR = "pki"
CA_KEY, CA_CERT = "ca-key.pem", "ca.pem"
SERVER_KEY, SERVER_CERT = "hub-tls-key.pem", "hub-tls.pem"
CRL_FILE = "crl.pem"
SIGNER_CERT, SIGNER_KEY = "configuration-signer.pem", "configuration-signer-key.pem"
_SIGNER_LOCK = threading.Lock()


class PkiError(ValueError):
    """A request the CA refuses (a malformed or unsuitable CSR), said in plain words."""


@dataclass(frozen=True)
class Issued:
    certificate: x509.Certificate

    @property
    def pem(self) -> bytes:
        return self.certificate.public_bytes(serialization.Encoding.PEM)

    @property
    def serial(self) -> str:
        return serial_text(self.certificate)

    @property
    def not_after(self) -> dt.datetime:
        return self.certificate.not_valid_after_utc


def fingerprint(certificate: x509.Certificate) -> str:
    """The certificate's SHA-256 fingerprint: 64 lowercase hex digits (over its DER form)."""
    return hashlib.sha256(certificate.public_bytes(serialization.Encoding.DER)).hexdigest()


def serial_text(certificate: x509.Certificate) -> str:
    return format(certificate.serial_number, "x")


def terminal_of(certificate: x509.Certificate) -> str | None:
    """The terminal a device certificate names (its subject's common name), or None."""
    names = certificate.subject.get_attributes_for_oid(NameOID.COMMON_NAME)
    value = names[0].value if names else None
    return value if isinstance(value, str) and value else None


class CertificateAuthority:
    def __init__(
        self, folder: Path, now: dt.datetime | None = None, *, create: bool = True
    ) -> None:
        """Open the CA in ``folder``; with ``create`` (the hub's start), make it if there is
        none yet. Half a CA (the key without its certificate, or the other way round: a
        restore gone wrong) is refused, never replaced: a new key would lock out every
        terminal enrolled with the old one."""
        self.folder = folder
        key_path, cert_path = folder / CA_KEY, folder / CA_CERT
        if key_path.exists() != cert_path.exists():
            raise PkiError(
                f"{folder}: only one of {CA_KEY} and {CA_CERT} is there; restore the other "
                "(a new CA would lock out every enrolled terminal)"
            )
        if not key_path.exists() and not create:
            raise PkiError(
                f"no CA in {folder}: start the hub once (it makes its CA), or give the "
                "--pki-dir the hub serves with"
            )
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        if key_path.exists() and cert_path.exists():
            loaded = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
            if not isinstance(loaded, ec.EllipticCurvePrivateKey):
                raise PkiError(f"{key_path}: not the CA's EC key")
            self._key = loaded
            self.certificate = x509.load_pem_x509_certificate(cert_path.read_bytes())
            return
        self._key = ec.generate_private_key(ec.SECP256R1())
        moment = _now(now)
        name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Point of Public hub CA")])
        self.certificate = (
            x509.CertificateBuilder()
            .subject_name(name)
            .issuer_name(name)
            .public_key(self._key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(moment - BACKDATE)
            .not_valid_after(moment + CA_LIFETIME)
            .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
            .add_extension(_ca_usage(), critical=True)
            .add_extension(
                x509.SubjectKeyIdentifier.from_public_key(self._key.public_key()), critical=False
            )
            .sign(self._key, hashes.SHA256())
        )
        _write_private(key_path, _key_pem(self._key))
        _write(cert_path, self.certificate.public_bytes(serialization.Encoding.PEM))

    @property
    def pem(self) -> bytes:
        return self.certificate.public_bytes(serialization.Encoding.PEM)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.certificate)

    # --- terminals -------------------------------------------------------------------------

    def issue_device(
        self, csr_pem: bytes | str, terminal_id: str, now: dt.datetime | None = None
    ) -> Issued:
        """A device certificate for ``terminal_id`` over the key in ``csr_pem``.

        The CSR proves possession of the key (its signature); its subject is ignored — the
        hub names the terminal, from the code it enrolled with or the certificate it renews
        with, never from what the request says."""
        public = requested_key(csr_pem)
        return Issued(
            self._leaf(
                terminal_id, public, _now(now), DEVICE_LIFETIME, ExtendedKeyUsageOID.CLIENT_AUTH
            )
        )

    def issued_here(self, certificate: x509.Certificate) -> bool:
        """``certificate`` was signed by this CA (its signature checks out)."""
        try:
            certificate.verify_directly_issued_by(self.certificate)
        except (ValueError, TypeError, InvalidSignature):
            return False
        return True

    def revocation_list(
        self, revoked: Iterable[tuple[str, dt.datetime]], now: dt.datetime | None = None
    ) -> bytes:
        """The CRL (PEM) naming ``revoked`` (serial in hex, when), written to ``crl.pem``."""
        moment = _now(now)
        updated = moment - BACKDATE
        previous = self.folder / CRL_FILE
        try:
            last = x509.load_pem_x509_crl(previous.read_bytes()).last_update_utc
        except (OSError, ValueError):
            last = None  # none yet, or damaged: this one replaces it
        if last is not None and last <= moment:
            # Strictly later than the list before: of an issuer's lists a running TLS context
            # keeps the one updated last, and two revocations may come within a second. (A
            # list dated ahead, from a clock set back since, is not followed into the future.)
            updated = max(updated, last + dt.timedelta(seconds=1))
        builder = (
            x509.CertificateRevocationListBuilder()
            .issuer_name(self.certificate.subject)
            .last_update(updated)
            .next_update(updated + BACKDATE + CRL_LIFETIME)
        )
        for serial, when in revoked:
            builder = builder.add_revoked_certificate(
                x509.RevokedCertificateBuilder()
                .serial_number(int(serial, 16))
                .revocation_date(when)
                .build()
            )
        pem = builder.sign(self._key, hashes.SHA256()).public_bytes(serialization.Encoding.PEM)
        _write(self.folder / CRL_FILE, pem)
        return pem

    # --- the hub itself ----------------------------------------------------------------------

    def server_files(
        self, names: Iterable[str], now: dt.datetime | None = None
    ) -> tuple[Path, Path]:
        """(certificate file, key file) of the hub's TLS server certificate for ``names``
        (host names or IP addresses): kept while it names the same and has a month left,
        made anew otherwise."""
        wanted = sorted(set(names))
        if not wanted:
            raise PkiError("the hub's TLS certificate needs at least one name")
        cert_path, key_path = self.folder / SERVER_CERT, self.folder / SERVER_KEY
        moment = _now(now)
        if cert_path.exists() and key_path.exists():
            current = x509.load_pem_x509_certificate(cert_path.read_bytes())
            if _names_of(current) == wanted and current.not_valid_after_utc - moment > dt.timedelta(
                days=30
            ):
                return cert_path, key_path
        key = ec.generate_private_key(ec.SECP256R1())
        alternative: list[x509.GeneralName] = []
        for name in wanted:
            try:
                alternative.append(x509.IPAddress(ipaddress.ip_address(name)))
            except ValueError:
                alternative.append(x509.DNSName(name))
        certificate = self._leaf(
            wanted[0],
            key.public_key(),
            moment,
            SERVER_LIFETIME,
            ExtendedKeyUsageOID.SERVER_AUTH,
            alternative_names=x509.SubjectAlternativeName(alternative),
        )
        _write_private(key_path, _key_pem(key))
        _write(cert_path, certificate.public_bytes(serialization.Encoding.PEM))
        return cert_path, key_path

    def configuration_signer(
        self, now: dt.datetime | None = None
    ) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
        """The key and certificate the hub signs terminals' configurations with
        (:mod:`hub.configuration`): issued by this CA for code signing only, so that a device
        or server certificate can never pass for it; kept while it has a month left."""
        with _SIGNER_LOCK:  # (two first requests at once must not make two halves)
            return self._configuration_signer(_now(now))

    def _configuration_signer(
        self, moment: dt.datetime
    ) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
        cert_path, key_path = self.folder / SIGNER_CERT, self.folder / SIGNER_KEY
        if cert_path.exists() and key_path.exists():
            try:
                current = x509.load_pem_x509_certificate(cert_path.read_bytes())
                loaded = serialization.load_pem_private_key(key_path.read_bytes(), password=None)
            except ValueError:
                current, loaded = None, None  # (damaged: made anew)
            if (
                isinstance(loaded, ec.EllipticCurvePrivateKey)
                and current is not None
                and current.public_key() == loaded.public_key()
                and self.issued_here(current)
                and current.not_valid_after_utc - moment > dt.timedelta(days=30)
            ):
                return loaded, current
        key = ec.generate_private_key(ec.SECP256R1())
        # (its one use marked critical: software that does not know it must refuse it)
        certificate = self._leaf(
            "Point of Public configuration",
            key.public_key(),
            moment,
            SERVER_LIFETIME,
            ExtendedKeyUsageOID.CODE_SIGNING,
            usage_critical=True,
        )
        _write_private(key_path, _key_pem(key))
        _write(cert_path, certificate.public_bytes(serialization.Encoding.PEM))
        return key, certificate

    def _leaf(
        self,
        name: str,
        public: CertificatePublicKeyTypes,
        moment: dt.datetime,
        lifetime: dt.timedelta,
        usage: x509.ObjectIdentifier,
        *,
        usage_critical: bool = False,
        alternative_names: x509.SubjectAlternativeName | None = None,
    ) -> x509.Certificate:
        """A certificate of this CA for one use (a terminal, the hub's TLS, configurations)."""
        builder = (
            x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, name)]))
            .issuer_name(self.certificate.subject)
            .public_key(public)
            .serial_number(x509.random_serial_number())
            .not_valid_before(moment - BACKDATE)
            .not_valid_after(moment + lifetime)
            .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
            .add_extension(_leaf_usage(), critical=True)
            .add_extension(x509.ExtendedKeyUsage([usage]), critical=usage_critical)
        )
        if alternative_names is not None:
            builder = builder.add_extension(alternative_names, critical=False)
        builder = builder.add_extension(self._authority_key_id(), critical=False)
        return builder.sign(self._key, hashes.SHA256())

    def _authority_key_id(self) -> x509.AuthorityKeyIdentifier:
        return x509.AuthorityKeyIdentifier.from_issuer_public_key(self._key.public_key())


def server_context(
    ca: CertificateAuthority, names: Iterable[str], *, clients: bool
) -> ssl.SSLContext:
    """The hub's TLS context: its server certificate for ``names``; with ``clients``, every
    client must present a device certificate from this CA that has not expired and is not on
    the revocation list (``crl.pem``, made empty if there is none yet) — refused at the
    handshake otherwise. :func:`reload_revocations` brings a new list into a running one."""
    cert_file, key_file = ca.server_files(names)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(cert_file, key_file)
    if clients:
        crl = ca.folder / CRL_FILE
        if not crl.exists():
            ca.revocation_list(())
        context.verify_mode = ssl.CERT_REQUIRED
        context.load_verify_locations(cadata=ca.pem.decode("ascii"))
        # (a file: OpenSSL reads revocation lists from files, not from ``cadata``)
        context.load_verify_locations(cafile=crl)
        context.verify_flags |= ssl.VERIFY_CRL_CHECK_LEAF
    return context


def reload_revocations(context: ssl.SSLContext, ca: CertificateAuthority) -> None:
    """Add the CA's newest revocation list (``crl.pem``, written by
    :meth:`CertificateAuthority.revocation_list`) to a running context: the handshakes after
    this one use it (of an issuer's lists, OpenSSL takes the one updated last)."""
    context.load_verify_locations(cafile=ca.folder / CRL_FILE)


def requested_key(
    csr_pem: bytes | str,
) -> ec.EllipticCurvePublicKey | rsa.RSAPublicKey:
    """The key a signing request asks a certificate for, once the request proves possession
    of it and the key is strong enough; :class:`PkiError` says what is wrong otherwise."""
    public = _load_csr(csr_pem).public_key()
    if isinstance(public, ec.EllipticCurvePublicKey):
        if public.curve.key_size < 256:
            raise PkiError("the key is too weak (an EC key of at least 256 bits is needed)")
        return public
    if isinstance(public, rsa.RSAPublicKey):
        if public.key_size < 2048:
            raise PkiError("the key is too weak (RSA needs at least 2048 bits)")
        return public
    raise PkiError("the key is of a kind the hub does not issue for (EC or RSA only)")


def _load_csr(csr_pem: bytes | str) -> x509.CertificateSigningRequest:
    data = csr_pem.encode("ascii", "replace") if isinstance(csr_pem, str) else csr_pem
    if len(data) > 16_000:
        raise PkiError("the signing request is too large")
    try:
        csr = x509.load_pem_x509_csr(data)
    except ValueError as exc:
        raise PkiError("not a PEM certificate signing request") from exc
    if not csr.is_signature_valid:
        raise PkiError("the signing request's signature does not match its key")
    return csr


def _names_of(certificate: x509.Certificate) -> list[str]:
    try:
        san = certificate.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except x509.ExtensionNotFound:
        return []
    names = [str(n) for n in san.get_values_for_type(x509.DNSName)]
    names += [str(a) for a in san.get_values_for_type(x509.IPAddress)]
    return sorted(names)


def _ca_usage() -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=False,
        content_commitment=False,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=True,
        crl_sign=True,
        encipher_only=False,
        decipher_only=False,
    )


def _leaf_usage() -> x509.KeyUsage:
    return x509.KeyUsage(
        digital_signature=True,
        content_commitment=False,
        key_encipherment=False,
        data_encipherment=False,
        key_agreement=False,
        key_cert_sign=False,
        crl_sign=False,
        encipher_only=False,
        decipher_only=False,
    )


def _now(now: dt.datetime | None) -> dt.datetime:
    return now if now is not None else dt.datetime.now(dt.UTC)


def _key_pem(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )


def _write_private(path: Path, data: bytes) -> None:
    """Write a key: mode 0600 from its first byte, then put in place atomically."""
    _write(path, data)


def _write(path: Path, data: bytes) -> None:
    """Put ``data`` in place atomically (mode 0600; a temporary file of its own, so that the
    hub and a command line writing at once do not mix their halves)."""
    fd, part = tempfile.mkstemp(dir=path.parent, prefix=path.name + ".", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        Path(part).replace(path)
    except BaseException:
        Path(part).unlink(missing_ok=True)
        raise
