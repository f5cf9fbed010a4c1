import QtQuick
import QtQuick.Window
import QtQuick.Layouts
import QtQuick.VirtualKeyboard
import QtQuick.VirtualKeyboard.Settings
import "components"

Window {
    id: root
    objectName: "mainWindow"
    property bool fullscreen: false
    visible: true
    visibility: fullscreen ? Window.FullScreen : Window.Windowed
    title: "Point of Public"
    color: theme.background

    onWidthChanged: theme.setScreenShortSide(Math.min(width, height))
    onHeightChanged: theme.setScreenShortSide(Math.min(width, height))
    Connections {
        target: session
        // The keyboard's layout follows the citizen's language.
        function onLanguageChanged() {
            VirtualKeyboardSettings.locale = session.language === "en" ? "en_GB" : "de_DE"
        }
    }
    Component.onCompleted: {
        theme.setScreenShortSide(Math.min(width, height))
        VirtualKeyboardSettings.locale = "de_DE"
        VirtualKeyboardSettings.activeLocales = ["de_DE", "en_GB"]
    }

    readonly property var screenFiles: ({
        "attract": "screens/AttractScreen.qml",
        "home": "screens/HomeScreen.qml",
        "service": "screens/ServiceScreen.qml",
        "identify": "screens/IdentifyScreen.qml",
        "form": "screens/FormScreen.qml",
        "attachments": "screens/AttachmentsScreen.qml",
        "review": "screens/ReviewScreen.qml",
        "submitting": "screens/SubmittingScreen.qml",
        "done": "screens/DoneScreen.qml",
        "out_of_service": "screens/OutOfServiceScreen.qml"
    })
    readonly property bool inSession: session.screen !== "attract" && session.screen !== "out_of_service"

    TopBar {
        id: topBar
        visible: root.inSession
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        height: visible ? implicitHeight : 0
    }

    Loader {
        id: screenLoader
        objectName: "screenLoader"
        anchors.top: topBar.bottom
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: inputPanel.active ? inputPanel.top : parent.bottom
        source: root.screenFiles[session.screen] || root.screenFiles["out_of_service"]
    }

    // --- overlays: cancel, timeout, clerk ---
    Overlay {
        objectName: "cancelDialog"
        visible: session.overlay === "confirm_cancel"
        title: qsTr("Do you want to cancel?")
        Body {
            text: qsTr("Everything you entered will be deleted.")
            Layout.fillWidth: true
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: theme.spacing
            KButton {
                objectName: "cancelNoButton"
                text: qsTr("No, continue")
                primary: true
                Layout.fillWidth: true
                onClicked: session.dismissCancel()
            }
            KButton {
                objectName: "cancelYesButton"
                text: qsTr("Yes, cancel")
                danger: true
                Layout.fillWidth: true
                onClicked: session.confirmCancel()
            }
        }
    }

    Overlay {
        objectName: "timeoutDialog"
        visible: session.overlay === "timeout_warning"
        title: qsTr("Are you still there?")
        Body {
            objectName: "countdownText"
            text: qsTr("For your privacy, this session will end in %n second(s) and your entries will be deleted.", "", session.countdown)
            Layout.fillWidth: true
        }
        Text {
            text: session.countdown
            font.pixelSize: theme.hugeSize * 1.5
            font.bold: true
            color: theme.accent
            Layout.alignment: Qt.AlignHCenter
        }
        KButton {
            objectName: "extendButton"
            text: qsTr("Yes, I need more time")
            primary: true
            Layout.fillWidth: true
            onClicked: session.extend()
        }
    }

    Overlay {
        objectName: "clerkDialog"
        visible: session.clerkInfoVisible && session.overlay === "none"
        title: qsTr("Talk to a clerk")
        Body {
            text: qsTr("Video calls with the town hall are coming soon. Until then, please call the citizens' office during opening hours.")
            Layout.fillWidth: true
        }
        KButton {
            objectName: "clerkCloseButton"
            text: qsTr("OK")
            primary: true
            Layout.fillWidth: true
            onClicked: session.closeClerkInfo()
        }
    }

    InputPanel {
        id: inputPanel
        objectName: "inputPanel"
        z: 99
        // In landscape a full-width keyboard would cover most of the form: keep it to a
        // comfortable width (its height follows), centred.
        width: Math.min(root.width, Math.max(root.height * 1.25, 1000))
        x: (root.width - width) / 2
        y: active ? root.height - height : root.height
    }
}
