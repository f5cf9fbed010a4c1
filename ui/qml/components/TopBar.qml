pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PointOfPublic

// Always there during a session: who runs the terminal, language, accessibility,
// a clerk, and the way out. When the row is too narrow for the municipality's name beside the
// buttons (portrait), the name gets a line of its own; the offline notice is a strip below,
// so neither is ever cut off.
Rectangle {
    id: bar
    objectName: "topBar"
    color: Theme.bar
    implicitHeight: column.implicitHeight
    // Room the name needs beside the buttons (a long name still wraps rather than elides).
    readonly property bool compact: width - buttons.naturalWidth - 3 * Theme.spacing
                                    < Math.min(nameMetrics.advanceWidth(Kiosk.municipalityName),
                                               Theme.target * 5)

    readonly property bool fewLanguages: Kiosk.languages.length <= 2

    FontMetrics { id: nameMetrics; font.pixelSize: Theme.headingSize; font.bold: true }

    component BarText: Text {
        color: Theme.barText
        wrapMode: Text.WordWrap
        Layout.fillWidth: true
    }
    // A toggle with its symbol and, below it, the word for what it does.
    component BarToggle: KButton {
        id: toggle
        property string glyph
        minHeight: Theme.smallTarget
        leftPadding: Theme.spacing / 2
        rightPadding: Theme.spacing / 2
        topPadding: Theme.spacing / 6
        bottomPadding: Theme.spacing / 6
        contentItem: Column {
            Text {
                visible: toggle.iconName === ""
                text: toggle.glyph
                font.pixelSize: Theme.bodySize
                font.bold: true
                color: toggle.ink
                anchors.horizontalCenter: parent.horizontalCenter
            }
            Icon {
                visible: toggle.iconName !== ""
                name: toggle.iconName
                tint: toggle.ink
                size: Math.round(Theme.bodySize * 1.2)
                anchors.horizontalCenter: parent.horizontalCenter
            }
            Text {
                text: toggle.text
                font.pixelSize: Theme.captionSize
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
            text: Kiosk.municipalityName
            font.pixelSize: Theme.headingSize
            font.bold: true
            Layout.leftMargin: Theme.spacing
            Layout.rightMargin: Theme.spacing
            Layout.topMargin: Theme.spacing / 3
        }
        RowLayout {
            Layout.fillWidth: true
            Layout.preferredHeight: Math.max(Theme.barHeight, buttons.implicitHeight + Theme.spacing)
            Layout.bottomMargin: bar.compact ? Theme.spacing / 3 : 0
            Layout.leftMargin: Theme.spacing
            Layout.rightMargin: Theme.spacing
            spacing: Theme.spacing
            BarText {
                objectName: "municipalityName"
                visible: !bar.compact
                text: Kiosk.municipalityName
                font.pixelSize: Theme.headingSize
                font.bold: true
            }
            // One row beside the name; when even a row of its own is too narrow (portrait,
            // larger text), the buttons wrap onto a second line.
            Flow {
                id: buttons
                spacing: Theme.spacing / 2
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
                // Two languages: one button each. More: one button with the language in use,
                // which opens the list of all of them, each in its own words.
                Repeater {
                    model: bar.fewLanguages ? Kiosk.languageChoices : []
                    KButton {
                        required property var modelData
                        objectName: "language_" + modelData.code
                        text: modelData.code.toUpperCase()
                        minHeight: Theme.smallTarget
                        implicitWidth: Math.max(Theme.smallTarget * 1.2, implicitContentWidth + leftPadding + rightPadding)
                        primary: Kiosk.language === modelData.code
                        onClicked: Kiosk.setLanguage(modelData.code)
                        Accessible.name: modelData.name
                    }
                }
                BarToggle {
                    objectName: "languageButton"
                    visible: !bar.fewLanguages
                    glyph: Kiosk.languageMark
                    // The language's own name, then the word for "language" in it.
                    text: Kiosk.languageName
                    onClicked: languageChooser.open()
                    Accessible.name: qsTr("Language") + ": " + Kiosk.languageName
                    Popup {
                        id: languageChooser
                        y: parent.height + Theme.spacing / 3
                        // Below the button, and on the screen (placed when it opens: the bar's
                        // layout has settled by then, also right to left).
                        onAboutToShow: {
                            const left = parent.mapToItem(bar, 0, 0).x
                            x = Math.max(Theme.spacing - left,
                                         Math.min(0, bar.width - width - left - Theme.spacing))
                        }
                        modal: true
                        // Gone with whatever the citizen is shown next: another screen, a
                        // question (the inactivity warning), the end of the session.
                        Connections {
                            target: Navigation
                            function onScreenChanged() { languageChooser.close() }
                            function onOverlayChanged() { languageChooser.close() }
                        }
                        padding: Theme.spacing / 2
                        background: Rectangle {
                            color: Theme.surface
                            border.color: Theme.accent
                            border.width: 3
                            radius: Theme.radius
                        }
                        contentItem: Column {
                            objectName: "languageChooser"
                            spacing: Theme.spacing / 3
                            Repeater {
                                model: Kiosk.languageChoices
                                KButton {
                                    required property var modelData
                                    objectName: "language_" + modelData.code
                                    text: (Kiosk.language === modelData.code ? "✓ " : "") + modelData.name
                                    width: Math.max(implicitWidth, Theme.target * 5)
                                    primary: Kiosk.language === modelData.code
                                    onClicked: {
                                        languageChooser.close()
                                        Kiosk.setLanguage(modelData.code)
                                    }
                                }
                            }
                        }
                    }
                }
                BarToggle {
                    objectName: "readAloudButton"
                    iconName: "speaker"
                    text: qsTr("Read aloud")
                    primary: ReadAloud.on
                    // Off: turns reading on (and says so). On: the settings (rate, volume, off).
                    onClicked: ReadAloud.on ? readAloudPanel.open() : ReadAloud.toggle()
                    Accessible.name: qsTr("Read aloud") + ": " + (ReadAloud.on ? qsTr("on") : qsTr("off"))
                    Popup {
                        id: readAloudPanel
                        y: parent.height + Theme.spacing / 3
                        onAboutToShow: {
                            const left = parent.mapToItem(bar, 0, 0).x
                            x = Math.max(Theme.spacing - left,
                                         Math.min(0, bar.width - width - left - Theme.spacing))
                        }
                        modal: true
                        Connections {
                            target: Navigation
                            function onScreenChanged() { readAloudPanel.close() }
                            function onOverlayChanged() { readAloudPanel.close() }
                        }
                        padding: Theme.spacing / 2
                        background: Rectangle {
                            color: Theme.surface
                            border.color: Theme.accent
                            border.width: 3
                            radius: Theme.radius
                        }
                        contentItem: GridLayout {
                            objectName: "readAloudPanel"
                            columns: 2
                            rowSpacing: Theme.spacing / 3
                            columnSpacing: Theme.spacing / 3
                            KButton {
                                objectName: "slowerButton"
                                text: qsTr("Slower")
                                enabled: ReadAloud.rateStep > -ReadAloud.maxRateStep
                                Layout.fillWidth: true
                                onClicked: ReadAloud.slower()
                            }
                            KButton {
                                objectName: "fasterButton"
                                text: qsTr("Faster")
                                enabled: ReadAloud.rateStep < ReadAloud.maxRateStep
                                Layout.fillWidth: true
                                onClicked: ReadAloud.faster()
                            }
                            KButton {
                                objectName: "quieterButton"
                                text: qsTr("Quieter")
                                enabled: ReadAloud.volumeStep > 1
                                Layout.fillWidth: true
                                onClicked: ReadAloud.quieter()
                            }
                            KButton {
                                objectName: "louderButton"
                                text: qsTr("Louder")
                                enabled: ReadAloud.volumeStep < ReadAloud.maxVolumeStep
                                Layout.fillWidth: true
                                onClicked: ReadAloud.louder()
                            }
                            KButton {
                                objectName: "exploreButton"
                                text: ReadAloud.exploreByTouch ? "✓ " + qsTr("Explore by touch") : qsTr("Explore by touch")
                                primary: ReadAloud.exploreByTouch
                                Layout.fillWidth: true
                                Layout.columnSpan: 2
                                onClicked: ReadAloud.toggleExplore()
                            }
                            KButton {
                                objectName: "panelMoreTimeButton"
                                text: Navigation.moreTime ? "✓ " + qsTr("More time") : qsTr("More time")
                                primary: Navigation.moreTime
                                Layout.fillWidth: true
                                Layout.columnSpan: 2
                                onClicked: Navigation.takeMoreTime()
                            }
                            KButton {
                                objectName: "readAgainButton"
                                text: qsTr("Read this screen")
                                Layout.fillWidth: true
                                onClicked: {
                                    readAloudPanel.close()
                                    ReadAloud.readScreen()
                                }
                            }
                            KButton {
                                objectName: "readAloudOffButton"
                                text: qsTr("Stop reading aloud")
                                danger: true
                                Layout.fillWidth: true
                                onClicked: {
                                    readAloudPanel.close()
                                    ReadAloud.toggle()
                                }
                            }
                        }
                    }
                }
                BarToggle {
                    objectName: "largeTextButton"
                    glyph: "A+"
                    text: qsTr("Larger text")
                    primary: Theme.largeText
                    onClicked: Theme.toggleLargeText()
                }
                BarToggle {
                    objectName: "contrastButton"
                    glyph: "◐"
                    text: qsTr("Contrast")
                    primary: Theme.highContrast
                    onClicked: Theme.toggleHighContrast()
                    Accessible.name: qsTr("High contrast")
                }
                KButton {
                    objectName: "clerkButton"
                    text: bar.width < 1400 ? qsTr("Clerk") : qsTr("Talk to a clerk")
                    iconName: "clerk"
                    minHeight: Theme.smallTarget
                    onClicked: Navigation.callClerk()
                }
                KButton {
                    objectName: "cancelButton"
                    // On the done screen nothing is cancelled any more: the same button just ends.
                    text: Navigation.screen === Screen.Done ? qsTr("Finish") : qsTr("Cancel")
                    danger: Navigation.screen !== Screen.Done
                    minHeight: Theme.smallTarget
                    visible: Navigation.screen !== Screen.Attract && Navigation.screen !== Screen.Submitting
                    onClicked: Navigation.requestCancel()
                }
            }
        }
        // Discreet: the citizen needs no action, but should not be surprised by the receipt.
        Rectangle {
            visible: Kiosk.waitingCount > 0
            Layout.fillWidth: true
            implicitHeight: offline.implicitHeight + Theme.spacing / 2
            color: Qt.darker(Theme.bar, 1.3)
            BarText {
                id: offline
                objectName: "offlineNotice"
                anchors.left: parent.left
                anchors.right: parent.right
                anchors.verticalCenter: parent.verticalCenter
                anchors.leftMargin: Theme.spacing
                anchors.rightMargin: Theme.spacing
                text: "⚠ " + qsTr("Offline — %n application(s) waiting, they will be sent automatically", "", Kiosk.waitingCount)
                font.pixelSize: Theme.smallSize
            }
        }
    }
}
