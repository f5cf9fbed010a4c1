"""A virtual eMRTD chip: BAC and PACE, secure messaging and the LDS files of one document.

It answers command APDUs exactly as a card would (``transmit(apdu) -> answer``), so the same
object sits behind the demo's in-process reader and behind a real pcscd reader through vpcd
(:mod:`drivers.card.virtual.vpcd`). Its crypto is the chip's side of
:mod:`drivers.card.icao` — checked on both sides against ICAO 9303 Part 11's worked examples,
so a misunderstanding cannot hide by being shared.
"""

from __future__ import annotations

import hmac
import logging
import os
import secrets
from dataclasses import dataclass, field

from drivers.card.icao import bac, pace
from drivers.card.icao.apdu import (
    SW_FILE_NOT_FOUND,
    SW_OK,
    SW_SECURITY_STATUS,
    SW_WRONG_DATA,
)
from drivers.card.icao.card_access import PaceInfo, encode_card_access
from drivers.card.icao.cms import encode_oid
from drivers.card.icao.crypto import pad, retail_mac, tdes_decrypt, tdes_encrypt
from drivers.card.icao.ec import (
    STANDARD_CURVES,
    Curve,
    Point,
    generic_mapping,
    multiply_generator,
    shared_x,
)
from drivers.card.icao.secure_messaging import (
    AesSuite,
    ChipChannel,
    Command,
    SecureMessagingError,
    TripleDesSuite,
    parse_apdu,
)
from drivers.card.icao.tlv import TlvError, objects, tlv
from drivers.card.virtual.active import AaKey
from drivers.card.virtual.behaviour import ChipBehaviour, PastEnd
from drivers.card.virtual.chip_auth import CaCipher, CaKey

log = logging.getLogger(__name__)

EMRTD_AID = bytes.fromhex("A0000002471001")
EID_AID = bytes.fromhex("E80704007F00070302")  # the German ID card's eID application

SW_SM_OBJECTS = 0x6988  # secure messaging data objects incorrect
SW_WRONG_P1P2 = 0x6B00
SW_INS_NOT_SUPPORTED = 0x6D00
SW_CONDITIONS = 0x6985
SW_WRONG_LENGTH = 0x6700
SW_END_OF_FILE = 0x6282

#: File id → short file id of the LDS files in the eMRTD application.
LDS_FILES = {0x011E: 0x1E, 0x011D: 0x1D, **{0x0100 + n: n for n in range(1, 17)}}
CARD_ACCESS_FID, CARD_ACCESS_SFI = 0x011C, 0x1C

ATR_PASSPORT = bytes.fromhex("3B888001E1F35E11778100001E")
ATR_GERMAN_ID = bytes.fromhex("3B8A80018031F873F741E082900075")


@dataclass
class ChipProfile:
    """What the chip holds and how it may be accessed."""

    files: dict[int, bytes]  # LDS file id → contents (COM, DG1, DG2, …, SOD)
    mrz_information: str  # document number, birth, expiry with check digits (BAC / PACE-MRZ)
    can: str = ""  # the German ID card's 6-digit card access number
    pace: list[PaceInfo] = field(default_factory=list)  # empty: BAC only
    bac: bool = True
    german_id: bool = False
    emrtd: bool = True  # False: a chip card without the ICAO application (a bank card)
    protected: frozenset[int] = frozenset()  # files that need more than BAC/PACE (EAC)
    behaviour: ChipBehaviour = field(default_factory=ChipBehaviour)
    active_authentication: AaKey | None = None  # the private key that belongs to DG15
    chip_authentication: CaKey | None = None  # the private key that belongs to DG14

    @property
    def atr(self) -> bytes:
        return ATR_GERMAN_ID if self.german_id else ATR_PASSPORT


@dataclass
class _Pace:
    info: PaceInfo
    curve: Curve
    password: bytes
    nonce: int = 0
    mapped: Point = None
    sk_eph: int = 0
    pk_eph_pcd: bytes = b""
    pk_eph_picc: bytes = b""
    keys: tuple[bytes, bytes] | None = None


class VirtualChip:
    def __init__(self, profile: ChipProfile) -> None:
        self.profile = profile
        self.apdu_count = 0
        self._clone: AaKey | None = None
        self._waiting, self._waiting_sw = b"", b""  # T=0: the answer GET RESPONSE fetches
        self._clone_ca: CaKey | None = None
        self.reset()

    def reset(self) -> None:
        """Power cycle: back to the master file, no session."""
        self._df = "mf"
        self._ef: int | None = None
        self._channel: ChipChannel | None = None
        self._secured_df: str | None = None
        self._rnd_icc = b""
        self._pace: _Pace | None = None
        self._ca_set = False  # MSE:Set AT for Chip Authentication received
        self._next_channel: ChipChannel | None = None  # after this answer: CA's keys

    @property
    def atr(self) -> bytes:
        return self.profile.atr

    # --- the transport's entry point ----------------------------------------------------------

    def transmit(self, apdu: bytes) -> bytes:
        self.apdu_count += 1
        if not self.profile.behaviour.t0:
            return self._answer(apdu)
        # T=0 (ISO 7816-3): data never comes with the answer itself; "61xx" announces it and
        # GET RESPONSE fetches it, at most 256 bytes at a time.
        if len(apdu) >= 5 and apdu[1] == 0xC0 and self._waiting:
            wanted = apdu[4] or 256
            part, self._waiting = self._waiting[:wanted], self._waiting[wanted:]
            if self._waiting:
                return part + bytes([0x61, min(len(self._waiting), 256) % 256])
            return part + self._waiting_sw
        self._waiting = b""
        answer = self._answer(apdu)
        if len(answer) <= 2:
            return answer
        self._waiting, self._waiting_sw = answer[:-2], answer[-2:]
        return bytes([0x61, min(len(self._waiting), 256) % 256])

    def _answer(self, apdu: bytes) -> bytes:
        # ISO 7816-4: an extended APDU has a zero byte where a short one has Lc (or Le).
        extended = len(apdu) >= 7 and apdu[4] == 0
        if extended and not self.profile.behaviour.extended_length:
            return _sw(SW_WRONG_LENGTH)
        try:
            if self._channel is not None and len(apdu) >= 1 and apdu[0] & 0x0C == 0x0C:
                channel = self._channel
                try:
                    command = channel.open_command(apdu)
                except SecureMessagingError:
                    self._end_session()
                    return _sw(SW_SM_OBJECTS)
                data, sw = self._dispatch(command, secured=True)
                if not extended and channel.response_length(len(data)) > 256:
                    # A short command gets at most 256 bytes back: a terminal that wants more
                    # (an RSA-2048 signature under secure messaging) must ask with extended Le.
                    data, sw = b"", SW_WRONG_LENGTH
                answer = channel.protect_response(data, sw, odd=bool(command.ins & 0x01))
                if self._next_channel is not None:
                    # Chip Authentication: its answer went under the old keys, all after it
                    # goes under the new ones.
                    self._channel, self._next_channel = self._next_channel, None
                return answer
            if self._channel is not None:
                self._end_session()  # a plain command ends secure messaging (9303-11 §9.8.7)
            command = parse_apdu(apdu)
            data, sw = self._dispatch(command, secured=False)
            if not extended and len(data) > 256:
                data, sw = b"", SW_WRONG_LENGTH
            return data + sw.to_bytes(2, "big")
        except SecureMessagingError:
            return _sw(SW_WRONG_LENGTH)

    def _end_session(self) -> None:
        self._channel = None
        self._secured_df = None

    def _dispatch(self, c: Command, secured: bool) -> tuple[bytes, int]:
        handlers = {
            0xA4: self._select,
            0xB0: self._read_binary,
            0xB1: self._read_binary_odd,
            0x84: self._get_challenge,
            0x82: self._external_authenticate,
            0x22: self._mse_set_at,
            0x86: self._general_authenticate,
            0x88: self._internal_authenticate,
        }
        handler = handlers.get(c.ins)
        if handler is None:
            return b"", SW_INS_NOT_SUPPORTED
        return handler(c, secured)

    # --- files ---------------------------------------------------------------------------------

    def _select(self, c: Command, secured: bool) -> tuple[bytes, int]:
        if c.p1 == 0x04:
            if c.data == EMRTD_AID and self.profile.emrtd:
                self._df, self._ef = "emrtd", None
                return b"", SW_OK
            if c.data == EID_AID and self.profile.german_id:
                self._df, self._ef = "eid", None
                return b"", SW_OK
            return b"", SW_FILE_NOT_FOUND
        if c.data == b"\x3f\x00" and c.p1 in (0x00, 0x01):
            self._df, self._ef = "mf", None
            return b"", SW_OK
        if len(c.data) != 2:
            return b"", SW_WRONG_DATA
        fid = int.from_bytes(c.data, "big")
        if self._df == "mf" and fid == CARD_ACCESS_FID and self.profile.pace:
            self._ef = fid
            return b"", SW_OK
        if self._df == "emrtd" and fid in self.profile.files:
            self._ef = fid
            return b"", SW_OK
        return b"", SW_FILE_NOT_FOUND

    def _contents(self, fid: int, secured: bool) -> tuple[bytes | None, int]:
        if fid == CARD_ACCESS_FID:
            if not self.profile.pace:
                return None, SW_FILE_NOT_FOUND
            return encode_card_access(self.profile.pace), SW_OK
        if fid not in self.profile.files:
            return None, SW_FILE_NOT_FOUND
        if not secured:
            return None, SW_SECURITY_STATUS
        if fid in self.profile.protected:
            return None, SW_SECURITY_STATUS
        return self.profile.files[fid], SW_OK

    def _read_binary(self, c: Command, secured: bool) -> tuple[bytes, int]:
        behaviour = self.profile.behaviour
        if c.p1 & 0x80 and not behaviour.sfi:
            return b"", behaviour.sfi_refused_sw
        if c.p1 & 0x80:
            sfi = c.p1 & 0x1F
            fid = next((f for f, s in LDS_FILES.items() if s == sfi), None)
            if sfi == CARD_ACCESS_SFI and self._df == "mf":
                fid = CARD_ACCESS_FID
            elif self._df != "emrtd":
                fid = None
            if fid is None:
                return b"", SW_FILE_NOT_FOUND
            self._ef = fid
            offset = c.p2
        else:
            if self._ef is None:
                return b"", SW_CONDITIONS
            fid, offset = self._ef, (c.p1 << 8) | c.p2
        contents, sw = self._contents(fid, secured)
        if contents is None:
            return b"", sw
        if offset > len(contents):
            return b"", SW_WRONG_P1P2
        le = c.le or 256
        if le > behaviour.max_le:
            return b"", SW_WRONG_LENGTH
        left = len(contents) - offset
        piece = contents[offset : offset + min(le, behaviour.max_answer)]
        if le <= left:
            return piece, SW_OK
        if behaviour.past_end is PastEnd.WARNING:
            return piece, SW_END_OF_FILE
        if behaviour.past_end is PastEnd.EXACT_LENGTH:
            return b"", (0x6C00 | left) if left else SW_WRONG_P1P2
        return piece, SW_OK

    def _read_binary_odd(self, c: Command, secured: bool) -> tuple[bytes, int]:
        """READ BINARY with odd INS (ISO 7816-4): the offset in DO'54' (any size), the answer
        in DO'53' — how files past 32 KB are read. Only the current EF (P1-P2 = 0000)."""
        if (c.p1, c.p2) != (0, 0):
            return b"", SW_WRONG_P1P2
        try:
            found = dict(objects(c.data))
            offset = int.from_bytes(found[0x54], "big")
        except (TlvError, KeyError):
            return b"", SW_WRONG_DATA
        if self._ef is None:
            return b"", SW_CONDITIONS
        contents, sw = self._contents(self._ef, secured)
        if contents is None:
            return b"", sw
        if offset > len(contents):
            return b"", SW_WRONG_P1P2
        behaviour = self.profile.behaviour
        le = min(c.le or 256, behaviour.max_answer)
        room = le - 2 if le - 2 < 0x80 else le - 3 if le - 3 < 0x100 else le - 4
        piece = contents[offset : offset + room]
        at_end = offset + room > len(contents)
        if at_end and behaviour.past_end is PastEnd.WARNING:
            return tlv(0x53, piece), SW_END_OF_FILE
        return tlv(0x53, piece), SW_OK

    # --- Active Authentication ---------------------------------------------------------------

    def _internal_authenticate(self, c: Command, secured: bool) -> tuple[bytes, int]:
        key = self.profile.active_authentication
        if key is None:
            return b"", SW_INS_NOT_SUPPORTED
        if not secured or self._df != "emrtd":
            return b"", SW_SECURITY_STATUS
        if len(c.data) != 8:
            return b"", SW_WRONG_DATA
        if self.profile.behaviour.clone:
            # A copy of the files on another chip: DG15 is there, its private key is not.
            key = self._clone_key(key)
        return key.sign(c.data), SW_OK

    def _clone_key(self, original: AaKey) -> AaKey:
        if self._clone is None:
            self._clone = AaKey.generate(original.scheme)
        return self._clone

    # --- Chip Authentication -----------------------------------------------------------------

    def _ca_key(self) -> CaKey | None:
        key = self.profile.chip_authentication
        if key is not None and self.profile.behaviour.clone:
            # A copy of the files on another chip: DG14 is there, its private key is not.
            if self._clone_ca is None:
                self._clone_ca = CaKey.generate(key.cipher)
            return self._clone_ca
        return key

    def _ca_mse(self, c: Command, secured: bool) -> tuple[bytes, int]:
        key = self._ca_key()
        if key is None or not secured:
            return b"", SW_CONDITIONS if key is not None else SW_WRONG_P1P2
        try:
            found = dict(objects(c.data))
        except TlvError:
            return b"", SW_WRONG_DATA
        if c.p2 == 0xA4:  # Set AT (AES): the protocol now, the key in GENERAL AUTHENTICATE
            if key.cipher is not CaCipher.AES or found.get(0x80) != encode_oid(key.protocol):
                return b"", SW_WRONG_DATA
            self._ca_set = True
            return b"", SW_OK
        if key.cipher is not CaCipher.TDES or 0x91 not in found:  # Set KAT (3DES)
            return b"", SW_WRONG_DATA
        return self._ca_agree(key, found[0x91], b"")

    def _ca_general_authenticate(self, c: Command) -> tuple[bytes, int]:
        self._ca_set = False
        key = self._ca_key()
        try:
            inner = dict(objects(dict(objects(c.data))[0x7C]))
            terminal_public = inner[0x80]
        except (TlvError, KeyError):
            return b"", SW_WRONG_DATA
        assert key is not None
        return self._ca_agree(key, terminal_public, tlv(0x7C, b""))

    def _ca_agree(self, key: CaKey, terminal_public: bytes, answer: bytes) -> tuple[bytes, int]:
        try:
            self._next_channel = key.agree(terminal_public)
        except ValueError:
            return b"", SW_WRONG_DATA
        return answer, SW_OK

    # --- BAC -----------------------------------------------------------------------------------

    def _get_challenge(self, c: Command, secured: bool) -> tuple[bytes, int]:
        if not self.profile.bac:
            return b"", SW_INS_NOT_SUPPORTED
        self._rnd_icc = os.urandom(8)
        return self._rnd_icc, SW_OK

    def _external_authenticate(self, c: Command, secured: bool) -> tuple[bytes, int]:
        rnd_icc, self._rnd_icc = self._rnd_icc, b""
        if not rnd_icc or len(c.data) != 40:
            return b"", SW_CONDITIONS
        keys = bac.access_keys(self.profile.mrz_information)
        e_ifd, m_ifd = c.data[:32], c.data[32:]
        denied = self.profile.behaviour.access_denied_sw
        if not hmac.compare_digest(retail_mac(keys.k_mac, pad(e_ifd)), m_ifd):
            return b"", denied
        plain = tdes_decrypt(keys.k_enc, e_ifd)
        rnd_ifd, echoed, k_ifd = plain[:8], plain[8:16], plain[16:]
        if echoed != rnd_icc:
            return b"", denied
        k_icc = os.urandom(16)
        e_ic = tdes_encrypt(keys.k_enc, rnd_icc + rnd_ifd + k_icc)
        session = bac.session_keys(k_ifd, k_icc, rnd_icc, rnd_ifd)
        self._channel = ChipChannel(TripleDesSuite(session.ks_enc, session.ks_mac), session.ssc)
        return e_ic + retail_mac(keys.k_mac, pad(e_ic)), SW_OK

    # --- PACE ----------------------------------------------------------------------------------

    def _mse_set_at(self, c: Command, secured: bool) -> tuple[bytes, int]:
        if (c.p1, c.p2) in ((0x41, 0xA4), (0x41, 0xA6)):
            return self._ca_mse(c, secured)
        if (c.p1, c.p2) != (0xC1, 0xA4):
            return b"", SW_WRONG_P1P2
        try:
            found = dict(objects(c.data))
        except TlvError:
            return b"", SW_WRONG_DATA
        oid, ref, param = found.get(0x80, b""), found.get(0x83, b""), found.get(0x84, b"")
        info = next(
            (
                i
                for i in self.profile.pace
                if i.oid == oid and bytes([i.parameter_id or 0]) == param
            ),
            None,
        )
        if info is None or ref not in (b"\x01", b"\x02"):
            return b"", SW_WRONG_DATA
        if ref == b"\x02":
            if not self.profile.can:
                return b"", SW_WRONG_DATA
            password = pace.password_from_can(self.profile.can)
        else:
            password = pace.password_from_mrz(self.profile.mrz_information)
        curve = STANDARD_CURVES[info.parameter_id or 0]
        self._pace = _Pace(info, curve, password)
        return b"", SW_OK

    def _general_authenticate(self, c: Command, secured: bool) -> tuple[bytes, int]:
        if self._ca_set and secured:
            return self._ca_general_authenticate(c)
        state = self._pace
        if state is None:
            return b"", SW_CONDITIONS
        try:
            outer = dict(objects(c.data))
            inner = dict(objects(outer[0x7C]))
        except (TlvError, KeyError):
            self._pace = None
            return b"", SW_WRONG_DATA
        curve, bits = state.curve, state.info.key_bits
        try:
            if not inner and state.nonce == 0:
                nonce = secrets.token_bytes(16)
                state.nonce = int.from_bytes(nonce, "big")
                k_pi = pace.password_key(state.password, bits)
                return tlv(0x7C, tlv(0x80, pace.encrypt_nonce(k_pi, nonce))), SW_OK
            if 0x81 in inner and state.mapped is None:
                pcd_map = curve.decode(inner[0x81])
                sk_map = 1 + secrets.randbelow(curve.n - 1)
                shared = curve.multiply(sk_map, pcd_map)
                state.mapped = generic_mapping(curve, state.nonce, shared)
                answer = curve.encode(multiply_generator(curve, sk_map))
                return tlv(0x7C, tlv(0x82, answer)), SW_OK
            if 0x83 in inner and state.mapped is not None and not state.pk_eph_pcd:
                pcd_eph = curve.decode(inner[0x83])
                state.sk_eph = 1 + secrets.randbelow(curve.n - 1)
                state.pk_eph_pcd = inner[0x83]
                state.pk_eph_picc = curve.encode(curve.multiply(state.sk_eph, state.mapped))
                state.keys = pace.session_keys(shared_x(curve, state.sk_eph, pcd_eph), bits)
                return tlv(0x7C, tlv(0x84, state.pk_eph_picc)), SW_OK
            if 0x85 in inner and state.keys is not None:
                self._pace = None
                ks_enc, ks_mac = state.keys
                oid = state.info.oid
                expected = pace.authentication_token(ks_mac, oid, state.pk_eph_picc)
                if not hmac.compare_digest(expected, inner[0x85]):
                    # Wrong password: nothing is locked.
                    return b"", self.profile.behaviour.access_denied_sw
                self._channel = ChipChannel(AesSuite(ks_enc, ks_mac), bytes(16))
                token = pace.authentication_token(ks_mac, oid, state.pk_eph_pcd)
                return tlv(0x7C, tlv(0x86, token)), SW_OK
        except ValueError:
            self._pace = None
            return b"", SW_WRONG_DATA
        self._pace = None
        return b"", SW_CONDITIONS


def _sw(sw: int) -> bytes:
    return sw.to_bytes(2, "big")
