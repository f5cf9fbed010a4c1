import QtQuick
import QtQuick.Layouts
import PointOfPublic

// Always there during a session: who runs the terminal, language, accessibility,
// a clerk, and the way out.
Rectangle {
    id: bar
    objectName: "topBar"
    color: Theme.bar
    implicitHeight: Theme.barHeight
    property bool compact: width < 1400

    RowLayout {
        anchors.fill: parent
        anchors.leftMargin: Theme.spacing
        anchors.rightMargin: Theme.spacing
        spacing: Theme.spacing / 2

        Text {
            text: Kiosk.municipalityName
            color: Theme.barText
            font.pixelSize: Theme.headingSize
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
            color: Theme.barText
            font.pixelSize: Theme.smallSize
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
                required property string modelData
                objectName: "language_" + modelData
                text: modelData.toUpperCase()
                minHeight: Theme.smallTarget
                Layout.minimumWidth: Theme.smallTarget * 1.2
                primary: Kiosk.language === modelData
                onClicked: Kiosk.setLanguage(modelData)
                Accessible.name: modelData === "de" ? "Deutsch" : "English"
            }
        }
        KButton {
            objectName: "largeTextButton"
            text: "A+"
            minHeight: Theme.smallTarget
            Layout.minimumWidth: Theme.smallTarget * 1.2
            primary: Theme.largeText
            onClicked: Theme.toggleLargeText()
            Accessible.name: qsTr("Larger text")
        }
        KButton {
            objectName: "contrastButton"
            text: "◐"
            minHeight: Theme.smallTarget
            Layout.minimumWidth: Theme.smallTarget * 1.2
            primary: Theme.highContrast
            onClicked: Theme.toggleHighContrast()
            Accessible.name: qsTr("High contrast")
        }
        KButton {
            objectName: "clerkButton"
            text: bar.compact ? qsTr("Clerk") : qsTr("Talk to a clerk")
            iconName: "clerk"
            minHeight: Theme.smallTarget
            onClicked: Navigation.callClerk()
        }
        KButton {
            objectName: "cancelButton"
            // On the done screen nothing is cancelled any more: the same button just ends.
            text: Navigation.screen === Screen.Done ? qsTr("Finish") : qsTr("Cancel")
            danger: Navigation.screen !== Screen.Done
            minHeight: Theme.smallTarget
            visible: Navigation.screen !== Screen.Attract && Navigation.screen !== Screen.Submitting
            onClicked: Navigation.requestCancel()
        }
    }
}
