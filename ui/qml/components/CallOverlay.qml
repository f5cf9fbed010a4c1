pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import QtMultimedia
import PointOfPublic

// The video call to a clerk, laid over whatever screen the citizen is on (a side flow): the
// consent to camera and microphone, the queue, the call (the clerk large, the citizen's own
// picture small and mirrored, mute, camera off, hang up, text chat), and its end. Closing it
// returns to exactly the screen underneath.
Rectangle {
    id: overlay
    objectName: "callOverlay"
    visible: Call.active && Navigation.overlay === OverlayState.SideFlow
    anchors.fill: parent
    color: Theme.background
    z: 100
    onVisibleChanged: if (visible) { Qt.inputMethod.hide(); forceActiveFocus() } // qmllint disable missing-property
    MouseArea { anchors.fill: parent }

    readonly property bool inCall: Call.step === CallStep.InCall

    // --- before and after the call: one card in the middle -------------------------------
    Rectangle {
        visible: !overlay.inCall
        anchors.centerIn: parent
        width: Math.min(parent.width - 2 * Theme.spacing, Theme.target * 12)
        // As tall as its content, at most the screen (above the keyboard): then it scrolls.
        height: Math.min(card.implicitHeight + 2 * Theme.spacing * 1.5, parent.height - 2 * Theme.spacing)
        radius: Theme.radius
        color: Theme.surface
        border.color: Theme.accent
        border.width: 4
        clip: true
        Flickable {
            id: cardFlick
            objectName: "callCardFlick"
            anchors.fill: parent
            anchors.margins: Theme.spacing * 1.5
            contentWidth: width
            contentHeight: card.implicitHeight
            boundsBehavior: Flickable.StopAtBounds
            // Keeps a focused field in view (the keyboard takes the lower part of the screen).
            function reveal(item: Item): void {
                const top = item.mapToItem(card, 0, 0).y
                if (top < contentY)
                    contentY = Math.max(0, top - Theme.spacing)
                else if (top + item.height > contentY + height)
                    contentY = Math.min(contentHeight - height, top + item.height - height + Theme.spacing)
            }
        ColumnLayout {
            id: card
            width: cardFlick.width
            spacing: Theme.spacing
            Heading {
                objectName: "callTitle"
                Layout.fillWidth: true
                text: Call.step === CallStep.CallBack || Call.step === CallStep.CallBackSent
                      ? qsTr("Call back")
                    : Call.step === CallStep.Unavailable ? qsTr("Talk to a clerk")
                    : Call.step === CallStep.Ended ? qsTr("The call has ended")
                    : qsTr("Talk to the town hall")
            }
            Body {
                objectName: "callText"
                Layout.fillWidth: true
                text: {
                    switch (Call.step) {
                    case CallStep.Consent:
                        return qsTr("A clerk of the town hall will see and hear you, and see the form you are filling in (and the photo from your ID card, if it was read). Your camera and microphone are switched on for the call. Nothing is recorded.")
                    case CallStep.Connecting:
                        return qsTr("Connecting to the town hall …")
                    case CallStep.Waiting:
                        if (Call.callBackOffered)
                            return qsTr("Nobody at the town hall can take your call right now. You can ask to be called back, or wait.")
                        return Call.position <= 1
                            ? qsTr("You are next.")
                            : qsTr("You are number %1 in the queue.").arg(Call.position)
                    case CallStep.CallBack:
                        return qsTr("The town hall will call you back. Please give your phone number and what it is about.")
                    case CallStep.CallBackSent:
                        return qsTr("Thank you. The town hall will call you back. Your tracking number:")
                    case CallStep.Answered:
                        return qsTr("%1 is taking your call …").arg(Call.clerk)
                    case CallStep.Reconnecting:
                        return qsTr("The connection was interrupted. Reconnecting you to %1 …").arg(Call.clerk)
                    case CallStep.Ended:
                        if (Call.nobodyAnswered)
                            return qsTr("Nobody at the town hall could take your call in time. Your entries are kept.")
                        return Call.connectionLost
                            ? qsTr("The connection was lost. Your entries are kept.")
                            : qsTr("Your entries are kept. You can carry on where you were.")
                    default:
                        if (Call.nobodyAnswered)
                            return qsTr("The town hall has too many calls right now.")
                        return Call.noHub
                            ? qsTr("Video calls are not possible from this terminal.")
                            : qsTr("The town hall cannot be reached right now.")
                    }
                }
            }
            Text {
                objectName: "callBackCode"
                visible: Call.step === CallStep.CallBackSent
                text: Call.callBackCode
                font.pixelSize: Theme.hugeSize
                font.bold: true
                font.family: "DejaVu Sans Mono"
                color: Theme.text
                wrapMode: Text.NoWrap
                Layout.alignment: Qt.AlignHCenter
            }
            Body {
                objectName: "callWait"
                visible: Call.step === CallStep.Waiting && !Call.callBackOffered
                Layout.fillWidth: true
                text: Call.waitMinutes > 0
                      ? qsTr("Estimated wait: about %n minute(s).", "", Call.waitMinutes)
                      : qsTr("A clerk will be with you shortly.")
            }
            Text {
                objectName: "callPhone"
                visible: Call.step === CallStep.Unavailable && Kiosk.contactPhone !== ""
                text: Kiosk.contactPhone
                font.pixelSize: Theme.hugeSize
                font.bold: true
                color: Theme.text
                wrapMode: Text.WrapAnywhere
                Layout.fillWidth: true
            }
            Body {
                visible: (Call.step === CallStep.Unavailable || Call.callBackOffered
                          && Call.step === CallStep.Waiting) && Kiosk.contactHours !== ""
                text: qsTr("Hours: %1").arg(Kiosk.contactHours)
                Layout.fillWidth: true
            }
            // The call-back form: the catalogue's fields (a phone number, a text, a choice).
            Repeater {
                id: callBackForm
                model: Call.step === CallStep.CallBack ? Call.callBackFields : []
                readonly property var values: ({})
                delegate: ColumnLayout {
                    id: fieldItem
                    required property var modelData
                    Layout.fillWidth: true
                    spacing: Theme.spacing / 3
                    Body {
                        text: fieldItem.modelData.label
                        font.bold: true
                        Layout.fillWidth: true
                    }
                    KTextField {
                        objectName: "callBack_" + fieldItem.modelData.key
                        Accessible.name: fieldItem.modelData.label
                        visible: fieldItem.modelData.kind !== FieldKind.Choice
                        Layout.fillWidth: true
                        invalid: fieldItem.modelData.problem !== ""
                        inputMethodHints: fieldItem.modelData.kind === FieldKind.Phone ? Qt.ImhDialableCharactersOnly : Qt.ImhNone
                        onTextChanged: callBackForm.values[fieldItem.modelData.key] = text
                        onActiveFocusChanged: if (activeFocus) cardFlick.reveal(this)
                    }
                    RowLayout {
                        visible: fieldItem.modelData.kind === FieldKind.Choice
                        spacing: Theme.spacing / 2
                        Repeater {
                            model: fieldItem.modelData.choices
                            delegate: KButton {
                                id: choiceButton
                                required property var modelData
                                objectName: "callBack_" + fieldItem.modelData.key + "_" + modelData.value
                                text: modelData.label
                                checkable: true
                                autoExclusive: true
                                primary: checked
                                onClicked: callBackForm.values[fieldItem.modelData.key] = choiceButton.modelData.value
                            }
                        }
                    }
                    Body {
                        objectName: "callBackProblem_" + fieldItem.modelData.key
                        visible: fieldItem.modelData.problem !== ""
                        text: fieldItem.modelData.problem
                        color: Theme.danger
                        Layout.fillWidth: true
                    }
                }
            }
            Body {
                visible: Call.step === CallStep.CallBack && Call.callBackFailed
                text: qsTr("Your request could not be stored. Please try again.")
                color: Theme.danger
                Layout.fillWidth: true
            }
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.spacing
                KButton {
                    objectName: "callBackAskButton"
                    visible: Call.callBackOffered
                             && (Call.step === CallStep.Waiting || Call.step === CallStep.Unavailable
                                 || Call.step === CallStep.Ended)
                    text: qsTr("Ask for a call back")
                    primary: true
                    Layout.fillWidth: true
                    onClicked: Call.askCallBack()
                }
                KButton {
                    objectName: "callBackSendButton"
                    visible: Call.step === CallStep.CallBack
                    text: qsTr("Send the request")
                    primary: true
                    Layout.fillWidth: true
                    onClicked: Call.sendCallBack(callBackForm.values)
                }
                KButton {
                    objectName: "callConsentButton"
                    visible: Call.step === CallStep.Consent
                    text: qsTr("Start the call")
                    primary: true
                    Layout.fillWidth: true
                    onClicked: Call.consent()
                }
                KButton {
                    objectName: "callCancelButton"
                    visible: Call.step === CallStep.Connecting || Call.step === CallStep.Waiting
                             || Call.step === CallStep.Answered || Call.step === CallStep.Reconnecting
                    text: qsTr("Cancel the call")
                    danger: true
                    Layout.fillWidth: true
                    onClicked: Call.hangUp()
                }
                KButton {
                    objectName: "callBackButton"
                    visible: Call.step === CallStep.Consent || Call.step === CallStep.Ended
                             || Call.step === CallStep.Unavailable || Call.step === CallStep.CallBack
                             || Call.step === CallStep.CallBackSent
                    text: Call.step === CallStep.Consent || Call.step === CallStep.CallBack
                          ? qsTr("Back") : qsTr("Back to where I was")
                    primary: Call.step !== CallStep.Consent && Call.step !== CallStep.CallBack
                    Layout.fillWidth: true
                    onClicked: Call.close()
                }
            }
        }
        }
    }

    // --- in the call ----------------------------------------------------------------------
    RowLayout {
        visible: overlay.inCall
        anchors.fill: parent
        anchors.margins: Theme.spacing
        spacing: Theme.spacing

        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.spacing
            Rectangle {
                Layout.fillWidth: true
                Layout.fillHeight: true
                color: "#202020"
                radius: Theme.radius
                clip: true
                VideoOutput {
                    id: clerkVideo
                    objectName: "clerkVideo"
                    anchors.fill: parent
                    fillMode: VideoOutput.PreserveAspectFit
                    // (not while docked: the dock shows the clerk then)
                    readonly property bool feeding: overlay.inCall && overlay.visible
                    function follow(): void {
                        if (feeding)
                            Call.attachClerk(clerkVideo.videoSink)
                        else
                            Call.detachClerk(clerkVideo.videoSink)
                    }
                    onFeedingChanged: follow()
                    Component.onCompleted: follow()
                    Component.onDestruction: Call.detachClerk(clerkVideo.videoSink)
                }
                Text {
                    anchors.left: parent.left
                    anchors.bottom: parent.bottom
                    anchors.margins: Theme.spacing / 2
                    text: Call.clerk
                    textFormat: Text.PlainText
                    color: "white"
                    font.pixelSize: Theme.bodySize
                    style: Text.Outline
                    styleColor: "black"
                }
                CameraPreview {
                    objectName: "ownPicture"
                    // (not beside the document's preview: one picture of the camera at a time)
                    visible: overlay.inCall && Call.cameraOn && !Call.documentWanted
                    mirrored: true
                    anchors.right: parent.right
                    anchors.top: parent.top
                    anchors.margins: Theme.spacing / 2
                    width: parent.width / 4
                    height: width * 3 / 4
                }
            }
            // The clerk asks for a photo of the ID document: the citizen holds it to the camera
            // (the picture the right way round) and sends it, or says no.
            Rectangle {
                objectName: "documentPanel"
                visible: overlay.inCall && Call.documentWanted
                id: documentPanel
                readonly property real previewHeight: overlay.height * 0.34
                Layout.fillWidth: true
                Layout.preferredHeight: Math.max(previewHeight, documentColumn.implicitHeight) + Theme.spacing
                radius: Theme.radius
                color: Theme.surface
                border.color: Theme.accent
                border.width: 3
                RowLayout {
                    anchors.fill: parent
                    anchors.margins: Theme.spacing / 2
                    spacing: Theme.spacing / 2
                    CameraPreview {
                        // Sized from the overlay, never from its own layout (a size that
                        // follows itself through a layout polishes for ever).
                        objectName: "documentPreview"
                        mirrored: false
                        Layout.preferredHeight: documentPanel.previewHeight
                        Layout.preferredWidth: documentPanel.previewHeight * 4 / 3
                        Layout.alignment: Qt.AlignTop
                    }
                    ColumnLayout {
                        id: documentColumn
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        spacing: Theme.spacing / 2
                        Body {
                            objectName: "documentText"
                            Layout.fillWidth: true
                            Layout.preferredWidth: 0
                            text: Call.documentFailed
                                  ? qsTr("The camera gave no picture. Please try again.")
                                  : qsTr("The town hall asks for a photo of your ID card or passport. Hold the side with your photo to the camera, then send it. It goes only to the clerk and is not stored.")
                            color: Call.documentFailed ? Theme.danger : Theme.text
                        }
                        Item { Layout.fillHeight: true }
                        KButton {
                            objectName: "demoHoldPassportInCall"
                            visible: Demo.enabled && Demo.camera
                            text: qsTr("Demo: hold up the sample passport")
                            Layout.fillWidth: true
                            onClicked: Demo.holdPassport("anna")
                        }
                        RowLayout {
                            Layout.fillWidth: true
                            spacing: Theme.spacing / 2
                            KButton {
                                objectName: "sendDocumentButton"
                                text: Call.documentTaking ? qsTr("Sending …") : qsTr("Send the photo")
                                enabled: !Call.documentTaking
                                primary: true
                                Layout.fillWidth: true
                                onClicked: Call.sendDocument()
                            }
                            KButton {
                                objectName: "declineDocumentButton"
                                text: qsTr("Do not send")
                                enabled: !Call.documentTaking
                                Layout.fillWidth: true
                                onClicked: Call.declineDocument()
                            }
                        }
                    }
                }
            }
            Body {
                objectName: "documentSentNotice"
                visible: overlay.inCall && Call.documentSent
                text: qsTr("✓ The photo of your ID has been sent to the town hall.")
                color: Theme.success
                Layout.fillWidth: true
                Layout.preferredWidth: 0
            }
            Body {
                objectName: "soundMissingNotice"
                visible: overlay.inCall && Call.soundMissing
                text: qsTr("The sound is not working at this terminal. Please write to the town hall below; they can still see you.")
                color: Theme.danger
                Layout.fillWidth: true
                Layout.preferredWidth: 0 // wraps in the column's width, never widens it
            }
            Body {
                objectName: "identityConfirmedNotice"
                visible: Call.identityConfirmed
                text: qsTr("✓ The town hall has confirmed who you are. It goes with your application.")
                color: Theme.success
                Layout.fillWidth: true
                Layout.preferredWidth: 0 // wraps in the column's width, never widens it
            }
            // What the clerk suggests for the form: shown marked, taken or left by the citizen.
            Repeater {
                model: Call.suggestions
                delegate: Rectangle {
                    id: suggestion
                    required property var modelData
                    objectName: "suggestion_" + modelData.key
                    Layout.fillWidth: true
                    implicitHeight: suggestionRow.implicitHeight + Theme.spacing
                    radius: Theme.radius
                    color: Theme.prefilled
                    border.color: Theme.accent
                    border.width: 3
                    RowLayout {
                        id: suggestionRow
                        anchors.fill: parent
                        anchors.margins: Theme.spacing / 2
                        spacing: Theme.spacing / 2
                        Body {
                            // One pass over the template: arg() would also replace a "%3" that
                            // the clerk's text brought along, and show what is not stored.
                            function fill(template: string, values: list<string>): string {
                                return template.replace(/%([1-3])/g, (found, n) => values[Number(n) - 1])
                            }
                            objectName: "suggestionText_" + suggestion.modelData.key
                            Layout.fillWidth: true
                            text: fill(suggestion.modelData.current === ""
                                       ? qsTr("The town hall suggests for “%1”: %2")
                                       : qsTr("The town hall suggests for “%1”: %2 (now: %3)"),
                                       [suggestion.modelData.label, suggestion.modelData.suggested,
                                        suggestion.modelData.current])
                        }
                        KButton {
                            objectName: "takeSuggestion_" + suggestion.modelData.key
                            text: qsTr("Take it")
                            onClicked: Call.answerSuggestion(suggestion.modelData.key, true)
                        }
                        KButton {
                            objectName: "leaveSuggestion_" + suggestion.modelData.key
                            text: qsTr("Keep mine")
                            onClicked: Call.answerSuggestion(suggestion.modelData.key, false)
                        }
                    }
                }
            }
            // What the clerk sent to the printer, and whether it came out.
            Rectangle {
                objectName: "printNotice"
                visible: Call.printout !== ""
                Layout.fillWidth: true
                implicitHeight: printText.implicitHeight + Theme.spacing
                radius: Theme.radius
                color: Theme.surface
                border.color: Call.printFailed ? Theme.danger : Theme.accent
                border.width: 3
                Body {
                    id: printText
                    objectName: "printNoticeText"
                    anchors.fill: parent
                    anchors.margins: Theme.spacing / 2
                    text: Call.printFailed
                          ? qsTr("The printer could not print “%1”. The clerk has been told.").arg(Call.printout)
                          : Call.printing
                            ? qsTr("The town hall is printing “%1” for you …").arg(Call.printout)
                            : qsTr("Please take “%1” from the printer.").arg(Call.printout)
                }
            }
            // Wrapped rather than cut off where the buttons' words are long (portrait, Russian).
            Flow {
                Layout.fillWidth: true
                spacing: Theme.spacing
                Text {
                    objectName: "cameraOnIndicator"
                    text: Call.cameraOn ? qsTr("● Camera on") : qsTr("Camera off")
                    color: Call.cameraOn ? Theme.danger : Theme.muted
                    font.pixelSize: Theme.bodySize
                    font.bold: true
                    height: Theme.target
                    verticalAlignment: Text.AlignVCenter
                }
                KButton {
                    objectName: "callMuteButton"
                    text: Call.muted ? qsTr("Microphone on", "button: turns it on") : qsTr("Microphone off", "button: turns it off")
                    onClicked: Call.setMuted(!Call.muted)
                }
                KButton {
                    objectName: "callCameraButton"
                    text: Call.cameraOn ? qsTr("Camera off", "button: turns it off") : qsTr("Camera on", "button: turns it on")
                    onClicked: Call.setCamera(!Call.cameraOn)
                }
                KButton {
                    // The clerk stays small beside the screen while the citizen works on it.
                    objectName: "callDockButton"
                    text: qsTr("Make the call small")
                    onClicked: Call.dock()
                }
                KButton {
                    objectName: "callHangUpButton"
                    text: qsTr("Hang up")
                    danger: true
                    onClicked: Call.hangUp()
                }
            }
        }

        // The text chat, for citizens who cannot hear or speak (EN 301 549 clause 6).
        ColumnLayout {
            Layout.preferredWidth: overlay.width / 3
            Layout.fillHeight: true
            spacing: Theme.spacing / 2
            Heading {
                text: qsTr("Messages")
                Layout.fillWidth: true
            }
            Rectangle {
                Layout.fillWidth: true
                Layout.fillHeight: true
                color: Theme.surface
                radius: Theme.radius
                ListView {
                    id: chatList
                    objectName: "callChat"
                    anchors.fill: parent
                    anchors.margins: Theme.spacing / 2
                    clip: true
                    spacing: Theme.spacing / 3
                    model: Call.chat
                    onCountChanged: chatList.positionViewAtEnd()
                    delegate: Body {
                        required property var modelData
                        width: chatList.width
                        text: (modelData.fromCitizen ? qsTr("You: ") : qsTr("Town hall: ")) + modelData.text
                        color: modelData.fromCitizen ? Theme.text : Theme.accent
                    }
                }
            }
            KTextField {
                id: chatInput
                objectName: "callChatInput"
                Accessible.name: qsTr("Write a message")
                Layout.fillWidth: true
                placeholderText: qsTr("Write a message")
                maximumLength: 500
                onAccepted: send()
                function send(): void {
                    Call.sendChat(chatInput.text)
                    chatInput.text = ""
                }
            }
            KButton {
                objectName: "callChatSend"
                text: qsTr("Send")
                primary: true
                Layout.fillWidth: true
                enabled: chatInput.text.trim() !== ""
                onClicked: chatInput.send()
            }
        }
    }
}
