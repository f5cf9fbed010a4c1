import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import PointOfPublic
import "../components"

Item {
    objectName: "submittingScreen"
    ColumnLayout {
        anchors.centerIn: parent
        spacing: Theme.spacing
        BusyIndicator {
            running: true
            Layout.alignment: Qt.AlignHCenter
            implicitWidth: Theme.target * 1.5
            implicitHeight: Theme.target * 1.5
        }
        Heading { text: qsTr("Your application is being saved …"); Layout.alignment: Qt.AlignHCenter }
    }
}
