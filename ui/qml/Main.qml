import QtQuick
import QtQuick.Window
import QtQuick.Layouts
import PointOfPublic
import "components"

Window {
    id: root
    objectName: "mainWindow"
    property bool fullscreen: false
    visible: true
    visibility: fullscreen ? Window.FullScreen : Window.Windowed
    title: "Point of Public"
    color: Theme.background

    onWidthChanged: Theme.setScreenShortSide(Math.min(width, height))
    onHeightChanged: Theme.setScreenShortSide(Math.min(width, height))
    Component.onCompleted: Theme.setScreenShortSide(Math.min(width, height))

    function screenFile(screen: int): string {
        switch (screen) {
        case Screen.Attract: return "screens/AttractScreen.qml"
        case Screen.Home: return "screens/HomeScreen.qml"
        case Screen.Service: return "screens/ServiceScreen.qml"
        case Screen.Identify: return "screens/IdentifyScreen.qml"
        case Screen.Form: return "screens/FormScreen.qml"
        case Screen.Attachments: return "screens/AttachmentsScreen.qml"
        case Screen.Review: return "screens/ReviewScreen.qml"
        case Screen.Submitting: return "screens/SubmittingScreen.qml"
        case Screen.Done: return "screens/DoneScreen.qml"
        case Screen.Status: return "screens/StatusScreen.qml"
        default: return "screens/OutOfServiceScreen.qml"
        }
    }

    TopBar {
        id: topBar
        visible: Navigation.inSession
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
        anchors.bottom: keyboard.shown ? keyboard.top : parent.bottom
        source: root.screenFile(Navigation.screen)
    }

    // --- overlays: cancel, timeout, clerk ---
    Overlay {
        objectName: "cancelDialog"
        visible: Navigation.overlay === OverlayState.ConfirmCancel
        title: qsTr("Do you want to cancel?")
        Body {
            text: qsTr("Everything you entered will be deleted.")
            Layout.fillWidth: true
        }
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.spacing
            KButton {
                objectName: "cancelNoButton"
                text: qsTr("No, continue")
                primary: true
                Layout.fillWidth: true
                onClicked: Navigation.dismissCancel()
            }
            KButton {
                objectName: "cancelYesButton"
                text: qsTr("Yes, cancel")
                danger: true
                Layout.fillWidth: true
                onClicked: Navigation.confirmCancel()
            }
        }
    }

    Overlay {
        objectName: "timeoutDialog"
        visible: Navigation.overlay === OverlayState.TimeoutWarning
        title: qsTr("Are you still there?")
        Body {
            objectName: "countdownText"
            text: qsTr("For your privacy, this session will end in %n second(s) and your entries will be deleted.", "", Navigation.countdown)
            Layout.fillWidth: true
        }
        Text {
            text: Navigation.countdown
            font.pixelSize: Theme.hugeSize * 1.5
            font.bold: true
            color: Theme.accent
            Layout.alignment: Qt.AlignHCenter
        }
        KButton {
            objectName: "extendButton"
            text: qsTr("Yes, I need more time")
            primary: true
            Layout.fillWidth: true
            onClicked: Navigation.extend()
        }
    }

    Overlay {
        objectName: "clerkDialog"
        visible: Navigation.clerkInfoVisible && Navigation.overlay === OverlayState.Closed
        title: qsTr("Talk to a clerk")
        Body {
            objectName: "clerkInfoText"
            text: Kiosk.contactPhone !== ""
                  ? qsTr("Video calls from this terminal are coming soon. Until then, the citizens' office answers on the telephone:")
                  : qsTr("Video calls from this terminal are coming soon. Until then, please ask at the citizens' office.")
            Layout.fillWidth: true
        }
        Text {
            objectName: "clerkPhone"
            visible: Kiosk.contactPhone !== ""
            text: Kiosk.contactPhone
            font.pixelSize: Theme.hugeSize
            font.bold: true
            color: Theme.text
            wrapMode: Text.WrapAnywhere
            Layout.fillWidth: true
        }
        Body {
            objectName: "clerkHours"
            visible: Kiosk.contactHours !== ""
            text: qsTr("Hours: %1").arg(Kiosk.contactHours)
            Layout.fillWidth: true
        }
        KButton {
            objectName: "clerkCloseButton"
            text: qsTr("OK")
            primary: true
            Layout.fillWidth: true
            onClicked: Navigation.closeClerkInfo()
        }
    }

    Loader {
        id: keyboard
        objectName: "keyboardLoader"
        // The keyboard is on screen (an input field has the focus). Loader.item is a QObject
        // to qmllint; naming its type here would load the keyboard with this file.
        readonly property bool shown: item !== null && item.active // qmllint disable missing-property
        z: 99
        // After the first frame (components/Keyboard.qml says why), then for good.
        active: Kiosk.started
        source: "components/Keyboard.qml"
        // In landscape a full-width keyboard would cover most of the form: keep it to a
        // comfortable width (its height follows), centred.
        width: Math.min(root.width, Math.max(root.height * 1.25, 1000))
        // (its height: the keyboard's own, which follows the width)
        x: (root.width - width) / 2
        y: shown ? root.height - height : root.height
    }
}
