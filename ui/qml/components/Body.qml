import QtQuick

Text {
    font.pixelSize: theme.bodySize
    color: theme.text
    wrapMode: Text.WordWrap
    lineHeight: 1.2
}
