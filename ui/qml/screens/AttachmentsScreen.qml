pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import PointOfPublic
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
            Layout.margins: Theme.spacing * 1.5
            spacing: Theme.spacing
            Heading { objectName: "photosLabel"; text: Photos.label; Layout.fillWidth: true }
            Body { text: Photos.help; visible: text !== ""; Layout.fillWidth: true }
            RowLayout {
                spacing: Theme.spacing
                KButton {
                    objectName: "takePhotoButton"
                    text: Photos.capturing ? qsTr("Taking photo …") : qsTr("Take photo")
                    iconName: "camera"
                    primary: true
                    enabled: !Photos.capturing && Photos.count < Photos.maximum
                    onClicked: Photos.takePhoto()
                }
                Body {
                    objectName: "photoCounter"
                    text: qsTr("%1 of at most %2 photos").arg(Photos.count).arg(Photos.maximum)
                }
            }
            Body {
                objectName: "cameraMessage"
                visible: Photos.cameraFailed
                text: qsTr("The camera is not working right now. You can send without a photo if the service allows it, or talk to a clerk.")
                color: Theme.danger
                Layout.fillWidth: true
            }
            Body {
                visible: !Photos.complete && Photos.count === 0
                text: qsTr("At least %n photo(s) needed.", "", Photos.minimum)
                color: Theme.muted
                Layout.fillWidth: true
            }
            Flow {
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: Theme.spacing
                clip: true
                Repeater {
                    model: Photos.count
                    Column {
                        id: photoCell
                        required property int index
                        spacing: Theme.spacing / 3
                        Image {
                            objectName: "photo_" + photoCell.index
                            width: Theme.target * 3.2
                            height: width * 9 / 16
                            fillMode: Image.PreserveAspectFit
                            cache: false
                            asynchronous: false
                            source: "image://session/photo/" + photoCell.index + "/" + Photos.revision
                        }
                        KButton {
                            objectName: "removePhoto_" + photoCell.index
                            text: qsTr("Remove")
                            minHeight: Theme.smallTarget
                            width: Theme.target * 3.2
                            onClicked: Photos.removePhoto(photoCell.index)
                        }
                    }
                }
            }
        }
        NavBar {
            Layout.fillWidth: true
            nextEnabled: Photos.complete && !Photos.capturing
            // Why "Next" cannot be pressed yet, beside it (the page says it too, further up).
            nextHint: Photos.complete ? "" : qsTr("At least %n photo(s) needed.", "", Photos.minimum)
            nextObjectName: "photosDoneButton"
            onBackClicked: Navigation.back()
            onNextClicked: Photos.done()
        }
    }
}
