pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Layouts
import PointOfPublic
import "../components"

// One large tile per service. As many columns as the longest word of a title allows (long German
// words, larger text), and the icon goes above the title when it would squeeze the title; rows
// are as tall as their texts, and the page scrolls when they do not fit.
Item {
    id: screen
    objectName: "homeScreen"
    readonly property int preferredColumns: width > height ? 3 : 2
    readonly property int iconSize: Theme.target * 1.1
    // Width a tile loses to its own margins and border.
    readonly property int tileChrome: Theme.spacing * 3
    property real widestWord: 0
    readonly property int columns: {
        for (let c = preferredColumns; c > 1; c--) {
            if ((grid.width - (c - 1) * grid.columnSpacing) / c - tileChrome >= widestWord)
                return c
        }
        return 1
    }

    FontMetrics { id: titleMetrics; font.pixelSize: Theme.headingSize; font.bold: true }
    function measure() {
        let widest = 0
        for (let i = 0; i < titles.count; i++) {
            const item = titles.itemAt(i)
            if (!item)
                continue
            const title = item.title // qmllint disable missing-property
            for (const word of title.split(/[\s\/-]+/))
                widest = Math.max(widest, titleMetrics.advanceWidth(word))
        }
        widestWord = Math.ceil(widest)
    }
    Repeater {
        id: titles
        model: Kiosk.services
        delegate: Item { required property string title; visible: false }
        onItemAdded: screen.measure()
    }
    Connections { target: Theme; function onChanged() { screen.measure() } }
    Connections { target: Kiosk; function onLanguageChanged() { Qt.callLater(screen.measure) } }

    Flickable {
        id: flick
        objectName: "serviceGrid"
        anchors.fill: parent
        contentHeight: content.implicitHeight + 3 * Theme.spacing
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ColumnLayout {
            id: content
            x: Theme.spacing * 1.5
            y: Theme.spacing * 1.5
            width: flick.width - 3 * Theme.spacing
            spacing: Theme.spacing
            Heading {
                text: qsTr("What can we do for you?")
                Layout.fillWidth: true
            }
            Body {
                // The town hall has not written its services in this language (yet): said in
                // the citizen's language, so the German below is no surprise.
                objectName: "servicesLanguageNote"
                visible: Kiosk.servicesLanguage !== Kiosk.language
                text: qsTr("The town hall describes its services in %1 only. You can still use them; the buttons and help are in your language.").arg(Kiosk.servicesLanguageName)
                color: Theme.muted
                Layout.fillWidth: true
            }
            GridLayout {
                id: grid
                Layout.fillWidth: true
                columns: screen.columns
                uniformCellWidths: true
                columnSpacing: Theme.spacing
                rowSpacing: Theme.spacing
                Repeater {
                    model: Kiosk.services
                    delegate: Rectangle {
                        id: tile
                        required property string serviceId
                        required property string title
                        required property string summary
                        required property string icon
                        // Beside the title only when the title's longest word still fits.
                        readonly property bool iconBeside: width - screen.tileChrome - screen.iconSize
                                                           - Theme.spacing >= screen.widestWord
                        objectName: "tile_" + serviceId
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        Layout.minimumHeight: Theme.target * 2.2
                        implicitHeight: tileLayout.implicitHeight + 2 * Theme.spacing
                        radius: Theme.radius
                        color: tileArea.pressed ? Theme.prefilled : Theme.surface
                        border.color: Theme.accent
                        border.width: 3
                        Accessible.role: Accessible.Button
                        Accessible.name: title
                        Accessible.description: summary
                        Accessible.onPressAction: Kiosk.chooseService(tile.serviceId)
                        activeFocusOnTab: true   // (the keypad: ui/keypad.py)
                        FocusRing { visible: tile.activeFocus }
                        GridLayout {
                            id: tileLayout
                            anchors.left: parent.left
                            anchors.right: parent.right
                            anchors.verticalCenter: parent.verticalCenter
                            anchors.margins: Theme.spacing
                            columns: tile.iconBeside ? 2 : 1
                            columnSpacing: Theme.spacing
                            rowSpacing: Theme.spacing / 3
                            Icon { name: tile.icon; size: screen.iconSize }
                            ColumnLayout {
                                Layout.fillWidth: true
                                spacing: Theme.spacing / 3
                                Text {
                                    text: tile.title
                                    font.pixelSize: Theme.headingSize
                                    font.bold: true
                                    color: Theme.text
                                    wrapMode: Text.WordWrap
                                    Layout.fillWidth: true
                                }
                                Text {
                                    text: tile.summary
                                    font.pixelSize: Theme.smallSize
                                    color: Theme.muted
                                    wrapMode: Text.WordWrap
                                    Layout.fillWidth: true
                                }
                            }
                        }
                        MouseArea {
                            id: tileArea
                            anchors.fill: parent
                            onClicked: Kiosk.chooseService(tile.serviceId)
                        }
                    }
                }
            }
        }
    }
}
