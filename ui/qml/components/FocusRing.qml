import QtQuick
import PointOfPublic

// The keypad's focus (ui/keypad.py): a ring just outside what has it, in every colour scheme.
// Its parent sets `visible` to its own activeFocus.
Rectangle {
    objectName: "focusRing"
    anchors.fill: parent
    anchors.margins: -6
    radius: Theme.radius + 6
    color: "transparent"
    border.width: 5
    border.color: Theme.focus
}
