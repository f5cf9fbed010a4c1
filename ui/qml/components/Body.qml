import QtQuick
import PointOfPublic

Text {
    font.pixelSize: Theme.bodySize
    color: Theme.text
    wrapMode: Text.Wrap
    lineHeight: 1.2
}
