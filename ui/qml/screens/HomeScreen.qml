import QtQuick
import QtQuick.Layouts
import PointOfPublic
import "../components"

// One large tile per service.
Item {
    id: screen
    objectName: "homeScreen"
    readonly property int columns: width > height ? 3 : 2

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: theme.spacing * 1.5
        spacing: theme.spacing
        Heading {
            text: qsTr("What can we do for you?")
            Layout.fillWidth: true
        }
        GridView {
            id: grid
            objectName: "serviceGrid"
            Layout.fillWidth: true
            Layout.fillHeight: true
            clip: true
            model: Kiosk.services
            cellWidth: Math.floor(width / screen.columns)
            cellHeight: Math.max(theme.target * 2.6,
                                  theme.headingSize * 3.4 + theme.smallSize * 3 + theme.spacing * 2)
            boundsBehavior: Flickable.StopAtBounds
            delegate: Item {
                id: cell
                required property string serviceId
                required property string title
                required property string summary
                required property string icon
                width: grid.cellWidth
                height: grid.cellHeight
                Rectangle {
                    objectName: "tile_" + cell.serviceId
                    anchors.fill: parent
                    anchors.margins: theme.spacing / 2
                    radius: theme.radius
                    color: tileArea.pressed ? theme.prefilled : theme.surface
                    border.color: theme.accent
                    border.width: 3
                    Accessible.role: Accessible.Button
                    Accessible.name: cell.title
                    RowLayout {
                        anchors.fill: parent
                        anchors.margins: theme.spacing
                        spacing: theme.spacing
                        Icon { name: cell.icon; size: theme.target * 1.1 }
                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: theme.spacing / 3
                            Text {
                                text: cell.title
                                font.pixelSize: theme.headingSize
                                font.bold: true
                                color: theme.text
                                wrapMode: Text.WordWrap
                                Layout.fillWidth: true
                            }
                            Text {
                                text: cell.summary
                                font.pixelSize: theme.smallSize
                                color: theme.muted
                                wrapMode: Text.WordWrap
                                Layout.fillWidth: true
                            }
                        }
                    }
                    MouseArea {
                        id: tileArea
                        anchors.fill: parent
                        onClicked: Kiosk.chooseService(cell.serviceId)
                    }
                }
            }
        }
    }
}
