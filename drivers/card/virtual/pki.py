"""A test PKI for virtual documents: a CSCA, a document signer, and EF.SOD signed by it.

Generated, never shipped: the demo makes a fresh one at start (its CSCA goes into the demo's
trust store), the tests make their own. EF.SOD is built as real CMS SignedData (ECDSA P-256,
SHA-256 by default) in DER, with our own encoder, so that the terminal's parser meets what a
state's document signer would produce — including the variants found in the field: other
digests, the signature algorithm named by the key's OID or in BSI's plain format, no signed
attributes, and a CSCA key rollover with its link certificate.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.hazmat.primitives.asymmetric.utils import decode_dss_signature
from cryptography.x509.oid import NameOID

from drivers.card.icao import cms
from drivers.card.icao.tlv import tlv

#: name → (hash OID, ecdsa-with-* OID, ecdsa-plain-* OID, hash)
_DIGESTS: dict[str, tuple[str, str, str, type[hashes.HashAlgorithm]]] = {
    "sha1": ("1.3.14.3.2.26", "1.2.840.10045.4.1", "0.4.0.127.0.7.1.1.4.1.1", hashes.SHA1),
    "sha224": (
        "2.16.840.1.101.3.4.2.4",
        "1.2.840.10045.4.3.1",
        "0.4.0.127.0.7.1.1.4.1.2",
        hashes.SHA224,
    ),
    "sha256": (
        "2.16.840.1.101.3.4.2.1",
        "1.2.840.10045.4.3.2",
        "0.4.0.127.0.7.1.1.4.1.3",
        hashes.SHA256,
    ),
    "sha384": (
        "2.16.840.1.101.3.4.2.2",
        "1.2.840.10045.4.3.3",
        "0.4.0.127.0.7.1.1.4.1.4",
        hashes.SHA384,
    ),
    "sha512": (
        "2.16.840.1.101.3.4.2.3",
        "1.2.840.10045.4.3.4",
        "0.4.0.127.0.7.1.1.4.1.5",
        hashes.SHA512,
    ),
}
_EC_PUBLIC_KEY = "1.2.840.10045.2.1"


class SodSignature(StrEnum):
    """How the SignerInfo names and encodes its ECDSA signature."""

    ECDSA = "ecdsa"  # ecdsa-with-SHA*, DER (ICAO 9303's usual form)
    EC_PUBLIC_KEY = "ec_public_key"  # named by the key's OID (RFC 3370 style), DER
    ECDSA_PLAIN = "ecdsa_plain"  # BSI TR-03111 ecdsa-plain-SHA*: r ‖ s


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
    authority = x509.AuthorityKeyIdentifier.from_issuer_public_key(signer.public_key())
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
        .add_extension(authority, False)
    )
    return builder.sign(signer, hashes.SHA256())


@dataclass
class TestPki:
    csca: x509.Certificate
    ds: x509.Certificate
    ds_key: ec.EllipticCurvePrivateKey
    csca_key: ec.EllipticCurvePrivateKey | None = None
    #: After :meth:`rollover`: the new CSCA key certified by the old one (ICAO 9303-12 §5.1).
    link: x509.Certificate | None = None

    __test__ = False  # not a pytest class

    @classmethod
    def generate(cls, country: str = "D", name: str = "Demo") -> TestPki:
        iso = "DE" if country == "D" else country[:2]
        csca_key = ec.generate_private_key(ec.SECP256R1())
        ds_key = ec.generate_private_key(ec.SECP256R1())
        csca_name = _name(f"{name} CSCA", iso)
        csca = _certificate(csca_name, csca_name, csca_key, csca_key, True, 365 * 15)
        ds = _certificate(_name(f"{name} DS", iso), csca_name, ds_key, csca_key, False, 365 * 11)
        return cls(csca, ds, ds_key, csca_key)

    def rollover(self) -> TestPki:
        """The state's next CSCA key under the same name: a new self-signed CSCA, a link
        certificate (new key, signed by the old), and a new document signer under the new key."""
        assert self.csca_key is not None
        name = self.csca.subject
        new_key = ec.generate_private_key(ec.SECP256R1())
        ds_key = ec.generate_private_key(ec.SECP256R1())
        csca = _certificate(name, name, new_key, new_key, True, 365 * 15)
        link = _certificate(name, name, new_key, self.csca_key, True, 365 * 15)
        ds = _certificate(self.ds.subject, name, ds_key, new_key, False, 365 * 11)
        return TestPki(csca, ds, ds_key, new_key, link)

    @classmethod
    def load_or_create(cls, directory: Path, name: str = "Demo") -> TestPki:
        """The demo's PKI, kept in ``directory`` (``csca.pem`` for the hub's ``--csca``, the
        document signer's certificate and key): made on first use, the same on every start,
        so that the local hub can trust the sample chips. A test PKI: never for real data."""
        files = [directory / n for n in ("csca.pem", "ds.pem", "ds-key.pem")]
        if all(f.exists() for f in files):
            try:
                csca = x509.load_pem_x509_certificate(files[0].read_bytes())
                ds = x509.load_pem_x509_certificate(files[1].read_bytes())
                key = serialization.load_pem_private_key(files[2].read_bytes(), None)
                if isinstance(key, ec.EllipticCurvePrivateKey):
                    return cls(csca, ds, key)
            except ValueError:
                pass  # damaged: make a new one below
        pki = cls.generate(name=name)
        directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        key_pem = pki.ds_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        files[2].touch(mode=0o600)
        files[2].write_bytes(key_pem)
        files[1].write_bytes(pki.ds.public_bytes(serialization.Encoding.PEM))
        files[0].write_bytes(pki.csca_pem())  # last: its presence means the set is complete
        return pki

    def csca_pem(self) -> bytes:
        return self.csca.public_bytes(serialization.Encoding.PEM)

    def sign_sod(
        self,
        data_groups: dict[int, bytes],
        digest: str = "sha256",
        signature: SodSignature = SodSignature.ECDSA,
        signed_attributes: bool = True,
    ) -> bytes:
        """EF.SOD (tag 77) over the given data groups' contents, signed by the DS."""
        lds = lds_security_object(data_groups, digest)
        signed = _signed_data(
            cms.OID_LDS_SECURITY_OBJECT,
            lds,
            self.ds_key,
            self.ds,
            digest,
            signature,
            signed_attributes,
        )
        return tlv(0x77, signed)

    def master_list(self, certificates: list[x509.Certificate] | None = None) -> bytes:
        """A CSCA master list (ICAO 9303-12 §9) holding our CSCA, signed by the DS key (a test
        stand-in for a master list signer)."""
        listed = certificates or [self.csca]
        cert_list = tlv(0x31, b"".join(c.public_bytes(serialization.Encoding.DER) for c in listed))
        content = tlv(0x30, tlv(0x02, b"\x00") + cert_list)
        return _signed_data(cms.OID_CSCA_MASTER_LIST, content, self.ds_key, self.ds)


def _algorithm_id(digest: str) -> bytes:
    return tlv(0x30, tlv(0x06, cms.encode_oid(_DIGESTS[digest][0])))


def lds_security_object(data_groups: dict[int, bytes], digest: str = "sha256") -> bytes:
    """The LDSSecurityObject (ICAO 9303-10 §4.6.2) over the data groups' contents: what EF.SOD
    signs (also the input for ``openssl cms -sign`` in the tests)."""
    hashes_der = b"".join(
        tlv(0x30, tlv(0x02, bytes([n])) + tlv(0x04, hashlib.new(digest, v).digest()))
        for n, v in sorted(data_groups.items())
    )
    return tlv(0x30, tlv(0x02, b"\x00") + _algorithm_id(digest) + tlv(0x30, hashes_der))


def _signed_data(
    content_type: str,
    content: bytes,
    key: ec.EllipticCurvePrivateKey,
    signer: x509.Certificate,
    digest: str = "sha256",
    form: SodSignature = SodSignature.ECDSA,
    signed_attributes: bool = True,
) -> bytes:
    """A CMS ContentInfo with SignedData (ECDSA, signed attributes unless told otherwise)."""
    _, ecdsa_oid, plain_oid, hash_cls = _DIGESTS[digest]
    attributes = tlv(
        0x30,
        tlv(0x06, cms.encode_oid(cms.OID_CONTENT_TYPE))
        + tlv(0x31, tlv(0x06, cms.encode_oid(content_type))),
    ) + tlv(
        0x30,
        tlv(0x06, cms.encode_oid(cms.OID_MESSAGE_DIGEST))
        + tlv(0x31, tlv(0x04, hashlib.new(digest, content).digest())),
    )
    to_sign = tlv(0x31, attributes) if signed_attributes else content
    signature = key.sign(to_sign, ec.ECDSA(hash_cls()))
    signature_oid = {
        SodSignature.ECDSA: ecdsa_oid,
        SodSignature.EC_PUBLIC_KEY: _EC_PUBLIC_KEY,
        SodSignature.ECDSA_PLAIN: plain_oid,
    }[form]
    if form is SodSignature.ECDSA_PLAIN:
        r, s = decode_dss_signature(signature)
        size = (key.curve.key_size + 7) // 8
        signature = r.to_bytes(size, "big") + s.to_bytes(size, "big")
    issuer_serial = tlv(
        0x30, signer.issuer.public_bytes() + tlv(0x02, _integer(signer.serial_number))
    )
    signer_info = tlv(
        0x30,
        tlv(0x02, b"\x01")
        + issuer_serial
        + _algorithm_id(digest)
        + (tlv(0xA0, attributes) if signed_attributes else b"")
        + tlv(0x30, tlv(0x06, cms.encode_oid(signature_oid)))
        + tlv(0x04, signature),
    )
    signed_data = tlv(
        0x30,
        tlv(0x02, b"\x03")
        + tlv(0x31, _algorithm_id(digest))
        + tlv(0x30, tlv(0x06, cms.encode_oid(content_type)) + tlv(0xA0, tlv(0x04, content)))
        + tlv(0xA0, signer.public_bytes(serialization.Encoding.DER))
        + tlv(0x31, signer_info),
    )
    return tlv(0x30, tlv(0x06, cms.encode_oid(cms.OID_SIGNED_DATA)) + tlv(0xA0, signed_data))


def _integer(n: int) -> bytes:
    """A non-negative DER INTEGER's contents (a leading zero where the high bit is set)."""
    return n.to_bytes(n.bit_length() // 8 + 1, "big")


def main(argv: list[str] | None = None) -> int:
    """``python -m drivers.card.virtual.pki DIR``: make (or keep) the demo PKI in DIR and print
    the path of its CSCA certificate, for ``hub serve --csca`` (scripts/demo)."""
    import argparse
    import sys

    parser = argparse.ArgumentParser(description=main.__doc__)
    parser.add_argument("directory", type=Path)
    args = parser.parse_args(argv)
    TestPki.load_or_create(args.directory)
    sys.stdout.write(f"{args.directory / 'csca.pem'}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
