import QtQuick
import QtQuick.Layouts
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
            contentHeight: body.implicitHeight + 3 * theme.spacing
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            ColumnLayout {
                id: body
                x: theme.spacing * 1.5
                y: theme.spacing * 1.5
                width: flick.width - 3 * theme.spacing
                spacing: theme.spacing
                RowLayout {
                    spacing: theme.spacing
                    Icon { name: session.serviceIcon; size: theme.target * 1.3 }
                    Heading { objectName: "serviceTitle"; text: session.serviceTitle; Layout.fillWidth: true }
                }
                Body { text: session.serviceDescription; Layout.fillWidth: true }
                Heading { text: qsTr("What you need"); font.pixelSize: theme.headingSize }
                Body {
                    objectName: "serviceMinutes"
                    text: "•  " + qsTr("About %n minute(s)", "", session.serviceMinutes)
                    Layout.fillWidth: true
                }
                Body {
                    visible: session.serviceIdentification !== "none"
                    text: "•  " + (session.serviceIdentification === "required"
                          ? qsTr("Your ID card or passport")
                          : qsTr("Your ID card, if you like (fills in your details)"))
                    Layout.fillWidth: true
                }
                Rectangle {
                    objectName: "storageFullNotice"
                    visible: session.storageFull
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
                        text: session.storageFullMessage
                        color: theme.danger
                        font.bold: true
                    }
                }
                Rectangle {
                    objectName: "receiptOnScreenNotice"
                    visible: session.receiptOnScreen && !session.storageFull
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
                        text: session.receiptOnScreenMessage
                        font.bold: true
                    }
                }
                // Demo mode only: the simulated printer's paper, to see the fallback receipt.
                RowLayout {
                    visible: session.demo && session.demoPrinter
                    Layout.fillWidth: true
                    spacing: theme.spacing
                    Body {
                        text: qsTr("Demo: the simulated receipt printer")
                        Layout.fillWidth: true
                        color: theme.muted
                        font.pixelSize: theme.smallSize
                    }
                    KButton {
                        objectName: session.demoPrinterHasPaper ? "demoPaperOut" : "demoPaperIn"
                        text: session.demoPrinterHasPaper ? qsTr("Take the paper out")
                                                          : qsTr("Put a new roll in")
                        onClicked: session.demoSetPrinterPaper(!session.demoPrinterHasPaper)
                    }
                }
                Body {
                    visible: session.servicePhotos > 0
                    text: "•  " + qsTr("Up to %n photo(s), taken here with the camera", "", session.servicePhotos)
                    Layout.fillWidth: true
                }
            }
        }
        NavBar {
            Layout.fillWidth: true
            nextText: qsTr("Start")
            nextObjectName: "proceedButton"
            nextEnabled: !session.storageFull
            onBackClicked: session.back()
            onNextClicked: session.proceed()
        }
    }
}
