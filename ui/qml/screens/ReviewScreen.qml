import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
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
            contentHeight: body.implicitHeight + 3 * theme.spacing
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            ColumnLayout {
                id: body
                x: theme.spacing * 1.5
                y: theme.spacing * 1.5
                width: flick.width - 3 * theme.spacing
                spacing: theme.spacing
                Heading { text: qsTr("Please check your details"); Layout.fillWidth: true }
                Repeater {
                    model: session.reviewSections
                    Rectangle {
                        id: section
                        required property var modelData
                        Layout.fillWidth: true
                        implicitHeight: sectionColumn.implicitHeight + 2 * theme.spacing
                        radius: theme.radius
                        color: theme.surface
                        border.color: theme.border
                        ColumnLayout {
                            id: sectionColumn
                            anchors.fill: parent
                            anchors.margins: theme.spacing
                            spacing: theme.spacing / 3
                            RowLayout {
                                Layout.fillWidth: true
                                Text {
                                    text: section.modelData.title
                                    font.pixelSize: theme.headingSize
                                    font.bold: true
                                    color: theme.text
                                    wrapMode: Text.Wrap
                                    Layout.fillWidth: true
                                }
                                KButton {
                                    objectName: "editPage_" + section.modelData.pageIndex
                                    text: qsTr("Change")
                                    minHeight: theme.smallTarget
                                    onClicked: session.editPage(section.modelData.pageIndex)
                                }
                            }
                            Repeater {
                                model: section.modelData.items
                                RowLayout {
                                    required property var modelData
                                    Layout.fillWidth: true
                                    spacing: theme.spacing
                                    Text {
                                        text: modelData.label
                                        font.pixelSize: theme.smallSize
                                        color: theme.muted
                                        wrapMode: Text.Wrap
                                        Layout.preferredWidth: sectionColumn.width * 0.38
                                    }
                                    Text {
                                        text: modelData.value + (modelData.prefilled ? "  ✓ " + qsTr("from ID card") : "")
                                        font.pixelSize: theme.bodySize
                                        color: theme.text
                                        wrapMode: Text.Wrap
                                        Layout.fillWidth: true
                                    }
                                }
                            }
                        }
                    }
                }
                RowLayout {
                    visible: session.photoMax > 0
                    Layout.fillWidth: true
                    Body {
                        text: qsTr("Photos: %1").arg(session.photoCount)
                        Layout.fillWidth: true
                    }
                    KButton {
                        objectName: "editPhotos"
                        text: qsTr("Change")
                        minHeight: theme.smallTarget
                        onClicked: session.editPhotos()
                    }
                }
                // The printer cannot print: the receipt can come by e-mail (optional).
                ColumnLayout {
                    objectName: "receiptEmailBox"
                    visible: session.offersReceiptEmail
                    Layout.fillWidth: true
                    spacing: theme.spacing / 2
                    Heading { text: qsTr("Receipt by e-mail (optional)"); font.pixelSize: theme.headingSize }
                    Body {
                        text: qsTr("The printer is not working. If you like, the town hall sends your receipt to this address. It is used for nothing else.")
                        Layout.fillWidth: true
                    }
                    KTextField {
                        objectName: "receiptEmailInput"
                        Layout.fillWidth: true
                        text: session.receiptEmail
                        invalid: session.receiptEmailInvalid
                        placeholderText: qsTr("name@example.org")
                        // Personal data: the keyboard must not learn it and offer it to the next citizen.
                        inputMethodHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
                                          | Qt.ImhEmailCharactersOnly | Qt.ImhNoAutoUppercase
                        onTextEdited: session.setReceiptEmail(text)
                    }
                    Body {
                        objectName: "receiptEmailProblem"
                        visible: session.receiptEmailInvalid
                        text: qsTr("This is not an e-mail address. Please check it, or leave the field empty.")
                        color: theme.danger
                        font.bold: true
                        Layout.fillWidth: true
                    }
                }
                Heading { text: qsTr("Privacy"); font.pixelSize: theme.headingSize }
                Body { objectName: "privacyNotice"; text: session.privacyNotice; Layout.fillWidth: true
                       font.pixelSize: theme.smallSize }
                Body {
                    objectName: "submitMessage"
                    visible: text !== ""
                    text: session.submitMessage
                    color: theme.danger
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
            Layout.leftMargin: theme.spacing * 1.5
            Layout.rightMargin: theme.spacing * 1.5
            Layout.topMargin: theme.spacing / 2
            Layout.bottomMargin: theme.spacing / 2
            implicitHeight: Math.max(theme.target, consentText.implicitHeight + theme.spacing)
            radius: theme.radius
            color: session.consent ? theme.prefilled : theme.surface
            border.color: theme.accent
            border.width: 3
            Accessible.role: Accessible.CheckBox
            Accessible.checked: session.consent
            Accessible.name: consentText.text
            RowLayout {
                anchors.fill: parent
                anchors.margins: theme.spacing / 2
                spacing: theme.spacing
                Rectangle {
                    implicitWidth: theme.smallTarget
                    implicitHeight: theme.smallTarget
                    radius: theme.radius / 2
                    border.color: theme.accent
                    border.width: 4
                    color: session.consent ? theme.accent : theme.surface
                    Text {
                        anchors.centerIn: parent
                        text: "✓"
                        visible: session.consent
                        color: theme.accentText
                        font.pixelSize: theme.headingSize
                        font.bold: true
                    }
                }
                Body {
                    id: consentText
                    text: qsTr("I have read the privacy notice and want to send my application.")
                    Layout.fillWidth: true
                }
            }
            MouseArea { anchors.fill: parent; onClicked: session.setConsent(!session.consent) }
        }
        NavBar {
            Layout.fillWidth: true
            nextHint: qsTr("To send, please tick the box above.")
            nextText: qsTr("Send")
            nextObjectName: "submitButton"
            nextEnabled: session.consent
            onBackClicked: session.back()
            onNextClicked: session.submit()
        }
    }
}
