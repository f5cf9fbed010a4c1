import QtQuick
import QtQuick.Layouts

// Always there during a session: who runs the terminal, language, accessibility,
// a clerk, and the way out.
Rectangle {
    id: bar
    objectName: "topBar"
    color: theme.bar
    implicitHeight: theme.barHeight
    property bool compact: width < 1400

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: theme.spacing
        anchors.rightMargin: theme.spacing
        spacing: theme.spacing / 2

        Text {
            text: session.municipalityName
            color: theme.barText
            font.pixelSize: theme.headingSize
            font.bold: true
            elide: Text.ElideRight
            Layout.fillWidth: true
            visible: !bar.compact
        }
        Item { Layout.fillWidth: true; visible: bar.compact }
        Repeater {
            model: session.languages
            KButton {
                objectName: "language_" + modelData
                text: modelData.toUpperCase()
                minHeight: theme.smallTarget
                Layout.minimumWidth: theme.smallTarget * 1.2
                primary: session.language === modelData
                onClicked: session.setLanguage(modelData)
                Accessible.name: modelData === "de" ? "Deutsch" : "English"
            }
        }
        KButton {
            objectName: "largeTextButton"
            text: "A+"
            minHeight: theme.smallTarget
            Layout.minimumWidth: theme.smallTarget * 1.2
            primary: theme.largeText
            onClicked: theme.toggleLargeText()
            Accessible.name: qsTr("Larger text")
        }
        KButton {
            objectName: "contrastButton"
            text: "◐"
            minHeight: theme.smallTarget
            Layout.minimumWidth: theme.smallTarget * 1.2
            primary: theme.highContrast
            onClicked: theme.toggleHighContrast()
            Accessible.name: qsTr("High contrast")
        }
        KButton {
            objectName: "clerkButton"
            text: bar.compact ? qsTr("Clerk") : qsTr("Talk to a clerk")
            iconName: "clerk"
            minHeight: theme.smallTarget
            onClicked: session.callClerk()
        }
        KButton {
            objectName: "cancelButton"
            // On the done screen nothing is cancelled any more: the same button just ends.
            text: session.screen === "done" ? qsTr("Finish") : qsTr("Cancel")
            danger: session.screen !== "done"
            minHeight: theme.smallTarget
            visible: session.screen !== "attract" && session.screen !== "submitting"
            onClicked: session.requestCancel()
        }
    }
}
