"""Passive authentication (ICAO 9303 Part 11 §5.1): is what the chip holds what the state wrote?

1. EF.SOD's CMS signature verifies with the document signer (DS) certificate it carries;
2. the DS certificate was issued by a CSCA in our trust store (master list files or certificates);
3. every data group we read hashes to the value in the signed LDS security object.

The outcome is one of valid / invalid / unknown CSCA with the reason; the clerk sees it with the
submission. A chip that fails is reported, never silently accepted.
"""

from __future__ import annotations

import hashlib
import hmac
import logging
import warnings
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum
from pathlib import Path

from cryptography import x509
from cryptography.exceptions import InvalidSignature, UnsupportedAlgorithm
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.asymmetric.utils import encode_dss_signature
from cryptography.utils import CryptographyDeprecationWarning

from drivers.card.icao import cms
from drivers.card.icao.keys import certificate_key
from drivers.card.icao.tlv import TlvError, objects, read, tlv

log = logging.getLogger(__name__)

_HASHES: dict[str, tuple[str, Callable[[], hashes.HashAlgorithm]]] = {
    "1.3.14.3.2.26": ("sha1", hashes.SHA1),
    "2.16.840.1.101.3.4.2.4": ("sha224", hashes.SHA224),
    "2.16.840.1.101.3.4.2.1": ("sha256", hashes.SHA256),
    "2.16.840.1.101.3.4.2.2": ("sha384", hashes.SHA384),
    "2.16.840.1.101.3.4.2.3": ("sha512", hashes.SHA512),
}
_ECDSA: dict[str, Callable[[], hashes.HashAlgorithm]] = {
    "1.2.840.10045.4.1": hashes.SHA1,
    "1.2.840.10045.4.3.1": hashes.SHA224,
    "1.2.840.10045.4.3.2": hashes.SHA256,
    "1.2.840.10045.4.3.3": hashes.SHA384,
    "1.2.840.10045.4.3.4": hashes.SHA512,
}
_RSA_PKCS1: dict[str, Callable[[], hashes.HashAlgorithm]] = {
    "1.2.840.113549.1.1.5": hashes.SHA1,
    "1.2.840.113549.1.1.14": hashes.SHA224,
    "1.2.840.113549.1.1.11": hashes.SHA256,
    "1.2.840.113549.1.1.12": hashes.SHA384,
    "1.2.840.113549.1.1.13": hashes.SHA512,
}
_RSA_PSS = "1.2.840.113549.1.1.10"
#: RFC 3370 §3.2 lets the signature algorithm be named by the key's own OID (OpenSSL's ``cms``
#: does so by default for RSA, some states for EC): the hash is then the digest algorithm's.
_RSA_ENCRYPTION = "1.2.840.113549.1.1.1"
_EC_PUBLIC_KEY = "1.2.840.10045.2.1"
#: BSI TR-03111 ecdsa-plain-SHA*: the signature is r ‖ s (fixed length), not a DER SEQUENCE.
_ECDSA_PLAIN: dict[str, Callable[[], hashes.HashAlgorithm]] = {
    "0.4.0.127.0.7.1.1.4.1.1": hashes.SHA1,
    "0.4.0.127.0.7.1.1.4.1.2": hashes.SHA224,
    "0.4.0.127.0.7.1.1.4.1.3": hashes.SHA256,
    "0.4.0.127.0.7.1.1.4.1.4": hashes.SHA384,
    "0.4.0.127.0.7.1.1.4.1.5": hashes.SHA512,
}
_MGF1 = "1.2.840.113549.1.1.8"
#: RFC 8017 §9.1.1: the salt fits in the encoded message with the hash: emLen ≥ hLen + sLen + 2.
#: A document signer key of 16384 bits leaves under 2 KB; a larger salt is no signature at all
#: (``cryptography`` raised OverflowError for 2**64, which escaped as a 500 at the hub).
MAX_PSS_SALT = 2048


#: What ``cryptography`` raises for a certificate it cannot use (found by fuzzing EF.SOD: a
#: changed version byte gives InvalidVersion, which is no ValueError).
_CERTIFICATE_ERRORS = (
    ValueError,
    # A parameter out of the C library's range (an RSASSA-PSS salt of 2**64 raised
    # OverflowError): whatever the document says, the answer is a verdict.
    ArithmeticError,
    TypeError,
    x509.InvalidVersion,
    x509.DuplicateExtension,
    UnsupportedAlgorithm,
)


class Verdict(StrEnum):
    VALID = "valid"
    INVALID = "invalid"
    UNKNOWN_CSCA = "unknown_csca"


@dataclass(frozen=True)
class PassiveAuthentication:
    verdict: Verdict
    reason: str  # for the clerk and the log; no personal data
    signer: str = ""  # the document signer's subject
    csca: str = ""  # the CSCA it chains to, when found


_NameKey = tuple[tuple[tuple[str, str], ...], ...]


def _name_key(name: x509.Name) -> _NameKey:
    """A name as RFC 5280 §7.1 compares names: per attribute, case and runs of spaces do not
    count, nor whether it is encoded as PrintableString or UTF8String. States' document signer
    certificates do not always spell their issuer byte for byte as the CSCA spells its subject.
    (Only for finding candidates: the signature decides.)"""
    return tuple(
        tuple(sorted((a.oid.dotted_string, " ".join(str(a.value).casefold().split())) for a in rdn))
        for rdn in name.rdns
    )


def _issued_by(certificate: x509.Certificate, issuer: x509.Certificate) -> bool:
    """Whether ``issuer``'s key signed ``certificate`` (the names were matched before, see
    :func:`_name_key`; ``verify_directly_issued_by`` would insist on identical bytes)."""
    key = certificate_key(issuer)
    parameters = certificate.signature_algorithm_parameters
    try:
        if isinstance(key, rsa.RSAPublicKey) and isinstance(
            parameters, (padding.PKCS1v15, padding.PSS)
        ):
            hash_algorithm = certificate.signature_hash_algorithm
            if hash_algorithm is None:
                return False
            key.verify(
                certificate.signature, certificate.tbs_certificate_bytes, parameters, hash_algorithm
            )
        elif isinstance(key, ec.EllipticCurvePublicKey) and isinstance(parameters, ec.ECDSA):
            key.verify(certificate.signature, certificate.tbs_certificate_bytes, parameters)
        else:
            return False
    except InvalidSignature:
        return False
    return True


class TrustStore:
    """CSCA certificates, from master list files (``*.ml``, CMS) and certificate files."""

    def __init__(self, certificates: Iterable[x509.Certificate] = ()) -> None:
        self._by_subject: dict[_NameKey, list[x509.Certificate]] = {}
        for certificate in certificates:
            self.add(certificate)

    def add(self, certificate: x509.Certificate) -> None:
        self._by_subject.setdefault(_name_key(certificate.subject), []).append(certificate)

    def __len__(self) -> int:
        return sum(len(v) for v in self._by_subject.values())

    def certificates(self) -> list[x509.Certificate]:
        return [c for found in self._by_subject.values() for c in found]

    def issuers_of(self, certificate: x509.Certificate) -> list[x509.Certificate]:
        return list(self._by_subject.get(_name_key(certificate.issuer), []))

    @classmethod
    def from_paths(cls, paths: Iterable[Path]) -> TrustStore:
        """Load every file (folders: every file in them). Unreadable files are logged, skipped."""
        store = cls()
        not_ca = 0
        for path in paths:
            files = sorted(p for p in path.iterdir() if p.is_file()) if path.is_dir() else [path]
            for file in files:
                try:
                    for certificate in _load_certificates(file.read_bytes()):
                        if _is_ca(certificate):
                            store.add(certificate)
                        else:
                            not_ca += 1
                except (OSError, cms.CmsError, *_CERTIFICATE_ERRORS) as exc:
                    log.warning("trust store: skipped %s (%s)", file.name, type(exc).__name__)
        if not_ca:
            # A document signer certificate (or any end-entity certificate) dropped into the
            # CSCA folder must not become a trust anchor: whatever its key signed would pass.
            log.warning("trust store: skipped %d certificates that are not CA certificates", not_ca)
        return store


def _is_ca(certificate: x509.Certificate) -> bool:
    """A CA certificate (basicConstraints cA TRUE), as ICAO 9303-12 §7.1.1 requires of CSCA
    and link certificates."""
    try:
        constraints = certificate.extensions.get_extension_for_class(x509.BasicConstraints)
    except (x509.ExtensionNotFound, *_CERTIFICATE_ERRORS):
        return False
    return constraints.value.ca


def _load_certificates(data: bytes) -> list[x509.Certificate]:
    """The certificates in a PEM or DER file, or a master list's once its signature holds
    (:func:`master_list_certificates`). Which states to trust is still the operator's choice
    (e.g. the BSI's German master list, fetched over TLS and checked against its published
    hash); the signature makes sure the file is the one its signer published, unchanged."""
    if b"-----BEGIN CERTIFICATE-----" in data:
        with warnings.catch_warnings():  # negative serial numbers: see _load_der
            warnings.simplefilter("ignore", CryptographyDeprecationWarning)
            return x509.load_pem_x509_certificates(data)
    try:
        return [_load_der(data)]
    except ValueError:
        signed = cms.parse_signed_data(data)  # a master list
        if signed.content_type != cms.OID_CSCA_MASTER_LIST:
            raise
        return master_list_certificates(signed)


def master_list_certificates(signed: cms.SignedData) -> list[x509.Certificate]:
    """The CSCA certificates of a master list (ICAO 9303-12 §9), once its CMS signature holds:
    its signer's certificate (carried in the CMS) signed the list, and that signer was issued
    by a CSCA the list itself holds (a state's master list signer is certified by its own
    CSCA). :class:`cms.CmsError` otherwise: a changed or forged list adds no anchor at all."""
    certificates = [_load_der(c) for c in cms.parse_master_list(signed.content)]
    if not signed.signers:
        raise cms.CmsError("the master list is not signed")
    signer = signed.signers[0]
    try:
        signer_certificate = _signer_certificate(signed, signer)
        _check_signature(signed, signer, signer_certificate, cms.OID_CSCA_MASTER_LIST)
    except InvalidSignature:
        raise cms.CmsError("the master list's signature does not verify") from None
    except (KeyError, ValueError, TlvError, UnsupportedAlgorithm, *_CERTIFICATE_ERRORS) as exc:
        raise cms.CmsError(f"the master list's signature: {exc}") from None
    for csca in certificates:
        if _name_key(csca.subject) != _name_key(signer_certificate.issuer):
            continue
        try:
            if _issued_by(signer_certificate, csca):
                return certificates
        except _CERTIFICATE_ERRORS:
            continue
    raise cms.CmsError("the master list's signer was not issued by a CSCA of the list")


def _check_signature(
    signed: cms.SignedData,
    signer: cms.SignerInfo,
    certificate: x509.Certificate,
    content_type: str,
) -> None:
    """``certificate``'s key signed ``signed``'s content (through its signed attributes, which
    must name ``content_type`` and the content's digest); InvalidSignature or ValueError."""
    if signer.signed_attrs:
        found_type = signer.attributes.get(cms.OID_CONTENT_TYPE, b"")
        if cms.decode_oid(read(found_type)[1]) != content_type:
            raise ValueError("signed content type differs")
        message_digest = read(signer.attributes.get(cms.OID_MESSAGE_DIGEST, b"\x04\x00"))[1]
        if not hmac.compare_digest(
            message_digest, _digest(signer.digest_algorithm, signed.content)
        ):
            raise ValueError("message digest differs from the signed content")
        _verify_signature(certificate, signer, signer.signed_attrs)
    else:
        # ICAO 9303-10 asks for signed attributes, RFC 5652 §5.4 does not: without them the
        # signature covers the content itself, which proves as much.
        _verify_signature(certificate, signer, signed.content)


def _digest(algorithm: cms.AlgorithmId, data: bytes) -> bytes:
    if algorithm.oid not in _HASHES:
        raise ValueError(f"unsupported hash algorithm {algorithm.oid}")
    return hashlib.new(_HASHES[algorithm.oid][0], data).digest()


def _hash(algorithm: cms.AlgorithmId) -> hashes.HashAlgorithm:
    if algorithm.oid not in _HASHES:
        raise ValueError(f"unsupported hash algorithm {algorithm.oid}")
    return _HASHES[algorithm.oid][1]()


def _hash_of(algorithm_der: bytes) -> hashes.HashAlgorithm:
    """The hash named by an AlgorithmIdentifier's DER (a KeyError for one we do not know)."""
    _, algorithm, _ = read(algorithm_der)
    return _HASHES[cms.decode_oid(read(algorithm)[1])][1]()


def _pss_parameters(der: bytes) -> tuple[hashes.HashAlgorithm, hashes.HashAlgorithm, int]:
    """RSASSA-PSS-params (RFC 4055): [0] hashAlgorithm (default SHA-1), [1] maskGenAlgorithm
    (default MGF1 with SHA-1; its hash may differ from the message hash), [2] saltLength
    (default 20), [3] trailerField (only 1, the default, is defined)."""
    hash_algorithm: hashes.HashAlgorithm = hashes.SHA1()
    mgf_hash: hashes.HashAlgorithm = hashes.SHA1()
    salt = 20
    if der:
        tag, body, _ = read(der)
        if tag != 0x30:
            raise cms.CmsError("RSASSA-PSS parameters are not a SEQUENCE")
        for field, value in objects(body):
            if field == 0xA0:
                hash_algorithm = _hash_of(value)
            elif field == 0xA1:
                _, mgf, _ = read(value)
                parts = list(objects(mgf))
                if not parts or cms.decode_oid(parts[0][1]) != _MGF1 or len(parts) < 2:
                    raise cms.CmsError("RSASSA-PSS mask generation is not MGF1")
                mgf_hash = _hash_of(tlv(parts[1][0], parts[1][1]))
            elif field == 0xA2:
                salt_bytes = read(value)[1]
                # Bounded before it becomes a number: a salt of 2**64 is not a signature.
                if len(salt_bytes) > 4 or int.from_bytes(salt_bytes, "big") > MAX_PSS_SALT:
                    raise cms.CmsError("RSASSA-PSS salt length out of range")
                salt = int.from_bytes(salt_bytes, "big")
            elif field == 0xA3 and int.from_bytes(read(value)[1], "big") != 1:
                raise cms.CmsError("RSASSA-PSS trailer field is not 1")
    return hash_algorithm, mgf_hash, salt


def _plain_to_der(signature: bytes) -> bytes:
    """r ‖ s (BSI TR-03111 plain format) as the DER ECDSA-Sig-Value ``cryptography`` verifies."""
    if not signature or len(signature) % 2:
        raise cms.CmsError("plain ECDSA signature of odd length")
    half = len(signature) // 2
    r = int.from_bytes(signature[:half], "big")
    s = int.from_bytes(signature[half:], "big")
    return encode_dss_signature(r, s)


def _verify_signature(
    certificate: x509.Certificate, signer: cms.SignerInfo, signed_bytes: bytes
) -> None:
    key = certificate_key(certificate)
    oid = signer.signature_algorithm.oid
    if isinstance(key, ec.EllipticCurvePublicKey) and oid in _ECDSA:
        key.verify(signer.signature, signed_bytes, ec.ECDSA(_ECDSA[oid]()))
    elif isinstance(key, ec.EllipticCurvePublicKey) and oid in _ECDSA_PLAIN:
        signature = _plain_to_der(signer.signature)
        key.verify(signature, signed_bytes, ec.ECDSA(_ECDSA_PLAIN[oid]()))
    elif isinstance(key, ec.EllipticCurvePublicKey) and oid == _EC_PUBLIC_KEY:
        key.verify(signer.signature, signed_bytes, ec.ECDSA(_hash(signer.digest_algorithm)))
    elif isinstance(key, rsa.RSAPublicKey) and oid in _RSA_PKCS1:
        key.verify(signer.signature, signed_bytes, padding.PKCS1v15(), _RSA_PKCS1[oid]())
    elif isinstance(key, rsa.RSAPublicKey) and oid == _RSA_ENCRYPTION:
        hash_algorithm = _hash(signer.digest_algorithm)
        key.verify(signer.signature, signed_bytes, padding.PKCS1v15(), hash_algorithm)
    elif isinstance(key, rsa.RSAPublicKey) and oid == _RSA_PSS:
        hash_algorithm, mgf_hash, salt = _pss_parameters(signer.signature_algorithm.parameters)
        pss = padding.PSS(padding.MGF1(mgf_hash), salt)
        key.verify(signer.signature, signed_bytes, pss, hash_algorithm)
    else:
        raise UnsupportedAlgorithm(f"signature algorithm {oid}")


def _load_der(data: bytes) -> x509.Certificate:
    """A certificate from a chip or a trust store file. ``cryptography`` warns (a deprecation,
    later an error) about negative serial numbers, which some states' certificates have: the
    certificate's fault, not ours, and the signatures still decide."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", CryptographyDeprecationWarning)
        return x509.load_der_x509_certificate(data)


def _signer_certificate(signed: cms.SignedData, signer: cms.SignerInfo) -> x509.Certificate:
    with warnings.catch_warnings():  # the serial number is parsed (and warned about) here
        warnings.simplefilter("ignore", CryptographyDeprecationWarning)
        return _find_signer_certificate(signed, signer)


def _find_signer_certificate(signed: cms.SignedData, signer: cms.SignerInfo) -> x509.Certificate:
    certificates = [_load_der(c) for c in signed.certificates]
    for certificate in certificates:
        if signer.issuer_and_serial is not None:
            name, serial = list(objects(signer.issuer_and_serial))[:2]
            if tlv(0x30, name[1]) == certificate.issuer.public_bytes() and (
                certificate.serial_number == int.from_bytes(serial[1], "big", signed=True)
            ):
                return certificate
        elif signer.subject_key_id is not None:
            try:
                ski = certificate.extensions.get_extension_for_class(x509.SubjectKeyIdentifier)
            except x509.ExtensionNotFound:
                continue
            if ski.value.digest == signer.subject_key_id:
                return certificate
    raise ValueError("EF.SOD does not carry its document signer certificate")


def _key_id(certificate: x509.Certificate, kind: type[x509.ExtensionType]) -> bytes | None:
    try:
        value = certificate.extensions.get_extension_for_class(kind).value
    except (x509.ExtensionNotFound, *_CERTIFICATE_ERRORS):
        return None
    if isinstance(value, x509.AuthorityKeyIdentifier):
        return value.key_identifier
    return value.digest if isinstance(value, x509.SubjectKeyIdentifier) else None


def _other_key(certificate: x509.Certificate, candidates: list[x509.Certificate]) -> bool:
    """The signer names a CSCA key (authority key identifier) that none of the CSCAs of its
    issuer's name has."""
    wanted = _key_id(certificate, x509.AuthorityKeyIdentifier)
    if wanted is None:
        return False
    return all(_key_id(c, x509.SubjectKeyIdentifier) != wanted for c in candidates)


#: The data groups a terminal sends as evidence when EF.SOD lists them: the MRZ (DG1), the
#: additional personal details (DG11: full name, address) and the chip's authentication keys
#: (DG14: Chip Authentication, DG15: Active Authentication). Not DG2 (the photo): no form field
#: comes from it. EF.SOD's signed list tells which of them the document has, whatever the
#: unsigned EF.COM says — a reading or a submission without one of them hides something.
EVIDENCE_GROUPS = (1, 11, 14, 15)


def listed_data_groups(sod: bytes) -> frozenset[int]:
    """The data groups EF.SOD's LDS security object lists (empty when it cannot be parsed).

    The list is signed: a forger who edits it breaks passive authentication."""
    try:
        tag, content, _ = read(sod)
        if tag != 0x77:
            return frozenset()
        signed = cms.parse_signed_data(content)
        if signed.content_type != cms.OID_LDS_SECURITY_OBJECT:
            return frozenset()
        return frozenset(cms.parse_lds_security_object(signed.content).hashes)
    except (cms.CmsError, TlvError):
        return frozenset()


def data_group_mismatch(sod: bytes, data_groups: dict[int, bytes]) -> str | None:
    """Whether the data groups are the ones EF.SOD lists, whoever signed it: None when every
    one hashes to its listed value, else the first problem (no personal data). The hub refuses
    evidence that fails this — it cannot have come from any chip, forged or not."""
    try:
        tag, content, _ = read(sod)
        if tag != 0x77:
            return "EF.SOD is not tagged 77"
        signed = cms.parse_signed_data(content)
        if signed.content_type != cms.OID_LDS_SECURITY_OBJECT:
            return "EF.SOD does not hold an LDS security object"
        lds = cms.parse_lds_security_object(signed.content)
    except (cms.CmsError, TlvError) as exc:
        return f"EF.SOD malformed: {exc}"
    for number, content_bytes in sorted(data_groups.items()):
        expected = lds.hashes.get(number)
        try:
            actual = _digest(lds.hash_algorithm, content_bytes)
        except ValueError as exc:
            return str(exc)
        if expected is None or not hmac.compare_digest(expected, actual):
            return f"DG{number} does not match its signed hash"
    return None


def verify(
    sod: bytes,
    data_groups: dict[int, bytes],
    trust: TrustStore,
    at: datetime | None = None,
) -> PassiveAuthentication:
    """Check EF.SOD (the file as read, tag 77) against the data groups read and the trust store.

    ``at``: when the document signer's certificate must have been valid (default: now; the hub
    passes the time it received the submission, so that a later look gives the same verdict).
    """
    try:
        tag, content, _ = read(sod)
        if tag != 0x77:
            raise cms.CmsError("EF.SOD is not tagged 77")
        signed = cms.parse_signed_data(content)
        if signed.content_type != cms.OID_LDS_SECURITY_OBJECT:
            raise cms.CmsError("EF.SOD does not hold an LDS security object")
        lds = cms.parse_lds_security_object(signed.content)
    except (cms.CmsError, TlvError) as exc:
        return PassiveAuthentication(Verdict.INVALID, f"EF.SOD malformed: {exc}")
    signer = signed.signers[0]
    try:
        certificate = _signer_certificate(signed, signer)
        signer_name = certificate.subject.rfc4514_string()
        not_before, not_after = certificate.not_valid_before_utc, certificate.not_valid_after_utc
    except (TlvError, *_CERTIFICATE_ERRORS) as exc:
        return PassiveAuthentication(Verdict.INVALID, str(exc))
    try:
        _check_signature(signed, signer, certificate, cms.OID_LDS_SECURITY_OBJECT)
    except InvalidSignature:
        return PassiveAuthentication(
            Verdict.INVALID, "EF.SOD signature does not verify", signer_name
        )
    except (KeyError, TlvError, cms.CmsError, *_CERTIFICATE_ERRORS) as exc:
        return PassiveAuthentication(Verdict.INVALID, f"EF.SOD signature: {exc}", signer_name)

    for number, content_bytes in sorted(data_groups.items()):
        expected = lds.hashes.get(number)
        try:
            actual = _digest(lds.hash_algorithm, content_bytes)
        except ValueError as exc:
            return PassiveAuthentication(Verdict.INVALID, str(exc), signer_name)
        if expected is None or not hmac.compare_digest(expected, actual):
            return PassiveAuthentication(
                Verdict.INVALID, f"DG{number} does not match its signed hash", signer_name
            )

    now = datetime.now(UTC) if at is None else at
    if not not_before <= now <= not_after:
        return PassiveAuthentication(
            Verdict.INVALID, "document signer certificate not valid now", signer_name
        )
    candidates = trust.issuers_of(certificate)
    for csca in candidates:
        try:
            if not _issued_by(certificate, csca):
                continue
        except _CERTIFICATE_ERRORS:
            continue
        return PassiveAuthentication(
            Verdict.VALID,
            "signature, chain and hashes verified",
            signer_name,
            csca.subject.rfc4514_string(),
        )
    if candidates and not _other_key(certificate, candidates):
        return PassiveAuthentication(
            Verdict.INVALID, "document signer not issued by the CSCA of its name", signer_name
        )
    if candidates:
        # A CSCA key rollover the trust store has not caught up with (no link certificate
        # or new master list yet): not a forgery we can tell, a key we do not have.
        return PassiveAuthentication(
            Verdict.UNKNOWN_CSCA, "this CSCA key is not in the trust store", signer_name
        )
    return PassiveAuthentication(
        Verdict.UNKNOWN_CSCA, "no CSCA for this document signer in the trust store", signer_name
    )
