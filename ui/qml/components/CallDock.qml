pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import QtMultimedia
import PointOfPublic

// The call, docked beside the screen: the citizen goes on with the form while the clerk stays
// in view (and sees each value as it is typed). What the clerk sends that needs an answer is
// announced here; the call itself opens large again with one touch.
Rectangle {
    id: dock
    objectName: "callDock"
    color: Theme.surface
    border.color: Theme.accent
    border.width: 4

    readonly property bool talking: Call.step === CallStep.InCall || Call.step === CallStep.Reconnecting

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.spacing / 2
        spacing: Theme.spacing / 2

        Rectangle {
            // Shrinks first when the dock is short (the keyboard above it in portrait).
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.maximumHeight: width * 3 / 4
            Layout.minimumHeight: Theme.target
            color: "#202020"
            radius: Theme.radius
            clip: true
            VideoOutput {
                id: clerkVideo
                objectName: "dockClerkVideo"
                anchors.fill: parent
                fillMode: VideoOutput.PreserveAspectFit
                readonly property bool feeding: dock.visible && dock.talking
                function follow(): void {
                    if (feeding)
                        Call.attachClerk(clerkVideo.videoSink)
                    else
                        Call.detachClerk(clerkVideo.videoSink)
                }
                onFeedingChanged: follow()
                Component.onCompleted: follow()
                Component.onDestruction: Call.detachClerk(clerkVideo.videoSink)
            }
            Text {
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.bottom: parent.bottom
                anchors.margins: Theme.spacing / 3
                text: Call.clerk
                textFormat: Text.PlainText
                elide: Text.ElideRight
                color: "white"
                font.pixelSize: Theme.smallSize
                style: Text.Outline
                styleColor: "black"
            }
        }
        Text {
            objectName: "dockCameraIndicator"
            text: Call.step === CallStep.Reconnecting ? qsTr("Reconnecting …")
                : Call.cameraOn ? qsTr("● Camera on") : qsTr("Camera off")
            color: Call.step === CallStep.Reconnecting ? Theme.text
                 : Call.cameraOn ? Theme.danger : Theme.muted
            font.pixelSize: Theme.smallSize
            font.bold: true
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Text {
            objectName: "dockMutedIndicator"
            visible: Call.muted
            text: qsTr("Microphone off")
            color: Theme.muted
            font.pixelSize: Theme.smallSize
            Layout.fillWidth: true
        }
        // What waits for the citizen in the call: the clerk's suggestions, messages, a print.
        Body {
            objectName: "dockNews"
            visible: text !== ""
            Layout.fillWidth: true
            Layout.preferredWidth: 0 // wraps in the dock's width
            font.bold: true
            color: Theme.accent
            text: {
                const news = []
                if (Call.documentWanted)
                    news.push(qsTr("The town hall asks for a photo of your ID."))
                if (Call.suggestions.length > 0)
                    news.push(qsTr("The town hall suggests something for your form."))
                if (Call.unread > 0)
                    news.push(qsTr("%n new message(s) from the town hall.", "", Call.unread))
                if (Call.printout !== "")
                    news.push(Call.printFailed
                              ? qsTr("The printer could not print “%1”.").arg(Call.printout)
                              : Call.printing ? qsTr("Printing “%1” …").arg(Call.printout)
                                              : qsTr("Please take “%1” from the printer.").arg(Call.printout))
                return news.join("\n")
            }
        }
        Item { Layout.fillHeight: true; Layout.maximumHeight: Theme.spacing * 100 }
        KButton {
            objectName: "callUndockButton"
            text: qsTr("Show the call")
            primary: true
            // Not while the application is being stored, nor under a dialog: those screens
            // cannot be left (the core would refuse; the button says so by being off).
            enabled: Navigation.screen !== Screen.Submitting
                     && Navigation.overlay === OverlayState.Closed
            Layout.fillWidth: true
            onClicked: Call.undock()
        }
        KButton {
            objectName: "dockMuteButton"
            text: Call.muted ? qsTr("Microphone on", "button: turns it on") : qsTr("Microphone off", "button: turns it off")
            Layout.fillWidth: true
            onClicked: Call.setMuted(!Call.muted)
        }
        KButton {
            objectName: "dockHangUpButton"
            text: qsTr("Hang up")
            danger: true
            Layout.fillWidth: true
            onClicked: Call.hangUp()
        }
    }
}
