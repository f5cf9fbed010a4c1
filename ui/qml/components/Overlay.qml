import QtQuick
import QtQuick.Layouts
import PointOfPublic

// A modal card in the middle of the screen; everything behind it is dimmed and inert.
Rectangle {
    id: overlay
    default property alias content: column.data
    property alias title: titleText.text
    anchors.fill: parent
    color: "#b0000000"
    z: 100   // above the on-screen keyboard
    // Read aloud as a whole when it appears (ui/speech/screen_reader.py).
    Accessible.role: Accessible.Dialog
    Accessible.name: title
    // A dialog needs no keyboard: take the focus from the text field behind it.
    onVisibleChanged: if (visible) { Qt.inputMethod.hide(); forceActiveFocus() } // qmllint disable missing-property
    MouseArea { anchors.fill: parent }   // swallow touches meant for the screen behind

    Rectangle {
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.spacing, Theme.target * 11)
        height: column.implicitHeight + 2 * Theme.spacing * 1.5
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.accent
        border.width: 4
        ColumnLayout {
            id: column
            anchors.fill: parent
            anchors.margins: Theme.spacing * 1.5
            spacing: Theme.spacing
            Heading { id: titleText; Layout.fillWidth: true }
        }
    }
}
