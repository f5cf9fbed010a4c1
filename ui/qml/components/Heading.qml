import QtQuick
import PointOfPublic

Text {
    font.pixelSize: Theme.titleSize
    font.bold: true
    color: Theme.text
    wrapMode: Text.Wrap
    Accessible.role: Accessible.Heading
}
