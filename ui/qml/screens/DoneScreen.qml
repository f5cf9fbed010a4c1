import QtQuick
import QtQuick.Layouts
import "../components"

// The tracking number, the receipt, and the way out.
Item {
    objectName: "doneScreen"
    // Scrolls when larger text needs more room than the screen has: "Finish" stays reachable.
    Flickable {
        id: flick
        objectName: "doneFlickable"
        anchors.fill: parent
        contentHeight: grid.implicitHeight + 3 * theme.spacing
        clip: true
        boundsBehavior: Flickable.StopAtBounds
    GridLayout {
        id: grid
        x: theme.spacing * 1.5
        y: theme.spacing * 1.5
        width: flick.width - 3 * theme.spacing
        columns: flick.width > flick.height ? 2 : 1
        columnSpacing: theme.spacing * 2
        rowSpacing: theme.spacing
        ColumnLayout {
            Layout.fillWidth: true
            Layout.preferredWidth: parent.columns > 1 ? parent.width * 0.6 : parent.width
            Layout.alignment: Qt.AlignTop
            spacing: theme.spacing
            Icon { name: "check"; tint: theme.success; size: theme.target * 1.5 }
            Heading {
                objectName: "doneHeading"
                text: session.deliveryState === "sent"
                      ? qsTr("Thank you! Your application has arrived at the town hall.")
                      : qsTr("Thank you! Your application is stored safely.")
                Layout.fillWidth: true
            }
            Body { text: qsTr("Your tracking number:") }
            Text {
                objectName: "trackingNumber"
                text: session.trackingNumber
                font.pixelSize: theme.hugeSize
                font.bold: true
                font.family: "DejaVu Sans Mono"
                color: theme.text
            }
            Body {
                objectName: "deliveryMessage"
                text: session.deliveryMessage
                font.bold: session.deliveryState === "queued"
                Layout.fillWidth: true
            }
            Body {
                objectName: "printMessage"
                text: session.printMessage
                font.bold: true
                // Printed but not confirmed is no failure: it very likely came out.
                color: session.printState === "printed" || session.printState === "printing"
                       || session.printState === "printed_unconfirmed"
                       ? theme.text : theme.danger
                Layout.fillWidth: true
            }
            Body {
                objectName: "receiptMailMessage"
                visible: session.receiptMailRequested
                text: qsTr("The town hall also sends your receipt to your e-mail address.")
                Layout.fillWidth: true
            }
            Body {
                objectName: "doneCountdown"
                visible: session.countdown > 0
                text: qsTr("This page closes in %n second(s). Touch the screen if you need more time.", "", session.countdown)
                color: theme.muted
                Layout.fillWidth: true
            }
            RowLayout {
                spacing: theme.spacing
                KButton {
                    objectName: "reprintButton"
                    visible: session.printState !== "" && session.printState !== "printed"
                             && session.printState !== "printed_unconfirmed"
                             && session.printState !== "printing"
                    text: qsTr("Try printing again")
                    onClicked: session.reprint()
                }
                KButton {
                    objectName: "finishButton"
                    text: qsTr("Finish")
                    primary: true
                    Layout.minimumWidth: theme.target * 3
                    onClicked: session.finish()
                }
            }
        }
        // No paper receipt: the receipt on the screen, to be photographed.
        Rectangle {
            objectName: "screenReceipt"
            visible: session.showScreenReceipt
            Layout.preferredWidth: parent.columns > 1 ? parent.width * 0.35 : parent.width
            Layout.alignment: Qt.AlignTop
            implicitHeight: screenReceiptColumn.implicitHeight + theme.spacing * 2
            color: "#ffffff"
            border.color: theme.text
            border.width: 3
            radius: theme.radius
            ColumnLayout {
                id: screenReceiptColumn
                anchors.fill: parent
                anchors.margins: theme.spacing
                spacing: theme.spacing / 2
                Text {
                    text: qsTr("Your receipt")
                    font.pixelSize: theme.headingSize
                    font.bold: true
                    color: "#000000"
                    Layout.alignment: Qt.AlignHCenter
                }
                Image {
                    objectName: "statusQr"
                    Layout.alignment: Qt.AlignHCenter
                    Layout.preferredWidth: Math.min(parent.width, theme.target * 4.5)
                    Layout.preferredHeight: Layout.preferredWidth
                    fillMode: Image.PreserveAspectFit
                    smooth: false
                    cache: false
                    source: session.showScreenReceipt ? "image://session/status-qr/" + session.receiptRevision : ""
                }
                Text {
                    text: session.trackingNumber
                    font.pixelSize: theme.headingSize
                    font.bold: true
                    font.family: "DejaVu Sans Mono"
                    color: "#000000"
                    Layout.alignment: Qt.AlignHCenter
                }
                Text {
                    text: qsTr("Take a photo of this with your phone. The QR code shows the status of your application.")
                    wrapMode: Text.WordWrap
                    font.pixelSize: theme.bodySize
                    color: "#000000"
                    horizontalAlignment: Text.AlignHCenter
                    Layout.fillWidth: true
                }
            }
        }
        // Demo mode: the simulated printer's paper, as it would come out.
        Rectangle {
            visible: session.demo && session.hasReceiptImage
            Layout.preferredWidth: parent.columns > 1 ? parent.width * 0.35 : parent.width
            // As tall as the screen shows, like the paper beside the terminal.
            Layout.preferredHeight: Math.max(theme.target * 4, flick.height - 3 * theme.spacing)
            color: theme.background
            Image {
                objectName: "receiptImage"
                anchors.fill: parent
                fillMode: Image.PreserveAspectFit
                cache: false
                source: session.hasReceiptImage ? "image://session/receipt/" + session.receiptRevision : ""
            }
        }
    }
}
}
