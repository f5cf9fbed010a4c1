"""Passive authentication beyond the project's own PKI: EF.SOD as OpenSSL's ``cms`` tool and
states' document signers write it, and test vectors published by the BSI and ETSI.

The OpenSSL SODs are made by the real ``openssl`` command in each test: RSA signatures named
``rsaEncryption`` (its default, RFC 3370 §3.2), RSASSA-PSS with a mask hash other than the
message hash, ECDSA over NIST and Brainpool curves, SHA-1 to SHA-512, without signed attributes.
"""

from __future__ import annotations

import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.x509.name import _ASN1Type
from cryptography.x509.oid import NameOID
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from drivers.card.icao import cms
from drivers.card.icao.passive import TrustStore, Verdict, master_list_certificates, verify
from drivers.card.icao.tlv import read, tlv
from drivers.card.virtual.pki import SodSignature, TestPki, lds_security_object

DATA = Path(__file__).parent / "data"
GROUPS = {
    1: tlv(0x61, tlv(0x5F1F, b"IDD<<T220001293<<<<<<<<<<<<<<<6408125F3110319D<<<<<<<<<<<<<4")),
    11: tlv(0x6B, tlv(0x5F0E, b"MUSTERMANN<<ERIKA")),
}
#: The real `openssl cms` writes these SODs (scripts/test installs it): a missing command fails
#: the test, it is not skipped.
openssl = pytest.mark.usefixtures("openssl_command")


@pytest.fixture(scope="session")
def openssl_command() -> None:
    assert shutil.which("openssl"), "the openssl command is missing (scripts/test installs it)"


Key = rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey


def _name(cn: str) -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, "DE"),
            x509.NameAttribute(NameOID.COMMON_NAME, cn),
        ]
    )


def _cert(subject: str, key: Key, issuer: str, issuer_key: Key, ca: bool) -> x509.Certificate:
    now = datetime.now(UTC) - timedelta(days=1)
    return (
        x509.CertificateBuilder()
        .subject_name(_name(subject))
        .issuer_name(_name(issuer))
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + timedelta(days=3650))
        .add_extension(x509.BasicConstraints(ca=ca, path_length=0 if ca else None), True)
        .sign(issuer_key, hashes.SHA256())
    )


def _openssl_sod(tmp: Path, ds_key: Key, ds: x509.Certificate, digest: str, *opts: str) -> bytes:
    """EF.SOD signed by ``openssl cms -sign`` over an LDS security object of GROUPS."""
    (tmp / "lds.der").write_bytes(lds_security_object(GROUPS, digest))
    (tmp / "ds.pem").write_bytes(ds.public_bytes(serialization.Encoding.PEM))
    (tmp / "ds.key").write_bytes(
        ds_key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    # fmt: off
    command = [
        "openssl", "cms", "-sign", "-nodetach", "-binary", "-nosmimecap",
        "-in", str(tmp / "lds.der"), "-signer", str(tmp / "ds.pem"),
        "-inkey", str(tmp / "ds.key"), "-econtent_type", cms.OID_LDS_SECURITY_OBJECT,
        "-md", digest, "-outform", "DER", "-out", str(tmp / "sod.der"), *opts,
    ]
    # fmt: on
    subprocess.run(command, check=True, capture_output=True, timeout=60)
    return tlv(0x77, (tmp / "sod.der").read_bytes())


def _signature_oid(sod: bytes) -> str:
    return cms.parse_signed_data(read(sod)[1]).signers[0].signature_algorithm.oid


RSA = lambda: rsa.generate_private_key(65537, 2048)  # noqa: E731
P256 = lambda: ec.generate_private_key(ec.SECP256R1())  # noqa: E731
BRAINPOOL = lambda: ec.generate_private_key(ec.BrainpoolP256R1())  # noqa: E731


@openssl
@pytest.mark.parametrize(
    ("make_key", "digest", "opts", "signature_oid"),
    [
        # OpenSSL's default for RSA: the signature named by the key, rsaEncryption
        (RSA, "sha256", (), "1.2.840.113549.1.1.1"),
        (RSA, "sha1", (), "1.2.840.113549.1.1.1"),
        (RSA, "sha512", (), "1.2.840.113549.1.1.1"),
        (RSA, "sha256", ("-noattr",), "1.2.840.113549.1.1.1"),
        (
            RSA,
            "sha256",
            ("-keyopt", "rsa_padding_mode:pss", "-keyopt", "rsa_pss_saltlen:32"),
            "1.2.840.113549.1.1.10",
        ),
        # PSS whose mask generation hashes with SHA-1 while the message uses SHA-384
        (
            RSA,
            "sha384",
            ("-keyopt", "rsa_padding_mode:pss", "-keyopt", "rsa_mgf1_md:sha1"),
            "1.2.840.113549.1.1.10",
        ),
        (P256, "sha256", (), "1.2.840.10045.4.3.2"),
        (P256, "sha512", (), "1.2.840.10045.4.3.4"),
        (BRAINPOOL, "sha256", (), "1.2.840.10045.4.3.2"),
        (BRAINPOOL, "sha224", ("-noattr",), "1.2.840.10045.4.3.1"),
    ],
)
def test_sods_made_by_openssl_cms_verify(
    tmp_path: Path,
    make_key: object,
    digest: str,
    opts: tuple[str, ...],
    signature_oid: str,
) -> None:
    csca_key, ds_key = make_key(), make_key()  # type: ignore[operator]
    csca = _cert("OpenSSL CSCA", csca_key, "OpenSSL CSCA", csca_key, ca=True)
    ds = _cert("OpenSSL DS", ds_key, "OpenSSL CSCA", csca_key, ca=False)
    sod = _openssl_sod(tmp_path, ds_key, ds, digest, *opts)
    assert _signature_oid(sod) == signature_oid
    result = verify(sod, GROUPS, TrustStore([csca]))
    assert (result.verdict, result.reason) == (
        Verdict.VALID,
        "signature, chain and hashes verified",
    )
    # … and the check still bites: one changed byte in a data group
    forged = {**GROUPS, 1: GROUPS[1].replace(b"ERIKA", b"ERIKO")}
    forged[11] = GROUPS[11].replace(b"ERIKA", b"ERIKO")
    assert verify(sod, forged, TrustStore([csca])).verdict is Verdict.INVALID


@openssl
def test_an_rsa_encryption_signer_from_an_impostor_csca_is_invalid(tmp_path: Path) -> None:
    csca_key, impostor_key, ds_key = RSA(), RSA(), RSA()
    csca = _cert("OpenSSL CSCA", csca_key, "OpenSSL CSCA", csca_key, ca=True)
    ds = _cert("OpenSSL DS", ds_key, "OpenSSL CSCA", impostor_key, ca=False)
    result = verify(_openssl_sod(tmp_path, ds_key, ds, "sha256"), GROUPS, TrustStore([csca]))
    assert (result.verdict, result.reason) == (
        Verdict.INVALID,
        "document signer not issued by the CSCA of its name",
    )


@pytest.mark.parametrize("signature", list(SodSignature))
@pytest.mark.parametrize("digest", ["sha1", "sha256", "sha384", "sha512"])
def test_ecdsa_signature_forms_and_digests(signature: SodSignature, digest: str) -> None:
    pki = TestPki.generate()
    sod = pki.sign_sod(GROUPS, digest=digest, signature=signature)
    assert verify(sod, GROUPS, TrustStore([pki.csca])).verdict is Verdict.VALID
    other = TestPki.generate()
    assert verify(sod, GROUPS, TrustStore([other.csca])).verdict is not Verdict.VALID


def test_signed_attributes_absent() -> None:
    pki = TestPki.generate()
    sod = pki.sign_sod(GROUPS, signed_attributes=False)
    assert verify(sod, GROUPS, TrustStore([pki.csca])).verdict is Verdict.VALID
    forged = {**GROUPS, 11: tlv(0x6B, tlv(0x5F0E, b"MUSTERMANN<<ERIK"))}
    assert verify(sod, forged, TrustStore([pki.csca])).verdict is Verdict.INVALID


def test_a_changed_plain_signature_is_invalid() -> None:
    pki = TestPki.generate()
    sod = pki.sign_sod(GROUPS, signature=SodSignature.ECDSA_PLAIN)
    signature = cms.parse_signed_data(read(sod)[1]).signers[0].signature
    assert len(signature) == 64  # r ‖ s, not DER
    changed = signature[:-1] + bytes([signature[-1] ^ 1])
    result = verify(sod.replace(signature, changed), GROUPS, TrustStore([pki.csca]))
    assert (result.verdict, result.reason) == (Verdict.INVALID, "EF.SOD signature does not verify")


def test_csca_key_rollover_with_a_link_certificate() -> None:
    old = TestPki.generate(name="Rollover")
    new = old.rollover()
    sod = new.sign_sod(GROUPS)
    assert new.link is not None
    # The trust store from before the rollover plus the link certificate (as a master list
    # carries it): valid.
    result = verify(sod, GROUPS, TrustStore([old.csca, new.link]))
    assert result.verdict is Verdict.VALID
    # The new self-signed CSCA alone: valid as well.
    assert verify(sod, GROUPS, TrustStore([new.csca])).verdict is Verdict.VALID
    # Only the old key: a key we do not have yet, not a forgery.
    result = verify(sod, GROUPS, TrustStore([old.csca]))
    assert (result.verdict, result.reason) == (
        Verdict.UNKNOWN_CSCA,
        "this CSCA key is not in the trust store",
    )
    # The old document signer still verifies with the new store.
    assert verify(old.sign_sod(GROUPS), GROUPS, TrustStore([old.csca, new.link])).verdict is (
        Verdict.VALID
    )


def test_a_master_list_with_the_link_certificate(tmp_path: Path) -> None:
    old = TestPki.generate(name="Rollover")
    new = old.rollover()
    assert new.link is not None
    (tmp_path / "states.ml").write_bytes(old.master_list([old.csca, new.link]))
    trust = TrustStore.from_paths([tmp_path])
    assert len(trust) == 2
    assert verify(new.sign_sod(GROUPS), GROUPS, trust).verdict is Verdict.VALID


def test_a_changed_or_foreign_signed_master_list_adds_no_anchor(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    pki = TestPki.generate(name="Genuine")
    other = TestPki.generate(name="Intruder")
    genuine = pki.master_list([pki.csca])
    # One byte of a listed certificate changed after signing: the digest no longer matches.
    position = genuine.index(pki.csca.public_bytes(serialization.Encoding.DER)) + 200
    changed = bytearray(genuine)
    changed[position] ^= 0x01
    (tmp_path / "a-changed.ml").write_bytes(bytes(changed))
    # Signed properly, but by a signer no CSCA of the list certified (the intruder's CSCA
    # slipped in beside the genuine one, signed with the intruder's own document signer key).
    (tmp_path / "b-foreign.ml").write_bytes(other.master_list([pki.csca]))
    # Genuine: taken.
    (tmp_path / "c-genuine.ml").write_bytes(genuine)
    with caplog.at_level("WARNING"):
        trust = TrustStore.from_paths([tmp_path])
    assert len(trust) == 1
    assert verify(pki.sign_sod(GROUPS), GROUPS, trust).verdict is Verdict.VALID
    skipped = [r.getMessage() for r in caplog.records if "skipped" in r.getMessage()]
    assert any("a-changed.ml" in m for m in skipped) and any("b-foreign.ml" in m for m in skipped)
    # The reasons, when the lists are read directly.
    with pytest.raises(cms.CmsError, match="signature"):
        master_list_certificates(cms.parse_signed_data(bytes(changed)))
    with pytest.raises(cms.CmsError, match="not issued by a CSCA of the list"):
        master_list_certificates(cms.parse_signed_data(other.master_list([pki.csca])))


# --- published test vectors ---------------------------------------------------------------
#
# EF.SOD, DG1 and DG14 of two reference documents (see data/README.md): RSASSA-PSS with
# SHA-256, MGF1-SHA-256 and a 32-byte salt, document signers issued in 2011 and 2013. Their
# CSCAs are not published with them, so "unknown CSCA" is the best verdict — it is given only
# after the signature and every hash verified.

VECTORS = {
    "bsi_tr03105": datetime(2014, 6, 1, tzinfo=UTC),
    "etsi_tr103200": datetime(2012, 1, 1, tzinfo=UTC),
}


def _vector(name: str, part: str) -> bytes:
    return bytes.fromhex((DATA / f"{name}_{part}.hex").read_text().strip())


@pytest.mark.parametrize("name", sorted(VECTORS))
def test_published_reference_documents(name: str) -> None:
    sod = _vector(name, "ef_sod")
    groups = {1: _vector(name, "dg1"), 14: _vector(name, "dg14")}
    at = VECTORS[name]
    result = verify(sod, groups, TrustStore(), at=at)
    assert result.verdict is Verdict.UNKNOWN_CSCA, result.reason
    assert "Document Signer" in result.signer
    # The data group hashes are really checked …
    forged = {**groups, 1: groups[1].replace(b"ERIKA", b"ERIKO")}
    result = verify(sod, forged, TrustStore(), at=at)
    assert (result.verdict, result.reason) == (
        Verdict.INVALID,
        "DG1 does not match its signed hash",
    )
    # … and the signature: one changed byte in the signed attributes' digest
    digest_at = sod.rindex(bytes.fromhex("0420")) + 2
    broken = sod[:digest_at] + bytes([sod[digest_at] ^ 1]) + sod[digest_at + 1 :]
    assert verify(broken, groups, TrustStore(), at=at).verdict is Verdict.INVALID
    # … and the document signer's validity at the time asked about
    later = verify(sod, groups, TrustStore(), at=at + timedelta(days=3650))
    assert (later.verdict, later.reason) == (
        Verdict.INVALID,
        "document signer certificate not valid now",
    )


@openssl
def test_certificates_with_explicit_curve_parameters(tmp_path: Path) -> None:
    """ICAO 9303-12 has CSCA and document signer keys carry their curve as explicit domain
    parameters (not a curve name): certificates and SOD all made by the openssl command."""

    def run(*args: str) -> None:
        subprocess.run(["openssl", *args], check=True, capture_output=True, timeout=60, cwd=tmp)

    tmp = tmp_path
    for name in ("csca", "ds"):
        run("ecparam", "-name", "brainpoolP256r1", "-param_enc", "explicit", "-genkey",
            "-noout", "-out", f"{name}.key")  # fmt: skip
    run("req", "-x509", "-key", "csca.key", "-out", "csca.pem", "-subj", "/C=DE/CN=E CSCA",
        "-days", "30")  # fmt: skip
    run("req", "-new", "-key", "ds.key", "-subj", "/C=DE/CN=E DS", "-out", "ds.csr")
    run("x509", "-req", "-in", "ds.csr", "-CA", "csca.pem", "-CAkey", "csca.key",
        "-CAcreateserial", "-out", "ds.pem", "-days", "30")  # fmt: skip
    (tmp / "lds.der").write_bytes(lds_security_object(GROUPS))
    run("cms", "-sign", "-nodetach", "-binary", "-in", "lds.der", "-signer", "ds.pem",
        "-inkey", "ds.key", "-econtent_type", cms.OID_LDS_SECURITY_OBJECT, "-md", "sha256",
        "-outform", "DER", "-out", "sod.der")  # fmt: skip
    text = subprocess.run(
        ["openssl", "x509", "-in", "ds.pem", "-noout", "-text"],
        check=True, capture_output=True, text=True, cwd=tmp, timeout=60,
    ).stdout  # fmt: skip
    assert "Field Type: prime-field" in text  # explicit parameters, not a curve name
    sod = tlv(0x77, (tmp / "sod.der").read_bytes())
    result = verify(sod, GROUPS, TrustStore.from_paths([tmp / "csca.pem"]))
    assert result.verdict is Verdict.VALID, result.reason


def _named(cn: str, kind: _ASN1Type, country: str = "DE") -> x509.Name:
    return x509.Name(
        [
            x509.NameAttribute(NameOID.COUNTRY_NAME, country, _ASN1Type.PrintableString),
            x509.NameAttribute(NameOID.COMMON_NAME, cn, kind),
        ]
    )


@openssl
@pytest.mark.parametrize(
    "issuer",
    [
        _named("Musterland CSCA", _ASN1Type.UTF8String),  # CSCA: PrintableString
        _named("MUSTERLAND  csca", _ASN1Type.PrintableString, country="de"),
    ],
)
def test_the_issuer_name_spelt_otherwise_than_the_cscas_subject(
    tmp_path: Path, issuer: x509.Name
) -> None:
    """RFC 5280 §7.1: string type, case and spaces do not make another name. Found in states'
    certificates; the signature is what decides."""
    csca_key, ds_key = RSA(), RSA()
    subject = _named("Musterland CSCA", _ASN1Type.PrintableString)
    now = datetime.now(UTC) - timedelta(days=1)

    def cert(sub: x509.Name, iss: x509.Name, key: Key, by: Key) -> x509.Certificate:
        return (
            x509.CertificateBuilder()
            .subject_name(sub)
            .issuer_name(iss)
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now)
            .not_valid_after(now + timedelta(days=30))
            .sign(by, hashes.SHA256(), rsa_padding=padding.PSS(padding.MGF1(hashes.SHA256()), 32))
        )

    csca = cert(subject, subject, csca_key, csca_key)
    ds = cert(_named("Musterland DS", _ASN1Type.UTF8String), issuer, ds_key, csca_key)
    assert ds.issuer.public_bytes() != csca.subject.public_bytes()
    sod = _openssl_sod(tmp_path, ds_key, ds, "sha256")
    result = verify(sod, GROUPS, TrustStore([csca]))
    assert result.verdict is Verdict.VALID, result.reason
    # … and a name that only looks alike is no match: another CSCA, not found.
    other = _named("Musterland CSCA 2", _ASN1Type.PrintableString)
    stranger = cert(_named("Musterland DS", _ASN1Type.UTF8String), other, ds_key, csca_key)
    sod = _openssl_sod(tmp_path, ds_key, stranger, "sha256")
    assert verify(sod, GROUPS, TrustStore([csca])).verdict is Verdict.UNKNOWN_CSCA


def test_a_negative_serial_number_gives_a_verdict_not_a_warning() -> None:
    """``cryptography`` warns about negative serial numbers (some states' certificates have
    them); warnings are errors here, as they would be a crash on a citizen's card."""
    pki = TestPki.generate()
    sod = bytearray(pki.sign_sod(GROUPS))
    serial_at = sod.index(b"\xa0\x03\x02\x01\x02\x02") + 7  # the DS certificate's serial
    sod[serial_at] |= 0x80
    assert verify(bytes(sod), GROUPS, TrustStore([pki.csca])).verdict is Verdict.INVALID


# --- hostile signer algorithm parameters (an attacker's own document signer) --------------

_PSS_OID = bytes.fromhex("2a864886f70d01010a")  # 1.2.840.113549.1.1.10


def _tree(data: bytes) -> list[tuple[int, object]]:
    out: list[tuple[int, object]] = []
    offset = 0
    while offset < len(data):
        tag, value, offset = read(data, offset)
        constructed = tag in (0x30, 0x31, 0x77) or 0xA0 <= tag <= 0xA3
        out.append((tag, _tree(value) if constructed else value))
    return out


def _encode(nodes: list[tuple[int, object]]) -> bytes:
    out = b""
    for tag, value in nodes:
        if tag < 0:  # raw bytes, spliced in as they are
            assert isinstance(value, bytes)
            out += value
        else:
            out += tlv(tag, _encode(value) if isinstance(value, list) else value)  # type: ignore[arg-type]
    return out


def _with_pss_parameters(sod: bytes, parameters: bytes) -> bytes:
    """``sod`` with the signer's RSASSA-PSS parameters replaced by ``parameters`` (DER)."""
    nodes = _tree(sod)

    def walk(level: list[tuple[int, object]]) -> bool:
        for i, (tag, value) in enumerate(level):
            if not isinstance(value, list):
                continue
            if tag == 0x30 and value and value[0] == (0x06, _PSS_OID) and len(value) == 2:
                level[i] = (tag, [value[0], (-1, parameters)])
                return True
            if walk(value):
                return True
        return False

    assert walk(nodes)
    return _encode(nodes)


@pytest.fixture(scope="module")
def pss_sod(tmp_path_factory: pytest.TempPathFactory) -> bytes:
    assert shutil.which("openssl"), "the openssl command is missing (scripts/test installs it)"
    key = RSA()
    ds = _cert("DS", key, "DS", key, False)
    pss = ("-keyopt", "rsa_padding_mode:pss", "-keyopt", "rsa_pss_saltlen:32")
    return _openssl_sod(tmp_path_factory.mktemp("pss"), key, ds, "sha256", *pss)


def _sha(oid: str) -> bytes:
    return tlv(0x30, tlv(0x06, cms.encode_oid(oid)) + tlv(0x05, b""))


def test_a_salt_length_of_two_to_the_64_is_invalid_not_an_overflow(pss_sod: bytes) -> None:
    """Found by review: ``cryptography`` raised OverflowError for saltLength 2**64, which
    escaped verify() and made the hub answer 500."""
    salt = tlv(0xA2, tlv(0x02, b"\x01" + bytes(8)))
    forged = _with_pss_parameters(pss_sod, tlv(0x30, _sha("2.16.840.1.101.3.4.2.1") + salt))
    result = verify(forged, GROUPS, TrustStore(), at=datetime.now(UTC))
    assert result.verdict is Verdict.INVALID


_HASH_OIDS = ["1.3.14.3.2.26", "2.16.840.1.101.3.4.2.1", "2.16.840.1.101.3.4.2.3", "1.2.3.4"]


@st.composite
def _pss_parameters(draw: st.DrawFn) -> bytes:
    fields = b""
    if draw(st.booleans()):
        fields += tlv(0xA0, _sha(draw(st.sampled_from(_HASH_OIDS))))
    if draw(st.booleans()):
        mgf = tlv(0x06, cms.encode_oid(draw(st.sampled_from(["1.2.840.113549.1.1.8", "1.2.3"]))))
        fields += tlv(0xA1, tlv(0x30, mgf + _sha(draw(st.sampled_from(_HASH_OIDS)))))
    if draw(st.booleans()):
        salt = draw(st.binary(min_size=1, max_size=20))
        fields += tlv(0xA2, tlv(0x02, salt))
    if draw(st.booleans()):
        fields += tlv(0xA3, tlv(0x02, draw(st.binary(min_size=1, max_size=9))))
    return draw(
        st.one_of(
            st.just(tlv(0x30, fields)),
            st.binary(max_size=40).map(lambda junk: tlv(0x30, fields + junk)),
        )
    )


@settings(
    max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(parameters=_pss_parameters())
def test_any_pss_parameters_give_a_verdict(pss_sod: bytes, parameters: bytes) -> None:
    """Whatever a forger writes into the signature algorithm's parameters: a verdict, never an
    exception (the hub runs this on what a terminal sends)."""
    forged = _with_pss_parameters(pss_sod, parameters)
    result = verify(forged, GROUPS, TrustStore(), at=datetime.now(UTC))
    assert result.verdict in (Verdict.INVALID, Verdict.UNKNOWN_CSCA)


def test_a_certificate_that_is_no_ca_is_not_a_trust_anchor(tmp_path: Path) -> None:
    """``serve --csca FOLDER`` with a document signer certificate among the CSCAs: a signer
    issued by that DS key must not verify as if the DS were a CSCA."""
    csca_key, ds_key, rogue_key = P256(), P256(), P256()
    csca = _cert("Musterland CSCA", csca_key, "Musterland CSCA", csca_key, ca=True)
    ds = _cert("Musterland DS", ds_key, "Musterland CSCA", csca_key, ca=False)
    rogue = _cert("Rogue DS", rogue_key, "Musterland DS", ds_key, ca=False)
    folder = tmp_path / "csca"
    folder.mkdir()
    for name, certificate in (("csca.pem", csca), ("ds.pem", ds)):
        (folder / name).write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    store = TrustStore.from_paths([folder])
    assert len(store) == 1
    assert store.issuers_of(rogue) == []
