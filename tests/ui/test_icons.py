"""The icon provider draws each icon once per colour and size, and keeps only a bounded number."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication, QImage

from tests.support.configs import ROOT
from ui.images import IconProvider

ICONS = ROOT / "ui" / "qml" / "icons"


def test_an_icon_is_drawn_once_per_colour_and_size(qapp: QGuiApplication) -> None:
    provider = IconProvider(ICONS)
    drawn: list[str] = []
    draw = provider._draw
    provider._draw = lambda image_id, w, h: drawn.append(f"{image_id}@{w}") or draw(image_id, w, h)  # type: ignore[method-assign]

    size = QSize()
    first = provider.requestImage("card/#00559e", size, QSize(64, 64))
    again = provider.requestImage("card/#00559e", QSize(), QSize(64, 64))
    provider.requestImage("card/#ffffff", QSize(), QSize(64, 64))
    provider.requestImage("card/#00559e", QSize(), QSize(32, 32))

    assert drawn == ["card/#00559e@64", "card/#ffffff@64", "card/#00559e@32"]
    assert (size.width(), size.height()) == (64, 64)
    assert again == first
    # Drawn in the colour asked for: some pixel of the icon has it.
    colours = {first.pixelColor(x, y).name() for x in range(64) for y in range(64)}
    assert "#00559e" in colours


def test_the_kept_icons_are_bounded(qapp: QGuiApplication) -> None:
    provider = IconProvider(ICONS)
    for n in range(IconProvider.KEPT + 20):
        image = provider.requestImage("no-such-icon/#000000", QSize(), QSize(8 + n, 8 + n))
        assert isinstance(image, QImage) and image.width() == 8 + n
    assert len(provider._drawn) == IconProvider.KEPT
