"""Public keys as chips store them (DG14, DG15) and as document signers' certificates carry
them: SubjectPublicKeyInfo, often with *explicit* EC domain parameters instead of a curve's name
(BSI TR-03111 recommends them; German documents use them). OpenSSL — and so ``cryptography``
(50 maps explicit parameters only to the secp curves, not to brainpool) — refuses them; here
they are matched to the standard curve with the same generator, and the point is loaded (and
checked to lie) on that standard curve: whatever else the parameters say is not used.
"""

from __future__ import annotations

from cryptography import x509
from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from drivers.card.icao.cms import CmsError, decode_oid
from drivers.card.icao.tlv import TlvError, objects, read, tlv

PublicKey = rsa.RSAPublicKey | ec.EllipticCurvePublicKey

OID_EC_PUBLIC_KEY = "1.2.840.10045.2.1"

_CURVES: tuple[type[ec.EllipticCurve], ...] = (
    ec.SECP256R1,
    ec.BrainpoolP256R1,
    ec.SECP384R1,
    ec.BrainpoolP384R1,
    ec.SECP521R1,
    ec.BrainpoolP512R1,
    ec.SECP224R1,
    ec.SECP192R1,
)


class UnusableKeyError(ValueError):
    """Not a public key this terminal can use."""


def _generator(curve: ec.EllipticCurve, compressed: bool) -> bytes:
    fmt = (
        serialization.PublicFormat.CompressedPoint
        if compressed
        else serialization.PublicFormat.UncompressedPoint
    )
    return (
        ec.derive_private_key(1, curve).public_key().public_bytes(serialization.Encoding.X962, fmt)
    )


def _named_curve(base: bytes) -> ec.EllipticCurve:
    compressed = base[:1] in (b"\x02", b"\x03")
    for kind in _CURVES:
        curve = kind()
        if _generator(curve, compressed) == base:
            return curve
    raise UnusableKeyError("explicit EC parameters of a curve this terminal does not know")


def load_public_key(spki: bytes) -> PublicKey:
    """An RSA or EC public key from a SubjectPublicKeyInfo (DER)."""
    try:
        key = serialization.load_der_public_key(spki)
    except (ValueError, UnsupportedAlgorithm):
        return _explicit_ec_key(spki)
    if not isinstance(key, rsa.RSAPublicKey | ec.EllipticCurvePublicKey):
        raise UnusableKeyError("the key is neither RSA nor EC")
    return key


def certificate_key(certificate: x509.Certificate) -> PublicKey:
    """The public key a certificate holds, explicit EC parameters included."""
    try:
        key = certificate.public_key()
    except (ValueError, UnsupportedAlgorithm):
        return load_public_key(_spki(certificate.tbs_certificate_bytes))
    if not isinstance(key, rsa.RSAPublicKey | ec.EllipticCurvePublicKey):
        raise UnusableKeyError("the key is neither RSA nor EC")
    return key


def _spki(tbs: bytes) -> bytes:
    """The SubjectPublicKeyInfo of a TBSCertificate: after the optional [0] version, the serial
    number, the signature algorithm, the issuer, the validity and the subject."""
    try:
        tag, value, _ = read(tbs)
        fields = list(objects(value))
        if tag != 0x30:
            raise UnusableKeyError("not a certificate")
        if fields and fields[0][0] == 0xA0:
            fields = fields[1:]
        if len(fields) < 6 or fields[5][0] != 0x30:
            raise UnusableKeyError("the certificate has no public key")
        return tlv(0x30, fields[5][1])
    except TlvError as exc:
        raise UnusableKeyError("the certificate is malformed") from exc


def _explicit_ec_key(spki: bytes) -> ec.EllipticCurvePublicKey:
    try:
        tag, value, _ = read(spki)
        algorithm, bits = list(objects(value))[:2]
        parts = list(objects(algorithm[1]))
        if tag != 0x30 or algorithm[0] != 0x30 or bits[0] != 0x03 or len(parts) != 2:
            raise UnusableKeyError("not a SubjectPublicKeyInfo")
        if parts[0][0] != 0x06 or decode_oid(parts[0][1]) != OID_EC_PUBLIC_KEY:
            raise UnusableKeyError("an algorithm this terminal does not know")
        if parts[1][0] != 0x30:
            raise UnusableKeyError("EC parameters neither named nor explicit")
        # ECParameters: version, fieldID, curve, base (the generator), order, cofactor.
        fields = list(objects(parts[1][1]))
        if len(fields) < 5 or fields[3][0] != 0x04:
            raise UnusableKeyError("explicit EC parameters are malformed")
        curve = _named_curve(fields[3][1])
        point = bits[1][1:]  # the BIT STRING's first byte counts unused bits
        return ec.EllipticCurvePublicKey.from_encoded_point(curve, point)
    except (TlvError, CmsError, ValueError) as exc:
        if isinstance(exc, UnusableKeyError):
            raise
        raise UnusableKeyError("not a usable public key") from exc
