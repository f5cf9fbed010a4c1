import QtQuick
import PointOfPublic

Image {
    property string name: "generic"
    property color tint: Theme.accent
    property int size: Theme.target
    source: "image://icons/" + name + "/" + tint
    sourceSize.width: size
    sourceSize.height: size
    width: size
    height: size
    cache: false
}
