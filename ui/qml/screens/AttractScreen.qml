import QtQuick
import QtQuick.Layouts
import PointOfPublic
import "../components"

// Idle: what the terminal offers, and one big "touch to start".
Rectangle {
    id: screen
    objectName: "attractScreen"
    color: Theme.bar

    MouseArea {
        objectName: "attractTouchArea"
        anchors.fill: parent
        onClicked: Navigation.start()
    }

    // The technicians' way into the service mode: this corner held for three seconds (a tap
    // here is a tap like anywhere else).
    MouseArea {
        objectName: "serviceCorner"
        width: Theme.target * 1.5
        height: Theme.target * 1.5
        anchors.left: parent.left
        anchors.top: parent.top
        pressAndHoldInterval: 3000
        onPressAndHold: Technician.cornerHeld()
        onClicked: Navigation.start()
    }

    Text {
        objectName: "attractOfflineNotice"
        text: qsTr("Offline — %n application(s) waiting, they will be sent automatically", "", Kiosk.waitingCount)
        visible: Kiosk.waitingCount > 0
        color: Theme.barText
        opacity: 0.8
        font.pixelSize: Theme.smallSize
        anchors.bottom: parent.bottom
        anchors.horizontalCenter: parent.horizontalCenter
        anchors.bottomMargin: Theme.spacing
    }

    ColumnLayout {
        anchors.centerIn: parent
        width: Math.min(parent.width - 4 * Theme.spacing, Theme.target * 16)
        spacing: Theme.spacing * 1.5

        Text {
            text: Kiosk.municipalityName
            Accessible.role: Accessible.Heading
            color: Theme.barText
            font.pixelSize: Theme.titleSize
            font.bold: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Text {
            objectName: "welcomeText"
            text: Kiosk.welcomeText
            Accessible.role: Accessible.Heading
            color: Theme.barText
            font.pixelSize: Theme.hugeSize
            font.bold: true
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        Text {
            text: qsTr("Report problems, apply, make appointments – and talk to a clerk by video.")
            color: Theme.barText
            font.pixelSize: Theme.headingSize
            horizontalAlignment: Text.AlignHCenter
            wrapMode: Text.Wrap
            Layout.fillWidth: true
        }
        KButton {
            objectName: "startButton"
            text: qsTr("Touch here to start")
            // Read with the headings: the one thing to do here (ui/speech/screen_reader.py).
            readonly property bool readOnShow: true
            primary: true
            font.pixelSize: Theme.headingSize
            minHeight: Theme.target * 1.5
            Layout.alignment: Qt.AlignHCenter
            Layout.preferredWidth: Math.min(parent.width, Theme.target * 8)
            onClicked: Navigation.start()
        }
        KButton {
            // The video call is one touch away here too: it starts a session and lies over it.
            objectName: "attractClerkButton"
            text: qsTr("Talk to the town hall")
            Layout.alignment: Qt.AlignHCenter
            onClicked: Navigation.callClerk()
        }
        // Every language in its own words: a citizen looks for the one they can read.
        Flow {
            Layout.alignment: Qt.AlignHCenter
            Layout.maximumWidth: parent.width - 2 * Theme.spacing
            Layout.preferredWidth: Math.min(implicitLanguagesWidth, parent.width - 2 * Theme.spacing)
            readonly property real implicitLanguagesWidth: {
                let sum = 0
                for (const child of children)
                    sum += child.implicitWidth + spacing
                return Math.max(0, sum - spacing)
            }
            spacing: Theme.spacing / 2
            Repeater {
                model: Kiosk.languageChoices
                // Drawn like a KButton, but plain Qt Quick: six Controls buttons cost the first
                // frame ~20 ms (bench/cold_start.py).
                Rectangle {
                    id: choice
                    required property var modelData
                    readonly property bool chosen: Kiosk.language === modelData.code
                    // The chosen language is the white button with a tick: on the dark
                    // background a "primary" (dark) button would look unselected.
                    readonly property string text: (chosen ? "✓ " : "") + modelData.name
                    objectName: "attractLanguage_" + modelData.code
                    implicitWidth: Math.max(Theme.target, label.implicitWidth + 2 * Theme.spacing)
                    implicitHeight: Theme.target
                    radius: Theme.radius
                    color: Theme.surface
                    border.width: 3
                    border.color: Theme.accent
                    opacity: touch.pressed ? 0.8 : 1.0
                    Accessible.role: Accessible.Button
                    Accessible.name: modelData.name
                    Accessible.onPressAction: Kiosk.setLanguage(modelData.code)
                    activeFocusOnTab: true   // (the keypad: ui/keypad.py)
                    FocusRing { visible: choice.activeFocus }
                    Text {
                        id: label
                        anchors.centerIn: parent
                        text: choice.text
                        font.pixelSize: Theme.bodySize
                        font.bold: choice.chosen
                        color: Theme.text
                    }
                    MouseArea {
                        id: touch
                        anchors.fill: parent
                        onClicked: Kiosk.setLanguage(choice.modelData.code)
                    }
                }
            }
        }
    }
}
