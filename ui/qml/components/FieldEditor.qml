import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// One catalogue field: label, help, the editor for its kind, and the problem in plain words.
ColumnLayout {
    id: editor
    required property string key
    required property string kind
    required property string label
    required property string help
    required property string value
    required property var parts
    required property bool required
    required property bool prefilled
    required property string problem
    required property string problemPart
    required property var choices
    readonly property int privateHints: Qt.ImhSensitiveData | Qt.ImhNoPredictiveText
    objectName: "field_" + key
    spacing: theme.spacing / 3

    // Puts the cursor where the problem is; kinds without typing close the keyboard.
    function focusInput() {
        if (editor.prefilled) {
            Qt.inputMethod.hide()
        } else if (lineInput.visible) {
            lineInput.forceActiveFocus()
        } else if (area.visible) {
            area.forceActiveFocus()
        } else if (editor.kind === "address") {
            for (let i = 0; i < addressParts.count; i++) {
                const part = addressParts.itemAt(i)
                if (part && (part.part === editor.problemPart || (editor.problemPart === "" && i === 0))) {
                    part.forceActiveFocus()
                    return
                }
            }
        } else {
            Qt.inputMethod.hide()
        }
    }

    RowLayout {
        Layout.fillWidth: true
        spacing: theme.spacing / 2
        Text {
            text: editor.label + (editor.required ? " *" : "")
            font.pixelSize: theme.bodySize
            font.bold: true
            color: theme.text
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Rectangle {
            objectName: "prefilledBadge_" + editor.key
            visible: editor.prefilled
            color: theme.prefilled
            border.color: theme.accent
            radius: theme.radius / 2
            implicitWidth: badgeRow.implicitWidth + theme.spacing
            implicitHeight: badgeRow.implicitHeight + theme.spacing / 3
            Row {
                id: badgeRow
                anchors.centerIn: parent
                spacing: theme.spacing / 3
                Icon { name: "card"; size: theme.smallSize * 1.3; anchors.verticalCenter: parent.verticalCenter }
                Text {
                    text: qsTr("From your ID card")
                    font.pixelSize: theme.smallSize
                    color: theme.text
                    anchors.verticalCenter: parent.verticalCenter
                }
            }
        }
    }
    Text {
        visible: editor.help !== ""
        text: editor.help
        font.pixelSize: theme.smallSize
        color: theme.muted
        wrapMode: Text.Wrap
        Layout.fillWidth: true
    }

    // --- single-line text kinds ---
    RowLayout {
    Layout.fillWidth: true
    visible: lineInput.visible
    spacing: theme.spacing / 2
    KTextField {
        id: lineInput
        objectName: "input_" + editor.key
        visible: ["text", "email", "phone", "number", "date"].indexOf(editor.kind) >= 0
        Layout.fillWidth: true
        text: editor.value
        prefilled: editor.prefilled
        invalid: editor.problem !== ""
        placeholderText: editor.kind === "date" ? qsTr("DD.MM.YYYY") : ""
        // Personal data: the keyboard must not learn it and offer it to the next citizen.
        inputMethodHints: editor.privateHints
                        | (editor.kind === "email" ? Qt.ImhEmailCharactersOnly | Qt.ImhNoAutoUppercase
                        : editor.kind === "phone" ? Qt.ImhDialableCharactersOnly
                        // Digits and the decimal comma; the "numbers" pad offers √ ÷ × ^.
                        : editor.kind === "number" ? Qt.ImhDigitsOnly
                        : editor.kind === "date" ? Qt.ImhDigitsOnly
                        : Qt.ImhNone)
        maximumLength: 1000
        dateInput: editor.kind === "date"
        onTextEdited: {
            formatDate()
            session.setValue(editor.key, text)
        }
    }
    // The phone pad has no "+" (only a long press on "*"): an international number needs one.
    KButton {
        objectName: "plusKey_" + editor.key
        visible: editor.kind === "phone" && !editor.prefilled
        text: "+"
        font.bold: true
        Accessible.name: qsTr("Plus sign")
        onClicked: {
            lineInput.forceActiveFocus()
            lineInput.insert(lineInput.cursorPosition, "+")
            session.setValue(editor.key, lineInput.text)
        }
    }
    }

    // --- multi-line text ---
    TextArea {
        id: area
        objectName: "input_" + editor.key
        visible: editor.kind === "multiline"
        Layout.fillWidth: true
        Layout.preferredHeight: theme.target * 2
        text: editor.value
        font.pixelSize: theme.bodySize
        color: theme.text
        wrapMode: TextEdit.Wrap
        readOnly: editor.prefilled
        inputMethodHints: editor.privateHints
        onTextChanged: if (activeFocus || text !== editor.value) session.setValue(editor.key, text)
        background: Rectangle {
            radius: theme.radius / 2
            color: theme.surface
            border.width: area.activeFocus ? 5 : (editor.problem !== "" ? 4 : 2)
            border.color: area.activeFocus ? theme.focus : (editor.problem !== "" ? theme.danger : theme.border)
        }
    }

    // --- choice: one large button per option ---
    Flow {
        visible: editor.kind === "choice"
        Layout.fillWidth: true
        spacing: theme.spacing / 2
        Repeater {
            model: editor.kind === "choice" ? editor.choices : []
            KButton {
                objectName: "choice_" + editor.key + "_" + modelData.value
                text: modelData.label
                primary: editor.value === modelData.value
                onClicked: session.setValue(editor.key, modelData.value)
                Accessible.role: Accessible.RadioButton
                Accessible.checked: primary
            }
        }
    }

    // --- yes / no ---
    Row {
        visible: editor.kind === "yes_no"
        spacing: theme.spacing / 2
        KButton {
            objectName: "choice_" + editor.key + "_yes"
            text: qsTr("Yes")
            primary: editor.value === "yes"
            implicitWidth: theme.target * 2.5
            onClicked: session.setValue(editor.key, "yes")
        }
        KButton {
            objectName: "choice_" + editor.key + "_no"
            text: qsTr("No")
            primary: editor.value === "no"
            implicitWidth: theme.target * 2.5
            onClicked: session.setValue(editor.key, "no")
        }
    }

    // --- postal address ---
    GridLayout {
        visible: editor.kind === "address"
        Layout.fillWidth: true
        columns: 2
        columnSpacing: theme.spacing / 2
        rowSpacing: theme.spacing / 3
        Repeater {
            id: addressParts
            model: editor.kind === "address" ? [
                {part: "street", label: qsTr("Street"), wide: true},
                {part: "house_number", label: qsTr("No."), wide: false},
                {part: "postcode", label: qsTr("Postcode"), wide: false},
                {part: "city", label: qsTr("Town"), wide: true}] : []
            KTextField {
                readonly property string part: modelData.part
                objectName: "input_" + editor.key + "_" + modelData.part
                Layout.fillWidth: modelData.wide
                Layout.preferredWidth: modelData.wide ? theme.target * 6 : theme.target * 2.5
                placeholderText: modelData.label
                text: editor.parts[modelData.part] || ""
                prefilled: editor.prefilled
                invalid: editor.problemPart === modelData.part
                inputMethodHints: editor.privateHints
                                  | (modelData.part === "postcode" ? Qt.ImhDigitsOnly : Qt.ImhNone)
                Accessible.name: modelData.label
                onTextEdited: session.setAddressPart(editor.key, modelData.part, text)
            }
        }
    }

    Text {
        objectName: "problem_" + editor.key
        visible: editor.problem !== ""
        text: "⚠ " + editor.problem
        color: theme.danger
        font.pixelSize: theme.bodySize
        font.bold: true
        wrapMode: Text.Wrap
        Layout.fillWidth: true
        Accessible.role: Accessible.AlertMessage
    }
}
