import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PointOfPublic
import "../components"

// Place the ID card on the reader; the chip fills the form.
Item {
    objectName: "identifyScreen"
    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        ColumnLayout {
            id: content
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: Theme.spacing * 1.5
            spacing: Theme.spacing
            // While the citizen types the access data the keyboard takes the lower half: the
            // heading (the card is on the reader already) and the big icon make room.
            readonly property bool typing: Identify.state === IdentifyState.Access && Qt.inputMethod.visible // qmllint disable missing-property
            Heading {
                visible: !content.typing
                text: qsTr("Please place your ID card on the reader")
                Layout.fillWidth: true
            }
            RowLayout {
                spacing: Theme.spacing * 1.5
                Layout.fillWidth: true
                Icon { visible: !content.typing; name: "card"; size: Theme.target * 2.2 }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacing / 2
                    Body {
                        objectName: "identifyStatus"
                        Layout.fillWidth: true
                        font.bold: true
                        text: Identify.state === IdentifyState.Reading ? qsTr("Reading your card … please leave it on the reader.")
                            : Identify.state === IdentifyState.Access ? qsTr("Your card is on the reader. To open its chip, please enter the number printed on it.")
                            : Identify.state === IdentifyState.Confirm ? qsTr("Your card has been read. Is this you?")
                            : Identify.state === IdentifyState.Failed ? qsTr("That did not work.")
                            : Identify.state === IdentifyState.NoReader ? qsTr("The card reader is not available.")
                            : qsTr("The card reader is below the screen, marked with the card symbol. Lay the card flat on it.")
                    }
                    ProgressBar {
                        objectName: "readProgress"
                        visible: Identify.state === IdentifyState.Reading
                        from: 0; to: 1
                        value: Identify.readProgress
                        Layout.fillWidth: true
                        implicitHeight: Theme.spacing
                    }
                    Body {
                        objectName: "identifyMessage"
                        visible: text !== ""
                        text: Identify.message
                        color: Theme.danger
                        Layout.fillWidth: true
                    }
                    Body {
                        text: qsTr("Your data is read from the chip only to fill in this form. It is deleted from the terminal when you are done.")
                        color: Theme.muted
                        font.pixelSize: Theme.smallSize
                        Layout.fillWidth: true
                    }
                }
            }
            // The access data: the CAN (German ID card) or the three MRZ values, with a picture
            // of where they are printed.
            RowLayout {
                objectName: "accessPanel"
                visible: Identify.state === IdentifyState.Access
                // Typed and sent: close the keyboard, or it covers the confirmation below.
                onVisibleChanged: if (!visible) Qt.inputMethod.hide() // qmllint disable missing-property
                Layout.fillWidth: true
                spacing: Theme.spacing * 1.5
                // Specimen: the front of an ID card with the CAN marked, or a passport's MRZ.
                // ID-1 proportions, small enough to stay above the on-screen keyboard.
                Rectangle {
                    objectName: "accessSpecimen"
                    Layout.alignment: Qt.AlignTop
                    implicitWidth: Theme.target * 3.0
                    implicitHeight: implicitWidth / 1.586
                    radius: Theme.radius
                    color: "#dfe9e4"
                    border.color: Theme.border
                    border.width: 2
                    Rectangle { x: parent.width * 0.06; y: parent.height * 0.15; width: parent.width * 0.26; height: parent.height * (Identify.accessKind === AccessKind.Mrz ? 0.45 : 0.6); color: "#b8c4cc"; radius: 4 }
                    Column {
                        x: parent.width * 0.38; y: parent.height * 0.15; spacing: 6
                        Repeater { model: 4; Rectangle { required property int index; width: (0.5 - index * 0.07) * parent.parent.width; height: 8; color: "#aab6bd"; radius: 3 } }
                    }
                    Rectangle {
                        visible: Identify.accessKind === AccessKind.Can
                        anchors.right: parent.right; anchors.bottom: parent.bottom; anchors.margins: 8
                        width: canLabel.implicitWidth + 16; height: canLabel.implicitHeight + 8
                        color: "transparent"; border.color: Theme.danger; border.width: 4; radius: 6
                        Text { id: canLabel; anchors.centerIn: parent; text: "123456"; font.family: "monospace"; font.pixelSize: Theme.smallSize; font.bold: true; color: "#222" }
                    }
                    Column {
                        visible: Identify.accessKind === AccessKind.Mrz
                        anchors.left: parent.left; anchors.right: parent.right; anchors.bottom: parent.bottom; anchors.margins: 8
                        Repeater {
                            model: ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<", "L898902C36UTO7408122F3404159"]
                            Text { required property string modelData; required property int index; text: modelData; font.family: "monospace"; font.pixelSize: (parent.width / 31) * 1.6; color: index === 1 ? Theme.danger : "#333"; font.bold: index === 1 }
                        }
                    }
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacing / 2
                    Body {
                        Layout.fillWidth: true
                        text: Identify.accessKind === AccessKind.Can
                            ? qsTr("Access number (CAN): the six digits at the bottom right of the front of your ID card.")
                            : qsTr("From the machine-readable zone or the data page: document number, date of birth and date of expiry.")
                    }
                    Body {
                        objectName: "accessProblem"
                        visible: text !== ""
                        text: Identify.accessProblem
                        color: Theme.danger
                        Layout.fillWidth: true
                    }
                    // Fields and button in one row, high on the screen: the on-screen keyboard
                    // opens below them and must not cover the button.
                    RowLayout {
                        Layout.fillWidth: true
                        spacing: Theme.spacing / 2
                        KTextField {
                            id: canInput
                            objectName: "canInput"
                            visible: Identify.accessKind === AccessKind.Can
                            Layout.fillWidth: true
                            placeholderText: "123456"
                            maximumLength: 6
                            onAccepted: Identify.submitCan(text)
                            inputMethodHints: Qt.ImhDigitsOnly | Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                        }
                        KTextField {
                            id: numberInput
                            objectName: "documentNumberInput"
                            visible: Identify.accessKind === AccessKind.Mrz
                            Layout.fillWidth: true
                            placeholderText: qsTr("Document number")
                            maximumLength: 9
                            onAccepted: birthInput.forceActiveFocus()
                            inputMethodHints: Qt.ImhUppercaseOnly | Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                        }
                        KTextField {
                            id: birthInput
                            objectName: "birthInput"
                            visible: Identify.accessKind === AccessKind.Mrz
                            Layout.fillWidth: true
                            placeholderText: qsTr("Date of birth (DD.MM.YYYY)")
                            onAccepted: expiryInput.forceActiveFocus()
                            inputMethodHints: Qt.ImhPreferNumbers | Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                        }
                        KTextField {
                            id: expiryInput
                            objectName: "expiryInput"
                            visible: Identify.accessKind === AccessKind.Mrz
                            Layout.fillWidth: true
                            placeholderText: qsTr("Valid until (DD.MM.YYYY)")
                            onAccepted: Identify.submitMrz(numberInput.text, birthInput.text, text)
                            inputMethodHints: Qt.ImhPreferNumbers | Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                        }
                        KButton {
                            objectName: "accessSubmitButton"
                            text: qsTr("Open the chip")
                            onClicked: Identify.accessKind === AccessKind.Can
                                ? Identify.submitCan(canInput.text)
                                : Identify.submitMrz(numberInput.text, birthInput.text, expiryInput.text)
                        }
                    }
                    KButton {
                        objectName: "useMrzButton"
                        visible: Identify.accessKind === AccessKind.Can
                        text: qsTr("No number on my card")
                        onClicked: Identify.useMrzInstead()
                    }
                }
            }
            // Confirmation: name, date of birth and photo from the chip.
            RowLayout {
                objectName: "confirmPanel"
                visible: Identify.state === IdentifyState.Confirm
                Layout.fillWidth: true
                spacing: Theme.spacing * 1.5
                Image {
                    objectName: "identityPhoto"
                    source: Identify.state === IdentifyState.Confirm ? Identify.identityPhotoUrl : ""
                    cache: false
                    fillMode: Image.PreserveAspectFit
                    Layout.preferredWidth: Theme.target * 2.6
                    Layout.preferredHeight: Theme.target * 3.4
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacing / 2
                    Heading { objectName: "identityName"; text: Identify.identityName; Layout.fillWidth: true }
                    Body { objectName: "identityBirth"; text: qsTr("Born on %1").arg(Identify.identityBirth) }
                    RowLayout {
                        spacing: Theme.spacing / 2
                        KButton { objectName: "confirmIdentityButton"; text: qsTr("Yes, that is me"); onClicked: Identify.confirmIdentity() }
                        KButton { objectName: "rejectIdentityButton"; text: qsTr("No"); onClicked: Identify.rejectIdentity() }
                    }
                }
            }
            // Demo mode only: the simulated reader ships with the product.
            Rectangle {
                visible: Demo.enabled
                Layout.fillWidth: true
                implicitHeight: demoColumn.implicitHeight + 2 * Theme.spacing
                radius: Theme.radius
                color: "transparent"
                border.color: Theme.border
                border.width: 2
                ColumnLayout {
                    id: demoColumn
                    anchors.fill: parent
                    anchors.margins: Theme.spacing
                    Body { text: qsTr("Demo: place a sample card on the simulated reader"); font.bold: true }
                    Body { objectName: "demoSampleAccess"; text: Demo.sampleAccess; color: Theme.muted; font.pixelSize: Theme.smallSize }
                    Flow {
                        Layout.fillWidth: true
                        spacing: Theme.spacing / 2
                        Repeater {
                            model: Demo.samples
                            KButton {
                                required property string modelData
                                objectName: "sampleCard_" + modelData
                                text: modelData === "erika" ? qsTr("Sample ID card (Erika Mustermann)")
                                    : modelData === "anna" ? qsTr("Sample passport (Anna Maria Eriksson)")
                                    : modelData === "broken" ? qsTr("Damaged card") : modelData
                                iconName: "card"
                                enabled: Identify.state !== IdentifyState.Reading && Identify.state !== IdentifyState.Confirm
                                onClicked: Demo.placeSampleCard(modelData)
                            }
                        }
                    }
                }
            }
            Item { Layout.fillHeight: true }
        }
        NavBar {
            Layout.fillWidth: true
            nextVisible: Identify.canSkip
            nextText: qsTr("Continue without ID card")
            nextObjectName: "skipIdentificationButton"
            onBackClicked: Navigation.back()
            onNextClicked: Identify.skipIdentification()
        }
    }
}
