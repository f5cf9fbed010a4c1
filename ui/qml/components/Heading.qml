import QtQuick

Text {
    font.pixelSize: theme.titleSize
    font.bold: true
    color: theme.text
    wrapMode: Text.WordWrap
    Accessible.role: Accessible.Heading
}
