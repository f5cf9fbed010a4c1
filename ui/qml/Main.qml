import QtQuick
import QtQuick.Window
import PointOfPublic

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

    // The bar shows only during a session, so it is built after the first frame too.
    Loader {
        id: topBar
        objectName: "topBarLoader"
        // Right-to-left languages (Arabic): the whole layout mirrored.
        LayoutMirroring.enabled: Kiosk.rightToLeft
        LayoutMirroring.childrenInherit: true
        visible: Navigation.inSession
        active: Kiosk.started
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        height: visible ? implicitHeight : 0   // (a Loader's implicit size is its item's)
        source: "components/TopBar.qml"
    }

    Loader {
        id: screenLoader
        objectName: "screenLoader"
        // Right-to-left languages (Arabic): the whole layout mirrored.
        LayoutMirroring.enabled: Kiosk.rightToLeft
        LayoutMirroring.childrenInherit: true
        anchors.top: topBar.bottom
        anchors.left: parent.left
        // Narrower while the call is docked beside it: the dock covers nothing of the screen.
        anchors.right: callDock.active ? callDock.left : parent.right
        anchors.bottom: keyboard.shown ? keyboard.top : parent.bottom
        source: root.screenFile(Navigation.screen)
    }

    Loader {
        // The call docked beside the screen while the citizen goes on with the form.
        id: callDock
        objectName: "callDockLoader"
        // Right-to-left languages (Arabic): the whole layout mirrored.
        LayoutMirroring.enabled: Kiosk.rightToLeft
        LayoutMirroring.childrenInherit: true
        anchors.top: topBar.bottom
        anchors.right: parent.right
        // Beside the keyboard where there is room for both (landscape), above it otherwise.
        anchors.bottom: keyboard.shown && keyboard.x + keyboard.width > x ? keyboard.top : parent.bottom
        width: active ? Math.round(Math.max(Theme.target * 4, root.width / 4.5)) : 0
        active: Kiosk.started && Call.active && Call.docked
        source: "components/CallDock.qml"
    }

    Loader {
        // The video call lies over every screen but under the keyboard (its chat is typed),
        // and ends above it, like a screen.
        objectName: "callLoader"
        // Right-to-left languages (Arabic): the whole layout mirrored.
        LayoutMirroring.enabled: Kiosk.rightToLeft
        LayoutMirroring.childrenInherit: true
        anchors.top: parent.top
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: keyboard.shown ? keyboard.top : parent.bottom
        z: 98
        // Built when a call starts: until then it would only cost memory.
        active: Kiosk.started && Call.active
        source: "components/CallOverlay.qml"
    }

    Loader {
        // The service mode, over everything but the keyboard (an enrolment code is typed).
        objectName: "technicianLoader"
        anchors.top: parent.top
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.bottom: keyboard.shown ? keyboard.top : parent.bottom
        z: 98.5
        active: Technician.step > 0
        source: "components/TechnicianPanel.qml"
    }

    Loader {
        objectName: "dialogsLoader"
        // Right-to-left languages (Arabic): the whole layout mirrored.
        LayoutMirroring.enabled: Kiosk.rightToLeft
        LayoutMirroring.childrenInherit: true
        anchors.fill: parent
        z: 100   // above the on-screen keyboard
        active: Kiosk.started
        source: "components/SessionDialogs.qml"
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
        // (centred on what the docked call leaves free, where it fits there)
        readonly property real free: root.width - callDock.width
        x: width <= free ? (free - width) / 2 : (root.width - width) / 2
        y: shown ? root.height - height : root.height
    }
}
