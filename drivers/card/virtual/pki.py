"""A test PKI for virtual documents: a CSCA, a document signer, and EF.SOD signed by it.

Generated, never shipped: the demo makes a fresh one at start (its CSCA goes into the demo's
trust store), the tests make their own. EF.SOD is built as real CMS SignedData (ECDSA P-256,
SHA-256) in DER, with our own encoder, so that the terminal's parser meets what a state's
document signer would produce.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from drivers.card.icao import cms
from drivers.card.icao.tlv import tlv

_SHA256 = "2.16.840.1.101.3.4.2.1"
_ECDSA_SHA256 = "1.2.840.10045.4.3.2"


def _name(common_name: str, country: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, country),
            x509.NameAttribute(NameOID.ORGANIZATION_NAME, "Point of Public test PKI"),
            x509.NameAttribute(NameOID.COMMON_NAME, common_name),
        ]
    )


def _certificate(
    subject: x509.Name,
    issuer: x509.Name,
    key: ec.EllipticCurvePrivateKey,
    signer: ec.EllipticCurvePrivateKey,
    ca: bool,
    days: int,
) -> x509.Certificate:
    now = datetime.now(UTC) - timedelta(days=1)
    builder = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(issuer)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + timedelta(days=days))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=0 if ca else None), True)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
    )
    return builder.sign(signer, hashes.SHA256())


@dataclass
class TestPki:
    csca: x509.Certificate
    ds: x509.Certificate
    ds_key: ec.EllipticCurvePrivateKey

    __test__ = False  # not a pytest class

    @classmethod
    def generate(cls, country: str = "D", name: str = "Demo") -> TestPki:
        iso = "DE" if country == "D" else country[:2]
        csca_key = ec.generate_private_key(ec.SECP256R1())
        ds_key = ec.generate_private_key(ec.SECP256R1())
        csca_name = _name(f"{name} CSCA", iso)
        csca = _certificate(csca_name, csca_name, csca_key, csca_key, True, 365 * 15)
        ds = _certificate(_name(f"{name} DS", iso), csca_name, ds_key, csca_key, False, 365 * 11)
        return cls(csca, ds, ds_key)

    def csca_pem(self) -> bytes:
        return self.csca.public_bytes(serialization.Encoding.PEM)

    def sign_sod(self, data_groups: dict[int, bytes]) -> bytes:
        """EF.SOD (tag 77) over the given data groups' contents, signed by the DS."""
        hashes_der = b"".join(
            tlv(0x30, tlv(0x02, bytes([n])) + tlv(0x04, hashlib.sha256(v).digest()))
            for n, v in sorted(data_groups.items())
        )
        lds = tlv(0x30, tlv(0x02, b"\x00") + _SHA256_ID + tlv(0x30, hashes_der))
        signed = _signed_data(cms.OID_LDS_SECURITY_OBJECT, lds, self.ds_key, self.ds)
        return tlv(0x77, signed)

    def master_list(self, certificates: list[x509.Certificate] | None = None) -> bytes:
        """A CSCA master list (ICAO 9303-12 §9) holding our CSCA, signed by the DS key (a test
        stand-in for a master list signer)."""
        listed = certificates or [self.csca]
        cert_list = tlv(0x31, b"".join(c.public_bytes(serialization.Encoding.DER) for c in listed))
        content = tlv(0x30, tlv(0x02, b"\x00") + cert_list)
        return _signed_data(cms.OID_CSCA_MASTER_LIST, content, self.ds_key, self.ds)


_SHA256_ID = tlv(0x30, tlv(0x06, cms.encode_oid(_SHA256)))


def _signed_data(
    content_type: str, content: bytes, key: ec.EllipticCurvePrivateKey, signer: x509.Certificate
) -> bytes:
    """A CMS ContentInfo with SignedData (ECDSA P-256, SHA-256, signed attributes)."""
    attributes = tlv(
        0x30,
        tlv(0x06, cms.encode_oid(cms.OID_CONTENT_TYPE))
        + tlv(0x31, tlv(0x06, cms.encode_oid(content_type))),
    ) + tlv(
        0x30,
        tlv(0x06, cms.encode_oid(cms.OID_MESSAGE_DIGEST))
        + tlv(0x31, tlv(0x04, hashlib.sha256(content).digest())),
    )
    signature = key.sign(tlv(0x31, attributes), ec.ECDSA(hashes.SHA256()))
    issuer_serial = tlv(
        0x30, signer.issuer.public_bytes() + tlv(0x02, _integer(signer.serial_number))
    )
    signer_info = tlv(
        0x30,
        tlv(0x02, b"\x01")
        + issuer_serial
        + _SHA256_ID
        + tlv(0xA0, attributes)
        + tlv(0x30, tlv(0x06, cms.encode_oid(_ECDSA_SHA256)))
        + tlv(0x04, signature),
    )
    signed_data = tlv(
        0x30,
        tlv(0x02, b"\x03")
        + tlv(0x31, _SHA256_ID)
        + tlv(0x30, tlv(0x06, cms.encode_oid(content_type)) + tlv(0xA0, tlv(0x04, content)))
        + tlv(0xA0, signer.public_bytes(serialization.Encoding.DER))
        + tlv(0x31, signer_info),
    )
    return tlv(0x30, tlv(0x06, cms.encode_oid(cms.OID_SIGNED_DATA)) + tlv(0xA0, signed_data))


def _integer(n: int) -> bytes:
    """A non-negative DER INTEGER's contents (a leading zero where the high bit is set)."""
    return n.to_bytes(n.bit_length() // 8 + 1, "big")
