pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PointOfPublic

// One catalogue field: label, help, the editor for its kind, and the problem in plain words.
ColumnLayout {
    id: editor
    required property string key
    required property int kind
    required property string label
    required property string help
    required property string value
    required property var parts
    required property bool required
    required property bool prefilled
    required property bool fromClerk
    required property string problem
    required property string problemPart
    required property var choices
    required property bool scannable
    readonly property int privateHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
    objectName: "field_" + key
    spacing: Theme.spacing / 3

    // Puts the cursor where the problem is; kinds without typing close the keyboard.
    function focusInput() {
        const input = kindEditor.item
        if (!editor.prefilled && input && input.focusPart) // qmllint disable missing-property
            input.focusPart(editor.problemPart) // qmllint disable missing-property
        else
            Qt.inputMethod.hide() // qmllint disable missing-property
    }

    // The badge beside the label, or below it when the label's longest word would not fit
    // beside it (a long badge in Russian with larger text).
    GridLayout {
        id: labelRow
        Layout.fillWidth: true
        columnSpacing: Theme.spacing / 2
        rowSpacing: Theme.spacing / 3
        readonly property real badgeWidth: Math.max(clerkBadgeBox.visible ? clerkBadgeBox.implicitWidth : 0,
                                                    prefilledBadgeBox.visible ? prefilledBadgeBox.implicitWidth : 0)
        readonly property real longestWord: {
            let widest = 0
            for (const word of labelText.text.split(/[\s\/-]+/))
                widest = Math.max(widest, labelMetrics.advanceWidth(word))
            return Math.ceil(widest)
        }
        columns: width - badgeWidth - columnSpacing >= longestWord ? 3 : 1
        FontMetrics { id: labelMetrics; font: labelText.font }
        Text {
            id: labelText
            text: editor.label + (editor.required ? " *" : "")
            font.pixelSize: Theme.bodySize
            font.bold: true
            color: Theme.text
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Rectangle {
            // Taken from what the town hall suggested in a call.
            id: clerkBadgeBox
            objectName: "fromClerkBadge_" + editor.key
            visible: editor.fromClerk && !editor.prefilled
            color: Theme.prefilled
            border.color: Theme.accent
            radius: Theme.radius / 2
            implicitWidth: clerkBadge.implicitWidth + Theme.spacing
            implicitHeight: clerkBadge.implicitHeight + Theme.spacing / 3
            Text {
                id: clerkBadge
                anchors.centerIn: parent
                text: qsTr("Added by the town hall")
                font.pixelSize: Theme.smallSize
                color: Theme.text
            }
        }
        Rectangle {
            id: prefilledBadgeBox
            objectName: "prefilledBadge_" + editor.key
            visible: editor.prefilled
            color: Theme.prefilled
            border.color: Theme.accent
            radius: Theme.radius / 2
            implicitWidth: badgeRow.implicitWidth + Theme.spacing
            implicitHeight: badgeRow.implicitHeight + Theme.spacing / 3
            Row {
                id: badgeRow
                anchors.centerIn: parent
                spacing: Theme.spacing / 3
                Icon { name: "card"; size: Theme.smallSize * 1.3; anchors.verticalCenter: parent.verticalCenter }
                Text {
                    text: qsTr("From your ID card")
                    font.pixelSize: Theme.smallSize
                    color: Theme.text
                    anchors.verticalCenter: parent.verticalCenter
                }
            }
        }
    }
    Text {
        visible: editor.help !== ""
        text: editor.help
        font.pixelSize: Theme.smallSize
        color: Theme.muted
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }

    // The editor for the field's kind, and nothing for the other kinds: a page is made anew
    // on every turn, and each kind's controls made for every field (hidden) cost more time
    // than the whole page took to draw (bench/sessions.py).
    Loader {
        id: kindEditor
        Layout.fillWidth: true
        sourceComponent: {
            switch (editor.kind) {
            case FieldKind.Multiline: return areaEditor
            case FieldKind.Choice: return choiceEditor
            case FieldKind.YesNo: return yesNoEditor
            case FieldKind.Address: return addressEditor
            default: return lineEditor
            }
        }
    }

    // --- single-line text kinds ---
    Component {
        id: lineEditor
        RowLayout {
            function focusPart(_part: string): void { lineInput.forceActiveFocus() }
            spacing: Theme.spacing / 2
            KTextField {
                id: lineInput
                objectName: "input_" + editor.key
                Layout.fillWidth: true
                text: editor.value
                prefilled: editor.prefilled
                invalid: editor.problem !== ""
                Accessible.name: editor.label
                Accessible.description: editor.problem
                placeholderText: editor.kind === FieldKind.Date ? qsTr("DD.MM.YYYY") : ""
                // Personal data: the keyboard must not learn it and offer it to the next citizen.
                inputMethodHints: editor.privateHints
                                | (editor.kind === FieldKind.Email ? Qt.ImhEmailCharactersOnly | Qt.ImhNoAutoUppercase
                                : editor.kind === FieldKind.Phone ? Qt.ImhDialableCharactersOnly
                                // Digits and the decimal comma; the "numbers" pad offers √ ÷ × ^.
                                : editor.kind === FieldKind.Number ? Qt.ImhDigitsOnly
                                : editor.kind === FieldKind.Date ? Qt.ImhDigitsOnly
                                : Qt.ImhNone)
                maximumLength: 1000
                dateInput: editor.kind === FieldKind.Date
                onTextEdited: {
                    formatDate()
                    Form.setValue(editor.key, text)
                }
                // A value set from elsewhere (a scanned receipt) after the citizen typed here.
                Connections {
                    target: editor
                    function onValueChanged(): void {
                        if (lineInput.text !== editor.value)
                            lineInput.text = editor.value
                    }
                }
            }
            // The phone pad has no "+" (only a long press on "*"): an international number needs one.
            Loader {
                active: editor.kind === FieldKind.Phone && !editor.prefilled
                visible: active
                sourceComponent: KButton {
                    objectName: "plusKey_" + editor.key
                    text: "+"
                    font.bold: true
                    Accessible.name: qsTr("Plus sign")
                    onClicked: {
                        lineInput.forceActiveFocus()
                        lineInput.insert(lineInput.cursorPosition, "+")
                        Form.setValue(editor.key, lineInput.text)
                    }
                }
            }
        }
    }

    // A receipt's QR code held to the camera instead of typing its number.
    Loader {
        active: editor.scannable
        visible: active
        Layout.fillWidth: true
        sourceComponent: scanner
    }
    Component {
        id: scanner
        ColumnLayout {
            spacing: Theme.spacing / 3
            KButton {
                objectName: "scanButton_" + editor.key
                visible: !editor.prefilled && Scan.field !== editor.key
                text: qsTr("Scan the QR code on the receipt")
                iconName: "camera"
                onClicked: Scan.start(editor.key)
            }
            Body {
                objectName: "scanProblem_" + editor.key
                visible: text !== ""
                color: Theme.danger
                Layout.fillWidth: true
                text: Scan.state === ScanState.ForeignCode
                      ? qsTr("This QR code is not from a receipt of this town hall. Please hold the QR code on your receipt in front of the camera, or type the number.")
                      : Scan.state === ScanState.NothingFound
                      ? qsTr("No receipt was recognised. You can try again or type the number.")
                      : Scan.state === ScanState.CameraUnavailable
                      ? qsTr("The camera is not available right now. Please type the number.")
                      : ""
            }
            // While scanning: the live picture, and beside it what to do (or type instead).
            RowLayout {
                objectName: "scanPanel_" + editor.key
                visible: Scan.field === editor.key
                Layout.fillWidth: true
                spacing: Theme.spacing
                Loader {
                    // Loaded while scanning: Qt Multimedia is not loaded with every form.
                    active: Scan.field === editor.key
                    source: "CameraPreview.qml"
                    Layout.preferredWidth: Math.min(editor.width * 0.5, Theme.target * 6)
                    Layout.preferredHeight: Layout.preferredWidth * 9 / 16
                    Layout.alignment: Qt.AlignTop
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    Layout.alignment: Qt.AlignTop
                    spacing: Theme.spacing
                    Body {
                        objectName: "scanHint"
                        text: qsTr("Hold the QR code on your receipt in front of the camera.")
                        Layout.fillWidth: true
                    }
                    KButton {
                        objectName: "scanStopButton"
                        text: qsTr("Type the number instead")
                        onClicked: Scan.stop()
                    }
                    // Demo mode only: hold something up to the simulated camera.
                    Flow {
                        visible: Demo.camera
                        Layout.fillWidth: true
                        spacing: Theme.spacing / 2
                        Body { text: qsTr("Demo:"); font.bold: true }
                        KButton {
                            objectName: "demoHoldReceipt"
                            text: qsTr("Hold up the receipt")
                            minHeight: Theme.smallTarget
                            onClicked: Demo.holdReceipt()
                        }
                        KButton {
                            objectName: "demoHoldForeignCode"
                            text: qsTr("Hold up another QR code")
                            minHeight: Theme.smallTarget
                            onClicked: Demo.holdForeignCode()
                        }
                    }
                }
            }
        }
    }

    // --- multi-line text ---
    Component {
        id: areaEditor
        TextArea {
            id: area
            function focusPart(_part: string): void { forceActiveFocus() }
            objectName: "input_" + editor.key
            Accessible.name: editor.label
            Accessible.description: editor.problem
            implicitHeight: Theme.target * 2
            text: editor.value
            font.pixelSize: Theme.bodySize
            color: Theme.text
            wrapMode: TextEdit.Wrap
            readOnly: editor.prefilled
            inputMethodHints: editor.privateHints
            onTextChanged: if (activeFocus || text !== editor.value) Form.setValue(editor.key, text)
            background: Rectangle {
                radius: Theme.radius / 2
                color: Theme.surface
                border.width: area.activeFocus ? 5 : (editor.problem !== "" ? 4 : 2)
                border.color: area.activeFocus ? Theme.focus : (editor.problem !== "" ? Theme.danger : Theme.border)
            }
        }
    }

    // --- choice: one large button per option ---
    Component {
        id: choiceEditor
        Flow {
            spacing: Theme.spacing / 2
            Repeater {
                model: editor.choices
                KButton {
                    required property var modelData
                    objectName: "choice_" + editor.key + "_" + modelData.value
                    text: modelData.label
                    primary: editor.value === modelData.value
                    onClicked: Form.setValue(editor.key, modelData.value)
                    Accessible.role: Accessible.RadioButton
                    Accessible.checkable: true
                    Accessible.checked: primary
                    Accessible.description: editor.label   // (which question it answers)
                }
            }
        }
    }

    // --- yes / no ---
    Component {
        id: yesNoEditor
        Row {
            spacing: Theme.spacing / 2
            KButton {
                objectName: "choice_" + editor.key + "_yes"
                text: qsTr("Yes")
                primary: editor.value === "yes"
                implicitWidth: Theme.target * 2.5
                onClicked: Form.setValue(editor.key, "yes")
                Accessible.role: Accessible.RadioButton
                Accessible.checkable: true
                Accessible.checked: primary
                Accessible.description: editor.label
            }
            KButton {
                objectName: "choice_" + editor.key + "_no"
                text: qsTr("No")
                primary: editor.value === "no"
                implicitWidth: Theme.target * 2.5
                onClicked: Form.setValue(editor.key, "no")
                Accessible.role: Accessible.RadioButton
                Accessible.checkable: true
                Accessible.checked: primary
                Accessible.description: editor.label
            }
        }
    }

    // --- postal address ---
    Component {
        id: addressEditor
        GridLayout {
            // The part with the problem, or the first.
            function focusPart(part: string): void {
                for (let i = 0; i < addressParts.count; i++) {
                    const input = addressParts.itemAt(i)
                    const name = input ? input.part : "" // qmllint disable missing-property
                    if (input && (name === part || (part === "" && i === 0))) {
                        input.forceActiveFocus()
                        return
                    }
                }
            }
            columns: 2
            columnSpacing: Theme.spacing / 2
            rowSpacing: Theme.spacing / 3
            Repeater {
                id: addressParts
                model: [
                    {part: "street", label: qsTr("Street"), wide: true},
                    {part: "house_number", label: qsTr("No."), wide: false},
                    {part: "postcode", label: qsTr("Postcode"), wide: false},
                    {part: "city", label: qsTr("Town"), wide: true}]
                KTextField {
                    required property var modelData
                    readonly property string part: modelData.part
                    objectName: "input_" + editor.key + "_" + modelData.part
                    Layout.fillWidth: modelData.wide
                    Layout.preferredWidth: modelData.wide ? Theme.target * 6 : Theme.target * 2.5
                    placeholderText: modelData.label
                    text: editor.parts[modelData.part] || ""
                    prefilled: editor.prefilled
                    invalid: editor.problemPart === modelData.part
                    inputMethodHints: editor.privateHints
                                      | (modelData.part === "postcode" ? Qt.ImhDigitsOnly : Qt.ImhNone)
                    Accessible.name: modelData.label
                    onTextEdited: Form.setAddressPart(editor.key, modelData.part, text)
                }
            }
        }
    }

    Text {
        objectName: "problem_" + editor.key
        visible: editor.problem !== ""
        text: "⚠ " + editor.problem
        color: Theme.danger
        font.pixelSize: Theme.bodySize
        font.bold: true
        wrapMode: Text.Wrap
        Layout.fillWidth: true
        Accessible.role: Accessible.AlertMessage
        // Read when it appears or changes (several at once: read one after the other).
        onTextChanged: if (editor.problem !== "") ReadAloud.announce(editor.label + ": " + editor.problem)
    }
}
