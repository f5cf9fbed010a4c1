import QtQuick
import QtQuick.Layouts
import PointOfPublic
import "../components"

// The tracking number, the receipt, and the way out.
Item {
    objectName: "doneScreen"
    // Scrolls when larger text needs more room than the screen has: "Finish" stays reachable.
    Flickable {
        id: flick
        objectName: "doneFlickable"
        anchors.fill: parent
        contentHeight: grid.implicitHeight + 3 * Theme.spacing
        clip: true
        boundsBehavior: Flickable.StopAtBounds
    GridLayout {
        id: grid
        x: Theme.spacing * 1.5
        y: Theme.spacing * 1.5
        width: flick.width - 3 * Theme.spacing
        columns: flick.width > flick.height ? 2 : 1
        columnSpacing: Theme.spacing * 2
        rowSpacing: Theme.spacing
        ColumnLayout {
            Layout.fillWidth: true
            Layout.preferredWidth: parent.columns > 1 ? parent.width * 0.6 : parent.width
            Layout.alignment: Qt.AlignTop
            spacing: Theme.spacing
            Icon { name: "check"; tint: Theme.success; size: Theme.target * 1.5 }
            Heading {
                objectName: "doneHeading"
                text: Done.deliveryState === DeliveryState.Sent
                      ? qsTr("Thank you! Your application has arrived at the town hall.")
                      : qsTr("Thank you! Your application is stored safely.")
                Layout.fillWidth: true
            }
            Body { text: qsTr("Your tracking number:") }
            Text {
                objectName: "trackingNumber"
                // Read with the screen, into a headset only (whoever hears it can look the
                // application up).
                readonly property bool personal: true
                readonly property bool readOnShow: true
                text: Done.trackingNumber
                font.pixelSize: Theme.hugeSize
                font.bold: true
                font.family: "DejaVu Sans Mono"
                color: Theme.text
            }
            Body {
                objectName: "deliveryMessage"
                text: Done.deliveryMessage
                font.bold: Done.deliveryState === DeliveryState.Queued
                Layout.fillWidth: true
            }
            Body {
                objectName: "printMessage"
                text: Done.printMessage
                font.bold: true
                // Printed but not confirmed is no failure: it very likely came out.
                color: Done.printState === PrintState.Printed || Done.printState === PrintState.Printing
                       || Done.printState === PrintState.PrintedUnconfirmed
                       ? Theme.text : Theme.danger
                Layout.fillWidth: true
            }
            Body {
                objectName: "receiptMailMessage"
                visible: Done.receiptMailRequested
                text: qsTr("The town hall also sends your receipt to your e-mail address.")
                Layout.fillWidth: true
            }
            Body {
                objectName: "doneCountdown"
                visible: Navigation.countdown > 0
                text: qsTr("This page closes in %n second(s). Touch the screen if you need more time.", "", Navigation.countdown)
                color: Theme.muted
                Layout.fillWidth: true
            }
            RowLayout {
                spacing: Theme.spacing
                KButton {
                    objectName: "reprintButton"
                    visible: Done.printState !== PrintState.Idle && Done.printState !== PrintState.Printed
                             && Done.printState !== PrintState.PrintedUnconfirmed
                             && Done.printState !== PrintState.Printing
                    text: qsTr("Try printing again")
                    onClicked: Done.reprint()
                }
                KButton {
                    // Everything the receipt says, heard (EN 301 549 5.1.3.16).
                    objectName: "readReceiptButton"
                    visible: ReadAloud.on && Done.trackingNumber !== ""
                    text: qsTr("Read the receipt aloud")
                    onClicked: ReadAloud.readReceipt()
                }
                KButton {
                    objectName: "finishButton"
                    text: qsTr("Finish")
                    primary: true
                    Layout.minimumWidth: Theme.target * 3
                    onClicked: Navigation.finish()
                }
            }
        }
        // No paper receipt: the receipt on the screen, to be photographed.
        Rectangle {
            objectName: "screenReceipt"
            visible: Done.showScreenReceipt
            Layout.preferredWidth: parent.columns > 1 ? parent.width * 0.35 : parent.width
            Layout.alignment: Qt.AlignTop
            implicitHeight: screenReceiptColumn.implicitHeight + Theme.spacing * 2
            color: "#ffffff"
            border.color: Theme.text
            border.width: 3
            radius: Theme.radius
            ColumnLayout {
                id: screenReceiptColumn
                anchors.fill: parent
                anchors.margins: Theme.spacing
                spacing: Theme.spacing / 2
                Text {
                    text: qsTr("Your receipt")
                    font.pixelSize: Theme.headingSize
                    font.bold: true
                    color: "#000000"
                    Layout.alignment: Qt.AlignHCenter
                }
                Image {
                    objectName: "statusQr"
                    Layout.alignment: Qt.AlignHCenter
                    Layout.preferredWidth: Math.min(parent.width, Theme.target * 4.5)
                    Layout.preferredHeight: Layout.preferredWidth
                    fillMode: Image.PreserveAspectFit
                    smooth: false
                    cache: false
                    source: Done.showScreenReceipt ? "image://session/status-qr/" + Done.receiptRevision : ""
                }
                Text {
                    readonly property bool personal: true
                    text: Done.trackingNumber
                    font.pixelSize: Theme.headingSize
                    font.bold: true
                    font.family: "DejaVu Sans Mono"
                    color: "#000000"
                    Layout.alignment: Qt.AlignHCenter
                }
                Text {
                    text: qsTr("Take a photo of this with your phone. The QR code shows the status of your application.")
                    wrapMode: Text.WordWrap
                    font.pixelSize: Theme.bodySize
                    color: "#000000"
                    horizontalAlignment: Text.AlignHCenter
                    Layout.fillWidth: true
                }
            }
        }
        // Demo mode: the simulated printer's paper, as it would come out.
        Rectangle {
            visible: Demo.enabled && Done.hasReceiptImage
            Layout.preferredWidth: parent.columns > 1 ? parent.width * 0.35 : parent.width
            // As tall as the screen shows, like the paper beside the terminal.
            Layout.preferredHeight: Math.max(Theme.target * 4, flick.height - 3 * Theme.spacing)
            color: Theme.background
            Image {
                objectName: "receiptImage"
                anchors.fill: parent
                fillMode: Image.PreserveAspectFit
                cache: false
                source: Done.hasReceiptImage ? "image://session/receipt/" + Done.receiptRevision : ""
            }
        }
    }
}
}
