"""Serves the session's photos and the receipt preview to QML from memory (never from disk).

URLs: ``image://session/photo/<index>/<revision>``, ``image://session/receipt/<revision>`` and
``image://session/status-qr/<revision>`` (the on-screen receipt's QR code);
the revision changes whenever the content does, so QML never shows a stale picture.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QSize
from PySide6.QtGui import QImage, QPainter
from PySide6.QtQuick import QQuickImageProvider
from PySide6.QtSvg import QSvgRenderer

if TYPE_CHECKING:
    from kiosk.session import Session


class SessionImageProvider(QQuickImageProvider):
    def __init__(self, session: Callable[[], Session | None]) -> None:
        super().__init__(QQuickImageProvider.ImageType.Image)
        self._session = session

    def requestImage(self, image_id: str, size: QSize, requested: QSize) -> QImage:
        data = self._bytes(image_id.split("/"))
        image = QImage()
        if data:
            image.loadFromData(data)
        if image.isNull():
            image = QImage(1, 1, QImage.Format.Format_ARGB32)
            image.fill(0)
        size.setWidth(image.width())
        size.setHeight(image.height())
        return image

    def _bytes(self, parts: list[str]) -> bytes:
        session = self._session()
        if session is None or not parts:
            return b""
        if parts[0] == "photo" and len(parts) > 1 and parts[1].isdigit():
            index = int(parts[1])
            return bytes(session.photos[index].jpeg) if index < len(session.photos) else b""
        if parts[0] == "identity" and session.identity is not None:
            return bytes(session.identity.photo_jpeg)
        if parts[0] == "receipt" and session.print_result is not None:
            return bytes(session.print_result.preview_png)
        if parts[0] == "status-qr" and session.status_link:
            from kiosk.receipt import status_qr_png  # the QR library: once a receipt shows

            return status_qr_png(session.status_link)
        return b""


class IconProvider(QQuickImageProvider):
    """``image://icons/<name>/<colour>``: the SVG icon drawn in the theme's colour, so one set of
    icons serves the normal and the high-contrast look.

    Drawn icons are kept (a few dozen: icon × colour × size): every screen change asks for its
    icons again, and drawing an SVG each time was a good part of a screen's making."""

    #: Icons × colours × sizes the screens use are far fewer; the bound keeps odd sizes (a
    #: window resized many times) from piling up.
    KEPT = 96

    def __init__(self, folder: Path) -> None:
        super().__init__(QQuickImageProvider.ImageType.Image)
        self._folder = folder
        self._svg: dict[str, str] = {}
        self._drawn: OrderedDict[tuple[str, int, int], QImage] = OrderedDict()
        # (Asynchronous images ask from Qt's loader threads.)
        self._lock = threading.Lock()

    def requestImage(self, image_id: str, size: QSize, requested: QSize) -> QImage:
        w = requested.width() if requested.width() > 0 else 128
        h = requested.height() if requested.height() > 0 else w
        size.setWidth(w)
        size.setHeight(h)
        key = (image_id, w, h)
        with self._lock:
            image = self._drawn.get(key)
            if image is not None:
                self._drawn.move_to_end(key)
                return image
        image = self._draw(image_id, w, h)
        with self._lock:
            self._drawn[key] = image
            while len(self._drawn) > self.KEPT:
                self._drawn.popitem(last=False)
        return image

    def _draw(self, image_id: str, w: int, h: int) -> QImage:
        name, _, colour = image_id.partition("/")
        if name not in self._svg:
            path = self._folder / f"{name}.svg"
            if not path.exists():
                path = self._folder / "generic.svg"
            self._svg[name] = path.read_text(encoding="utf-8")
        svg = self._svg[name].replace("currentColor", colour or "#000000")
        renderer = QSvgRenderer(QByteArray(svg.encode()))
        image = QImage(w, h, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(0)
        painter = QPainter(image)
        renderer.render(painter)
        painter.end()
        return image
