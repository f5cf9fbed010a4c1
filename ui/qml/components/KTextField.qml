import QtQuick
import QtQuick.Controls
import PointOfPublic

TextField {
    id: field
    property bool invalid: false
    property bool prefilled: false
    font.pixelSize: Theme.bodySize
    color: Theme.text
    placeholderTextColor: Theme.muted
    implicitHeight: Theme.target
    leftPadding: Theme.spacing / 1.5
    readOnly: prefilled
    selectByMouse: false
    background: Rectangle {
        radius: Theme.radius / 2
        color: field.prefilled ? Theme.prefilled : Theme.surface
        border.width: field.activeFocus ? 5 : (field.invalid ? 4 : 2)
        border.color: field.activeFocus ? Theme.focus : (field.invalid ? Theme.danger : Theme.border)
    }
}
