"""DG2 face images, built by the standard's layout (JPEG and JPEG 2000), and broken ones."""

from __future__ import annotations

import contextlib
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PIL import Image

from drivers.card.icao.face import FaceImage, face_as_png, face_for_display, parse_dg2
from drivers.card.icao.lds import LdsError
from drivers.card.icao.tlv import tlv


def picture(fmt: str, size: tuple[int, int] = (240, 320)) -> bytes:
    img = Image.new("RGB", size, (200, 170, 150))
    for x in range(80, 160):
        for y in range(100, 220):
            img.putpixel((x, y), (90, 60, 40))
    out = io.BytesIO()
    img.save(out, format=fmt)
    return out.getvalue()


def dg2(image: bytes, kind: int, width: int = 240, height: int = 320, points: int = 2) -> bytes:
    facial_info = (0).to_bytes(4, "big") + points.to_bytes(2, "big") + bytes(14)
    feature_points = bytes(8 * points)
    image_info = bytes([1, kind]) + width.to_bytes(2, "big") + height.to_bytes(2, "big") + bytes(6)
    face = facial_info + feature_points + image_info + image
    face = len(face).to_bytes(4, "big") + face[4:]
    record = b"FAC\x00" + b"010\x00" + (14 + len(face)).to_bytes(4, "big") + (1).to_bytes(2, "big")
    record += face
    header = tlv(0xA1, tlv(0x80, b"\x01\x01") + tlv(0x81, b"\x02") + tlv(0x87, b"\x01\x01"))
    template = tlv(0x7F60, header + tlv(0x5F2E, record))
    return tlv(0x75, tlv(0x7F61, tlv(0x02, b"\x01") + template))


@pytest.mark.parametrize(
    ("fmt", "kind", "media_type"), [("JPEG", 0, "image/jpeg"), ("JPEG2000", 1, "image/jp2")]
)
def test_face_image_is_found_and_decoded(fmt: str, kind: int, media_type: str) -> None:
    image = picture(fmt)
    face = parse_dg2(dg2(image, kind))
    assert face == FaceImage(media_type, image, 240, 320)
    png = face_as_png(face, max_side=160)
    with Image.open(io.BytesIO(png)) as shown:
        assert shown.format == "PNG" and max(shown.size) == 160
        assert shown.getpixel((60, 80))[0] < 130  # the dark "face" is still there


def test_a_dg2_of_about_15_kb() -> None:
    image = picture("JPEG", (480, 640))
    data = dg2(image, 0)
    assert parse_dg2(data).data == image


@pytest.mark.parametrize(
    "data",
    [
        b"",
        tlv(0x61, b""),
        tlv(0x75, tlv(0x7F61, tlv(0x02, b"\x01"))),
        tlv(0x75, tlv(0x7F61, tlv(0x7F60, tlv(0xA1, b"")))),
        tlv(0x75, tlv(0x7F61, tlv(0x7F60, tlv(0x5F2E, b"NOTAFACE" * 10)))),
        dg2(b"", 0),
        dg2(b"\xff\xd8 not really a jpeg", 7),
    ],
)
def test_broken_dg2_is_a_clear_error(data: bytes) -> None:
    with pytest.raises(LdsError):
        parse_dg2(data)


def test_an_undecodable_image_is_a_clear_error() -> None:
    with pytest.raises(LdsError):
        face_as_png(FaceImage("image/jpeg", b"\xff\xd8\xff garbage", 10, 10))


@settings(max_examples=300, deadline=None, database=None)
@given(st.binary(max_size=400))
def test_any_bytes_are_a_face_or_a_clear_error(noise: bytes) -> None:
    with contextlib.suppress(LdsError):
        face_as_png(parse_dg2(noise))
    with contextlib.suppress(LdsError):
        face_as_png(FaceImage("image/jpeg", noise, 1, 1))


def test_for_display_a_fitting_jpeg_stays_anything_else_becomes_png() -> None:
    jpeg = parse_dg2(dg2(picture("JPEG"), 0))
    assert face_for_display(jpeg) == jpeg.data
    assert face_for_display(jpeg, max_side=160)[:8] == b"\x89PNG\r\n\x1a\n"  # too large: scaled
    jp2 = parse_dg2(dg2(picture("JPEG2000"), 1))
    assert face_for_display(jp2)[:8] == b"\x89PNG\r\n\x1a\n"  # Qt cannot show JPEG 2000
    damaged = FaceImage("image/jpeg", jpeg.data[: len(jpeg.data) // 3], 240, 320)
    with pytest.raises(LdsError):
        face_for_display(damaged)
