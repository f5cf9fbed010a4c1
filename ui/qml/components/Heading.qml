import QtQuick

Text {
    font.pixelSize: theme.titleSize
    font.bold: true
    color: theme.text
    wrapMode: Text.Wrap
    Accessible.role: Accessible.Heading
}
