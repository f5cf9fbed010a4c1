import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import "../components"

Item {
    objectName: "submittingScreen"
    ColumnLayout {
        anchors.centerIn: parent
        spacing: theme.spacing
        BusyIndicator {
            running: true
            Layout.alignment: Qt.AlignHCenter
            implicitWidth: theme.target * 1.5
            implicitHeight: theme.target * 1.5
        }
        Heading { text: qsTr("Your application is being saved …"); Layout.alignment: Qt.AlignHCenter }
    }
}
