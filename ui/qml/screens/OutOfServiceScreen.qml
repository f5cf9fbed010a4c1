import QtQuick
import QtQuick.Layouts
import PointOfPublic

// Calm, and no technical detail: the reason is in the log and on the fleet page.
Rectangle {
    objectName: "outOfServiceScreen"
    color: Theme.bar

    // The technicians' way into the service mode: this corner held for three seconds (a tap
    // here is a tap like anywhere else).
    MouseArea {
        objectName: "serviceCorner"
        width: Theme.target * 1.5
        height: Theme.target * 1.5
        anchors.left: parent.left
        anchors.top: parent.top
        pressAndHoldInterval: 3000
        onPressAndHold: Technician.cornerHeld()
        onClicked: {}
    }
    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 4 * Theme.spacing, Theme.target * 14)
        spacing: Theme.spacing * 1.5
        // Taken out of service by the town hall (disabled, or decommissioned): where to turn.
        readonly property bool byTownHall: Kiosk.outOfServiceReason === OutOfServiceReason.Disabled
                                           || Kiosk.outOfServiceReason === OutOfServiceReason.NotEnrolled
        Text {
            objectName: "outOfServiceTitle"
            text: parent.byTownHall ? qsTr("This terminal is out of order.")
                                    : qsTr("This terminal is taking a short break.")
            color: Theme.barText
            font.pixelSize: Theme.hugeSize
            font.bold: true
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
        }
        Text {
            objectName: "outOfServiceText"
            text: parent.byTownHall
                  ? qsTr("Please contact the town hall:")
                  : Kiosk.outOfServiceReason === OutOfServiceReason.Fault
                  ? qsTr("It will be back in a moment. Nothing you entered was kept on this terminal.")
                  : qsTr("It will be back soon. The town hall has been informed. We are sorry for the inconvenience.")
            color: Theme.barText
            font.pixelSize: Theme.headingSize
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
        }
        Text {
            objectName: "outOfServicePhone"
            visible: parent.byTownHall && Kiosk.contactPhone !== ""
            text: Kiosk.contactPhone
            color: Theme.barText
            font.pixelSize: Theme.hugeSize
            font.bold: true
            wrapMode: Text.WrapAnywhere
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
        }
        Text {
            objectName: "outOfServiceHours"
            visible: parent.byTownHall && Kiosk.contactHours !== ""
            text: qsTr("Hours: %1").arg(Kiosk.contactHours)
            color: Theme.barText
            font.pixelSize: Theme.headingSize
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
        }
    }
}
