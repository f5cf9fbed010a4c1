import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../components"

// Place the ID card on the reader; the chip fills the form.
Item {
    objectName: "identifyScreen"
    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: theme.spacing * 1.5
            spacing: theme.spacing
            Heading { text: qsTr("Please place your ID card on the reader"); Layout.fillWidth: true }
            RowLayout {
                spacing: theme.spacing * 1.5
                Layout.fillWidth: true
                Icon { name: "card"; size: theme.target * 2.2 }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: theme.spacing / 2
                    Body {
                        objectName: "identifyStatus"
                        Layout.fillWidth: true
                        font.bold: true
                        text: session.identifyState === "reading" ? qsTr("Reading your card … please leave it on the reader.")
                            : session.identifyState === "failed" ? qsTr("That did not work.")
                            : session.identifyState === "no_reader" ? qsTr("The card reader is not available.")
                            : qsTr("The card reader is below the screen, marked with the card symbol. Lay the card flat on it.")
                    }
                    BusyIndicator {
                        running: session.identifyState === "reading"
                        visible: running
                        implicitWidth: theme.target
                        implicitHeight: theme.target
                    }
                    Body {
                        objectName: "identifyMessage"
                        visible: text !== ""
                        text: session.identifyMessage
                        color: theme.danger
                        Layout.fillWidth: true
                    }
                    Body {
                        text: qsTr("Your data is read from the chip only to fill in this form. It is deleted from the terminal when you are done.")
                        color: theme.muted
                        font.pixelSize: theme.smallSize
                        Layout.fillWidth: true
                    }
                }
            }
            // Demo mode only: the simulated reader ships with the product.
            Rectangle {
                visible: session.demo
                Layout.fillWidth: true
                implicitHeight: demoColumn.implicitHeight + 2 * theme.spacing
                radius: theme.radius
                color: "transparent"
                border.color: theme.border
                border.width: 2
                ColumnLayout {
                    id: demoColumn
                    anchors.fill: parent
                    anchors.margins: theme.spacing
                    Body { text: qsTr("Demo: place a sample card on the simulated reader"); font.bold: true }
                    Flow {
                        Layout.fillWidth: true
                        spacing: theme.spacing / 2
                        Repeater {
                            model: session.demoSamples
                            KButton {
                                objectName: "sampleCard_" + modelData
                                text: modelData === "erika" ? qsTr("Sample ID card (Erika Mustermann)")
                                    : modelData === "broken" ? qsTr("Damaged card") : modelData
                                iconName: "card"
                                enabled: session.identifyState !== "reading"
                                onClicked: session.placeSampleCard(modelData)
                            }
                        }
                    }
                }
            }
            Item { Layout.fillHeight: true }
        }
        NavBar {
            Layout.fillWidth: true
            nextVisible: session.canSkipIdentification
            nextText: qsTr("Continue without ID card")
            nextObjectName: "skipIdentificationButton"
            onBackClicked: session.back()
            onNextClicked: session.skipIdentification()
        }
    }
}
