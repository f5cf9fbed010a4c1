import QtQuick
import QtQuick.Layouts
import PointOfPublic
import "../components"

// Calm, and no technical detail: the reason is in the log and on the fleet page.
Rectangle {
    objectName: "outOfServiceScreen"
    color: theme.bar
    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 4 * theme.spacing, theme.target * 14)
        spacing: theme.spacing * 1.5
        Text {
            text: qsTr("This terminal is taking a short break.")
            color: theme.barText
            font.pixelSize: theme.hugeSize
            font.bold: true
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
        }
        Text {
            text: Kiosk.outOfServiceReason === OutOfServiceReason.Fault
                  ? qsTr("It will be back in a moment. Nothing you entered was kept on this terminal.")
                  : qsTr("It will be back soon. The town hall has been informed. We are sorry for the inconvenience.")
            color: theme.barText
            font.pixelSize: theme.headingSize
            wrapMode: Text.Wrap
            horizontalAlignment: Text.AlignHCenter
            Layout.fillWidth: true
        }
    }
}
