pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import PointOfPublic
import "../components"

// Photos from the terminal's camera; retake (remove and take again) as often as you like.
Item {
    id: screen
    objectName: "attachmentsScreen"
    // The photo shown large (-1: none).
    property int enlarged: -1
    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        // Scrolls when larger text or a longer language needs more room than the screen has,
        // so the bar with "Back" and "Next" always stays on it.
        Flickable {
            id: flick
            objectName: "attachmentsFlickable"
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentHeight: content.height + 3 * Theme.spacing
            clip: true
            boundsBehavior: Flickable.StopAtBounds
        ColumnLayout {
            id: content
            x: Theme.spacing * 1.5
            y: Theme.spacing * 1.5
            width: flick.width - 3 * Theme.spacing
            // The screen's room, or more (then it scrolls): the live picture takes what the
            // rest leaves.
            height: Math.max(flick.height - 3 * Theme.spacing, implicitHeight)
            spacing: Theme.spacing
            Heading { objectName: "photosLabel"; text: Photos.label; Layout.fillWidth: true }
            Body { text: Photos.help; visible: text !== ""; Layout.fillWidth: true }
            // Landscape: the live picture on the left, the photos beside it; portrait: above.
            GridLayout {
                id: photoArea
                readonly property bool wide: screen.width > screen.height
                // Its width, from the screen's (its own would feed back into the layout).
                readonly property real room: screen.width - Theme.spacing * 3
                columns: wide ? 2 : 1
                columnSpacing: Theme.spacing * 1.5
                rowSpacing: Theme.spacing
                Layout.fillWidth: true
                Layout.fillHeight: true
                // What the camera sees, live: the citizen aims before taking the photo.
                CameraPreview {
                    id: photoPreview
                    objectName: "photoPreview"
                    visible: Preview.live && Photos.count < Photos.maximum
                    // The room the rest leaves, up to the picture's own shape (16:9).
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.preferredWidth: photoArea.wide ? photoArea.room * 0.55 : -1
                    Layout.minimumHeight: Theme.target * 2
                    Layout.maximumHeight: (photoArea.wide ? photoArea.room * 0.55
                                                          : photoArea.room) * 9 / 16
                    Layout.alignment: Qt.AlignTop
                    // Documents: the page found, outlined green when the picture is good.
                    corners: Photos.documents ? Photos.pageCorners : []
                    outline: Photos.pictureProblems.length === 0 ? Theme.success : Theme.danger
                }
                ColumnLayout {
                    spacing: Theme.spacing
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    Layout.preferredWidth: photoArea.wide ? photoArea.room * 0.45 - photoArea.columnSpacing : -1
                    Layout.alignment: Qt.AlignTop
                    // Documents: what the camera sees of the page, before the shot.
                    Body {
                        objectName: "pageHint"
                        // Documents: always a word; a place: only when something is wrong.
                        visible: photoPreview.visible && (Photos.documents || Photos.pictureProblems.length > 0)
                        Layout.fillWidth: true
                        font.bold: true
                        color: Photos.pageCorners.length === 8 && Photos.pictureProblems.length === 0
                               ? Theme.success : Theme.text
                        text: {
                            const p = Photos.pictureProblems
                            if (!Photos.documents)
                                return p.indexOf("dark") >= 0 ? qsTr("The picture is too dark.")
                                                              : qsTr("The picture is blurred: please hold still.")
                            if (p.indexOf("cut_off") >= 0)
                                return qsTr("The page is not wholly in the picture: move it towards the middle.")
                            if (Photos.pageCorners.length !== 8)
                                return qsTr("Place the page under the camera, on a dark surface if you can.")
                            if (p.indexOf("blurred") >= 0)
                                return qsTr("The picture is blurred: please hold the page still.")
                            if (p.indexOf("dark") >= 0)
                                return qsTr("The picture is too dark.")
                            if (p.indexOf("glare") >= 0)
                                return qsTr("Light is reflected on the page: tilt it a little.")
                            return qsTr("Page found: you can take the photo.")
                        }
                    }
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
                            Layout.fillWidth: true
                        }
                    }
                    // Demo mode only: hold something up to the simulated camera.
                    Flow {
                        visible: Demo.camera && photoPreview.visible
                        Layout.fillWidth: true
                        spacing: Theme.spacing / 2
                        Body { text: qsTr("Demo:"); font.bold: true }
                        KButton {
                            objectName: "demoHoldDocument"
                            text: qsTr("Hold up a page")
                            minHeight: Theme.smallTarget
                            onClicked: Demo.holdDocument()
                        }
                        KButton {
                            objectName: "demoHoldNothing"
                            text: qsTr("Show the street")
                            minHeight: Theme.smallTarget
                            onClicked: Demo.holdNothing()
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
                        Layout.preferredHeight: implicitHeight
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
                                    Accessible.role: Accessible.Button
                                    Accessible.name: qsTr("Photo %1").arg(photoCell.index + 1)
                                    Accessible.onPressAction: screen.enlarged = photoCell.index
                                    activeFocusOnTab: true   // (the keypad: ui/keypad.py)
                                    FocusRing { visible: parent.activeFocus }
                                    // Tapped: the photo large, to look at it closely.
                                    MouseArea {
                                        anchors.fill: parent
                                        onClicked: screen.enlarged = photoCell.index
                                    }
                                }
                                Body {
                                    objectName: "photoProblem_" + photoCell.index
                                    readonly property string problem: Photos.photoProblems[photoCell.index] ?? ""
                                    visible: problem !== ""
                                    width: Theme.target * 3.2
                                    color: Theme.danger
                                    font.pixelSize: Theme.smallSize
                                    text: problem === "cut_off" ? qsTr("Page cut off: take it again?")
                                        : problem === "blurred" ? qsTr("Blurred: take it again?")
                                        : problem === "dark" ? qsTr("Too dark: take it again?")
                                        : problem === "glare" ? qsTr("Reflection: take it again?")
                                        : ""
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
                    Item { Layout.fillHeight: true }
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

    // One photo large: look at it, take it again, or go back to the others.
    Rectangle {
        objectName: "photoLarge"
        visible: screen.enlarged >= 0 && screen.enlarged < Photos.count
        anchors.fill: parent
        color: "#e0000000"
        z: 50
        MouseArea { anchors.fill: parent }   // nothing behind it reacts
        ColumnLayout {
            anchors.fill: parent
            anchors.margins: Theme.spacing
            spacing: Theme.spacing
            Image {
                Layout.fillWidth: true
                Layout.fillHeight: true
                fillMode: Image.PreserveAspectFit
                cache: false
                source: screen.enlarged >= 0
                        ? "image://session/photo/" + screen.enlarged + "/" + Photos.revision : ""
            }
            RowLayout {
                Layout.alignment: Qt.AlignHCenter
                spacing: Theme.spacing
                KButton {
                    objectName: "photoLargeRetake"
                    text: qsTr("Remove and take again")
                    onClicked: {
                        Photos.removePhoto(screen.enlarged)
                        screen.enlarged = -1
                    }
                }
                KButton {
                    objectName: "photoLargeClose"
                    text: qsTr("Back to the photos")
                    primary: true
                    onClicked: screen.enlarged = -1
                }
            }
        }
    }
}
