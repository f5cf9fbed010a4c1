import QtQuick

Text {
    font.pixelSize: theme.bodySize
    color: theme.text
    wrapMode: Text.Wrap
    lineHeight: 1.2
}
