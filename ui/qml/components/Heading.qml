import QtQuick
import PointOfPublic

Text {
    textFormat: Text.PlainText  // as written, never markup (see Body.qml)
    font.pixelSize: Theme.titleSize
    font.bold: true
    color: Theme.text
    wrapMode: Text.Wrap
    Accessible.role: Accessible.Heading
}
