"""Elliptic-curve arithmetic for PACE's generic mapping (ICAO 9303 Part 11 §4.4.3.3.1).

The mapping needs G' = s·G + H and then keys on G' — adding points and multiplying an arbitrary
point by a scalar — which the ``cryptography`` package does not expose (it multiplies only the
standard generator, and its ECDH gives only an x-coordinate). Those two operations are plain
Jacobian arithmetic over the curve's prime field here: not constant-time, and therefore used
only with the one-time keys of a single PACE run (never with long-term secrets). Everything on
the standard generator, and the final key agreement, goes to OpenSSL.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric import ec

Point = tuple[int, int] | None  # None is the point at infinity


@dataclass(frozen=True)
class Curve:
    name: str
    p: int
    a: int
    b: int
    g: tuple[int, int]
    n: int

    @property
    def size(self) -> int:
        return (self.p.bit_length() + 7) // 8

    def contains(self, point: Point) -> bool:
        if point is None:
            return True
        x, y = point
        return (
            0 <= x < self.p
            and 0 <= y < self.p
            and (y * y - x * x * x - self.a * x - self.b) % self.p == 0
        )

    def add(self, p1: Point, p2: Point) -> Point:
        if p1 is None:
            return p2
        if p2 is None:
            return p1
        (x1, y1), (x2, y2) = p1, p2
        if x1 == x2 and (y1 + y2) % self.p == 0:
            return None
        if p1 == p2:
            slope = (3 * x1 * x1 + self.a) * pow(2 * y1, -1, self.p)
        else:
            slope = (y2 - y1) * pow(x2 - x1, -1, self.p)
        x3 = (slope * slope - x1 - x2) % self.p
        return x3, (slope * (x1 - x3) - y1) % self.p

    def multiply(self, k: int, point: Point) -> Point:
        """k·P, in Jacobian coordinates (one modular inverse at the end instead of one per step:
        about five times faster than affine steps here)."""
        k %= self.n
        if point is None or k == 0:
            return None
        p = self.p
        x, y = point
        rx, ry, rz = 0, 1, 0  # infinity
        for bit in bin(k)[2:]:
            rx, ry, rz = self._double(rx, ry, rz)
            if bit == "1":
                rx, ry, rz = self._add_affine(rx, ry, rz, x, y)
        if rz == 0:
            return None
        z_inv = pow(rz, -1, p)
        z2 = z_inv * z_inv % p
        return rx * z2 % p, ry * z2 * z_inv % p

    def _double(self, x: int, y: int, z: int) -> tuple[int, int, int]:
        p = self.p
        if z == 0 or y == 0:
            return 0, 1, 0
        xx, yy, zz = x * x % p, y * y % p, z * z % p
        yyyy = yy * yy % p
        s = 2 * ((x + yy) ** 2 - xx - yyyy) % p
        m = (3 * xx + self.a * zz * zz) % p
        t = (m * m - 2 * s) % p
        return t, (m * (s - t) - 8 * yyyy) % p, ((y + z) ** 2 - yy - zz) % p

    def _add_affine(self, x1: int, y1: int, z1: int, x2: int, y2: int) -> tuple[int, int, int]:
        """(X1:Y1:Z1) + (x2, y2) with the second point affine (Z2 = 1)."""
        p = self.p
        if z1 == 0:
            return x2, y2, 1
        z1z1 = z1 * z1 % p
        u2 = x2 * z1z1 % p
        s2 = y2 * z1 * z1z1 % p
        h = (u2 - x1) % p
        r = 2 * (s2 - y1) % p
        if h == 0:
            return self._double(x1, y1, z1) if r == 0 else (0, 1, 0)
        hh = h * h % p
        i = 4 * hh % p
        j = h * i % p
        v = x1 * i % p
        x3 = (r * r - j - 2 * v) % p
        y3 = (r * (v - x3) - 2 * y1 * j) % p
        z3 = ((z1 + h) ** 2 - z1z1 - hh) % p
        return x3, y3, z3

    def encode(self, point: Point) -> bytes:
        """Uncompressed: 04 || x || y."""
        if point is None:
            raise ValueError("the point at infinity has no encoding")
        return b"\x04" + point[0].to_bytes(self.size, "big") + point[1].to_bytes(self.size, "big")

    def decode(self, data: bytes) -> tuple[int, int]:
        if len(data) != 1 + 2 * self.size or data[0] != 0x04:
            raise ValueError("not an uncompressed point on this curve")
        point = (
            int.from_bytes(data[1 : 1 + self.size], "big"),
            int.from_bytes(data[1 + self.size :], "big"),
        )
        if not self.contains(point):
            raise ValueError("the point is not on the curve")
        return point


BRAINPOOL_P256R1 = Curve(
    "brainpoolP256r1",
    p=0xA9FB57DBA1EEA9BC3E660A909D838D726E3BF623D52620282013481D1F6E5377,
    a=0x7D5A0975FC2C3057EEF67530417AFFE7FB8055C126DC5C6CE94A4B44F330B5D9,
    b=0x26DC5C6CE94A4B44F330B5D9BBD77CBF958416295CF7E1CE6BCCDC18FF8C07B6,
    g=(
        0x8BD2AEB9CB7E57CB2C4B482FFC81B7AFB9DE27E1E3BD23C23A4453BD9ACE3262,
        0x547EF835C3DAC4FD97F8461A14611DC9C27745132DED8E545C1D54C72F046997,
    ),
    n=0xA9FB57DBA1EEA9BC3E660A909D838D718C397AA3B561A6F7901E0E82974856A7,
)


_OPENSSL: dict[str, Callable[[], ec.EllipticCurve]] = {
    "brainpoolP256r1": ec.BrainpoolP256R1,
    "secp256r1": ec.SECP256R1,
    "secp384r1": ec.SECP384R1,
}


def multiply_generator(curve: Curve, k: int) -> tuple[int, int]:
    """k·G on the curve's standard generator, by OpenSSL (constant-time, and fast)."""
    numbers = ec.derive_private_key(k, _OPENSSL[curve.name]()).public_key().public_numbers()
    return numbers.x, numbers.y


def shared_x(curve: Curve, k: int, point: tuple[int, int]) -> bytes:
    """The x-coordinate of k·P (ECDH) by OpenSSL: what the PACE key agreement needs."""
    private = ec.derive_private_key(k, _OPENSSL[curve.name]())
    public = ec.EllipticCurvePublicNumbers(point[0], point[1], _OPENSSL[curve.name]()).public_key()
    return private.exchange(ec.ECDH(), public)


def generic_mapping(curve: Curve, nonce: int, shared: Point) -> tuple[int, int]:
    """G' = s·G + H, where H is the ECDH point of the two mapping keys."""
    mapped = curve.add(multiply_generator(curve, nonce), shared)
    if mapped is None:
        raise ValueError("the mapping produced the point at infinity")
    return mapped


NIST_P256 = Curve(
    "secp256r1",
    p=0xFFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFF,
    a=0xFFFFFFFF00000001000000000000000000000000FFFFFFFFFFFFFFFFFFFFFFFC,
    b=0x5AC635D8AA3A93E7B3EBBD55769886BC651D06B0CC53B0F63BCE3C3E27D2604B,
    g=(
        0x6B17D1F2E12C4247F8BCE6E563A440F277037D812DEB33A0F4A13945D898C296,
        0x4FE342E2FE1A7F9B8EE7EB4A7C0F9E162BCE33576B315ECECBB6406837BF51F5,
    ),
    n=0xFFFFFFFF00000000FFFFFFFFFFFFFFFFBCE6FAADA7179E84F3B9CAC2FC632551,
)

NIST_P384 = Curve(
    "secp384r1",
    p=2**384 - 2**128 - 2**96 + 2**32 - 1,
    a=2**384 - 2**128 - 2**96 + 2**32 - 4,
    b=0xB3312FA7E23EE7E4988E056BE3F82D19181D9C6EFE8141120314088F5013875AC656398D8A2ED19D2A85C8EDD3EC2AEF,
    g=(
        0xAA87CA22BE8B05378EB1C71EF320AD746E1D3B628BA79B9859F741E082542A385502F25DBF55296C3A545E3872760AB7,
        0x3617DE4A96262C6F5D9E98BF9292DC29F8F41DBD289A147CE9DA3113B5F0B8C00A60B1CE1D7E819D7A431D7C90EA0E5F,
    ),
    n=0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFC7634D81F4372DDF581A0DB248B0A77AECEC196ACCC52973,
)

#: The standardized domain parameters of BSI TR-03110 Part 3 (parameter id → curve) that we
#: implement: the German ID card uses 13 (brainpoolP256r1).
STANDARD_CURVES = {12: NIST_P256, 13: BRAINPOOL_P256R1, 15: NIST_P384}
