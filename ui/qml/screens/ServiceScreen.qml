import QtQuick
import QtQuick.Layouts
import PointOfPublic
import "../components"

// What the service is, what you need, how long it takes.
Item {
    objectName: "serviceScreen"
    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        Flickable {
            id: flick
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentHeight: body.implicitHeight + 3 * Theme.spacing
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            ColumnLayout {
                id: body
                x: Theme.spacing * 1.5
                y: Theme.spacing * 1.5
                width: flick.width - 3 * Theme.spacing
                spacing: Theme.spacing
                RowLayout {
                    spacing: Theme.spacing
                    Icon { name: Service.icon; size: Theme.target * 1.3 }
                    Heading { objectName: "serviceTitle"; text: Service.title; Layout.fillWidth: true }
                }
                Body { text: Service.description; Layout.fillWidth: true }
                Heading { text: qsTr("What you need"); font.pixelSize: Theme.headingSize }
                Body {
                    objectName: "serviceMinutes"
                    text: "•  " + qsTr("About %n minute(s)", "", Service.minutes)
                    Layout.fillWidth: true
                }
                Body {
                    visible: Service.identification !== Identification.NotNeeded
                    text: "•  " + (Service.identification === Identification.Required
                          ? qsTr("Your ID card or passport")
                          : qsTr("Your ID card, if you like (fills in your details)"))
                    Layout.fillWidth: true
                }
                Body {
                    visible: Service.maxPhotos > 0
                    text: "•  " + qsTr("Up to %n photo(s), taken here with the camera", "", Service.maxPhotos)
                    Layout.fillWidth: true
                }
                Rectangle {
                    objectName: "storageFullNotice"
                    visible: Service.storageFull
                    Layout.fillWidth: true
                    implicitHeight: storageText.implicitHeight + Theme.spacing * 2
                    color: "transparent"
                    border.color: Theme.danger
                    border.width: 3
                    radius: Theme.radius
                    Body {
                        id: storageText
                        anchors.fill: parent
                        anchors.margins: Theme.spacing
                        text: Service.storageFullMessage
                        color: Theme.danger
                        font.bold: true
                    }
                }
                Rectangle {
                    objectName: "cameraUnavailableNotice"
                    visible: Service.cameraUnavailable && !Service.storageFull
                    Layout.fillWidth: true
                    implicitHeight: cameraText.implicitHeight + Theme.spacing * 2
                    color: "transparent"
                    border.color: Theme.muted
                    border.width: 3
                    radius: Theme.radius
                    Body {
                        id: cameraText
                        anchors.fill: parent
                        anchors.margins: Theme.spacing
                        text: Service.cameraUnavailableMessage
                        font.bold: true
                    }
                }
                Rectangle {
                    objectName: "receiptOnScreenNotice"
                    visible: Service.receiptOnScreen && !Service.storageFull
                    Layout.fillWidth: true
                    implicitHeight: receiptText.implicitHeight + Theme.spacing * 2
                    color: "transparent"
                    border.color: Theme.muted
                    border.width: 3
                    radius: Theme.radius
                    Body {
                        id: receiptText
                        anchors.fill: parent
                        anchors.margins: Theme.spacing
                        text: Service.receiptOnScreenMessage
                        font.bold: true
                    }
                }
                // Demo mode only: the simulated printer's paper, to see the fallback receipt.
                RowLayout {
                    visible: Demo.printer
                    Layout.fillWidth: true
                    spacing: Theme.spacing
                    Body {
                        text: qsTr("Demo: the simulated receipt printer")
                        Layout.fillWidth: true
                        color: Theme.muted
                        font.pixelSize: Theme.smallSize
                    }
                    KButton {
                        objectName: Demo.printerHasPaper ? "demoPaperOut" : "demoPaperIn"
                        text: Demo.printerHasPaper ? qsTr("Take the paper out")
                                                          : qsTr("Put a new roll in")
                        onClicked: Demo.setPrinterPaper(!Demo.printerHasPaper)
                    }
                }
            }
        }
        NavBar {
            Layout.fillWidth: true
            nextText: qsTr("Start")
            nextObjectName: "proceedButton"
            nextEnabled: !Service.storageFull
            onBackClicked: Navigation.back()
            onNextClicked: Service.proceed()
        }
    }
}
