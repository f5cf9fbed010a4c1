pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import PointOfPublic
import "../components"

// Everything on one page, the privacy notice, consent and send.
Item {
    objectName: "reviewScreen"
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
                Heading { text: qsTr("Please check your details"); Layout.fillWidth: true }
                Repeater {
                    model: Review.sections
                    Rectangle {
                        id: section
                        required property var modelData
                        Layout.fillWidth: true
                        implicitHeight: sectionColumn.implicitHeight + 2 * Theme.spacing
                        radius: Theme.radius
                        color: Theme.surface
                        border.color: Theme.border
                        ColumnLayout {
                            id: sectionColumn
                            anchors.fill: parent
                            anchors.margins: Theme.spacing
                            spacing: Theme.spacing / 3
                            RowLayout {
                                Layout.fillWidth: true
                                Text {
                                    text: section.modelData.title
                                    font.pixelSize: Theme.headingSize
                                    font.bold: true
                                    color: Theme.text
                                    wrapMode: Text.Wrap
                                    Layout.fillWidth: true
                                }
                                KButton {
                                    objectName: "editPage_" + section.modelData.pageIndex
                                    text: qsTr("Change")
                                    // Heard alone, "Change" would not say what it changes.
                                    Accessible.name: qsTr("Change: %1").arg(section.modelData.title)
                                    minHeight: Theme.smallTarget
                                    onClicked: Review.editPage(section.modelData.pageIndex)
                                }
                            }
                            Repeater {
                                model: section.modelData.items
                                RowLayout {
                                    id: item
                                    required property var modelData
                                    Layout.fillWidth: true
                                    spacing: Theme.spacing
                                    Text {
                                        text: item.modelData.label
                                        font.pixelSize: Theme.smallSize
                                        color: Theme.muted
                                        wrapMode: Text.Wrap
                                        Layout.preferredWidth: sectionColumn.width * 0.38
                                    }
                                    Text {
                                        // The citizen's data: read aloud into a headset only.
                                        readonly property bool personal: true
                                        text: item.modelData.value + (item.modelData.prefilled ? "  ✓ " + qsTr("from ID card") : "")
                                        font.pixelSize: Theme.bodySize
                                        color: Theme.text
                                        wrapMode: Text.Wrap
                                        Layout.fillWidth: true
                                    }
                                }
                            }
                        }
                    }
                }
                RowLayout {
                    visible: Photos.maximum > 0
                    Layout.fillWidth: true
                    Body {
                        text: qsTr("Photos: %1").arg(Photos.count)
                        Layout.fillWidth: true
                    }
                    KButton {
                        objectName: "editPhotos"
                        text: qsTr("Change")
                        Accessible.name: qsTr("Change the photos")
                        minHeight: Theme.smallTarget
                        onClicked: Review.editPhotos()
                    }
                }
                // The photos themselves, small: what will be sent.
                Flow {
                    visible: Photos.count > 0
                    Layout.fillWidth: true
                    Layout.preferredHeight: implicitHeight
                    spacing: Theme.spacing / 2
                    Repeater {
                        model: Photos.count
                        Image {
                            required property int index
                            objectName: "reviewPhoto_" + index
                            height: Theme.target * 1.6
                            width: height * 16 / 9
                            fillMode: Image.PreserveAspectFit
                            cache: false
                            source: "image://session/photo/" + index + "/" + Photos.revision
                        }
                    }
                }
                // The printer cannot print: the receipt can come by e-mail (optional).
                ColumnLayout {
                    objectName: "receiptEmailBox"
                    visible: Review.offersReceiptEmail
                    Layout.fillWidth: true
                    spacing: Theme.spacing / 2
                    Heading { text: qsTr("Receipt by e-mail (optional)"); font.pixelSize: Theme.headingSize }
                    Body {
                        text: qsTr("The printer is not working. If you like, the town hall sends your receipt to this address. It is used for nothing else.")
                        Layout.fillWidth: true
                    }
                    KTextField {
                        objectName: "receiptEmailInput"
                        Accessible.name: qsTr("Receipt by e-mail (optional)")
                        Layout.fillWidth: true
                        text: Review.receiptEmail
                        invalid: Review.receiptEmailInvalid
                        placeholderText: qsTr("name@example.org")
                        // Personal data: the keyboard must not learn it and offer it to the next citizen.
                        inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                                          | Qt.ImhEmailCharactersOnly | Qt.ImhNoAutoUppercase
                        onTextEdited: Review.setReceiptEmail(text)
                    }
                    Body {
                        objectName: "receiptEmailProblem"
                        visible: Review.receiptEmailInvalid
                        text: qsTr("This is not an e-mail address. Please check it, or leave the field empty.")
                        color: Theme.danger
                        font.bold: true
                        Layout.fillWidth: true
                    }
                }
                Heading { text: qsTr("Privacy"); font.pixelSize: Theme.headingSize }
                Body { objectName: "privacyNotice"; text: Review.privacyNotice; Layout.fillWidth: true
                       font.pixelSize: Theme.smallSize }
                Body {
                    objectName: "submitMessage"
                    visible: text !== ""
                    text: Review.submitMessage
                    color: Theme.danger
                    font.bold: true
                    Layout.fillWidth: true
                }
            }
        }
        // Consent stays on the screen right above "Send" (below a long review it was out of
        // sight, and "Send" disabled for no visible reason).
        Rectangle {
            objectName: "consentToggle"
            Layout.fillWidth: true
            Layout.leftMargin: Theme.spacing * 1.5
            Layout.rightMargin: Theme.spacing * 1.5
            Layout.topMargin: Theme.spacing / 2
            Layout.bottomMargin: Theme.spacing / 2
            implicitHeight: Math.max(Theme.target, consentText.implicitHeight + Theme.spacing)
            radius: Theme.radius
            color: Review.consent ? Theme.prefilled : Theme.surface
            border.color: activeFocus ? Theme.focus : Theme.accent
            Accessible.role: Accessible.CheckBox
            Accessible.checkable: true
            Accessible.checked: Review.consent
            Accessible.name: consentText.text
            Accessible.onPressAction: Review.setConsent(!Review.consent)
            Accessible.onToggleAction: Review.setConsent(!Review.consent)
            activeFocusOnTab: true   // (the keypad: ui/keypad.py)
            border.width: activeFocus ? 6 : 3
            RowLayout {
                anchors.fill: parent
                anchors.margins: Theme.spacing / 2
                spacing: Theme.spacing
                Rectangle {
                    implicitWidth: Theme.smallTarget
                    implicitHeight: Theme.smallTarget
                    radius: Theme.radius / 2
                    border.color: Theme.accent
                    border.width: 4
                    color: Review.consent ? Theme.accent : Theme.surface
                    Text {
                        anchors.centerIn: parent
                        text: "✓"
                        visible: Review.consent
                        color: Theme.accentText
                        font.pixelSize: Theme.headingSize
                        font.bold: true
                    }
                }
                Body {
                    id: consentText
                    text: qsTr("I have read the privacy notice and want to send my application.")
                    Layout.fillWidth: true
                }
            }
            MouseArea { anchors.fill: parent; onClicked: Review.setConsent(!Review.consent) }
        }
        NavBar {
            Layout.fillWidth: true
            nextHint: qsTr("To send, please tick the box above.")
            nextText: qsTr("Send")
            nextObjectName: "submitButton"
            nextEnabled: Review.consent
            onBackClicked: Navigation.back()
            onNextClicked: Review.submit()
        }
    }
}
