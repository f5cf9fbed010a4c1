pragma ComponentBehavior: Bound
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
        anchors.margins: Theme.spacing * 1.5
        spacing: Theme.spacing
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
            cellHeight: Math.max(Theme.target * 2.6,
                                  Theme.headingSize * 3.4 + Theme.smallSize * 3 + Theme.spacing * 2)
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
                    anchors.margins: Theme.spacing / 2
                    radius: Theme.radius
                    color: tileArea.pressed ? Theme.prefilled : Theme.surface
                    border.color: Theme.accent
                    border.width: 3
                    Accessible.role: Accessible.Button
                    Accessible.name: cell.title
                    RowLayout {
                        anchors.fill: parent
                        anchors.margins: Theme.spacing
                        spacing: Theme.spacing
                        Icon { name: cell.icon; size: Theme.target * 1.1 }
                        ColumnLayout {
                            Layout.fillWidth: true
                            spacing: Theme.spacing / 3
                            Text {
                                text: cell.title
                                font.pixelSize: Theme.headingSize
                                font.bold: true
                                color: Theme.text
                                wrapMode: Text.WordWrap
                                Layout.fillWidth: true
                            }
                            Text {
                                text: cell.summary
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
                        onClicked: Kiosk.chooseService(cell.serviceId)
                    }
                }
            }
        }
    }
}
