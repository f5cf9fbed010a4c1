"""The CMS SignedData of EF.SOD and of CSCA master lists, parsed with our own DER reader.

Only what passive authentication needs: the encapsulated content, the certificates, and each
signer's digest algorithm, signed attributes, signature algorithm and signature. The chip's bytes
go through :mod:`drivers.card.icao.tlv`; anything malformed ends in :class:`CmsError` (fuzzed in
the tests). Signatures are checked with ``cryptography``.
"""

from __future__ import annotations

from dataclasses import dataclass

from drivers.card.icao.tlv import TlvError, objects, read

OID_SIGNED_DATA = "1.2.840.113549.1.7.2"
OID_CONTENT_TYPE = "1.2.840.113549.1.9.3"
OID_MESSAGE_DIGEST = "1.2.840.113549.1.9.4"
OID_LDS_SECURITY_OBJECT = "2.23.136.1.1.1"
OID_CSCA_MASTER_LIST = "2.23.136.1.1.2"


class CmsError(ValueError):
    """The bytes are not the CMS structure expected."""


def decode_oid(value: bytes) -> str:
    if not value or value[-1] & 0x80:
        raise CmsError("malformed OID")
    arcs: list[int] = []
    current = 0
    for byte in value:
        current = (current << 7) | (byte & 0x7F)
        if not byte & 0x80:
            arcs.append(current)
            current = 0
    first = min(arcs[0] // 40, 2)
    return ".".join(str(a) for a in [first, arcs[0] - 40 * first, *arcs[1:]])


def encode_oid(dotted: str) -> bytes:
    arcs = [int(a) for a in dotted.split(".")]
    out = bytearray()
    for arc in [40 * arcs[0] + arcs[1], *arcs[2:]]:
        chunk = [arc & 0x7F]
        arc >>= 7
        while arc:
            chunk.append(0x80 | (arc & 0x7F))
            arc >>= 7
        out.extend(reversed(chunk))
    return bytes(out)


@dataclass(frozen=True)
class AlgorithmId:
    oid: str
    parameters: bytes  # the DER of the parameters (empty when absent)


@dataclass(frozen=True)
class SignerInfo:
    issuer_and_serial: bytes | None  # DER of IssuerAndSerialNumber's contents
    subject_key_id: bytes | None
    digest_algorithm: AlgorithmId
    signed_attrs: bytes  # re-tagged as SET (0x31): the bytes that were signed
    attributes: dict[str, bytes]  # attribute OID → DER of its first value
    signature_algorithm: AlgorithmId
    signature: bytes


@dataclass(frozen=True)
class SignedData:
    content_type: str
    content: bytes
    certificates: list[bytes]  # DER of each certificate
    signers: list[SignerInfo]


def _children(value: bytes) -> list[tuple[int, bytes]]:
    return list(objects(value))


def _raw_children(value: bytes) -> list[bytes]:
    """Each child's complete DER (tag, length and value)."""
    out, offset = [], 0
    while offset < len(value):
        _, _, end = read(value, offset)
        out.append(value[offset:end])
        offset = end
    return out


def _expect(item: tuple[int, bytes], tag: int, what: str) -> bytes:
    if item[0] != tag:
        raise CmsError(f"{what}: expected tag {tag:02X}, found {item[0]:02X}")
    return item[1]


def _algorithm(value: bytes) -> AlgorithmId:
    fields = _raw_children(value)
    if not fields:
        raise CmsError("empty AlgorithmIdentifier")
    tag, oid, _ = read(fields[0])
    if tag != 0x06:
        raise CmsError("AlgorithmIdentifier without an OID")
    return AlgorithmId(decode_oid(oid), b"".join(fields[1:]))


def _signer(value: bytes) -> SignerInfo:
    fields = _children(value)
    raws = _raw_children(value)
    if len(fields) < 5:
        raise CmsError("SignerInfo too short")
    _expect(fields[0], 0x02, "SignerInfo version")
    issuer_serial = subject_key_id = None
    if fields[1][0] == 0x30:
        issuer_serial = fields[1][1]
    elif fields[1][0] == 0x80:
        subject_key_id = fields[1][1]
    else:
        raise CmsError("SignerInfo without a signer identifier")
    digest = _algorithm(_expect(fields[2], 0x30, "digestAlgorithm"))
    index = 3
    signed_attrs = b""
    attributes: dict[str, bytes] = {}
    if fields[3][0] == 0xA0:
        signed_attrs = b"\x31" + raws[3][1:]
        for tag, attribute in _children(fields[3][1]):
            if tag != 0x30:
                raise CmsError("attribute is not a SEQUENCE")
            parts = _children(attribute)
            if len(parts) != 2 or parts[0][0] != 0x06 or parts[1][0] != 0x31:
                raise CmsError("malformed attribute")
            values = _raw_children(parts[1][1])
            if not values:
                raise CmsError("attribute without a value")
            attributes[decode_oid(parts[0][1])] = values[0]
        index = 4
    if len(fields) < index + 2:
        raise CmsError("SignerInfo without a signature")
    algorithm = _algorithm(_expect(fields[index], 0x30, "signatureAlgorithm"))
    signature = _expect(fields[index + 1], 0x04, "signature")
    return SignerInfo(
        issuer_serial, subject_key_id, digest, signed_attrs, attributes, algorithm, signature
    )


def parse_signed_data(data: bytes) -> SignedData:
    try:
        outer = _children(data)
        if len(outer) != 1:
            raise CmsError("trailing bytes after the ContentInfo")
        info = _children(_expect(outer[0], 0x30, "ContentInfo"))
        if len(info) != 2 or decode_oid(_expect(info[0], 0x06, "contentType")) != OID_SIGNED_DATA:
            raise CmsError("not a CMS SignedData")
        explicit = _children(_expect(info[1], 0xA0, "content"))
        if len(explicit) != 1:
            raise CmsError("malformed content")
        fields = _children(_expect(explicit[0], 0x30, "SignedData"))
        if len(fields) < 4:
            raise CmsError("SignedData too short")
        _expect(fields[0], 0x02, "version")
        _expect(fields[1], 0x31, "digestAlgorithms")
        encap = _children(_expect(fields[2], 0x30, "encapContentInfo"))
        if len(encap) != 2:
            raise CmsError("encapContentInfo without content")
        content_type = decode_oid(_expect(encap[0], 0x06, "eContentType"))
        wrapped = _children(_expect(encap[1], 0xA0, "eContent"))
        if len(wrapped) != 1:
            raise CmsError("malformed eContent")
        content = _expect(wrapped[0], 0x04, "eContent")
        certificates: list[bytes] = []
        rest = fields[3:]
        for tag, value in rest[:-1]:
            if tag == 0xA0:
                certificates = _raw_children(value)
            elif tag != 0xA1:  # crls: not used for passive authentication
                raise CmsError(f"unexpected field {tag:02X} in SignedData")
        signers = [_signer(v) for _, v in _children(_expect(rest[-1], 0x31, "signerInfos"))]
        if not signers:
            raise CmsError("SignedData without a signer")
        return SignedData(content_type, content, certificates, signers)
    except TlvError as exc:
        raise CmsError("not well-formed DER") from exc
    except IndexError as exc:
        raise CmsError("structure ends early") from exc


@dataclass(frozen=True)
class LdsSecurityObject:
    hash_algorithm: AlgorithmId
    hashes: dict[int, bytes]  # data group number → hash


def parse_lds_security_object(content: bytes) -> LdsSecurityObject:
    try:
        outer = _children(content)
        if len(outer) != 1:
            raise CmsError("trailing bytes after the LDSSecurityObject")
        fields = _children(_expect(outer[0], 0x30, "LDSSecurityObject"))
        if len(fields) < 3:
            raise CmsError("LDSSecurityObject too short")
        _expect(fields[0], 0x02, "version")
        algorithm = _algorithm(_expect(fields[1], 0x30, "hashAlgorithm"))
        hashes: dict[int, bytes] = {}
        for tag, entry in _children(_expect(fields[2], 0x30, "dataGroupHashValues")):
            parts = _children(_expect((tag, entry), 0x30, "DataGroupHash"))
            if len(parts) != 2:
                raise CmsError("malformed DataGroupHash")
            number = _expect(parts[0], 0x02, "dataGroupNumber")
            if len(number) != 1 or not 1 <= number[0] <= 16:
                raise CmsError("data group number out of range")
            hashes[number[0]] = _expect(parts[1], 0x04, "dataGroupHashValue")
        return LdsSecurityObject(algorithm, hashes)
    except TlvError as exc:
        raise CmsError("not well-formed DER") from exc


def parse_master_list(content: bytes) -> list[bytes]:
    """The certificates of a CscaMasterList (ICAO 9303-12 §9): SEQUENCE { version, SET OF cert }."""
    try:
        outer = _children(content)
        if len(outer) != 1:
            raise CmsError("trailing bytes after the master list")
        fields = _children(_expect(outer[0], 0x30, "CscaMasterList"))
        if len(fields) != 2:
            raise CmsError("malformed CscaMasterList")
        return _raw_children(_expect(fields[1], 0x31, "certList"))
    except TlvError as exc:
        raise CmsError("not well-formed DER") from exc
