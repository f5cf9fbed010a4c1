import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PointOfPublic
import "../components"

// Antragsstatus: the town hall's answer for the tracking number the citizen typed.
Item {
    objectName: "statusScreen"
    Flickable {
        id: flick
        objectName: "statusFlickable"
        anchors.top: parent.top
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: nav.top
        contentHeight: column.implicitHeight + 3 * Theme.spacing
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ColumnLayout {
            id: column
            x: Theme.spacing * 1.5
            y: Theme.spacing * 1.5
            width: flick.width - 3 * Theme.spacing
            spacing: Theme.spacing
            Heading {
                text: qsTr("Status of your application")
                Layout.fillWidth: true
            }
            Body { text: qsTr("Tracking number:"); Layout.fillWidth: true }
            Text {
                objectName: "statusTrackingNumber"
                readonly property bool personal: true
                text: StatusLookup.trackingNumber
                font.pixelSize: Theme.headingSize
                font.bold: true
                font.family: "DejaVu Sans Mono"
                color: Theme.text
                wrapMode: Text.WrapAnywhere
                Layout.fillWidth: true
            }
            RowLayout {
                visible: StatusLookup.state === LookupState.Asking
                spacing: Theme.spacing
                Layout.fillWidth: true
                BusyIndicator {
                    running: parent.visible
                    implicitWidth: Theme.target
                    implicitHeight: Theme.target
                }
                Body { text: qsTr("Asking the town hall …"); Layout.fillWidth: true }
            }
            // Found: the status in large letters, the dates, the clerk's message.
            Rectangle {
                objectName: "statusAnswer"
                visible: StatusLookup.state === LookupState.Found
                Layout.fillWidth: true
                implicitHeight: found.implicitHeight + 2 * Theme.spacing
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.accent
                border.width: 3
                ColumnLayout {
                    id: found
                    x: Theme.spacing
                    y: Theme.spacing
                    width: parent.width - 2 * Theme.spacing
                    spacing: Theme.spacing / 2
                    Text {
                        objectName: "statusWord"
                        text: StatusLookup.statusWord
                        font.pixelSize: Theme.hugeSize
                        font.bold: true
                        color: Theme.text
                        wrapMode: Text.WordWrap
                        Layout.fillWidth: true
                    }
                    Body {
                        objectName: "statusReceivedAt"
                        text: qsTr("Submitted: %1").arg(StatusLookup.receivedAt)
                        Layout.fillWidth: true
                    }
                    Body {
                        objectName: "statusUpdatedAt"
                        text: qsTr("Last change: %1").arg(StatusLookup.updatedAt)
                        Layout.fillWidth: true
                    }
                    Body {
                        objectName: "statusClerkMessage"
                        visible: StatusLookup.hasClerkMessage
                        // The clerk's words as typed: never markup the terminal would render
                        // (or fetch: an <img> would make it load an address).
                        textFormat: Text.PlainText
                        text: qsTr("Message from the town hall: %1").arg(StatusLookup.message)
                        Layout.fillWidth: true
                    }
                }
            }
            // Not found, busy, no connection: say so and what to do.
            Body {
                objectName: "statusProblem"
                visible: StatusLookup.state !== LookupState.Found
                         && StatusLookup.state !== LookupState.Asking
                text: StatusLookup.message
                font.bold: true
                Layout.fillWidth: true
            }
            KButton {
                objectName: "statusRetryButton"
                visible: StatusLookup.canRetry
                text: qsTr("Ask again")
                Layout.fillWidth: true
                onClicked: StatusLookup.retry()
            }
        }
    }
    NavBar {
        id: nav
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: parent.bottom
        backText: StatusLookup.state === LookupState.Unknown ? qsTr("Correct the number") : qsTr("Back")
        nextText: qsTr("Finish")
        nextObjectName: "statusFinishButton"
        onBackClicked: Navigation.back()
        onNextClicked: Navigation.finish()
    }
}
