import QtQuick
import QtQuick.Layouts
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
            contentHeight: body.implicitHeight + 3 * theme.spacing
            clip: true
            boundsBehavior: Flickable.StopAtBounds
            ColumnLayout {
                id: body
                x: theme.spacing * 1.5
                y: theme.spacing * 1.5
                width: flick.width - 3 * theme.spacing
                spacing: theme.spacing * 1.2
                Text {
                    objectName: "pageProgress"
                    text: qsTr("%1 · step %2 of %3").arg(session.serviceTitle)
                          .arg(session.pageIndex + 1).arg(session.pageCount)
                    font.pixelSize: theme.smallSize
                    color: theme.muted
                    Layout.fillWidth: true
                    wrapMode: Text.WordWrap
                }
                Heading { objectName: "pageTitle"; text: session.pageTitle; Layout.fillWidth: true }
                Body {
                    objectName: "formProblemsHint"
                    visible: session.hasProblems
                    text: qsTr("Please look at the fields marked in red.")
                    color: theme.danger
                    font.bold: true
                    Layout.fillWidth: true
                }
                Repeater {
                    model: session.fields
                    FieldEditor { Layout.fillWidth: true }
                }
            }
        }
        NavBar {
            Layout.fillWidth: true
            onBackClicked: session.back()
            onNextClicked: session.nextPage()
        }
    }
}
