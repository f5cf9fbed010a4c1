"""DG2: the holder's face image (ICAO 9303 Part 10 §4.7.2, ISO/IEC 19794-5 record inside).

DG2 → biometric information group template (7F61) → one template (7F60) per image, each with
a header (A1) and a data block (5F2E) holding the ISO 19794-5 facial record: a 14-byte general
header ('FAC\\0', version, length, number of faces), then per face 20 bytes of facial
information, 8 bytes per feature point, 12 bytes of image information, and the image itself —
JPEG or JPEG 2000. Only the first face is used (the document holder).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from PIL import Image, UnidentifiedImageError

from drivers.card.icao.lds import LdsError
from drivers.card.icao.tlv import TlvError, objects, read

_JPEG, _JPEG2000 = 0, 1


@dataclass(frozen=True)
class FaceImage:
    media_type: str  # "image/jpeg" or "image/jp2"
    data: bytes
    width: int
    height: int


def parse_dg2(data: bytes) -> FaceImage:
    try:
        tag, body, _ = read(data)
        if tag != 0x75:
            raise LdsError(f"DG2 has tag {tag:X}, expected 75")
        tag, group, _ = read(body)
        if tag != 0x7F61:
            raise LdsError("DG2 has no biometric information group")
        for inner_tag, value in objects(group):
            if inner_tag == 0x7F60:
                blocks = dict(objects(value))
                record = blocks.get(0x5F2E) or blocks.get(0x7F2E)
                if record is None:
                    raise LdsError("DG2 template without a biometric data block")
                return _facial_record(record)
    except TlvError as exc:
        raise LdsError("DG2 is not well-formed TLV") from exc
    raise LdsError("DG2 holds no face")


def _facial_record(record: bytes) -> FaceImage:
    if len(record) < 14 + 20 + 12 or record[:4] != b"FAC\x00":
        raise LdsError("DG2's data block is not an ISO 19794-5 facial record")
    faces = int.from_bytes(record[12:14], "big")
    if faces < 1:
        raise LdsError("DG2's facial record holds no face")
    face = record[14:]
    block_length = int.from_bytes(face[0:4], "big")
    points = int.from_bytes(face[4:6], "big")
    image_info = 20 + 8 * points
    if block_length > len(face) or block_length < image_info + 12:
        raise LdsError("DG2's facial record has inconsistent lengths")
    info = face[image_info : image_info + 12]
    kind = info[1]
    width = int.from_bytes(info[2:4], "big")
    height = int.from_bytes(info[4:6], "big")
    image = face[image_info + 12 : block_length]
    if kind == _JPEG:
        media_type = "image/jpeg"
    elif kind == _JPEG2000:
        media_type = "image/jp2"
    else:
        raise LdsError("DG2's face image is neither JPEG nor JPEG 2000")
    if not image:
        raise LdsError("DG2's face image is empty")
    return FaceImage(media_type, image, width, height)


def face_as_png(face: FaceImage, max_side: int = 600) -> bytes:
    """Decode the face (JPEG or JPEG 2000) and re-encode it as PNG, at most ``max_side`` px."""
    return _decoded(face, max_side, keep_jpeg=False)


def face_for_display(face: FaceImage, max_side: int = 600) -> bytes:
    """The face for the confirmation screen: a JPEG that decodes and fits is kept as it is (Qt
    shows it; re-encoding cost a few ms per read), anything else — JPEG 2000, which Qt does not
    read, or an oversized picture — becomes a PNG.

    Pillow decodes both; a broken image becomes :class:`LdsError`, never a crash.
    """
    return _decoded(face, max_side, keep_jpeg=True)


def _decoded(face: FaceImage, max_side: int, keep_jpeg: bool) -> bytes:
    try:
        with Image.open(io.BytesIO(face.data)) as img:
            if img.width * img.height > 4_000_000:
                raise LdsError("DG2's face image is implausibly large")
            if keep_jpeg and img.format == "JPEG" and max(img.size) <= max_side:
                img.load()  # decodes it: a damaged JPEG fails here, not on the screen
                return face.data
            img.thumbnail((max_side, max_side))
            out = io.BytesIO()
            # Shown once, never stored: fast compression beats small files here.
            img.convert("RGB").save(out, format="PNG", compress_level=1)
            return out.getvalue()
    except (UnidentifiedImageError, OSError, ValueError, Image.DecompressionBombError) as exc:
        raise LdsError("DG2's face image cannot be decoded") from exc
