import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../components"

// Photos from the terminal's camera; retake (remove and take again) as often as you like.
Item {
    objectName: "attachmentsScreen"
    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            Layout.margins: theme.spacing * 1.5
            spacing: theme.spacing
            Heading { text: session.photoLabel; Layout.fillWidth: true }
            Body { text: session.photoHelp; visible: text !== ""; Layout.fillWidth: true }
            RowLayout {
                spacing: theme.spacing
                KButton {
                    objectName: "takePhotoButton"
                    text: session.capturing ? qsTr("Taking photo …") : qsTr("Take photo")
                    iconName: "camera"
                    primary: true
                    enabled: !session.capturing && session.photoCount < session.photoMax
                    onClicked: session.takePhoto()
                }
                Body {
                    objectName: "photoCounter"
                    text: qsTr("%1 of at most %2 photos").arg(session.photoCount).arg(session.photoMax)
                }
            }
            Body {
                objectName: "cameraMessage"
                visible: session.cameraFailed
                text: qsTr("The camera is not working right now. You can send without a photo if the service allows it, or talk to a clerk.")
                color: theme.danger
                Layout.fillWidth: true
            }
            Body {
                visible: !session.photosComplete && session.photoCount === 0
                text: qsTr("At least %n photo(s) needed.", "", session.photoMin)
                color: theme.muted
                Layout.fillWidth: true
            }
            Flow {
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: theme.spacing
                clip: true
                Repeater {
                    model: session.photoCount
                    Column {
                        required property int index
                        spacing: theme.spacing / 3
                        Image {
                            objectName: "photo_" + index
                            width: theme.target * 3.2
                            height: width * 9 / 16
                            fillMode: Image.PreserveAspectFit
                            cache: false
                            asynchronous: false
                            source: "image://session/photo/" + index + "/" + session.photoRevision
                        }
                        KButton {
                            objectName: "removePhoto_" + index
                            text: qsTr("Remove")
                            minHeight: theme.smallTarget
                            width: theme.target * 3.2
                            onClicked: session.removePhoto(index)
                        }
                    }
                }
            }
        }
        NavBar {
            Layout.fillWidth: true
            nextEnabled: session.photosComplete && !session.capturing
            // Why "Next" cannot be pressed yet, beside it (the page says it too, further up).
            nextHint: session.photosComplete ? "" : qsTr("At least %n photo(s) needed.", "", session.photoMin)
            nextObjectName: "photosDoneButton"
            onBackClicked: session.back()
            onNextClicked: session.photosDone()
        }
    }
}
