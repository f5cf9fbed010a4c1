import QtQuick
import QtQuick.Controls

TextField {
    id: field
    property bool invalid: false
    property bool prefilled: false
    font.pixelSize: theme.bodySize
    color: theme.text
    placeholderTextColor: theme.muted
    implicitHeight: theme.target
    leftPadding: theme.spacing / 1.5
    readOnly: prefilled
    selectByMouse: false
    background: Rectangle {
        radius: theme.radius / 2
        color: field.prefilled ? theme.prefilled : theme.surface
        border.width: field.activeFocus ? 5 : (field.invalid ? 4 : 2)
        border.color: field.activeFocus ? theme.focus : (field.invalid ? theme.danger : theme.border)
    }
}
