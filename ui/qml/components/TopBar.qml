import QtQuick
import QtQuick.Layouts
import PointOfPublic

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
            text: Kiosk.municipalityName
            color: theme.barText
            font.pixelSize: theme.headingSize
            font.bold: true
            elide: Text.ElideRight
            Layout.fillWidth: true
            visible: !bar.compact
        }
        Item { Layout.fillWidth: true; visible: bar.compact && !offline.visible }
        // Discreet: the citizen needs no action, but should not be surprised by the receipt.
        Text {
            id: offline
            objectName: "offlineNotice"
            text: "⚠ " + qsTr("Offline — %n application(s) waiting, they will be sent automatically", "", Kiosk.waitingCount)
            visible: Kiosk.waitingCount > 0
            color: theme.barText
            font.pixelSize: theme.smallSize
            wrapMode: Text.Wrap
            maximumLineCount: 2
            elide: Text.ElideRight
            // Takes only the room the buttons leave, and never pushes them off the bar.
            Layout.fillWidth: true
            Layout.minimumWidth: 0
            Layout.maximumWidth: bar.width * 0.3
        }
        Repeater {
            model: Kiosk.languages
            KButton {
                objectName: "language_" + modelData
                text: modelData.toUpperCase()
                minHeight: theme.smallTarget
                Layout.minimumWidth: theme.smallTarget * 1.2
                primary: Kiosk.language === modelData
                onClicked: Kiosk.setLanguage(modelData)
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
            onClicked: Navigation.callClerk()
        }
        KButton {
            objectName: "cancelButton"
            // On the done screen nothing is cancelled any more: the same button just ends.
            text: Navigation.screen === Screen.Done ? qsTr("Finish") : qsTr("Cancel")
            danger: Navigation.screen !== Screen.Done
            minHeight: theme.smallTarget
            visible: Navigation.screen !== Screen.Attract && Navigation.screen !== Screen.Submitting
            onClicked: Navigation.requestCancel()
        }
    }
}
