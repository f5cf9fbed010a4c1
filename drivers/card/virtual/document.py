"""A specimen document's data and the chip profile built from it (LDS files, EF.SOD, access).

Samples are JSON files (``drivers/card/samples``): the demo's simulated reader and the tests
make virtual chips from them. The face image is drawn (a neutral silhouette), so no real
person's picture ships with the product.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from PIL import Image, ImageDraw

from drivers.card.icao.card_access import ID_PACE, PaceInfo
from drivers.card.icao.mrz import bac_key_input, check_digit
from drivers.card.icao.tlv import tlv
from drivers.card.virtual.active import AaKey, AaScheme, dg14
from drivers.card.virtual.behaviour import ChipBehaviour
from drivers.card.virtual.chip import ChipProfile
from drivers.card.virtual.chip_auth import CaCipher, CaKey
from drivers.card.virtual.pki import TestPki

PACE_GM_AES_128_BRAINPOOL = PaceInfo(ID_PACE + b"\x02\x02", 2, 13)
PACE_GM_AES_128_P256 = PaceInfo(ID_PACE + b"\x02\x02", 2, 12)
PACE_GM_AES_256_P384 = PaceInfo(ID_PACE + b"\x02\x04", 2, 15)


@dataclass
class Specimen:
    document_type: str  # "id_card" (TD1) or "passport" (TD3)
    issuing_state: str
    document_number: str
    family_name: str
    given_names: str
    nationality: str
    date_of_birth: date
    expiry: date
    sex: str = "<"
    can: str = ""
    address: list[str] = field(default_factory=list)  # DG11, lines
    place_of_birth: str = ""
    issuing_authority: str = ""
    pace: bool = True
    face_kb: int = 15  # about how large DG2 is
    not_a_document: bool = False  # a chip card that answers no ICAO application
    #: Active Authentication the chip offers: "" (none, like the German ID card), "ecdsa",
    #: "rsa" (1024 bits) or "rsa-2048".
    active_authentication: str = ""
    #: Chip Authentication (DG14, ECDH on brainpoolP256r1): "" (none), "aes" or "3des".
    chip_authentication: str = ""

    @classmethod
    def from_json(cls, path: Path) -> Specimen:
        raw = json.loads(path.read_text(encoding="utf-8"))["chip"]
        raw["date_of_birth"] = date.fromisoformat(raw["date_of_birth"])
        raw["expiry"] = date.fromisoformat(raw["expiry"])
        return cls(**raw)

    @property
    def mrz_information(self) -> str:
        return bac_key_input(
            self.document_number, _yymmdd(self.date_of_birth), _yymmdd(self.expiry)
        )

    def mrz(self) -> str:
        birth, expiry = _yymmdd(self.date_of_birth), _yymmdd(self.expiry)
        number = self.document_number.ljust(9, "<")[:9]
        names = (
            _mrz_name(self.family_name)
            + "<<"
            + "<".join(_mrz_name(n) for n in self.given_names.split())
        )
        if self.document_type == "passport":
            first = ("P<" + self.issuing_state.ljust(3, "<") + names).ljust(44, "<")[:44]
            optional = "<" * 14
            second = (
                number
                + check_digit(number)
                + self.nationality.ljust(3, "<")
                + birth
                + check_digit(birth)
                + self.sex
                + expiry
                + check_digit(expiry)
                + optional
                + "<"
            )
            composite = second[0:10] + second[13:20] + second[21:43]
            return first + second + check_digit(composite)
        first = ("ID" + self.issuing_state.ljust(3, "<") + number + check_digit(number)).ljust(
            30, "<"
        )
        second = (
            birth
            + check_digit(birth)
            + self.sex
            + expiry
            + check_digit(expiry)
            + self.nationality.ljust(3, "<")
        ).ljust(29, "<")
        composite = first[5:30] + second[0:7] + second[8:15] + second[18:29]
        third = names.ljust(30, "<")[:30]
        return first + second + check_digit(composite) + third

    def face_jpeg(self) -> bytes:
        """A drawn face-like picture, JPEG, about ``face_kb`` kB."""
        img = Image.new("RGB", (360, 480), (228, 232, 236))
        draw = ImageDraw.Draw(img)
        draw.ellipse((110, 90, 250, 270), fill=(205, 170, 140))  # head
        draw.rectangle((60, 300, 300, 480), fill=(70, 90, 120))  # shoulders
        draw.ellipse((60, 260, 300, 400), fill=(70, 90, 120))
        draw.ellipse((150, 160, 165, 172), fill=(60, 50, 40))
        draw.ellipse((195, 160, 210, 172), fill=(60, 50, 40))
        draw.arc((150, 200, 210, 240), 20, 160, fill=(120, 60, 60), width=3)
        # Texture, so that the JPEG has about the size of a real document photo.
        for i in range(0, 360, 6):
            draw.line((i, 0, i, 80), fill=(220 - i % 20, 226, 232), width=2)
        best = b""
        for quality in (95, 90, 80, 70, 60, 50, 40):
            out = io.BytesIO()
            img.save(out, format="JPEG", quality=quality)
            best = out.getvalue()
            if len(best) <= self.face_kb * 1024:
                break
        return best


def _yymmdd(day: date) -> str:
    return day.strftime("%y%m%d")


def _mrz_name(name: str) -> str:
    table = str.maketrans({"Ä": "AE", "Ö": "OE", "Ü": "UE", "ß": "SS", " ": "<", "-": "<"})
    return name.upper().translate(table)


def dg2(image: bytes, width: int = 360, height: int = 480) -> bytes:
    """DG2 with one ISO 19794-5 facial record holding a JPEG."""
    facial_info = bytes(4) + (0).to_bytes(2, "big") + bytes(14)
    image_info = bytes([1, 0]) + width.to_bytes(2, "big") + height.to_bytes(2, "big") + bytes(6)
    face = facial_info + image_info + image
    face = len(face).to_bytes(4, "big") + face[4:]
    record = b"FAC\x00010\x00" + (14 + len(face)).to_bytes(4, "big") + (1).to_bytes(2, "big")
    header = tlv(0xA1, tlv(0x80, b"\x01\x01") + tlv(0x81, b"\x02") + tlv(0x87, b"\x01\x01"))
    template = tlv(0x7F60, header + tlv(0x5F2E, record + face))
    return tlv(0x75, tlv(0x7F61, tlv(0x02, b"\x01") + template))


def chip_profile(
    specimen: Specimen, pki: TestPki, behaviour: ChipBehaviour | None = None
) -> ChipProfile:
    dg1 = tlv(0x61, tlv(0x5F1F, specimen.mrz().encode("ascii")))
    groups = {1: dg1, 2: dg2(specimen.face_jpeg())}
    if specimen.address or specimen.place_of_birth:
        full_name = _mrz_name(specimen.family_name) + "<<" + _mrz_name(specimen.given_names)
        body = tlv(0x5C, b"\x5f\x0e\x5f\x11\x5f\x42") + tlv(0x5F0E, full_name.encode())
        body += tlv(0x5F11, specimen.place_of_birth.encode())
        body += tlv(0x5F42, "<".join(specimen.address).encode())
        groups[11] = tlv(0x6B, body)
    if specimen.issuing_authority:
        groups[12] = tlv(
            0x6C, tlv(0x5C, b"\x5f\x19") + tlv(0x5F19, specimen.issuing_authority.encode())
        )
    behaviour = behaviour or ChipBehaviour()
    explicit = behaviour.explicit_curve_parameters
    aa_key, ca_key, infos = None, None, b""
    if specimen.active_authentication:
        scheme, _, bits = specimen.active_authentication.partition("-")  # "rsa-2048"
        aa_key = AaKey.generate(AaScheme(scheme), int(bits or 1024))
        groups[15] = aa_key.dg15(explicit)
        infos += aa_key.dg14_info()
    if specimen.chip_authentication:
        ca_key = CaKey.generate(CaCipher(specimen.chip_authentication))
        infos += ca_key.security_infos(explicit)
    if infos:
        groups[14] = dg14(infos)
    tags = {1: 0x61, 2: 0x75, 11: 0x6B, 12: 0x6C, 14: 0x6E, 15: 0x6F}
    com = tlv(
        0x60,
        tlv(0x5F01, b"0107")
        + tlv(0x5F36, b"040000")
        + tlv(0x5C, bytes(tags[n] for n in sorted(groups))),
    )
    fids = {n: 0x0100 + n for n in groups}
    files = {0x011E: com, 0x011D: pki.sign_sod(groups)}
    files.update({fids[n]: v for n, v in groups.items()})
    return ChipProfile(
        files=files,
        mrz_information=specimen.mrz_information,
        can=specimen.can,
        pace=[PACE_GM_AES_128_BRAINPOOL] if specimen.pace and not specimen.not_a_document else [],
        german_id=specimen.document_type == "id_card" and specimen.issuing_state == "D",
        emrtd=not specimen.not_a_document,
        active_authentication=aa_key,
        chip_authentication=ca_key,
        behaviour=behaviour,
    )
