import QtQuick
import QtQuick.Layouts

// Always there during a session: who runs the terminal, language, accessibility,
// a clerk, and the way out. When the row is too narrow for the municipality's name beside the
// buttons (portrait), the name gets a line of its own; the offline notice is a strip below,
// so neither is ever cut off.
Rectangle {
    id: bar
    objectName: "topBar"
    color: theme.bar
    implicitHeight: column.implicitHeight
    // Room the name needs beside the buttons (a long name still wraps rather than elides).
    readonly property bool compact: width - buttons.naturalWidth - 3 * theme.spacing
                                    < Math.min(nameMetrics.advanceWidth(session.municipalityName),
                                               theme.target * 5)

    FontMetrics { id: nameMetrics; font.pixelSize: theme.headingSize; font.bold: true }

    component BarText: Text {
        color: theme.barText
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
    // A toggle with its symbol and, below it, the word for what it does.
    component BarToggle: KButton {
        id: toggle
        property string glyph
        minHeight: theme.smallTarget
        leftPadding: theme.spacing / 2
        rightPadding: theme.spacing / 2
        topPadding: theme.spacing / 6
        bottomPadding: theme.spacing / 6
        contentItem: Column {
            Text {
                text: toggle.glyph
                font.pixelSize: theme.bodySize
                font.bold: true
                color: toggle.ink
                anchors.horizontalCenter: parent.horizontalCenter
            }
            Text {
                text: toggle.text
                font.pixelSize: Math.round(theme.smallSize * 0.8)
                color: toggle.ink
                anchors.horizontalCenter: parent.horizontalCenter
            }
        }
    }

    ColumnLayout {
        id: column
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        spacing: 0
        BarText {
            objectName: "municipalityName"
            visible: bar.compact
            text: session.municipalityName
            font.pixelSize: theme.headingSize
            font.bold: true
            Layout.leftMargin: theme.spacing
            Layout.rightMargin: theme.spacing
            Layout.topMargin: theme.spacing / 3
        }
        RowLayout {
            Layout.fillWidth: true
            Layout.preferredHeight: Math.max(theme.barHeight, buttons.implicitHeight + theme.spacing)
            Layout.bottomMargin: bar.compact ? theme.spacing / 3 : 0
            Layout.leftMargin: theme.spacing
            Layout.rightMargin: theme.spacing
            spacing: theme.spacing
            BarText {
                objectName: "municipalityName"
                visible: !bar.compact
                text: session.municipalityName
                font.pixelSize: theme.headingSize
                font.bold: true
            }
            // One row beside the name; when even a row of its own is too narrow (portrait,
            // larger text), the buttons wrap onto a second line.
            Flow {
                id: buttons
                spacing: theme.spacing / 2
                readonly property real naturalWidth: {
                    let sum = 0, n = 0
                    for (const child of children) {
                        if (child.visible && child.implicitWidth > 0) {
                            sum += child.implicitWidth
                            n++
                        }
                    }
                    return sum + Math.max(0, n - 1) * spacing
                }
                Layout.preferredWidth: bar.compact ? -1 : naturalWidth
                Layout.fillWidth: bar.compact
                Repeater {
                    model: session.languages
                    KButton {
                        objectName: "language_" + modelData
                        text: modelData.toUpperCase()
                        minHeight: theme.smallTarget
                        implicitWidth: Math.max(theme.smallTarget * 1.2, implicitContentWidth + leftPadding + rightPadding)
                        primary: session.language === modelData
                        onClicked: session.setLanguage(modelData)
                        Accessible.name: modelData === "de" ? "Deutsch" : "English"
                    }
                }
                BarToggle {
                    objectName: "largeTextButton"
                    glyph: "A+"
                    text: qsTr("Larger text")
                    primary: theme.largeText
                    onClicked: theme.toggleLargeText()
                }
                BarToggle {
                    objectName: "contrastButton"
                    glyph: "◐"
                    text: qsTr("Contrast")
                    primary: theme.highContrast
                    onClicked: theme.toggleHighContrast()
                    Accessible.name: qsTr("High contrast")
                }
                KButton {
                    objectName: "clerkButton"
                    text: bar.width < 1400 ? qsTr("Clerk") : qsTr("Talk to a clerk")
                    iconName: "clerk"
                    minHeight: theme.smallTarget
                    onClicked: session.callClerk()
                }
                KButton {
                    objectName: "cancelButton"
                    // On the done screen nothing is cancelled any more: the same button just ends.
                    text: session.screen === "done" ? qsTr("Finish") : qsTr("Cancel")
                    danger: session.screen !== "done"
                    minHeight: theme.smallTarget
                    visible: session.screen !== "attract" && session.screen !== "submitting"
                    onClicked: session.requestCancel()
                }
            }
        }
        // Discreet: the citizen needs no action, but should not be surprised by the receipt.
        Rectangle {
            visible: session.waitingCount > 0
            Layout.fillWidth: true
            implicitHeight: offline.implicitHeight + theme.spacing / 2
            color: Qt.darker(theme.bar, 1.3)
            BarText {
                id: offline
                objectName: "offlineNotice"
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.verticalCenter: parent.verticalCenter
                anchors.leftMargin: theme.spacing
                anchors.rightMargin: theme.spacing
                text: "⚠ " + qsTr("Offline — %n application(s) waiting, they will be sent automatically", "", session.waitingCount)
                font.pixelSize: theme.smallSize
            }
        }
    }
}
