import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PointOfPublic
import "../components"

// Place the ID card on the reader; the chip fills the form.
Item {
    id: identify
    objectName: "identifyScreen"
    readonly property bool passport: Identify.accessKind === AccessKind.Mrz
    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        // Scrolls when larger text, the confirmation or the keyboard need more room, so the
        // bar with "Back" and "Continue without ID card" always stays on the screen.
        Flickable {
            id: flick
            objectName: "identifyFlickable"
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentHeight: body.implicitHeight + 3 * Theme.spacing
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            // The field being typed into stays in view, also when the keyboard slides in.
            function showFocusedField() {
                let item = Window.activeFocusItem
                let node = item
                while (node && node !== contentItem)
                    node = node.parent
                if (!node)
                    return
                // The field with its label (the labels of its row), else at least the field.
                const fieldTop = item.mapToItem(contentItem, 0, 0).y
                const bottom = fieldTop + item.height + Theme.spacing / 2
                const rowTop = accessFields.visible
                    ? accessFields.mapToItem(contentItem, 0, 0).y - Theme.spacing / 2 : fieldTop
                const top = bottom - rowTop <= height ? rowTop : fieldTop - Theme.spacing / 2
                // As little scrolling as possible: only until the part is in view.
                const wanted = Math.min(Math.max(contentY, bottom - height), top)
                contentY = Math.max(0, Math.min(wanted, contentHeight - height))
            }
            // The keyboard slid in. (The page no longer hides its heading while the citizen
            // types: it scrolls, and a layout that jumps under the finger confuses.)
            // After the layouts have settled (Qt.callLater): measured before, a panel that
            // has just appeared is still short and the clamp below scrolls too little, and
            // the field stays under the bar (seen for the second citizen in a row).
            onHeightChanged: Qt.callLater(showFocusedField)
            onContentHeightChanged: Qt.callLater(showFocusedField)
            Connections {
                target: flick.Window.window
                function onActiveFocusItemChanged() { Qt.callLater(flick.showFocusedField) }
            }
        ColumnLayout {
            id: body
            x: Theme.spacing * 1.5
            y: Theme.spacing * 1.5
            width: flick.width - 3 * Theme.spacing
            spacing: Theme.spacing
            Heading {
                text: qsTr("Please place your ID card or passport on the reader")
                Layout.fillWidth: true
            }
            RowLayout {
                spacing: Theme.spacing * 1.5
                Layout.fillWidth: true
                Icon { name: "card"; size: Theme.target * 2.2 }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: Theme.spacing / 2
                    Body {
                        objectName: "identifyStatus"
                        // Read with the heading at every step (the card found, read, refused).
                        readonly property bool readOnShow: true
                        Layout.fillWidth: true
                        font.bold: true
                        text: Identify.state === IdentifyState.Reading ? (identify.passport
                                ? qsTr("Reading your passport or ID card … please leave it on the reader.")
                                : qsTr("Reading your card … please leave it on the reader."))
                            : Identify.state === IdentifyState.Access ? (identify.passport
                                ? qsTr("Your passport or ID card is on the reader. To open its chip, please enter three values printed on it.")
                                : qsTr("Your card is on the reader. To open its chip, please enter the number printed on it."))
                            : Identify.state === IdentifyState.Confirm ? (identify.passport
                                ? qsTr("Your passport or ID card has been read. Is this you?")
                                : qsTr("Your card has been read. Is this you?"))
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
            GridLayout {
                id: accessPanel
                objectName: "accessPanel"
                // The specimen beside the fields, or above them where that leaves them too narrow.
                columns: body.width > Theme.target * 14 ? 2 : 1
                columnSpacing: Theme.spacing * 1.5
                rowSpacing: Theme.spacing / 2
                visible: Identify.state === IdentifyState.Access
                // Typed and sent: close the keyboard, or it covers the confirmation below.
                onVisibleChanged: if (!visible) Qt.inputMethod.hide() // qmllint disable missing-property
                Layout.fillWidth: true
                // Specimen: the front of an ID card with the CAN marked, or a passport's MRZ.
                // ID-1 proportions, small enough to stay above the on-screen keyboard.
                Rectangle {
                    objectName: "accessSpecimen"
                    Layout.alignment: Qt.AlignTop
                    // A picture of the real document: never mirrored (in Arabic too, the number
                    // is where it is printed).
                    // Its colours are the document's, the same in every colour scheme: the
                    // marking is a dark red, 6.5:1 on the card's green (high contrast's light
                    // red was 2:1 on it).
                    LayoutMirroring.enabled: false
                    LayoutMirroring.childrenInherit: true
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
                        color: "transparent"; border.color: "#a4000f"; border.width: 4; radius: 6
                        Text { id: canLabel; anchors.centerIn: parent; text: "123456"; font.family: "monospace"; font.pixelSize: Theme.smallSize; font.bold: true; color: "#222" }
                    }
                    Column {
                        visible: Identify.accessKind === AccessKind.Mrz
                        anchors.left: parent.left; anchors.right: parent.right; anchors.bottom: parent.bottom; anchors.margins: 8
                        Repeater {
                            model: ["P<UTOERIKSSON<<ANNA<MARIA<<<<<<", "L898902C36UTO7408122F3404159"]
                            Text { required property string modelData; required property int index; text: modelData; font.family: "monospace"; font.pixelSize: (parent.width / 31) * 1.6; color: index === 1 ? "#a4000f" : "#333"; font.bold: index === 1 }
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
                            : qsTr("On the photo page of your passport (on an ID card: its back), also in the lines of letters at the bottom: the document number, your date of birth and the date of expiry.")
                    }
                    Body {
                        objectName: "accessProblem"
                        visible: text !== ""
                        text: Identify.accessProblem
                        color: Theme.danger
                        Layout.fillWidth: true
                    }
                    // Fields and button high on the screen, each field with its label above it (a
                    // grey example inside a field looks as if it were typed): the on-screen keyboard
                    // opens below them and must not cover the button.
                    GridLayout {
                        id: accessFields
                        Layout.fillWidth: true
                        columns: identify.passport ? (width > Theme.target * 11 ? 4 : 2) : 2
                        columnSpacing: Theme.spacing / 2
                        rowSpacing: Theme.spacing / 3
                        flow: GridLayout.LeftToRight
                        component AccessLabel: Text {
                            font.pixelSize: Theme.smallSize
                            font.bold: true
                            color: Theme.text
                            wrapMode: Text.WordWrap
                            Layout.fillWidth: true
                            Layout.alignment: Qt.AlignBottom
                        }
                        // Labels row, then fields row (the button beside the last field).
                        AccessLabel {
                            visible: !identify.passport
                            text: qsTr("Access number (6 digits)")
                            Layout.fillWidth: false   // the button right beside the six digits
                            Layout.preferredWidth: canInput.width
                        }
                        AccessLabel { visible: identify.passport; text: qsTr("Passport or card number") }
                        AccessLabel { visible: identify.passport; text: qsTr("Date of birth (DD.MM.YYYY)") }
                        AccessLabel { visible: identify.passport && accessFields.columns === 4; text: qsTr("Valid until (DD.MM.YYYY)") }
                        Item { visible: !identify.passport || accessFields.columns === 4; implicitWidth: 1; implicitHeight: 1 }
                        KTextField {
                            id: canInput
                            objectName: "canInput"
                            masked: true
                            visible: !identify.passport
                            Layout.preferredWidth: Theme.target * 4   // six digits
                            maximumLength: 6
                            onAccepted: Identify.submitCan(text)
                            inputMethodHints: Qt.ImhDigitsOnly | Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                            Accessible.name: qsTr("Access number (6 digits)")
                        }
                        KTextField {
                            id: numberInput
                            objectName: "documentNumberInput"
                            masked: true
                            visible: identify.passport
                            Layout.fillWidth: true
                            Layout.preferredWidth: Theme.target * 3
                            maximumLength: 9
                            onAccepted: birthInput.forceActiveFocus()
                            inputMethodHints: Qt.ImhUppercaseOnly | Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                            Accessible.name: qsTr("Passport or card number")
                        }
                        KTextField {
                            id: birthInput
                            objectName: "birthInput"
                            masked: true
                            visible: identify.passport
                            Layout.fillWidth: true
                            Layout.preferredWidth: Theme.target * 3
                            onAccepted: expiryInput.forceActiveFocus()
                            dateInput: true
                            onTextEdited: formatDate()
                            inputMethodHints: Qt.ImhDigitsOnly | Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                            Accessible.name: qsTr("Date of birth (DD.MM.YYYY)")
                        }
                        AccessLabel { visible: identify.passport && accessFields.columns === 2; text: qsTr("Valid until (DD.MM.YYYY)") }
                        Item { visible: identify.passport && accessFields.columns === 2; implicitWidth: 1; implicitHeight: 1 }
                        KTextField {
                            id: expiryInput
                            objectName: "expiryInput"
                            masked: true
                            visible: identify.passport
                            Layout.fillWidth: true
                            Layout.preferredWidth: Theme.target * 3
                            onAccepted: Identify.submitMrz(numberInput.text, birthInput.text, text)
                            dateInput: true
                            onTextEdited: formatDate()
                            inputMethodHints: Qt.ImhDigitsOnly | Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                            Accessible.name: qsTr("Valid until (DD.MM.YYYY)")
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
                    // The photo page under the camera instead of typing: its MRZ is read, and
                    // used only when every check digit holds.
                    KButton {
                        objectName: "mrzCameraButton"
                        visible: Identify.canScanMrz && Preview.live && !Identify.mrzScanning
                        text: qsTr("Read the photo page with the camera")
                        iconName: "camera"
                        onClicked: Identify.scanMrz()
                    }
                    Body {
                        objectName: "mrzScanProblem"
                        visible: text !== ""
                        color: Theme.danger
                        Layout.fillWidth: true
                        text: Identify.mrzScanProblem === ScanState.NothingFound
                              ? qsTr("The lines of letters could not be read. Try again, or type the three values.")
                              : Identify.mrzScanProblem === ScanState.CameraUnavailable
                              ? qsTr("The camera is not available right now. Please type the three values.")
                              : ""
                    }
                    RowLayout {
                        objectName: "mrzScanPanel"
                        visible: Identify.mrzScanning
                        Layout.fillWidth: true
                        spacing: Theme.spacing
                        Loader {
                            active: Identify.mrzScanning
                            source: "../components/CameraPreview.qml"
                            Layout.preferredWidth: Theme.target * 4
                            Layout.preferredHeight: Layout.preferredWidth * 9 / 16
                            Layout.alignment: Qt.AlignTop
                        }
                        ColumnLayout {
                            Layout.fillWidth: true
                            Layout.alignment: Qt.AlignTop
                            spacing: Theme.spacing / 2
                            Body {
                                text: qsTr("Hold the photo page of your passport under the camera, with the lines of letters at the bottom fully in view.")
                                Layout.fillWidth: true
                            }
                            KButton {
                                objectName: "mrzStopButton"
                                text: qsTr("Type the values instead")
                                onClicked: Identify.stopMrzScan()
                            }
                            KButton {
                                objectName: "demoHoldPassport"
                                visible: Demo.camera
                                text: qsTr("Demo: hold up the sample passport")
                                minHeight: Theme.smallTarget
                                onClicked: Demo.holdPassport("anna")
                            }
                        }
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
                    // What the chip gave: read aloud into a headset only.
                    Heading { objectName: "identityName"; readonly property bool personal: true; text: Identify.identityName; Layout.fillWidth: true }
                    Body { objectName: "identityBirth"; readonly property bool personal: true; text: qsTr("Born on %1").arg(Identify.identityBirth) }
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
                    Body { text: qsTr("Demo: place a sample card on the simulated reader"); font.bold: true; Layout.fillWidth: true }
                    Body { objectName: "demoSampleAccess"; text: Demo.sampleAccess; color: Theme.muted; font.pixelSize: Theme.smallSize; Layout.fillWidth: true }
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
                                // Wrapped rather than wider than the page (long languages, larger text).
                                width: Math.min(implicitWidth, parent.width)
                                enabled: Identify.state !== IdentifyState.Reading && Identify.state !== IdentifyState.Confirm
                                onClicked: Demo.placeSampleCard(modelData)
                            }
                        }
                    }
                }
            }
        }
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
