import QtQuick
import PointOfPublic

Text {
    // Catalogue texts, clerks' messages, what citizens typed: shown as written, never as
    // markup Qt would render (AutoText treats "<b>" as HTML and loads an <img>'s address).
    textFormat: Text.PlainText
    font.pixelSize: Theme.bodySize
    color: Theme.text
    wrapMode: Text.Wrap
    lineHeight: 1.2
}
