pragma ComponentBehavior: Bound

import QtQuick
import QtQuick.Layouts
import PointOfPublic

// The service mode (technicians only): the PIN pad, then the terminal's state, the self-test
// and enrolment. Opened by five taps in the attract screen's top left corner.
Rectangle {
    id: panel
    objectName: "technicianPanel"
    color: Theme.background
    MouseArea { anchors.fill: parent }   // nothing behind it is touched

    function label(key: string): string {
        switch (key) {
        case "terminal": return qsTr("Terminal")
        case "enrolled": return qsTr("Certificate valid until")
        case "hub": return qsTr("Hub")
        case "configuration": return qsTr("Configuration from the hub")
        case "queue": return qsTr("Applications waiting")
        case "dead_letters": return qsTr("Undeliverable")
        case "software": return qsTr("Software version")
        case "card_reader": return qsTr("Card reader")
        case "printer": return qsTr("Printer")
        case "camera": return qsTr("Camera")
        case "clock": return qsTr("Clock")
        case "turn": return qsTr("TURN server")
        case "disk": return qsTr("Disk space")
        default: return key
        }
    }

    function message(): string {
        const detail = Technician.messageDetail
        switch (Technician.messageKind) {
        case "wrong": return qsTr("Wrong PIN. %1 more tries before the service mode is locked.").arg(detail)
        case "locked": return qsTr("Too many wrong PINs: locked for %1 minutes.").arg(detail)
        case "no_pin": return qsTr("No technician PIN is set. Set it over SSH: python -m provisioning pin")
        case "no_hub": return qsTr("This terminal knows no hub for a typed code: scan the QR code instead.")
        case "bad_code": return qsTr("That is not an enrolment code. Check it and type it again.")
        case "refused": return qsTr("Not enrolled: %1").arg(detail)
        case "enrolled": return qsTr("Enrolled as %1. The terminal restarts now.").arg(detail)
        case "no_camera": return qsTr("The camera is not available: type the code instead.")
        default: return ""
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing * 1.5
        spacing: Theme.spacing

        RowLayout {
            Layout.fillWidth: true
            Heading {
                text: qsTr("Service mode")
                Layout.fillWidth: true
            }
            KButton {
                objectName: "technicianClose"
                text: qsTr("Close")
                onClicked: Technician.close()
            }
        }

        Text {
            objectName: "technicianMessage"
            text: panel.message()
            visible: text !== ""
            color: Technician.messageKind === "enrolled" ? Theme.text : Theme.danger
            font.pixelSize: Theme.bodySize
            font.bold: true
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }

        // --- the PIN ------------------------------------------------------------------------
        ColumnLayout {
            visible: Technician.step === 1
            spacing: Theme.spacing
            Layout.alignment: Qt.AlignHCenter
            Text {
                text: qsTr("Technician PIN")
                font.pixelSize: Theme.headingSize
                color: Theme.text
                Layout.alignment: Qt.AlignHCenter
            }
            Text {
                objectName: "technicianPinDots"
                // (dots only: the digits are never shown)
                text: Technician.pinLength > 0 ? "●".repeat(Technician.pinLength) : " "
                font.pixelSize: Theme.headingSize
                color: Theme.text
                Layout.alignment: Qt.AlignHCenter
            }
            GridLayout {
                columns: 3
                rowSpacing: Theme.spacing / 2
                columnSpacing: Theme.spacing / 2
                Layout.alignment: Qt.AlignHCenter
                Repeater {
                    model: ["1", "2", "3", "4", "5", "6", "7", "8", "9", "⌫", "0", "OK"]
                    KButton {
                        id: key
                        required property string modelData
                        objectName: "pinKey" + (key.modelData === "⌫" ? "Erase" : key.modelData)
                        text: key.modelData === "⌫" ? qsTr("Erase") : key.modelData === "OK" ? qsTr("OK") : key.modelData
                        primary: key.modelData === "OK"
                        Layout.preferredWidth: Theme.target * 2.2
                        Layout.preferredHeight: Theme.target * 1.2
                        onClicked: key.modelData === "⌫" ? Technician.erase()
                                   : key.modelData === "OK" ? Technician.submitPin()
                                   : Technician.digit(key.modelData)
                    }
                }
            }
        }

        // --- open ---------------------------------------------------------------------------
        RowLayout {
            visible: Technician.step === 2
            spacing: Theme.spacing * 2
            Layout.fillWidth: true
            Layout.fillHeight: true

            ColumnLayout {
                Layout.alignment: Qt.AlignTop
                Layout.fillWidth: true
                Layout.preferredWidth: 1   // (the two columns share the width equally)
                spacing: Theme.spacing / 2
                Text {
                    text: qsTr("This terminal")
                    font.pixelSize: Theme.headingSize
                    font.bold: true
                    color: Theme.text
                }
                Repeater {
                    model: Technician.status
                    RowLayout {
                        id: statusRow
                        required property var modelData
                        Layout.fillWidth: true
                        Text {
                            text: panel.label(statusRow.modelData.key)
                            font.pixelSize: Theme.smallSize
                            color: Theme.muted
                            Layout.preferredWidth: Theme.target * 5
                        }
                        Text {
                            text: statusRow.modelData.value !== "" ? statusRow.modelData.value : "–"
                            font.pixelSize: Theme.smallSize
                            color: Theme.text
                            wrapMode: Text.WrapAnywhere
                            Layout.fillWidth: true
                        }
                    }
                }
                KButton {
                    objectName: "technicianSelfTest"
                    text: qsTr("Run the self-test")
                    Layout.topMargin: Theme.spacing
                    onClicked: Technician.runSelfTest()
                }
                Text {
                    visible: Technician.selfTestAt !== ""
                    text: qsTr("Self-test at %1 (a test page was printed):").arg(Technician.selfTestAt)
                    font.pixelSize: Theme.smallSize
                    color: Theme.text
                }
                Repeater {
                    model: Technician.selfTest
                    Text {
                        id: check
                        required property var modelData
                        text: check.modelData.mark + " " + panel.label(check.modelData.name)
                              + (check.modelData.detail !== "" ? ": " + check.modelData.detail : "")
                        color: check.modelData.bad ? Theme.danger : Theme.text
                        font.pixelSize: Theme.smallSize
                        wrapMode: Text.Wrap
                        Layout.fillWidth: true
                    }
                }
            }

            ColumnLayout {
                Layout.alignment: Qt.AlignTop
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                spacing: Theme.spacing / 2
                Text {
                    text: qsTr("Enrol with the hub")
                    font.pixelSize: Theme.headingSize
                    font.bold: true
                    color: Theme.text
                }
                Text {
                    text: Technician.codeTypable
                          ? qsTr("Type the enrolment code from the hub's fleet page, or hold its QR code to the camera.")
                          : qsTr("Hold the QR code from the hub's fleet page to the camera.")
                    font.pixelSize: Theme.smallSize
                    color: Theme.text
                    wrapMode: Text.Wrap
                    Layout.fillWidth: true
                }
                KTextField {
                    id: code
                    objectName: "technicianCode"
                    visible: Technician.codeTypable
                    placeholderText: "K7QM-2XDF-9PRW"
                    inputMethodHints: Qt.ImhUppercaseOnly | Qt.ImhNoPredictiveText
                    Layout.fillWidth: true
                }
                RowLayout {
                    KButton {
                        objectName: "technicianEnrol"
                        visible: Technician.codeTypable
                        text: qsTr("Enrol")
                        primary: true
                        enabled: !Technician.busy && code.text !== ""
                        onClicked: Technician.enrol(code.text)
                    }
                    KButton {
                        objectName: "technicianScan"
                        text: Technician.scanning ? qsTr("Looking for the QR code …") : qsTr("Scan the QR code")
                        enabled: !Technician.busy
                        onClicked: Technician.scan()
                    }
                }
            }
        }
    }
}
