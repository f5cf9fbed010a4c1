"""QR codes in a camera frame: zxing-cpp (the terminal's), and OpenCV's detector beside it for
the comparison in ``bench/camera_analysis.py``.

Both are imported when first used: the terminal starts without them.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from drivers.camera.frames import Pixels


def read_qr_codes(pixels: Pixels) -> list[str]:
    """The text of every QR code zxing-cpp finds in a BGR frame."""
    import cv2
    import zxingcpp

    grey = cv2.cvtColor(pixels, cv2.COLOR_BGR2GRAY)
    found = zxingcpp.read_barcodes(
        grey, formats=zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    )
    return [code.text for code in found if code.valid and code.text]


def read_qr_codes_opencv(pixels: Pixels) -> list[str]:
    """The same with OpenCV's ``QRCodeDetector`` (only for the comparison)."""
    import cv2

    text, _points, _straight = cv2.QRCodeDetector().detectAndDecode(pixels)
    return [text] if text else []
