import QtQuick

Image {
    property string name: "generic"
    property color tint: theme.accent
    property int size: theme.target
    source: "image://icons/" + name + "/" + tint
    sourceSize.width: size
    sourceSize.height: size
    width: size
    height: size
    cache: false
}
