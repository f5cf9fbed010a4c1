import QtQuick
import QtQuick.Layouts
import PointOfPublic

// The session's dialogs: cancel, "are you still there?", and the clerk. None shows on the
// attract screen, so Main.qml loads them after the first frame (like the keyboard): building
// them is start-up time spent on nothing the citizen sees yet.
Item {
    Overlay {
        objectName: "cancelDialog"
        visible: Navigation.overlay === OverlayState.ConfirmCancel
        title: qsTr("Do you want to cancel?")
        Body {
            text: qsTr("Everything you entered will be deleted.")
            Layout.fillWidth: true
        }
        Body {
            objectName: "cancelEndsCall"
            visible: Call.active
            text: qsTr("Your call with the town hall ends too.")
            font.bold: true
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
        KButton {
            // For the rest of the visit: whoever needs it once will likely need it again.
            objectName: "moreTimeButton"
            visible: !Navigation.moreTime
            text: qsTr("I always need more time")
            Layout.fillWidth: true
            onClicked: Navigation.takeMoreTime()
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
}
