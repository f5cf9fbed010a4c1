import QtQuick
import QtQuick.Layouts
import PointOfPublic
import "../components"

// A few fields per page; every field from the catalogue through one FieldEditor.
Item {
    objectName: "formScreen"
    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        Flickable {
            id: flick
            objectName: "formFlickable"
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentHeight: body.implicitHeight + 3 * Theme.spacing
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            // The field being typed into stays in view with its label and its problem, also when
            // the keyboard slides in.
            function showFocusedField() {
                let item = Window.activeFocusItem
                let node = item
                while (node && node !== contentItem) {
                    if (node.objectName.startsWith("field_"))
                        item = node
                    node = node.parent
                }
                if (node)
                    showItem(item)
            }
            function showItem(item) {
                const top = item.mapToItem(contentItem, 0, 0).y - Theme.spacing
                const bottom = top + item.height + 2 * Theme.spacing
                if (bottom > contentY + height)
                    contentY = Math.min(Math.max(0, contentHeight - height), Math.min(top, bottom - height))
                else if (top < contentY)
                    contentY = Math.max(0, top)
            }
            // "Next" with problems: the first one is shown (above the keyboard) and focused, or
            // the citizen sees nothing happen.
            function showFirstProblem() {
                for (let i = 0; i < fieldRepeater.count; i++) {
                    const editor = fieldRepeater.itemAt(i)
                    if (editor && editor.problem !== "") { // qmllint disable missing-property
                        editor.focusInput() // qmllint disable missing-property
                        showItem(editor)
                        return
                    }
                }
            }
            // Measured once the layouts have settled (Qt.callLater), and again when the page
            // changes height while the citizen types (problems shown after "Next"): measured
            // before, the field's place is stale and it may stay under the keyboard. (Not
            // without the keyboard: a tapped choice must not scroll the page away.)
            onHeightChanged: Qt.callLater(showFocusedField)
            onContentHeightChanged: {
                if (Qt.inputMethod.visible && !moving) // qmllint disable missing-property
                    Qt.callLater(showFocusedField)
            }
            Connections {
                target: flick.Window.window
                function onActiveFocusItemChanged() { Qt.callLater(flick.showFocusedField) }
            }
            ColumnLayout {
                id: body
                x: Theme.spacing * 1.5
                y: Theme.spacing * 1.5
                width: flick.width - 3 * Theme.spacing
                spacing: Theme.spacing * 1.2
                Text {
                    objectName: "pageProgress"
                    text: qsTr("%1 · step %2 of %3").arg(Service.title)
                          .arg(Form.pageIndex + 1).arg(Form.pageCount)
                    font.pixelSize: Theme.smallSize
                    color: Theme.muted
                    Layout.fillWidth: true
                    wrapMode: Text.Wrap
                }
                Heading { objectName: "pageTitle"; text: Form.pageTitle; Layout.fillWidth: true }
                Body {
                    objectName: "formProblemsHint"
                    visible: Form.hasProblems
                    text: qsTr("Please look at the fields marked in red.")
                    color: Theme.danger
                    font.bold: true
                    Layout.fillWidth: true
                }
                Repeater {
                    id: fieldRepeater
                    model: Form.fields
                    FieldEditor { Layout.fillWidth: true }
                }
            }
        }
        NavBar {
            Layout.fillWidth: true
            onBackClicked: Navigation.back()
            onNextClicked: {
                Form.nextPage()
                // Once the layout shows the problems (the screen may be gone by then).
                Qt.callLater(() => { if (flick) flick.showFirstProblem() })
            }
        }
    }
}
