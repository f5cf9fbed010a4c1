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
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentHeight: body.implicitHeight + 3 * theme.spacing
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            ColumnLayout {
                id: body
                x: theme.spacing * 1.5
                y: theme.spacing * 1.5
                width: parent.width - 3 * theme.spacing
                spacing: theme.spacing
                RowLayout {
                    spacing: theme.spacing
                    Icon { name: Service.icon; size: theme.target * 1.3 }
                    Heading { objectName: "serviceTitle"; text: Service.title; Layout.fillWidth: true }
                }
                Body { text: Service.description; Layout.fillWidth: true }
                Heading { text: qsTr("What you need"); font.pixelSize: theme.headingSize }
                Body {
                    text: "•  " + qsTr("About %1 minutes").arg(Service.minutes)
                    Layout.fillWidth: true
                }
                Body {
                    visible: Service.identification !== Identification.NotNeeded
                    text: "•  " + (Service.identification === Identification.Required
                          ? qsTr("Your ID card or passport")
                          : qsTr("Your ID card, if you like (fills in your details)"))
                    Layout.fillWidth: true
                }
                Rectangle {
                    objectName: "storageFullNotice"
                    visible: Service.storageFull
                    Layout.fillWidth: true
                    implicitHeight: storageText.implicitHeight + theme.spacing * 2
                    color: "transparent"
                    border.color: theme.danger
                    border.width: 3
                    radius: theme.radius
                    Body {
                        id: storageText
                        anchors.fill: parent
                        anchors.margins: theme.spacing
                        text: Service.storageFullMessage
                        color: theme.danger
                        font.bold: true
                    }
                }
                Rectangle {
                    objectName: "receiptOnScreenNotice"
                    visible: Service.receiptOnScreen && !Service.storageFull
                    Layout.fillWidth: true
                    implicitHeight: receiptText.implicitHeight + theme.spacing * 2
                    color: "transparent"
                    border.color: theme.muted
                    border.width: 3
                    radius: theme.radius
                    Body {
                        id: receiptText
                        anchors.fill: parent
                        anchors.margins: theme.spacing
                        text: Service.receiptOnScreenMessage
                        font.bold: true
                    }
                }
                // Demo mode only: the simulated printer's paper, to see the fallback receipt.
                RowLayout {
                    visible: Demo.printer
                    Layout.fillWidth: true
                    spacing: theme.spacing
                    Body {
                        text: qsTr("Demo: the simulated receipt printer")
                        color: theme.muted
                        font.pixelSize: theme.smallSize
                    }
                    KButton {
                        objectName: Demo.printerHasPaper ? "demoPaperOut" : "demoPaperIn"
                        text: Demo.printerHasPaper ? qsTr("Take the paper out")
                                                          : qsTr("Put a new roll in")
                        onClicked: Demo.setPrinterPaper(!Demo.printerHasPaper)
                    }
                }
                Body {
                    visible: Service.maxPhotos > 0
                    text: "•  " + qsTr("Up to %n photo(s), taken here with the camera", "", Service.maxPhotos)
                    Layout.fillWidth: true
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
